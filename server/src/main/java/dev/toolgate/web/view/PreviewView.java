package dev.toolgate.web.view;

import java.util.List;

/** The live tools preview: how many tools a filter exposes and which, or why the filter is not valid. */
public record PreviewView(int count, List<String> names, String error) {}
