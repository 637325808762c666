package dev.toolgate.web;

/** Ends a dashboard request with a redirect (e.g. to sign in). Expected control flow: no stack trace. */
final class UiRedirect extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String location;

    UiRedirect(String location) {
        super(location, null, false, false);
        this.location = location;
    }

    String location() {
        return location;
    }
}
