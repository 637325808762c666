package dev.toolgate.web.view;

import java.util.List;

/** The accounts page; {@code nextCursor} is empty on the last page; {@code notice} confirms the last action. */
public record AccountsView(Chrome chrome, List<AccountRow> accounts, String nextCursor, String notice) {}
