package dev.toolgate.web.view;

import java.util.Map;

/** Messages by form field name (and {@code _form} for the form as a whole). */
public record FormErrors(Map<String, String> byField) {
    public static final FormErrors NONE = new FormErrors(Map.of());

    public FormErrors {
        byField = Map.copyOf(byField);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }
}
