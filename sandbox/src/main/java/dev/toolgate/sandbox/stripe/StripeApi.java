package dev.toolgate.sandbox.stripe;

import java.time.InstantSource;

/** Wires the store, the seeded data, the routes and the request pipeline of one sandbox, by constructors. */
final class StripeApi {
    private StripeApi() {}

    static StripeHttp create(String apiKey, RateLimiter limiter, InstantSource clock) {
        Store store = new Store();
        Ledger ledger = new Ledger(store);
        Payments payments = new Payments(store, ledger);
        Intents intents = new Intents(store, payments);
        Subscriptions subscriptions = new Subscriptions(store);
        Invoices invoices = new Invoices(store, intents);
        long t0 = clock.instant().getEpochSecond();
        new SeedCatalog(store, subscriptions, t0).run();
        new SeedActivity(store, ledger, intents, invoices, t0).run();
        ledger.settle(t0);

        Expander expander = new Expander(store);
        Lists lists = new Lists(store, expander);
        Search search = new Search(expander);
        Router router = new Router();
        new BalanceRoutes(store, lists, expander, ledger).register(router);
        new CustomerRoutes(store, lists, search, expander, subscriptions).register(router);
        new SubscriptionRoutes(store, lists, search, expander, subscriptions).register(router);
        new ChargeRoutes(store, lists, search, expander, payments).register(router);
        new PaymentIntentRoutes(store, lists, search, expander, intents).register(router);
        new RefundRoutes(store, lists, expander, payments).register(router);
        new DisputeRoutes(store, lists, expander).register(router);
        new InvoiceRoutes(store, lists, search, expander, invoices).register(router);
        new InvoiceActionRoutes(store, expander, invoices).register(router);
        return new StripeHttp(new ApiKeys(apiKey), limiter, router, ledger::settle, clock);
    }
}
