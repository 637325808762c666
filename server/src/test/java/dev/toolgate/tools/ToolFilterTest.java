package dev.toolgate.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.support.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolFilterTest {
    private final IntegrationDefinition testpay = Definitions.testpay();
    private final List<Tool> tools = new ToolGenerator().generate(testpay);

    private List<String> names(ToolFilter filter) {
        return tools.stream().filter(filter::allows).map(Tool::name).toList();
    }

    private static ToolFilter methods(String... entries) {
        return new ToolFilter(List.of(entries), List.of());
    }

    private static ToolFilter tags(String... entries) {
        return new ToolFilter(List.of(), List.of(entries));
    }

    @Test
    void allows_emptyLists_allowEverything() {
        assertThat(names(ToolFilter.ALL)).hasSize(tools.size());
        assertThat(names(new ToolFilter(List.of(), List.of()))).hasSize(15);
    }

    @Test
    void allows_read_keepsListGetAndReadOnlyCustom() {
        assertThat(names(methods("read")))
                .containsExactly(
                        "get_single_testpay_balance_by_id",
                        "list_all_testpay_customers",
                        "get_single_testpay_customer_by_id",
                        "testpay_customers_search",
                        "list_all_testpay_charges",
                        "get_single_testpay_charge_by_id",
                        "list_all_testpay_refunds",
                        "list_all_testpay_invoices",
                        "list_all_testpay_payouts");
    }

    @Test
    void allows_write_keepsCreateUpdateDeleteAndStateChangingCustom() {
        assertThat(names(methods("write")))
                .containsExactly(
                        "create_a_testpay_customer",
                        "update_a_testpay_customer_by_id",
                        "delete_a_testpay_customer_by_id",
                        "testpay_charges_capture",
                        "create_a_testpay_refund",
                        "testpay_invoices_bulk_create");
    }

    @Test
    void allows_custom_keepsEveryCustomMethod() {
        assertThat(names(methods("custom")))
                .containsExactly("testpay_customers_search", "testpay_charges_capture", "testpay_invoices_bulk_create");
    }

    @Test
    void allows_methodNames_matchAnyEntry() {
        assertThat(names(methods("get", "bulk_create")))
                .containsExactly(
                        "get_single_testpay_balance_by_id",
                        "get_single_testpay_customer_by_id",
                        "get_single_testpay_charge_by_id",
                        "testpay_invoices_bulk_create");
    }

    @Test
    void allows_tags_keepResourcesWithAnyTag() {
        assertThat(names(tags("refunds", "balance")))
                .containsExactly(
                        "get_single_testpay_balance_by_id", "create_a_testpay_refund", "list_all_testpay_refunds");
    }

    @Test
    void allows_methodsAndTags_mustBothMatch() {
        assertThat(names(new ToolFilter(List.of("read"), List.of("payments"))))
                .containsExactly(
                        "list_all_testpay_charges", "get_single_testpay_charge_by_id", "list_all_testpay_refunds");
        assertThat(names(new ToolFilter(List.of("write", "search"), List.of("customers"))))
                .containsExactly(
                        "create_a_testpay_customer",
                        "update_a_testpay_customer_by_id",
                        "delete_a_testpay_customer_by_id",
                        "testpay_customers_search");
    }

    @Test
    void check_meaningfulEntries_noErrors() {
        ToolFilter filter = new ToolFilter(
                List.of("read", "write", "custom", "list", "bulk_create", "search"), List.of("payments", "balance"));

        assertThat(filter.check(testpay)).isEmpty();
        assertThat(ToolFilter.ALL.check(testpay)).isEmpty();
    }

    @Test
    void check_unknownAndBlankEntries_areNamedByIndex() {
        ToolFilter filter = new ToolFilter(List.of("read", "reed", " ", "merge"), List.of("payments", "nope"));

        List<FieldError> errors = filter.check(testpay);

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("config.methods[1]", "config.methods[2]", "config.methods[3]", "config.tags[1]");
        assertThat(errors.get(0).message())
                .isEqualTo("'reed' is neither a method group nor a documented method of "
                        + "testpay; use one of the groups read, write, custom or a method name of testpay "
                        + "(bulk_create, capture, create, delete, get, list, search, update)");
        assertThat(errors.get(1).message()).startsWith("must not be blank; use one of the groups read, write, custom");
        assertThat(errors.get(2).message()).startsWith("'merge' is neither"); // undocumented: it has no tool
        assertThat(errors.get(3).message())
                .isEqualTo(
                        "no tool of testpay has tag 'nope'; its tags are balance, customers, invoices, payments, payouts, refunds");
    }
}
