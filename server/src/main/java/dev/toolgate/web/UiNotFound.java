package dev.toolgate.web;

/** A dashboard page for something that does not exist in the user's environment (404). */
final class UiNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UiNotFound(String what) {
        super(what + " not found", null, false, false);
    }
}
