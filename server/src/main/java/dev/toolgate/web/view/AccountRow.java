package dev.toolgate.web.view;

/** An integrated account as listed. */
public record AccountRow(
        String id, String integration, String integrationLabel, String label, String created, int servers) {}
