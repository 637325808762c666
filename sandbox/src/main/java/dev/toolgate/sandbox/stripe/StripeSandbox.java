package dev.toolgate.sandbox.stripe;

import dev.toolgate.sandbox.RecordedRequest;
import dev.toolgate.sandbox.Sandbox;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory emulation of the Stripe API endpoints Toolgate's {@code stripe} integration uses (API version
 * 2023-08-16), listening on 127.0.0.1: balance and balance transactions, customers (+ search), subscriptions (+ the
 * per-customer list, search, cancel), charges (+ search, capture), payment intents (+ search, confirm, capture,
 * cancel), refunds, disputes (+ close) and invoices (+ search, finalize, pay, send, void).
 *
 * <p>On the wire it behaves like Stripe: Bearer (or Basic) secret key, form-encoded bodies with bracket nesting, JSON
 * objects with {@code object} fields and prefixed ids, list and search pagination, {@code expand[]}, unknown parameters
 * refused, errors as {@code {"error": {type, code, message, param}}} with Stripe's statuses, {@code Idempotency-Key}
 * replays ({@code Idempotent-Replayed: true}) and mismatches ({@code idempotency_error}). When {@link #rateLimit} is
 * on, excess requests get 429 with {@code Stripe-Rate-Limited-Reason: global-rate} and, although Stripe documents no
 * such header, {@code Retry-After} (seconds until the window resets) so the gateway's IETF normalization has a reset
 * to report.
 *
 * <p>Seeded data, created at start relative to the start time ({@code created} values are unix seconds):
 * <ul>
 *   <li>Prices {@code price_SeedProMonthly} (2900 usd/month, "Pro plan (monthly)"), {@code price_SeedBasicMonthly}
 *       (900) and {@code price_SeedTeamYearly} (49000/year).
 *   <li>12 customers (so the default page of 10 has more): {@code cus_SeedJane} jane@example.com "Jane Doe"
 *       (metadata order_id=1001, plan=pro), {@code cus_SeedOmar} omar@example.com (order_id=123),
 *       {@code cus_SeedLena}, {@code cus_SeedAcme} billing@acme.example, {@code cus_SeedNoah}, {@code cus_SeedMaria}
 *       (order_id=2002), {@code cus_SeedRavi} ravi@example.org, {@code cus_SeedEmma} (eur), {@code cus_SeedJanet}
 *       janet.smith@example.com (so {@code name~"jan"} finds two), {@code cus_SeedKenji}, {@code cus_SeedSofia},
 *       {@code cus_SeedLiam} (no payment method).
 *   <li>Subscriptions: {@code sub_SeedJanePro} active (Pro), {@code sub_SeedOmarBasic} past_due,
 *       {@code sub_SeedLenaTeam} canceled, {@code sub_SeedAcmeTeam} active (send_invoice), {@code sub_SeedMariaBasic}
 *       active, {@code sub_SeedSofiaPro} trialing.
 *   <li>Payments (payment intent {@code pi_Seed<X>} with charge {@code ch_Seed<X>}, amounts in cents):
 *       Jane1/Jane2/Jane3 2900 each (Jane3, one day old, is Jane's latest successful charge, fully refundable);
 *       JaneAddon 4900 declined five hours ago (newer than Jane3; insufficient_funds, the intent waits for a new payment method); Omar1 900;
 *       OmarFailed 900 declined; AcmeTeam 49000; RaviLaptop 45000; RaviHeadphones 12000; LenaTeam 49000;
 *       EmmaCourse 7500 eur; NoahGift 3000; MariaOrder 5000 (fully refunded by {@code re_SeedMariaOrder}); JanetMug
 *       2500 (500 refunded by {@code re_SeedJanetMug}); KenjiAuth 8000 authorized, {@code requires_capture}.
 *       Intents without charges: {@code pi_SeedSofiaCheckout} requires_confirmation, {@code pi_SeedLiamCart}
 *       requires_payment_method, {@code pi_SeedNoahCanceled} canceled.
 *   <li>Disputes: {@code dp_SeedRaviLaptop} 45000 fraudulent needs_response (the largest open one),
 *       {@code dp_SeedRaviHeadphones} 12000 product_not_received needs_response, {@code dp_SeedEmmaCourse} 7500 eur
 *       warning_needs_response, {@code dp_SeedLenaTeam} won, {@code dp_SeedNoahGift} lost.
 *   <li>Invoices: {@code in_SeedJane1..3}, {@code in_SeedOmar1}, {@code in_SeedAcmePaid} paid; {@code in_SeedOmarOpen}
 *       open (payment failed); {@code in_SeedAcmeOpen} open (send_invoice); {@code in_SeedAcmeDraft} and
 *       {@code in_SeedSofiaDraft} drafts; {@code in_SeedLenaVoid} void; {@code in_SeedNoahUncollectible}.
 *   <li>Balance transactions for every captured charge, refund and dispute, and a payout {@code txn_SeedPayout};
 *       the balance has usd available and pending (charges less than two days old) and eur.
 * </ul>
 *
 * <p>Simplifications: search is read-after-write consistent; subscriptions never bill; new invoices have no lines (the
 * sandbox has no invoice items); only successful idempotent results are saved. Thread-safe: requests are served on
 * virtual threads and state changes run one at a time.
 */
public final class StripeSandbox implements Sandbox {
    private final Javalin app;
    private final String apiKey;
    private final RateLimiter limiter;
    private final StripeHttp http;

    private StripeSandbox(int port, String apiKey, InstantSource clock) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.limiter = new RateLimiter();
        this.http = StripeApi.create(apiKey, limiter, clock);
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            for (HandlerType type : List.of(
                    HandlerType.GET, HandlerType.POST, HandlerType.DELETE, HandlerType.PUT, HandlerType.PATCH)) {
                cfg.routes.addHttpHandler(type, "/*", http::handle);
            }
        });
    }

    /** Starts a sandbox with a fresh random {@code sk_test_} key on {@code port} (0 picks a free port). */
    public static StripeSandbox start(int port) {
        return start(port, randomKey());
    }

    /** Starts a sandbox that accepts exactly {@code apiKey}. */
    public static StripeSandbox start(int port, String apiKey) {
        return start(port, apiKey, InstantSource.system());
    }

    /** Starts a sandbox whose clock is {@code clock} (seeded times are relative to its start). */
    public static StripeSandbox start(int port, String apiKey, InstantSource clock) {
        StripeSandbox sandbox = new StripeSandbox(port, apiKey, clock);
        sandbox.app.start();
        return sandbox;
    }

    /** The secret key this sandbox accepts. */
    public String apiKey() {
        return apiKey;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of("api_key", apiKey);
    }

    @Override
    public List<RecordedRequest> requests() {
        return http.log().all();
    }

    @Override
    public void clearRequests() {
        http.log().clear();
    }

    @Override
    public void rateLimit(int limit, int windowSeconds) {
        limiter.configure(limit, windowSeconds);
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String randomKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("sk_test_");
        for (int i = 0; i < 32; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }
}
