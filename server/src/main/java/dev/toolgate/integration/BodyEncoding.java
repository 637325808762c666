package dev.toolgate.integration;

/** How a request body is encoded on the wire. */
public enum BodyEncoding {
    /** {@code application/json}. */
    JSON,
    /** {@code application/x-www-form-urlencoded} with bracket nesting ({@code metadata[key]=v}, {@code expand[]=a}). */
    FORM
}
