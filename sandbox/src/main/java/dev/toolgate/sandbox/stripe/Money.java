package dev.toolgate.sandbox.stripe;

import java.util.Locale;
import java.util.Set;

/** Amounts (integers in the currency's smallest unit, "cents") and currencies as Stripe validates them. */
final class Money {
    /** The currencies the sandbox account settles; Stripe supports more, these cover the seeded data and tests. */
    static final Set<String> CURRENCIES = Set.of("usd", "eur", "gbp", "cad", "aud", "jpy", "chf", "sek", "nzd", "sgd");

    private static final Set<String> ZERO_DECIMAL = Set.of("jpy");

    private Money() {}

    /** The lower-cased currency of parameter {@code param}; 400 for anything not three letters of a known currency. */
    static String currency(String value, String param) {
        String currency = value.toLowerCase(Locale.ROOT);
        if (!CURRENCIES.contains(currency)) {
            throw StripeException.invalid(
                    "Invalid currency: " + value + ". Currencies are three-letter ISO codes in"
                            + " lower case, e.g. usd or eur; this account supports "
                            + String.join(", ", CURRENCIES.stream().sorted().toList()) + ".",
                    param);
        }
        return currency;
    }

    /** Checks a charge amount: positive, and at least 50 cents for usd as on Stripe. */
    static long chargeAmount(long amount, String currency, String param) {
        if (amount < 1) {
            throw StripeException.invalid("This value must be greater than or equal to 1.", param);
        }
        if (currency.equals("usd") && amount < 50) {
            throw StripeException.invalid("amount_too_small", "Amount must be at least $0.50 usd", param);
        }
        return amount;
    }

    /** {@code $15.00}, {@code 15.00 EUR}, {@code 1500 JPY}: for messages only. */
    static String format(long amount, String currency) {
        String number = ZERO_DECIMAL.contains(currency)
                ? Long.toString(amount)
                : String.format(Locale.ROOT, "%d.%02d", amount / 100, Math.abs(amount % 100));
        return currency.equals("usd") ? "$" + number : number + " " + currency.toUpperCase(Locale.ROOT);
    }
}
