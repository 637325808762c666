package dev.toolgate.accounts;

import dev.toolgate.support.FieldUpdate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to an account. Credentials are replaced as a whole when given.
 *
 * @param baseUrl keep, clear (back to the integration's URL) or set
 */
public record AccountPatch(
        Optional<String> label, Optional<Map<String, String>> credentials, FieldUpdate<String> baseUrl) {
    public AccountPatch {
        Objects.requireNonNull(label);
        credentials = credentials.map(Map::copyOf);
        Objects.requireNonNull(baseUrl);
    }

    @Override
    public String toString() {
        return "AccountPatch[label=" + label + ", credentials=" + credentials.map(c -> c.keySet() + "(values hidden)")
                + ", baseUrl=" + baseUrl + "]";
    }
}
