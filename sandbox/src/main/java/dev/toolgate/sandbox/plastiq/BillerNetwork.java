package dev.toolgate.sandbox.plastiq;

import static dev.toolgate.sandbox.plastiq.PlastiqSeed.OMEGA_BILLER_ID;
import static dev.toolgate.sandbox.plastiq.PlastiqSeed.OMEGA_CANADA_BILLER_ID;
import static dev.toolgate.sandbox.plastiq.PlastiqSeed.OMEGA_GROUP_ID;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /categories} and {@code GET /billers}. No Plastiq source documents the biller endpoint; the shape here
 * (groups of billers, each group {@code {groupId, name, categoryId, billers: [...]}}) is the reconstruction our
 * integration definition describes, searched by {@code query} (case-insensitive, in group or biller names) and
 * {@code categoryId}, paged like every other Plastiq list.
 */
final class BillerNetwork {
    private static final String WEB = PlastiqSeed.WEB_SERVICES_CATEGORY_ID;
    private static final String OFFICE = PlastiqSeed.OFFICE_SUPPLIES_CATEGORY_ID;
    private static final String UTILITIES = "c0a1b2c3-0000-4000-8000-000000000001";
    private static final String INSURANCE = "c0a1b2c3-0000-4000-8000-000000000005";

    private BillerNetwork() {}

    static void register(Endpoints endpoints) {
        PlastiqStore store = endpoints.store();
        endpoints.get(
                "/categories",
                ctx -> Reply.ok(new OffsetPage(0, Math.max(1, store.categories.size()))
                        .render(List.copyOf(store.categories.values()))));
        endpoints.get("/billers", ctx -> search(store, ctx));
    }

    private static Reply search(PlastiqStore store, Context ctx) {
        OffsetPage page = OffsetPage.of(ctx);
        String query = ctx.queryParam("query") == null
                ? ""
                : ctx.queryParam("query").toLowerCase(Locale.ROOT).strip();
        String category = ctx.queryParam("categoryId");
        List<ObjectNode> groups = store.billerGroups.stream()
                .filter(g ->
                        category == null || category.equals(g.path("categoryId").asString()))
                .filter(g -> query.isEmpty() || mentions(g, query))
                .toList();
        return Reply.ok(page.render(groups));
    }

    private static boolean mentions(JsonNode group, String query) {
        return group.path("name").asString("").toLowerCase(Locale.ROOT).contains(query)
                || group.path("billers")
                        .valueStream()
                        .anyMatch(b -> b.path("businessName")
                                .asString("")
                                .toLowerCase(Locale.ROOT)
                                .contains(query));
    }

    static void seed(PlastiqStore store) {
        group(
                store,
                OMEGA_GROUP_ID,
                "Omega Web Hosting",
                WEB,
                biller(
                        OMEGA_BILLER_ID,
                        "Omega Web Hosting, Inc.",
                        WEB,
                        "1100 Congress Ave",
                        "Austin",
                        "TX",
                        "78701",
                        "US",
                        ach("Omega Web Hosting Inc")),
                biller(
                        OMEGA_CANADA_BILLER_ID,
                        "Omega Web Hosting Canada ULC",
                        WEB,
                        "200 Bay St",
                        "Toronto",
                        "ON",
                        "M5J 2J5",
                        "CA",
                        "{\"type\":\"EFT\",\"accountLastFour\":\"7712\",\"routingNumber\":\"00402512\","
                                + "\"beneficiaryName\":\"Omega Web Hosting Canada\"}"));
        group(
                store,
                "b2000000-0000-4000-8000-00000000000b",
                "Global Office Supplies",
                OFFICE,
                biller(
                        "b2000000-0000-4000-8000-0000000000b1",
                        "Global Office Supplies LLC",
                        OFFICE,
                        "77 Commerce Dr",
                        "Columbus",
                        "OH",
                        "43215",
                        "US",
                        ach("Global Office Supplies")),
                biller(
                        "b2000000-0000-4000-8000-0000000000b2",
                        "Global Office Supplies - Remittance",
                        OFFICE,
                        "PO Box 9021",
                        "Chicago",
                        "IL",
                        "60690",
                        "US",
                        "{\"type\":\"CHECK\",\"line1\":\"PO Box 9021\","
                                + "\"city\":\"Chicago\",\"state\":\"IL\",\"postalCode\":\"60690\",\"country\":\"US\"}"));
        group(
                store,
                "b3000000-0000-4000-8000-00000000000c",
                "Pacific Gas & Power",
                UTILITIES,
                biller(
                        "b3000000-0000-4000-8000-0000000000c1",
                        "Pacific Gas & Power Co.",
                        UTILITIES,
                        "245 Market St",
                        "San Francisco",
                        "CA",
                        "94105",
                        "US",
                        ach("Pacific Gas and Power")));
        group(
                store,
                "b4000000-0000-4000-8000-00000000000d",
                "Metro Mutual Insurance",
                INSURANCE,
                biller(
                        "b4000000-0000-4000-8000-0000000000d1",
                        "Metro Mutual Insurance Company",
                        INSURANCE,
                        "1 Metro Plaza",
                        "Hartford",
                        "CT",
                        "06103",
                        "US",
                        ach("Metro Mutual Insurance")));
        group(
                store,
                "b5000000-0000-4000-8000-00000000000e",
                "Summit Business Internet",
                WEB,
                biller(
                        "b5000000-0000-4000-8000-0000000000e1",
                        "Summit Business Internet",
                        WEB,
                        "9 Summit Way",
                        "Denver",
                        "CO",
                        "80202",
                        "US",
                        ach("Summit Business Internet")));
    }

    private static void group(PlastiqStore store, String id, String name, String category, String... billers) {
        ObjectNode group = SeedData.json("{\"groupId\":\"%s\",\"name\":\"%s\",\"categoryId\":\"%s\",\"billers\":[%s]}"
                .formatted(id, name, category, String.join(",", billers)));
        store.billerGroups.add(group);
    }

    private static String biller(
            String id,
            String name,
            String category,
            String line1,
            String city,
            String state,
            String postalCode,
            String country,
            String receivingMethod) {
        return ("{\"id\":\"%s\",\"businessName\":\"%s\",\"categoryId\":\"%s\",\"businessAddress\":{\"line1\":\"%s\","
                        + "\"city\":\"%s\",\"state\":\"%s\",\"postalCode\":\"%s\",\"country\":\"%s\"},\"receivingMethod\":%s}")
                .formatted(id, name, category, line1, city, state, postalCode, country, receivingMethod);
    }

    private static String ach(String beneficiary) {
        return "{\"type\":\"ACH\",\"accountLastFour\":\"4723\",\"routingNumber\":\"021000021\",\"beneficiaryName\":\""
                + beneficiary + "\",\"country\":\"US\"}";
    }
}
