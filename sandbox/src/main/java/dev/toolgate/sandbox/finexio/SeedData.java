package dev.toolgate.sandbox.finexio;

import static dev.toolgate.sandbox.finexio.FinexioSeed.*;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills a new store with the data {@link FinexioSeed} names: two buyers and three suppliers (as a Finexio sandbox
 * account comes with buyers and suppliers), three drawdowns funding six payments with their invoices, check images,
 * counterparty history and one webhook. Timestamps are relative to the store's clock.
 */
final class SeedData {
    private final FinexioStore store;
    private final Instant now;

    private SeedData(FinexioStore store) {
        this.store = store;
        this.now = store.now();
    }

    static void into(FinexioStore store) {
        SeedData seed = new SeedData(store);
        seed.counterparties();
        SeedPayments.into(store, seed.now);
        seed.history();
        seed.webhook();
    }

    private void counterparties() {
        counterparty(BUYER_ID, "Northwind Holdings", "Buyer", "BUY-001", """
                "payment_method":"ACH","address_1":"200 E Broward Blvd","city":"Fort Lauderdale","state":"FL",
                "zipcode":"33301","primary_contact_email":"ap@northwind.example\"""", 400);
        counterparty(SECOND_BUYER_ID, "Contoso Retail Group", "Buyer", "BUY-002", """
                "payment_method":"ACH","address_1":"1 Contoso Way","city":"Tampa","state":"FL","zipcode":"33602",
                "primary_contact_email":"payables@contoso.example\"""", 380);
        counterparty(SUPPLIER_ID, "Acme Paper Co.", "Supplier", "SUP-ACME", """
                "payment_method":"ACH","bank_account_number":"000123456789","bank_routing_number":"063100277",
                "remit_email":"remit@acmepaper.example","address_1":"12 Mill Rd","city":"Savannah","state":"GA",
                "zipcode":"31401","payment_terms":30,"business_type":"Business\"""", 300);
        counterparty(CHECK_SUPPLIER_ID, "Bluebird Janitorial", "Supplier", "SUP-BLUEBIRD", """
                "payment_method":"PrintedCheck","address_1":"88 Palm Ave","address_2":"Unit 4","city":"Orlando",
                "state":"FL","zipcode":"32801","primary_contact_name":"Rita Gomez","business_type":"Business\"""", 200);
        counterparty(CARD_SUPPLIER_ID, "Delta Office Furniture", "Supplier", "SUP-DELTA", """
                "payment_method":"Card","remit_email":"ar@deltaoffice.example","address_1":"5 Commerce Pkwy",
                "city":"Atlanta","state":"GA","zipcode":"30303","business_type":"Business\"""", 100);
    }

    private void counterparty(String id, String name, String type, String internalId, String fields, int daysAgo) {
        ObjectNode node = json("""
                {"id":"%s","name":"%s","type":"%s","internal_id":"%s","country":"USA","created":"%s","updated":"%s",
                 "ineligible_for_conversion":false,"twelve_month_payment_count":0,"twelve_month_spend":0,%s}""".formatted(id, name, type, internalId, ago(daysAgo), ago(daysAgo), fields));
        store.counterparties.put(id, node);
    }

    private void history() {
        entry(SUPPLIER_ID, 10, "Update", "bank_account_number", "\"000111222333\"", "\"000123456789\"");
        entry(SUPPLIER_ID, 40, "Update", "payment_method", "\"PrintedCheck\"", "\"ACH\"");
        entry(SUPPLIER_ID, 40, "Update", "address_1", "\"9 Old Mill Rd\"", "\"12 Mill Rd\"");
        entry(CHECK_SUPPLIER_ID, 200, "Create", "name", "null", "\"Bluebird Janitorial\"");
        entry(CARD_SUPPLIER_ID, 100, "Create", "name", "null", "\"Delta Office Furniture\"");
        entry(SUPPLIER_ID, 300, "Create", "name", "null", "\"Acme Paper Co.\"");
        store.history.sort(
                (a, b) -> b.path("date").asString().compareTo(a.path("date").asString()));
    }

    private void entry(String objectId, int daysAgo, String action, String field, String before, String after) {
        String id = "hst_" + Integer.toHexString(store.history.size() + 0x1a0);
        store.history.add(json("""
                {"id":"%s","objectId":"%s","date":"%s","username":"ap.admin@northwind.example",
                 "userIpAddress":"203.0.113.24","action":"%s","changes":{"field":"%s","oldValue":%s,"newValue":%s},
                 "notes":""}""".formatted(id, objectId, ago(daysAgo), action, field, before, after)));
    }

    private void webhook() {
        String id = "6b1f7a9e-3c2d-4e5f-8a9b-0c1d2e3f4a01";
        store.webhooks.put(id, json("""
                {"id":"%s","event":"payment.changed","url":"https://hooks.northwind.example/finexio",
                 "content_type":"application/json","username":"finexio-hook","invoice_ids":true,"payment_status":true,
                 "payment_events":false,"refund_reason":false,"instrument_number":false,"all_payment_details":false,
                 "created_at":"%s","updated_at":"%s"}""".formatted(id, ago(60), ago(60))));
        store.webhookPasswords.put(id, "seeded-webhook-secret");
    }

    private String ago(int days) {
        return now.minus(Duration.ofDays(days)).toString();
    }

    static ObjectNode json(String text) {
        return (ObjectNode) SandboxJson.MAPPER.readTree(text);
    }
}
