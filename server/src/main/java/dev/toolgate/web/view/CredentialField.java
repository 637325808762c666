package dev.toolgate.web.view;

/** One credential input an integration's auth scheme needs ({@code api_key}, or {@code username}/{@code password}). */
public record CredentialField(String name, String label, boolean secret) {}
