package dev.toolgate.web.view;

/** One checkbox or option: its value, its visible label, and whether it is selected. */
public record Choice(String value, String label, boolean checked) {}
