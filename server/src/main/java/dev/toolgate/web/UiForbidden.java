package dev.toolgate.web;

/** A dashboard request refused with 403 (a missing or wrong CSRF token). The message is shown to the user. */
final class UiForbidden extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UiForbidden(String message) {
        super(message, null, false, false);
    }
}
