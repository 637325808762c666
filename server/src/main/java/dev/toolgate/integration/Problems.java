package dev.toolgate.integration;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file while it is read, so that all of them are reported at once. */
final class Problems {
    private final String file;
    private final List<Problem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(String pointer, String reason) {
        list.add(new Problem(file, pointer, reason));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new IntegrationDefinitionException(list);
        }
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
