package dev.toolgate.integration;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks that a schema is itself valid JSON Schema 2020-12, by validating it against the official meta-schema. */
final class SchemaChecker {
    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private SchemaChecker() {}

    /** The error's instance location as a JSON pointer suffix ({@code ""} for the schema root). */
    private static String location(Error error) {
        StringBuilder pointer = new StringBuilder();
        var path = error.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    static void check(JsonNode schema, String pointer, Problems problems) {
        List<Error> errors = META_SCHEMA.validate(schema);
        for (Error error : errors) {
            problems.add(pointer + location(error), "not valid JSON Schema 2020-12: " + error.getMessage());
        }
    }
}
