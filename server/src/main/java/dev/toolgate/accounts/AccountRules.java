package dev.toolgate.accounts;

import dev.toolgate.integration.AuthScheme;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.support.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What an integrated account must look like. Messages never echo credential values or URLs (they may hold secrets). */
final class AccountRules {
    static final int MAX_LABEL = 200;
    static final int MAX_CREDENTIAL = 4096;
    static final int MAX_BASE_URL = 2048;

    private AccountRules() {}

    /** Every problem of a new account; credentials are checked only when the integration is known. */
    static List<FieldError> newAccount(NewAccount account, IntegrationRegistry registry) {
        Optional<IntegrationDefinition> integration = registry.find(account.integration());
        List<FieldError> errors = new ArrayList<>();
        if (integration.isEmpty()) {
            errors.add(new FieldError(
                    "integration",
                    "unknown integration '" + account.integration() + "'; known: "
                            + String.join(
                                    ", ",
                                    registry.all().stream()
                                            .map(IntegrationDefinition::name)
                                            .toList())));
        }
        label(account.label()).ifPresent(errors::add);
        integration.ifPresent(def -> errors.addAll(credentials(def, account.credentials())));
        account.baseUrl().flatMap(AccountRules::baseUrl).ifPresent(errors::add);
        return errors;
    }

    static Optional<FieldError> label(String label) {
        if (label.isBlank()) {
            return Optional.of(new FieldError("label", "must not be blank"));
        }
        if (label.strip().length() > MAX_LABEL) {
            return Optional.of(new FieldError("label", "must be at most " + MAX_LABEL + " characters"));
        }
        return Optional.empty();
    }

    /** Exactly the auth scheme's fields, each non-blank; every wrong field is named. */
    static List<FieldError> credentials(IntegrationDefinition integration, Map<String, String> credentials) {
        String auth = integration.name() + "'s " + schemeName(integration.auth()) + " auth";
        List<String> expected = integration.auth().credentialFields();
        List<FieldError> errors = new ArrayList<>();
        for (String field : expected) {
            String value = credentials.get(field);
            if (value == null) {
                errors.add(new FieldError("credentials." + field, "is required by " + auth));
            } else if (value.isBlank()) {
                errors.add(new FieldError("credentials." + field, "must not be blank"));
            } else if (value.length() > MAX_CREDENTIAL) {
                errors.add(new FieldError("credentials." + field, "must be at most " + MAX_CREDENTIAL + " characters"));
            }
        }
        credentials.keySet().stream()
                .filter(field -> !expected.contains(field))
                .sorted()
                .forEach(field -> errors.add(new FieldError(
                        "credentials." + field,
                        "is not used by " + auth + "; it takes " + String.join(", ", expected))));
        return errors;
    }

    /** An absolute http(s) URL with a host and no user-info, query or fragment. */
    static Optional<FieldError> baseUrl(String text) {
        return baseUrlProblem(text).map(problem -> new FieldError("base_url", problem));
    }

    private static Optional<String> baseUrlProblem(String text) {
        if (text.length() > MAX_BASE_URL) {
            return Optional.of("must be at most " + MAX_BASE_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .orElse("");
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL with a host, e.g. https://sandbox.example.com");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info; put secrets in credentials");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not contain a query or fragment");
        }
        return Optional.empty();
    }

    static String schemeName(AuthScheme scheme) {
        return switch (scheme) {
            case AuthScheme.Bearer b -> "bearer";
            case AuthScheme.Basic b -> "basic";
            case AuthScheme.ApiKeyHeader h -> "API-key header";
        };
    }
}
