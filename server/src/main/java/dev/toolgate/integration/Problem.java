package dev.toolgate.integration;

import java.util.Objects;

/**
 * One thing wrong with an integration definition: the file, where in it (an RFC 6901 JSON pointer) and why.
 *
 * @param file file name as given to the loader
 * @param pointer JSON pointer to the offending value ({@code ""} for the whole document)
 * @param reason what is wrong and, where possible, what would be right
 */
public record Problem(String file, String pointer, String reason) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return file + "#" + pointer + ": " + reason;
    }
}
