package dev.toolgate.sandbox.finexio;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Query filters the way Finexio documents them: the same filter repeated means OR, different filters AND. Values are
 * checked first; a bad one answers 400 naming the parameter.
 */
final class Filters {
    private final Context ctx;
    private final FieldErrors errors = new FieldErrors();
    private final List<Predicate<JsonNode>> conditions = new ArrayList<>();

    Filters(Context ctx) {
        this.ctx = ctx;
    }

    /** Items whose {@code field} equals one of the parameter's values (case-sensitive). */
    Filters exact(String param, String field) {
        List<String> values = ctx.queryParams(param);
        if (!values.isEmpty()) {
            conditions.add(item -> values.contains(item.path(field).asString("")));
        }
        return this;
    }

    Filters choice(String param, String field, Set<String> allowed) {
        ctx.queryParams(param).stream()
                .filter(v -> !allowed.contains(v))
                .forEach(v ->
                        errors.add(param, "Select a valid choice. " + v + " is not one of the available choices."));
        return exact(param, field);
    }

    /** Items matching {@code test} for one of the parameter's values. */
    Filters custom(String param, java.util.function.BiPredicate<JsonNode, String> test) {
        List<String> values = ctx.queryParams(param);
        if (!values.isEmpty()) {
            conditions.add(item -> values.stream().anyMatch(v -> test.test(item, v)));
        }
        return this;
    }

    /** {@code field} (a date-time) at or after {@code startParam} and at or before {@code endParam}. */
    Filters timeRange(String startParam, String endParam, String field) {
        instant(startParam)
                .ifPresent(start -> conditions.add(item -> !time(item, field).isBefore(start)));
        instant(endParam)
                .ifPresent(end -> conditions.add(item -> !time(item, field).isAfter(end)));
        return this;
    }

    /** {@code field} (a date-time) at or after the parameter. */
    Filters since(String param, String field) {
        instant(param)
                .ifPresent(start -> conditions.add(item -> !time(item, field).isBefore(start)));
        return this;
    }

    /** {@code field} (integer cents, possibly written as a string) between the two parameters. */
    Filters centsRange(String startParam, String endParam, String field) {
        integer(startParam).ifPresent(min -> conditions.add(item -> cents(item, field) >= min));
        integer(endParam).ifPresent(max -> conditions.add(item -> cents(item, field) <= max));
        return this;
    }

    Filters bool(String param, Predicate<JsonNode> whenTrue) {
        Optional.ofNullable(ctx.queryParam(param)).ifPresent(v -> {
            switch (v) {
                case "true", "True", "1" -> conditions.add(whenTrue);
                case "false", "False", "0" -> conditions.add(whenTrue.negate());
                default -> errors.add(param, "Select a valid choice. " + v + " is not one of the available choices.");
            }
        });
        return this;
    }

    <T extends JsonNode> List<T> apply(List<T> items) {
        errors.throwIfAny(ctx.path());
        return items.stream()
                .filter(item -> conditions.stream().allMatch(c -> c.test(item)))
                .toList();
    }

    private Optional<Instant> instant(String param) {
        String text = ctx.queryParam(param);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    text.length() == 10
                            ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                            : OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            errors.add(param, "Enter a valid date/time.");
            return Optional.empty();
        }
    }

    private Optional<Long> integer(String param) {
        String text = ctx.queryParam(param);
        if (text != null && !text.matches("-?[0-9]{1,15}")) {
            errors.add(param, "Enter a number.");
            return Optional.empty();
        }
        return Optional.ofNullable(text).map(Long::parseLong);
    }

    private static Instant time(JsonNode item, String field) {
        return OffsetDateTime.parse(item.path(field).asString("1970-01-01T00:00:00Z"))
                .toInstant();
    }

    private static long cents(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isNumber() ? value.asLong() : Long.parseLong(value.asString("0"));
    }
}
