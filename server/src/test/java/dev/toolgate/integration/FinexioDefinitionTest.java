package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.tools.ArgumentProblem;
import dev.toolgate.tools.ArgumentValidator;
import dev.toolgate.tools.Tool;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shipped Finexio definition: tool names, paging, cents hints, and schema-level refusals. */
class FinexioDefinitionTest {
    private static final String INVOICE = """
            {"amount_cents":45000,"invoice_date":"2026-03-01","invoice_number":"INV-%d",
             "originating_counterparty_id":"3f6c1e2a-0b1d-4c8e-9a7f-1b2c3d4e5f01",
             "receiving_counterparty_id":"3f6c1e2a-0b1d-4c8e-9a7f-1b2c3d4e5f11"}""";

    private final ArgumentValidator validator = new ArgumentValidator();

    private List<ArgumentProblem> validate(String tool, String arguments) {
        return validator.validate(ShippedDefinitions.tool("finexio", tool), Json.parse(arguments));
    }

    private static String invoices(int count) {
        return IntStream.range(0, count)
                .mapToObj(INVOICE::formatted)
                .collect(Collectors.joining(",", "{\"invoices\":[", "]}"));
    }

    @Test
    void load_finexio_basicAuthAndFixedSizePages() {
        IntegrationDefinition finexio = ShippedDefinitions.load("finexio");

        assertThat(finexio.auth()).isEqualTo(new AuthScheme.Basic());
        assertThat(finexio.baseUrl()).hasToString("https://api.finexio.com/v2");
        assertThat(finexio.idempotency()).isEmpty();
        Pagination page = finexio.resource("payments")
                .orElseThrow()
                .method("list")
                .orElseThrow()
                .pagination()
                .orElseThrow();
        assertThat(page)
                .isEqualTo(new Pagination.Page(
                        "/results", java.util.Optional.empty(), java.util.Optional.empty(), "page", "/next"));
        assertThat(finexio.resource("payments")
                        .orElseThrow()
                        .method("get")
                        .orElseThrow()
                        .path()
                        .template())
                .isEqualTo("/payments/{id}/");
    }

    @Test
    void generate_finexio_hasTheToolsTheWorkflowsNeed() {
        assertThat(ShippedDefinitions.tools("finexio"))
                .extracting(Tool::name)
                .contains(
                        "list_all_finexio_payments",
                        "get_single_finexio_drawdown_by_id",
                        "get_single_finexio_payment_image_by_id",
                        "finexio_invoices_bulk_create",
                        "list_all_finexio_counterparty_history",
                        "create_a_finexio_webhook",
                        "finexio_drawdowns_payments",
                        "list_all_finexio_webhooks",
                        "update_a_finexio_counterparty_by_id");
    }

    @Test
    void generate_descriptions_carryTheDomainHints() {
        assertThat(ShippedDefinitions.tool("finexio", "get_single_finexio_payment_image_by_id")
                        .description())
                .contains("returns an EMPTY ARRAY when no check image exists yet — that means no image, not an error");
        assertThat(ShippedDefinitions.tool("finexio", "create_a_finexio_webhook")
                        .description())
                .contains("HTTP Basic")
                .contains("ask the user");
        assertThat(ShippedDefinitions.tool("finexio", "finexio_invoices_bulk_create")
                        .description())
                .contains("CENTS")
                .contains("500");
        assertThat(ShippedDefinitions.tool("finexio", "get_single_finexio_drawdown_by_id")
                        .description())
                .contains("finexio_drawdowns_payments");
        assertThat(ShippedDefinitions.tool("finexio", "finexio_invoices_bulk_create")
                        .annotations()
                        .destructiveHint())
                .isTrue();
    }

    @Test
    void validate_bulkCreate_500AcceptedAnd501RefusedOnInvoices() {
        assertThat(validate("finexio_invoices_bulk_create", invoices(500))).isEmpty();
        assertThat(validate("finexio_invoices_bulk_create", invoices(501)))
                .singleElement()
                .satisfies(p -> assertThat(p.argument()).isEqualTo("invoices"));
        assertThat(validate("finexio_invoices_bulk_create", "{\"invoices\":[]}"))
                .extracting(ArgumentProblem::argument)
                .containsExactly("invoices");
    }

    @Test
    void validate_bulkCreate_amountMustBeWholeCents() {
        String dollars = invoices(1).replace("45000", "450.5");

        assertThat(validate("finexio_invoices_bulk_create", dollars))
                .extracting(ArgumentProblem::argument)
                .containsExactly("invoices[0].amount_cents");
    }

    @Test
    void validate_webhookWithoutPassword_problemNamesIt() {
        List<ArgumentProblem> problems = validate(
                "create_a_finexio_webhook",
                "{\"event\":\"payment.changed\",\"url\":\"https://h.example/x\",\"username\":\"u\"}");

        assertThat(problems).extracting(ArgumentProblem::argument).containsExactly("password");
    }
}
