package dev.toolgate.tools;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.toolgate.support.Json;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates tool arguments against the tool's input schema before anything is sent upstream. Schemas are compiled once
 * per tool and reused. Thread-safe.
 *
 * <p>Compiled schemas are cached per {@link Tool} instance (by identity, held weakly), which is cheap because tools
 * come from shared {@link ToolCatalog}s; a tool no longer referenced anywhere drops out of the cache.
 */
public final class ArgumentValidator {
    /**
     * 2020-12 treats {@code format} as an annotation by default; here it is an assertion, so a {@code uuid},
     * {@code email}, {@code date}, {@code date-time} or {@code uri} argument that is not one never reaches the
     * upstream. Formats the validator does not know (e.g. OpenAPI's {@code int64}) stay annotations. Email addresses
     * are checked for syntax only ({@link EmailSyntax}).
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012()).format(new EmailSyntax()).build(),
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    // weakKeys() compares keys by identity: hashing a Tool record would hash its whole schema on every call.
    private final Cache<Tool, Schema> schemas =
            Caffeine.newBuilder().weakKeys().executor(Runnable::run).build();

    /**
     * Every problem with {@code arguments} (a JSON object, or null/missing meaning "no arguments"); empty if valid.
     * Problems are sorted by argument path, then message, without duplicates. Never throws for bad arguments.
     */
    public List<ArgumentProblem> validate(Tool tool, JsonNode arguments) {
        boolean absent = arguments == null || arguments.isMissingNode() || arguments.isNull();
        JsonNode given = absent ? Json.object() : arguments;
        if (!given.isObject()) {
            return List.of(new ArgumentProblem(
                    "",
                    "tool " + tool.name() + ": arguments must be a JSON object (got " + ErrorPhrases.typeName(given)
                            + ")"));
        }
        Schema schema = schemas.get(tool, ArgumentValidator::compile);
        List<Error> errors;
        try {
            errors = schema.validate(given);
        } catch (RuntimeException e) {
            // A validator failure on odd input must still reach the model as a refusal, not as an internal error.
            return List.of(new ArgumentProblem(
                    "",
                    "tool " + tool.name() + ": arguments could not be validated ("
                            + e.getClass().getSimpleName() + ")"));
        }
        return errors.isEmpty() ? List.of() : report(tool, errors);
    }

    private static List<ArgumentProblem> report(Tool tool, List<Error> errors) {
        try {
            return ErrorReport.of(tool, errors);
        } catch (RuntimeException e) {
            // Unforeseen validator output must not turn a refusal into an internal error: fall back to its own words.
            return errors.stream()
                    .map(error -> new ArgumentProblem(
                            ErrorPhrases.dotted(ErrorPhrases.target(error)),
                            "tool " + tool.name() + ": " + error.toString()))
                    .distinct()
                    .sorted(Comparator.comparing(ArgumentProblem::argument).thenComparing(ArgumentProblem::message))
                    .toList();
        }
    }

    private static Schema compile(Tool tool) {
        Schema schema = REGISTRY.getSchema(tool.inputSchema());
        schema.initializeValidators(); // eagerly, so the first call does not pay for it and no call races on it
        return schema;
    }
}
