/**
 * Tools: turns an integration definition into the MCP tools a server exposes (SPEC §2). {@link
 * dev.toolgate.tools.ToolGenerator} derives each documented method's tool name, title, description, flat JSON Schema
 * and annotations; {@link dev.toolgate.tools.ToolFilter} selects tools by method group, method name and resource tag;
 * {@link dev.toolgate.tools.ToolCatalogs} caches the generated and filtered catalogs per integration version; and
 * {@link dev.toolgate.tools.ArgumentValidator} checks a call's arguments against the tool's schema and explains every
 * violation in a sentence a model can act on. Pure code: no I/O, no clock, deterministic output.
 */
package dev.toolgate.tools;
