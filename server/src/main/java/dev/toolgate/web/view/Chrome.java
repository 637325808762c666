package dev.toolgate.web.view;

/**
 * What every signed-in page's frame shows.
 *
 * @param environment the signed-in environment
 * @param csrf the session's CSRF token, put into every form
 * @param active which navigation entry is current ({@code accounts} or {@code integrations})
 */
public record Chrome(String environment, String csrf, String active) {}
