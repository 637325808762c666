package dev.toolgate.accounts;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A request to connect an account. {@link #toString()} hides credential values. */
public record NewAccount(String integration, String label, Map<String, String> credentials, Optional<String> baseUrl) {
    public NewAccount {
        Objects.requireNonNull(integration);
        Objects.requireNonNull(label);
        credentials = Map.copyOf(credentials);
        Objects.requireNonNull(baseUrl);
    }

    @Override
    public String toString() {
        return "NewAccount[integration=" + integration + ", label=" + label + ", credentials=" + credentials.keySet()
                + "(values hidden), baseUrl=" + baseUrl + "]";
    }
}
