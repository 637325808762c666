package dev.toolgate.web;

import dev.toolgate.support.FieldError;
import dev.toolgate.web.view.FormErrors;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Form decoding and the mapping of service field errors onto the form's inputs. */
final class UiForms {
    static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private UiForms() {}

    static String text(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }

    /** A {@code datetime-local} value read as UTC; empty input gives empty, a malformed one an error message. */
    static Optional<Instant> utc(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("use a date and time like 2026-12-31T23:00 (UTC)");
        }
    }

    static String input(Instant instant) {
        return INPUT.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String shown(Instant instant) {
        return SHOWN.format(instant);
    }

    /** Service field names ({@code config.methods[0]}) mapped to form fields by {@code rename}; unknown → {@code _form}. */
    static FormErrors errors(List<FieldError> errors, UnaryOperator<String> rename) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byField.merge(rename.apply(error.field()), error.message(), (a, b) -> a + " " + b);
        }
        return new FormErrors(byField);
    }
}
