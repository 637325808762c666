package dev.toolgate.sandbox.finexio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects field errors in Django REST Framework's words, then fails once with all of them. */
final class FieldErrors {
    static final String REQUIRED = "This field is required.";

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    void add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    void throwIfAny(String path) {
        if (!errors.isEmpty()) {
            throw FinexioError.invalid(path, "Invalid fields: " + String.join(", ", errors.keySet()), errors);
        }
    }
}
