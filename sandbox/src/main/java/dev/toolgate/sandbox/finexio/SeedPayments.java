package dev.toolgate.sandbox.finexio;

import static dev.toolgate.sandbox.finexio.FinexioSeed.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seeded money trail: drawdown, then payments, then invoices. Payment events use reconstructed codes (Finexio
 * documents the event fields, not their values).
 */
final class SeedPayments {
    private final FinexioStore store;
    private final Instant now;
    private int invoiceCount;

    private SeedPayments(FinexioStore store, Instant now) {
        this.store = store;
        this.now = now;
    }

    static void into(FinexioStore store, Instant now) {
        SeedPayments seed = new SeedPayments(store, now);
        seed.drawdown(DRAWDOWN_WITH_IMAGES_ID, BUYER_ID, "received", 40, "4421");
        seed.payment(
                CHECK_PAYMENT_WITH_IMAGES_ID,
                DRAWDOWN_WITH_IMAGES_ID,
                CHECK_SUPPLIER_ID,
                "check",
                "settled",
                40,
                125000,
                80000);
        seed.payment(ACH_PAYMENT_ID, DRAWDOWN_WITH_IMAGES_ID, SUPPLIER_ID, "ach", "settled", 40, 45000);
        seed.payment(
                CHECK_PAYMENT_ISSUED_ONLY_ID,
                DRAWDOWN_WITH_IMAGES_ID,
                CHECK_SUPPLIER_ID,
                "check",
                "in-progress",
                40,
                30000);
        seed.drawdown(DRAWDOWN_WITHOUT_IMAGES_ID, SECOND_BUYER_ID, "requested", 3, "9917");
        seed.payment(
                CHECK_PAYMENT_WITHOUT_IMAGE_ID,
                DRAWDOWN_WITHOUT_IMAGES_ID,
                CHECK_SUPPLIER_ID,
                "check",
                "pending",
                3,
                52500);
        seed.payment(CARD_PAYMENT_ID, DRAWDOWN_WITHOUT_IMAGES_ID, CARD_SUPPLIER_ID, "card", "pending", 3, 8000);
        seed.drawdown(FAILED_DRAWDOWN_ID, BUYER_ID, "error", 20, "4421");
        seed.payment(REFUNDED_PAYMENT_ID, FAILED_DRAWDOWN_ID, SUPPLIER_ID, "ach", "canceled", 20, 61000);
        seed.refund(store.payments.get(REFUNDED_PAYMENT_ID));
        seed.images();
        seed.invoice(null, SUPPLIER_ID, BUYER_ID, 9900, "pending", 1);
    }

    private void drawdown(String id, String buyer, String status, int daysAgo, String lastFour) {
        ObjectNode buyerNode = store.counterparties.get(buyer);
        store.drawdowns.put(id, SeedData.json("""
                {"processor_request_id":"%s","bank_account_last_four":"%s","created":"%s","status":"%s",
                 "amount_cents":"0","funding_complete_date":%s,"originating_counterparty_id":"%s",
                 "buyer_ref_id":"%s","buyer_name":"%s","trace_id":"%s"}""".formatted(
                        id,
                        lastFour,
                        ago(daysAgo),
                        status,
                        status.equals("received") ? "\"" + ago(daysAgo - 1) + "\"" : "null",
                        buyer,
                        buyerNode.path("internal_id").asString(),
                        buyerNode.path("name").asString(),
                        "0210000" + id.substring(id.length() - 4) + "4471")));
    }

    private void payment(
            String id,
            String drawdownId,
            String supplier,
            String method,
            String status,
            int daysAgo,
            long... invoiceCents) {
        ObjectNode drawdown = store.drawdowns.get(drawdownId);
        String buyer = drawdown.path("originating_counterparty_id").asString();
        long total = 0;
        List<ObjectNode> invoices = new ArrayList<>();
        for (long cents : invoiceCents) {
            invoices.add(invoice(
                    id, supplier, buyer, cents, status.equals("settled") ? "complete" : "in-progress", daysAgo + 5));
            total += cents;
        }
        ObjectNode payment = SeedData.json("""
                {"id":"%s","created":"%s","updated":"%s","amount_cents":%d,"currency":"USD",
                 "originating_counterparty_id":"%s","receiving_counterparty_id":"%s","payment_method":"%s",
                 "delivery_method":"%s","tracking_id":"FX%s","instrument_number":%s,"status":"%s","events":[],
                 "invoices":[],"adjustments":{},"funding_drawdown_request_id":"%s","reissue_payment_method":null,
                 "reconciliation_id":null,"finexio_express":false}""".formatted(
                        id,
                        ago(daysAgo),
                        ago(daysAgo - 1),
                        total,
                        buyer,
                        supplier,
                        method,
                        method.equals("check") ? "mail" : "email",
                        id.substring(id.length() - 6).toUpperCase(),
                        method.equals("check") ? "\"10" + id.substring(id.length() - 4) + "\"" : "null",
                        status,
                        drawdownId));
        invoices.forEach(i -> payment.withArray("invoices").add(paymentInvoice(i)));
        events(payment, method, status, total, daysAgo);
        store.payments.put(id, payment);
        drawdown.put(
                "amount_cents",
                Long.toString(Long.parseLong(drawdown.path("amount_cents").asString()) + total));
    }

    private ObjectNode invoice(
            String paymentId, String supplier, String buyer, long cents, String status, int daysAgo) {
        invoiceCount++;
        String id = invoiceCount == 3 ? PAID_INVOICE_ID : "inv_5d2e9b7c10a4" + String.format("%04d", invoiceCount);
        String prefix = store.counterparties
                .get(supplier)
                .path("internal_id")
                .asString()
                .substring(4);
        ObjectNode invoice = SeedData.json("""
                {"id":"%s","created":"%s","updated":"%s","amount_cents":%d,"currency":"USD","discount_amount_cents":0,
                 "invoice_date":"%s","invoice_due_date":null,"invoice_number":"%s-%d","note":"",
                 "originating_counterparty_id":"%s","receiving_counterparty_id":"%s","metadata":{},"payment_id":%s,
                 "reconciliation_id":null,"account_number":null,"payment_group_id":null,"can_be_resubmitted":false,
                 "accounting_id":null,"status":"%s"}""".formatted(
                        id,
                        ago(daysAgo),
                        ago(daysAgo),
                        cents,
                        ago(daysAgo).substring(0, 10),
                        prefix,
                        1000 + invoiceCount,
                        buyer,
                        supplier,
                        paymentId == null ? "null" : "\"" + paymentId + "\"",
                        status));
        store.invoices.put(id, invoice);
        return invoice;
    }

    private static ObjectNode paymentInvoice(ObjectNode invoice) {
        return SeedData.json("""
                {"id":"%s","invoice_number":"%s","payment_amount_cents":%d,"metadata":{},"reconciliation_id":null,
                 "payment_group_id":null,"public_account_number":null}""".formatted(
                        invoice.path("id").asString(),
                        invoice.path("invoice_number").asString(),
                        invoice.path("amount_cents").asLong()));
    }

    private void events(ObjectNode payment, String method, String status, long cents, int daysAgo) {
        ArrayNode events = payment.withArray("events");
        event(events, daysAgo, "created", "Payment created", "pending", method, cents);
        if (!status.equals("pending")) {
            event(
                    events,
                    daysAgo - 1,
                    method.equals("check") ? "check_mailed" : "sent",
                    method.equals("check") ? "Check printed and mailed" : "Payment sent",
                    "in-progress",
                    method,
                    cents);
        }
        if (status.equals("settled") || status.equals("canceled")) {
            event(
                    events,
                    daysAgo - 3,
                    status.equals("settled") ? "settled" : "canceled",
                    status.equals("settled") ? "Payment settled" : "Payment canceled",
                    status,
                    method,
                    cents);
        }
    }

    private void event(
            ArrayNode events, int daysAgo, String code, String description, String status, String method, long cents) {
        events.add(SeedData.json(
                """
                {"timestamp":"%s","event_code":"%s","description":"%s","amount_cents":"%d","stage":"%s",
                 "method":"%s","event_name":"%s","status":"%s"}""".formatted(ago(daysAgo), code, description, cents, status, method, description, status)));
    }

    private void refund(ObjectNode payment) {
        payment.put("refund_user", "ap.admin@northwind.example");
        payment.put("refund_timestamp", ago(18));
        payment.put("refund_reason", "Duplicate payment");
        payment.put("refund_comment", "Paid twice for the same order");
        payment.put("refund_ticket_number", "FXS-20417");
    }

    private void images() {
        image(CHECK_PAYMENT_WITH_IMAGES_ID, "Issued");
        image(CHECK_PAYMENT_WITH_IMAGES_ID, "Deposited");
        image(CHECK_PAYMENT_ISSUED_ONLY_ID, "Issued");
    }

    private void image(String paymentId, String type) {
        ObjectNode image =
                SeedData.json(("{\"check_image_url\":\"https://images.finexio-sandbox.invalid/checks/%s/%s.png\","
                                + "\"type\":\"%s\"}")
                        .formatted(paymentId, type.toLowerCase(), type));
        store.checkImages.computeIfAbsent(paymentId, p -> new ArrayList<>()).add(image);
    }

    private String ago(int days) {
        return now.minus(Duration.ofDays(days)).toString();
    }
}
