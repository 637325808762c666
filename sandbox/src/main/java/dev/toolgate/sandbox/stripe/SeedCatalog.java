package dev.toolgate.sandbox.stripe;

import tools.jackson.databind.node.ObjectNode;

/** Seeds prices, customers and subscriptions (see {@link StripeSandbox} for the list). Times are relative to {@code t0}. */
final class SeedCatalog {
    private final Store store;
    private final Subscriptions subscriptions;
    private final long t0;

    SeedCatalog(Store store, Subscriptions subscriptions, long t0) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.t0 = t0;
    }

    void run() {
        price("price_SeedProMonthly", "prod_SeedPro", "Pro plan (monthly)", 2900, "month");
        price("price_SeedBasicMonthly", "prod_SeedBasic", "Basic plan (monthly)", 900, "month");
        price("price_SeedTeamYearly", "prod_SeedTeam", "Team plan (yearly)", 49000, "year");
        customers();
        subscriptionsOf();
    }

    private void customers() {
        customer("cus_SeedJane", "Jane Doe", "jane@example.com", 400, "pm_SeedJaneVisa")
                .put("phone", "+15555550101");
        metadata("cus_SeedJane", "order_id", "1001").put("plan", "pro");
        store.get("cus_SeedJane", "customer")
                .set("address", address("1 Market St", "San Francisco", "CA", "94105", "US"));
        customer("cus_SeedLena", "Lena Park", "lena@example.net", 380, "pm_SeedLenaMastercard");
        metadata("cus_SeedLena", "segment", "enterprise");
        customer("cus_SeedOmar", "Omar Haddad", "omar@example.com", 300, "pm_SeedOmarVisa");
        metadata("cus_SeedOmar", "order_id", "123");
        customer("cus_SeedAcme", "Acme Logistics", "billing@acme.example", 200, null)
                .put("description", "Invoiced monthly by email; pays by bank transfer.");
        metadata("cus_SeedAcme", "account_manager", "kim");
        customer("cus_SeedNoah", "Noah Kim", "noah@example.com", 150, "pm_SeedNoahVisa");
        customer("cus_SeedMaria", "Maria Garcia", "maria@example.com", 90, "pm_SeedMariaVisa");
        metadata("cus_SeedMaria", "order_id", "2002");
        customer("cus_SeedRavi", "Ravi Shah", "ravi@example.org", 60, "pm_SeedRaviVisa");
        customer("cus_SeedEmma", "Emma Müller", "emma@example.de", 45, "pm_SeedEmmaVisa")
                .put("currency", "eur");
        customer("cus_SeedJanet", "Janet Smith", "janet.smith@example.com", 30, "pm_SeedJanetAmex");
        customer("cus_SeedKenji", "Kenji Sato", "kenji@example.jp", 20, "pm_SeedKenjiVisa");
        customer("cus_SeedSofia", "Sofia Rossi", "sofia@example.it", 10, "pm_SeedSofiaVisa");
        customer("cus_SeedLiam", "Liam Brown", "liam@example.co.uk", 5, null);
    }

    private void subscriptionsOf() {
        subscription("sub_SeedJanePro", "cus_SeedJane", "price_SeedProMonthly", 400, 1)
                .put("status", "active");
        ObjectNode lena = subscription("sub_SeedLenaTeam", "cus_SeedLena", "price_SeedTeamYearly", 380, 15);
        subscriptions.cancel(lena, days(15), "cancellation_requested");
        ((ObjectNode) lena.get("cancellation_details")).put("feedback", "too_expensive");
        subscription("sub_SeedOmarBasic", "cus_SeedOmar", "price_SeedBasicMonthly", 300, 3)
                .put("status", "past_due");
        ObjectNode acme = subscription("sub_SeedAcmeTeam", "cus_SeedAcme", "price_SeedTeamYearly", 200, 5);
        acme.put("collection_method", "send_invoice");
        acme.put("days_until_due", 30);
        subscription("sub_SeedMariaBasic", "cus_SeedMaria", "price_SeedBasicMonthly", 90, 30);
        ObjectNode sofia = subscription("sub_SeedSofiaPro", "cus_SeedSofia", "price_SeedProMonthly", 10, 10);
        Subscriptions.trial(sofia, 14);
    }

    /** A subscription started {@code startedDaysAgo}, whose current period started {@code periodDaysAgo}. */
    private ObjectNode subscription(String id, String customer, String priceId, int startedDaysAgo, int periodDaysAgo) {
        ObjectNode price = store.get(priceId, "price");
        ObjectNode sub = subscriptions.create(id, customer, price, days(startedDaysAgo));
        subscriptions.addItem(sub, price, 1, days(startedDaysAgo));
        sub.put("current_period_start", days(periodDaysAgo));
        sub.put("current_period_end", Subscriptions.periodEnd(days(periodDaysAgo), price.path("recurring")));
        ((ObjectNode) sub.get("metadata")).put("source", "seed");
        return store.put(sub);
    }

    private ObjectNode customer(String id, String name, String email, int daysAgo, String paymentMethod) {
        ObjectNode customer = Customers.create(id, days(daysAgo));
        customer.put("name", name);
        customer.put("email", email);
        customer.put("currency", "usd");
        if (paymentMethod != null) {
            ((ObjectNode) customer.get("invoice_settings")).put("default_payment_method", paymentMethod);
        }
        return store.put(customer);
    }

    private ObjectNode metadata(String customerId, String key, String value) {
        return ((ObjectNode) store.get(customerId, "customer").get("metadata")).put(key, value);
    }

    private void price(String id, String product, String nickname, long unitAmount, String interval) {
        ObjectNode price = Nodes.object();
        price.put("id", id);
        price.put("object", "price");
        price.put("active", true);
        price.put("created", days(500));
        price.put("currency", "usd");
        price.put("livemode", false);
        price.put("nickname", nickname);
        price.put("product", product);
        ObjectNode recurring = price.putObject("recurring");
        recurring.put("interval", interval);
        recurring.put("interval_count", 1);
        recurring.put("usage_type", "licensed");
        price.put("type", "recurring");
        price.put("unit_amount", unitAmount);
        store.put(price);
    }

    private static ObjectNode address(String line1, String city, String state, String postalCode, String country) {
        ObjectNode address = Nodes.object();
        address.put("city", city);
        address.put("country", country);
        address.put("line1", line1);
        address.putNull("line2");
        address.put("postal_code", postalCode);
        address.put("state", state);
        return address;
    }

    private long days(int ago) {
        return t0 - ago * Ledger.DAY;
    }
}
