package dev.toolgate.web.view;

/** An error page; {@code chrome} is null when nobody is signed in. */
public record ErrorView(Chrome chrome, int status, String message) {}
