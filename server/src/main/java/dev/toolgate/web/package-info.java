/**
 * The web dashboard ({@code /ui}): server-rendered pages for signing in with an API token, connecting integrated
 * accounts, creating MCP servers with a live tools preview (URL shown once), revoking them and browsing the
 * integration catalog. Handlers decode forms, call the same services as the admin API, and render view models.
 */
package dev.toolgate.web;
