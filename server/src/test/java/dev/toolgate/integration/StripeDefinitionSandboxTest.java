package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.stripe.StripeSandbox;
import dev.toolgate.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Stripe sandbox serves every method of the shipped {@code stripe} definition and takes every argument it
 * declares: each method is called once per argument (with a sample value, form-encoded with bracket nesting as Stripe
 * expects) and must never answer "Unrecognized request URL" or {@code parameter_unknown}.
 */
class StripeDefinitionSandboxTest {
    /** A seeded object for every path placeholder, by resource. */
    private static final Map<String, String> IDS = Map.of(
            "balance_transactions",
            "txn_SeedPayout",
            "customers",
            "cus_SeedJane",
            "customer_subscriptions",
            "cus_SeedJane",
            "subscriptions",
            "sub_SeedJanePro",
            "charges",
            "ch_SeedJane3",
            "payment_intents",
            "pi_SeedJane3",
            "refunds",
            "re_SeedMariaOrder",
            "disputes",
            "dp_SeedRaviHeadphones",
            "invoices",
            "in_SeedSofiaDraft");

    private static StripeSandbox sandbox;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = StripeSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyMethodAndArgument_isServedByTheSandbox() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Resource resource : StripeDefinitionTest.stripe().resources()) {
            for (Method method : resource.methods()) {
                String where = resource.name() + "." + method.name();
                String path = method.path().template().replaceAll("\\{[a-z_]+}", IDS.getOrDefault(resource.name(), ""));
                Documentation doc = method.documentation().orElseThrow();
                problems.addAll(call(where, method.httpMethod(), path, ""));
                for (var schema : List.of(doc.querySchema(), doc.bodySchema())) {
                    for (var argument : schema.path("properties").properties()) {
                        String form = sample(argument.getKey(), argument.getValue());
                        problems.addAll(call(where + " " + argument.getKey(), method.httpMethod(), path, form));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> call(String where, String verb, String path, String form)
            throws IOException, InterruptedException {
        boolean inQuery = !verb.equals("POST");
        URI uri = sandbox.baseUrl().resolve(path + (inQuery && !form.isEmpty() ? "?" + form : ""));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + sandbox.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(verb, inQuery ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode error = Json.parse(response.body()).path("error");
        boolean unknownRoute = error.path("message").asString("").startsWith("Unrecognized request URL");
        boolean unknownParam = error.path("code").asString("").equals("parameter_unknown");
        return unknownRoute || unknownParam || response.statusCode() >= 500
                ? List.of(where + " (" + verb + " " + path + " " + form + "): " + response.statusCode() + " " + error)
                : List.of();
    }

    /** {@code name=value} for one argument, nested the way Stripe's form encoding nests it. */
    private static String sample(String name, JsonNode schema) {
        String type = schema.path("type").asString("");
        if (type.equals("object")
                && schema.path("properties").isObject()
                && !schema.path("properties").isEmpty()) {
            String first = schema.path("properties").propertyNames().iterator().next();
            return sample(name + "[" + first + "]", schema.path("properties").path(first));
        }
        if (type.equals("object")) {
            return encode(name + "[sample_key]") + "=v";
        }
        if (type.equals("array")) {
            JsonNode items = schema.path("items");
            return items.path("type").asString("").equals("object")
                    ? sample(name + "[0]", items)
                    : sample(name + "[]", items);
        }
        return encode(name) + "=" + encode(value(schema));
    }

    private static String value(JsonNode schema) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("type").asString("")) {
            case "integer" -> Long.toString(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> "false";
            default -> schema.path("pattern").asString("").startsWith("^[a-z]{3}") ? "usd" : "sample";
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
