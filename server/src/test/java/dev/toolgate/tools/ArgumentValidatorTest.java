package dev.toolgate.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

class ArgumentValidatorTest {
    private static final Map<String, Tool> TESTPAY = new ToolGenerator()
            .generate(Definitions.testpay()).stream().collect(Collectors.toMap(Tool::name, Function.identity()));
    private static final Tool RECIPIENT =
            new ToolGenerator().generate(Definitions.mini("""
            [{"name":"recipients","singular":"recipient","methods":[{"name":"create","http":"POST","path":"/recipients",
              "documentation":{"description":"Creates a recipient.","body_schema":{"type":"object","properties":{
                "name":{"type":"string"},
                "receiving_method":{"description":"How the recipient is paid.","oneOf":[
                  {"title":"ACH","type":"object","required":["type","routing_number"],"additionalProperties":false,
                   "properties":{"type":{"const":"ach"},"routing_number":{"type":"string","pattern":"^[0-9]{9}$"}}},
                  {"title":"Check","type":"object","required":["type","address"],"additionalProperties":false,
                   "properties":{"type":{"const":"check"},"address":{"type":"string"}}}]},
                "reference":{"description":"Text or number.","anyOf":[{"type":"string"},{"type":"integer"}]},
                "note":{"oneOf":[{"type":"string"},{"type":"string","maxLength":5}]},
                "splits":{"type":"array","items":{"oneOf":[
                  {"type":"object","required":["percent"],"properties":{"percent":{"type":"integer"}}},
                  {"type":"object","required":["amount"],"properties":{"amount":{"type":"integer"}}}]}}},
                "required":["name"]}}}]}]""")).getFirst();

    private final ArgumentValidator validator = new ArgumentValidator();

    private List<ArgumentProblem> validate(String tool, String arguments) {
        Tool target = tool.equals(RECIPIENT.name()) ? RECIPIENT : TESTPAY.get(tool);
        return validator.validate(target, Json.parse(arguments));
    }

    private static ArgumentProblem problem(String argument, String message) {
        return new ArgumentProblem(argument, message);
    }

    @Test
    void validate_validArguments_noProblems() {
        assertThat(validate("create_a_testpay_refund", """
                {"charge":"ch_1","amount":500,"reason":"duplicate"}""")).isEmpty();
        assertThat(validate("list_all_testpay_customers", "{\"limit\":100,\"next_cursor\":\"abc\"}"))
                .isEmpty();
    }

    @Test
    void validate_missingRequired_namesArgument() {
        assertThat(validate("create_a_testpay_refund", "{}"))
                .containsExactly(problem("charge", "tool create_a_testpay_refund: argument `charge` is required"));
    }

    @Test
    void validate_wrongTypeAndEnum_saysWhatIsExpected() {
        assertThat(validate("create_a_testpay_refund", """
                {"charge":"ch_1","amount":"12","reason":"because"}"""))
                .containsExactly(
                        problem(
                                "amount",
                                "tool create_a_testpay_refund: argument `amount` must be an integer (got string)"),
                        problem(
                                "reason",
                                "tool create_a_testpay_refund: argument `reason` must be one of duplicate, fraudulent, "
                                        + "requested_by_customer"));
        assertThat(validate("create_a_testpay_refund", "{\"charge\":\"ch_1\",\"amount\":1.5}"))
                .containsExactly(problem(
                        "amount", "tool create_a_testpay_refund: argument `amount` must be an integer (got number)"));
    }

    @Test
    void validate_integerWrittenWithAZeroFraction_isAnInteger() {
        // JSON Schema: 1250.0 is an integer. Decimals are read exactly (never as doubles), and still count as one.
        assertThat(validate("create_a_testpay_refund", "{\"charge\":\"ch_1\",\"amount\":1250.0}"))
                .isEmpty();
        assertThat(validate("create_a_testpay_refund", "{\"charge\":\"ch_1\",\"amount\":1250.000000000000000001}"))
                .containsExactly(problem(
                        "amount", "tool create_a_testpay_refund: argument `amount` must be an integer (got number)"));
    }

    @Test
    void validate_unknownArgument_suggestsCloseNameElseListsAllowed() {
        assertThat(validate("list_all_testpay_customers", "{\"emial\":\"a@b.example\"}"))
                .containsExactly(problem(
                        "emial", "tool list_all_testpay_customers: unknown argument `emial` (did you mean `email`?)"));
        assertThat(validate("list_all_testpay_customers", "{\"customer_name\":\"x\"}"))
                .containsExactly(problem(
                        "customer_name",
                        "tool list_all_testpay_customers: unknown argument `customer_name` "
                                + "(allowed: email, limit, next_cursor)"));
    }

    @Test
    void validate_bounds_reportLimitAndActualValue() {
        assertThat(validate("list_all_testpay_customers", "{\"limit\":101}"))
                .containsExactly(problem(
                        "limit", "tool list_all_testpay_customers: argument `limit` must be at most 100 (got 101)"));
        assertThat(validate("testpay_charges_capture", "{\"id\":\"\",\"amount\":0}"))
                .containsExactly(
                        problem("amount", "tool testpay_charges_capture: argument `amount` must be at least 1 (got 0)"),
                        problem("id", "tool testpay_charges_capture: argument `id` must not be empty"));
    }

    @Test
    void validate_formats_areAssertedWithReadableMessages_unknownFormatsStayAnnotations() {
        Tool tool = new ToolGenerator().generate(Definitions.mini("""
                        [{"name":"payees","singular":"payee","methods":[{"name":"create","http":"POST","path":"/payees",
                          "documentation":{"description":"Creates a payee.","body_schema":{"type":"object","properties":{
                            "id":{"type":"string","format":"uuid"},
                            "email":{"type":"string","format":"email"},
                            "due":{"type":"string","format":"date"},
                            "at":{"type":"string","format":"date-time"},
                            "site":{"type":"string","format":"uri"},
                            "cents":{"type":"integer","format":"int64"}}}}}]}]""")).getFirst();
        String name = tool.name();

        assertThat(validator.validate(tool, Json.parse("""
                {"id":"0b6f8a4e-3c1d-4a57-9f1e-2d4c6b8a0e13","email":"ap@example.com","due":"2026-02-28",
                 "at":"2026-01-31T00:00:00Z","site":"https://example.com/hook","cents":9007199254740993}"""))).isEmpty();
        assertThat(validator.validate(tool, Json.parse("""
                {"id":"not-a-uuid","email":"nobody","due":"2026-02-30","at":"yesterday","site":"example.com"}""")))
                .containsExactly(
                        problem(
                                "at",
                                "tool " + name + ": argument `at` must be an RFC 3339 date-time (e.g."
                                        + " 2026-01-31T00:00:00Z)"),
                        problem("due", "tool " + name + ": argument `due` must be a date (YYYY-MM-DD)"),
                        problem("email", "tool " + name + ": argument `email` must be an email address"),
                        problem("id", "tool " + name + ": argument `id` must be a UUID (8-4-4-4-12 hex digits)"),
                        problem("site", "tool " + name + ": argument `site` must be an absolute URI"));
    }

    @Test
    void validate_nestedErrors_useDottedPaths() {
        assertThat(validate("testpay_invoices_bulk_create", """
                {"invoices":[{"invoice_number":"A","amount_cents":1},{"amount_cents":2},
                             {"invoice_number":"C","amount_cents":"3","memo":"x"}]}"""))
                .containsExactly(
                        problem(
                                "invoices[1].invoice_number",
                                "tool testpay_invoices_bulk_create: argument `invoices[1].invoice_number` is required"),
                        problem(
                                "invoices[2].amount_cents",
                                "tool testpay_invoices_bulk_create: argument `invoices[2].amount_cents` must be an integer "
                                        + "(got string)"),
                        problem(
                                "invoices[2].memo",
                                "tool testpay_invoices_bulk_create: unknown argument `invoices[2].memo` "
                                        + "(allowed: invoice_number, amount_cents)"));
        assertThat(validate("create_a_testpay_customer", """
                {"email":"a@b.example","address":{"line1":"1 Main St","country":"usa"},"metadata":{"k":1}}"""))
                .containsExactly(
                        problem(
                                "address.country",
                                "tool create_a_testpay_customer: argument `address.country` must "
                                        + "match the pattern ^[A-Z]{2}$"),
                        problem(
                                "metadata.k",
                                "tool create_a_testpay_customer: argument `metadata.k` must be a string (got integer)"));
    }

    @Test
    void validate_tooManyItems_saysHowMany() {
        String invoice = "{\"invoice_number\":\"A\",\"amount_cents\":1}";
        String six = String.join(",", java.util.Collections.nCopies(6, invoice));

        assertThat(validate("testpay_invoices_bulk_create", "{\"invoices\":[" + six + "]}"))
                .containsExactly(problem(
                        "invoices",
                        "tool testpay_invoices_bulk_create: argument `invoices` must have at most 5 items (got 6)"));
        assertThat(validate("testpay_invoices_bulk_create", "{\"invoices\":[]}"))
                .containsExactly(problem(
                        "invoices",
                        "tool testpay_invoices_bulk_create: argument `invoices` must have at least 1 item (got 0)"));
    }

    @Test
    void validate_oneOfMatchingNone_saysWhatEachAlternativeNeeds() {
        assertThat(validate(RECIPIENT.name(), "{\"name\":\"Ann\",\"receiving_method\":{\"type\":\"ach\"}}"))
                .containsExactly(problem(
                        "receiving_method",
                        "tool create_a_mini_recipient: argument `receiving_method` "
                                + "matches none of its 2 alternatives (alternative 1 (ACH): `routing_number` is required; "
                                + "alternative 2 (Check): `address` is required, `type` must be check)"));
        assertThat(validate(RECIPIENT.name(), """
                {"name":"Ann","receiving_method":{"type":"ach","routing_number":"12","address":"x"}}"""))
                .containsExactly(problem(
                        "receiving_method",
                        "tool create_a_mini_recipient: argument `receiving_method` "
                                + "matches none of its 2 alternatives (alternative 1 (ACH): `address` is not allowed, "
                                + "`routing_number` must match the pattern ^[0-9]{9}$; alternative 2 (Check): "
                                + "`routing_number` is not allowed, `type` must be check)"));
    }

    @Test
    void validate_oneOfInArrayItems_isExplainedPerItem() {
        assertThat(validate(RECIPIENT.name(), """
                {"name":"Ann","splits":[{"percent":50},{"amount":"x"},{"share":1}]}"""))
                .containsExactly(
                        problem(
                                "splits[1]",
                                "tool create_a_mini_recipient: argument `splits[1]` matches none of its 2 "
                                        + "alternatives (alternative 1: `percent` is required; alternative 2: `amount` must be an "
                                        + "integer (got string))"),
                        problem(
                                "splits[2]",
                                "tool create_a_mini_recipient: argument `splits[2]` matches none of its 2 "
                                        + "alternatives (alternative 1: `percent` is required; alternative 2: `amount` is required)"));
    }

    @Test
    void validate_oneOfSameFailureEverywhere_saysItOnce() {
        assertThat(validate(RECIPIENT.name(), "{\"name\":\"Ann\",\"receiving_method\":\"ach\"}"))
                .containsExactly(problem(
                        "receiving_method",
                        "tool create_a_mini_recipient: argument `receiving_method` must be an object (got string)"));
    }

    @Test
    void validate_oneOfMatchingSeveral_saysExactlyOne() {
        assertThat(validate(RECIPIENT.name(), "{\"name\":\"Ann\",\"note\":\"hi\"}"))
                .containsExactly(problem(
                        "note",
                        "tool create_a_mini_recipient: argument `note` matches 2 of its alternatives (alternative 1, alternative 2); "
                                + "it must match exactly one"));
    }

    @Test
    void validate_anyOfMatchingNone_listsAlternatives() {
        assertThat(validate(RECIPIENT.name(), "{\"name\":\"Ann\",\"reference\":true}"))
                .containsExactly(
                        problem(
                                "reference",
                                "tool create_a_mini_recipient: argument `reference` matches none of its 2 alternatives "
                                        + "(alternative 1: must be a string (got boolean); alternative 2: must be an integer (got boolean))"));
    }

    @Test
    void validate_rootAlternatives_areExplainedForTheWholeObject() {
        Tool payee = new ToolGenerator().generate(Definitions.mini("""
                [{"name":"payees","singular":"payee","methods":[{"name":"create","http":"POST","path":"/payees",
                  "documentation":{"description":"Creates a payee.","body_schema":{"type":"object",
                    "properties":{"email":{"type":"string"},"phone":{"type":"string"}},
                    "anyOf":[{"required":["email"]},{"required":["phone"]}]}}}]}]""")).getFirst();

        assertThat(validator.validate(payee, Json.parse("{\"phone\":\"555\"}"))).isEmpty();
        assertThat(validator.validate(payee, null))
                .containsExactly(problem(
                        "",
                        "tool create_a_mini_payee: the "
                                + "arguments object matches none of its 2 alternatives (alternative 1: `email` is required; "
                                + "alternative 2: `phone` is required)"));
    }

    @Test
    void validate_nonObjectArguments_isOneRootProblem() {
        assertThat(validate("create_a_testpay_refund", "[1,2]"))
                .containsExactly(
                        problem("", "tool create_a_testpay_refund: arguments must be a JSON object (got array)"));
        assertThat(validate("create_a_testpay_refund", "\"charge\""))
                .containsExactly(
                        problem("", "tool create_a_testpay_refund: arguments must be a JSON object (got string)"));
    }

    @Test
    void validate_absentArguments_areAnEmptyObject() {
        Tool list = TESTPAY.get("list_all_testpay_customers");

        assertThat(validator.validate(list, null)).isEmpty();
        assertThat(validator.validate(list, NullNode.getInstance())).isEmpty();
        assertThat(validator.validate(list, MissingNode.getInstance())).isEmpty();
        assertThat(validator.validate(TESTPAY.get("create_a_testpay_refund"), null))
                .containsExactly(problem("charge", "tool create_a_testpay_refund: argument `charge` is required"));
    }

    @Test
    void validate_manyProblems_sortedByArgumentWithoutDuplicates() {
        List<ArgumentProblem> problems = validate("create_a_testpay_customer", """
                {"name":5,"zz":1,"address":{"city":"X"}}""");

        assertThat(problems)
                .extracting(ArgumentProblem::argument)
                .containsExactly("address.country", "address.line1", "email", "name", "zz");
        assertThat(validate("create_a_testpay_customer", "{\"name\":5,\"zz\":1,\"address\":{\"city\":\"X\"}}"))
                .isEqualTo(problems);
    }

    @Test
    void validate_concurrentCalls_giveSameAnswers() throws Exception {
        Tool refund = TESTPAY.get("create_a_testpay_refund");
        List<ArgumentProblem> expected = validator.validate(refund, Json.parse("{\"amount\":\"x\"}"));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = java.util.stream.IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> validator.validate(refund, Json.parse("{\"amount\":\"x\"}"))))
                    .toList();
            for (var future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        }
        assertThat(expected).hasSize(2);
    }
}
