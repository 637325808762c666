package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped {@code stripe} definition: it loads, and its conventions match Stripe's. */
class StripeDefinitionTest {
    /** Arguments the gateway owns on paginated methods (it maps limit and next_cursor onto them). */
    private static final Set<String> PAGING = Set.of("limit", "next_cursor", "starting_after", "ending_before", "page");

    static IntegrationDefinition stripe() {
        return new IntegrationLoader()
                .loadShipped().stream()
                        .filter(d -> d.name().equals("stripe"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("stripe.json is not listed in integrations/index.txt"));
    }

    @Test
    void loadShipped_stripe_hasStripesConventions() {
        IntegrationDefinition stripe = stripe();
        assertThat(stripe.baseUrl()).isEqualTo(URI.create("https://api.stripe.com"));
        assertThat(stripe.auth()).isEqualTo(new AuthScheme.Bearer());
        assertThat(stripe.auth().credentialFields()).containsExactly("api_key");
        assertThat(stripe.bodyEncoding()).isEqualTo(BodyEncoding.FORM);
        assertThat(stripe.defaultHeaders()).isEqualTo(Map.of("Stripe-Version", "2023-08-16"));
        assertThat(stripe.idempotency()).contains(new IntegrationDefinition.Idempotency("Idempotency-Key", true));
    }

    @Test
    void loadShipped_stripe_hasTheResourcesAndMethods() {
        assertThat(stripe().resources())
                .extracting(
                        Resource::name,
                        r -> r.methods().stream().map(Method::name).toList())
                .containsExactly(
                        tuple("balance", List.of("get")),
                        tuple("balance_transactions", List.of("list", "get")),
                        tuple("customers", List.of("list", "get", "create", "update", "delete", "search")),
                        tuple("customer_subscriptions", List.of("list")),
                        tuple("subscriptions", List.of("list", "get", "create", "update", "cancel", "search")),
                        tuple("charges", List.of("list", "get", "create", "update", "capture", "search")),
                        tuple(
                                "payment_intents",
                                List.of("list", "get", "create", "update", "search", "confirm", "capture", "cancel")),
                        tuple("refunds", List.of("list", "get", "create")),
                        tuple("disputes", List.of("list", "get", "update", "close")),
                        tuple(
                                "invoices",
                                List.of(
                                        "list",
                                        "get",
                                        "create",
                                        "update",
                                        "delete",
                                        "search",
                                        "finalize",
                                        "pay",
                                        "send",
                                        "void")));
        assertThat(stripe().resource("balance").orElseThrow().singleton()).isTrue();
    }

    @Test
    void loadShipped_stripe_tagsResourcesByArea() {
        assertThat(stripe().resources())
                .extracting(Resource::name, Resource::tags)
                .containsExactly(
                        tuple("balance", List.of("balance")),
                        tuple("balance_transactions", List.of("balance")),
                        tuple("customers", List.of("customers")),
                        tuple("customer_subscriptions", List.of("subscriptions")),
                        tuple("subscriptions", List.of("subscriptions")),
                        tuple("charges", List.of("payments")),
                        tuple("payment_intents", List.of("payments")),
                        tuple("refunds", List.of("payments", "refunds")),
                        tuple("disputes", List.of("disputes")),
                        tuple("invoices", List.of("invoices")));
    }

    @Test
    void loadShipped_stripe_everyMethodIsDocumentedAndLeavesPagingToTheGateway() {
        for (Resource resource : stripe().resources()) {
            for (Method method : resource.methods()) {
                String where = resource.name() + "." + method.name();
                Documentation doc =
                        method.documentation().orElseThrow(() -> new AssertionError(where + " undocumented"));
                assertThat(doc.description()).as(where).hasSizeGreaterThan(40);
                for (var schema : List.of(doc.querySchema(), doc.bodySchema())) {
                    assertThat(schema.path("properties").propertyNames())
                            .as(where)
                            .doesNotContainAnyElementsOf(PAGING);
                }
                if (method.kind() == MethodKind.LIST || method.name().equals("search")) {
                    assertThat(method.pagination())
                            .as(where)
                            .containsInstanceOf(
                                    method.name().equals("search") ? Pagination.Token.class : Pagination.Cursor.class);
                }
            }
        }
    }

    @Test
    void loadShipped_stripe_keysOnlyPostsAndMarksMoneyMovesDestructive() {
        for (Resource resource : stripe().resources()) {
            for (Method method : resource.methods()) {
                assertThat(method.sendsIdempotencyKey())
                        .as(resource.name() + "." + method.name())
                        .isEqualTo(method.httpMethod().equals("POST"));
            }
        }
        IntegrationDefinition stripe = stripe();
        for (String destructive : List.of(
                "refunds.create",
                "charges.capture",
                "charges.create",
                "payment_intents.capture",
                "payment_intents.confirm",
                "disputes.close",
                "invoices.pay",
                "invoices.void",
                "subscriptions.cancel",
                "customers.delete")) {
            String[] parts = destructive.split("\\.");
            Method method =
                    stripe.resource(parts[0]).orElseThrow().method(parts[1]).orElseThrow();
            assertThat(method.destructive()).as(destructive).isTrue();
        }
        assertThat(stripe.resource("customers")
                        .orElseThrow()
                        .method("search")
                        .orElseThrow()
                        .readOnly())
                .isTrue();
    }
}
