package dev.toolgate.testing;

import java.util.Optional;

/**
 * The data every fresh {@link TestPayUpstream} starts with. Tests may rely on it:
 * <ul>
 *   <li>customers {@code cus_1} alice@example.com "Alice Martin", {@code cus_2} bob@example.com "Bob Stone",
 *       {@code cus_3} carol@example.com "Carol Diaz" (lists are newest first: cus_3, cus_2, cus_1);
 *   <li>charges {@code ch_1} cus_1 5000 captured, {@code ch_2} cus_1 2500 authorized only (capturable),
 *       {@code ch_3} cus_2 12000 captured;
 *   <li>balance: 150000 available, 2500 pending (usd);
 *   <li>invoices {@code inv_1..inv_5} (INV-1001..INV-1005, 10000..50000), 2 per page;
 *   <li>payouts {@code po_1..po_5} (1000..5000).
 * </ul>
 */
final class TestPaySeed {
    private TestPaySeed() {}

    static void seed(TestPayStore store) {
        store.addCustomer("alice@example.com", "Alice Martin");
        store.addCustomer("bob@example.com", "Bob Stone");
        store.addCustomer("carol@example.com", "Carol Diaz");
        store.addCharge("cus_1", 5_000, true);
        store.addCharge("cus_1", 2_500, false);
        store.addCharge("cus_2", 12_000, true);
        for (int i = 1; i <= 5; i++) {
            store.addInvoice("INV-100" + i, i * 10_000L, Optional.empty());
            store.addPayout(i * 1_000L, i == 5 ? "pending" : "paid");
        }
    }
}
