package dev.toolgate.mcp;

/** Control flow for an HTTP-level refusal; carries no stack trace because it is an expected outcome. */
final class McpRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpRejection rejection;

    McpRejection(HttpRejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    static McpRejection of(int status, int code, String message) {
        return new McpRejection(HttpRejection.of(status, code, message));
    }

    HttpRejection rejection() {
        return rejection;
    }
}
