package dev.toolgate.web.view;

/** A just-created MCP server's URL, shown exactly once. */
public record CreatedServer(String name, String url, int tools) {}
