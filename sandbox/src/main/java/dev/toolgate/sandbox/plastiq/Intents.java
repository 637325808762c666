package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prices and assesses payment intents. An intent is CAPTURABLE unless something blocks it; blocking causes are listed
 * in {@code statusReasons} (NOT_CAPTURABLE), non-blocking ones in {@code warnings}. Plastiq's documents name
 * {@code statusReasons} and codes such as PAYMENT_METHOD_REQUIRES_TIN; {@code warnings} and the codes
 * PAYMENT_METHOD_REQUIRED, RECIPIENT_INACTIVE and POSSIBLE_DUPLICATE_PAYMENT are the sandbox's reconstruction.
 */
final class Intents {
    /** How long a quote holds. The 2021 document's example shows five minutes; the sandbox allows a human time to
     * confirm during demos. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    static final Set<String> OPEN = Set.of("CAPTURABLE", "NOT_CAPTURABLE");

    private Intents() {}

    /** A new, priced and assessed intent; {@code paymentMethodId} may be null. */
    static ObjectNode draft(
            PlastiqStore store, String payerId, String payeeId, String paymentMethodId, BigDecimal target) {
        ObjectNode intent = SandboxJson.object();
        intent.put("id", PlastiqStore.newId());
        intent.putObject("payer").put("id", payerId);
        intent.putObject("recipient").put("id", payeeId);
        if (paymentMethodId != null) {
            intent.putObject("paymentMethod").put("id", paymentMethodId);
        }
        intent.set("targetAmount", Quote.amount(target));
        intent.put("createdAt", store.now().toString());
        requote(store, intent);
        return intent;
    }

    /** Recomputes fees, amounts, delivery date, status and expiry from the intent's current inputs. */
    static void requote(PlastiqStore store, ObjectNode intent) {
        JsonNode payee = payee(store, intent);
        JsonNode method =
                store.paymentMethods.get(intent.at("/paymentMethod/id").asString(""));
        BigDecimal target = intent.at("/targetAmount/value").decimalValue();
        ArrayNode fees = Quote.fees(target, method != null && Quote.crossBorder(payee, method));
        intent.set("fees", fees);
        intent.set("sourceAmount", Quote.amount(Quote.source(target, fees)));
        String type = payee.path("receivingMethod").path("type").asString("CHECK");
        Instant now = store.now();
        intent.put(
                "deliveryDate",
                Quote.deliveryDate(
                                now.atOffset(ZoneOffset.UTC).toLocalDate(),
                                type,
                                intent.path("isExpedited").asBoolean(false))
                        .toString());
        ArrayNode reasons = blockingReasons(payee, method);
        intent.set("statusReasons", reasons);
        intent.set("warnings", warnings(store, intent));
        intent.put("status", reasons.isEmpty() ? "CAPTURABLE" : "NOT_CAPTURABLE");
        intent.put("expiresAt", now.plus(LIFETIME).toString());
    }

    /**
     * Re-checks only what blocks the intent, as at capture time: its payment method or recipient may have changed
     * (deactivated, deleted) since the quote. Fees and expiry stay as quoted.
     */
    static void reassess(PlastiqStore store, ObjectNode intent) {
        ArrayNode reasons = blockingReasons(
                payee(store, intent),
                store.paymentMethods.get(intent.at("/paymentMethod/id").asString("")));
        intent.set("statusReasons", reasons);
        intent.put("status", reasons.isEmpty() ? "CAPTURABLE" : "NOT_CAPTURABLE");
    }

    /** Marks an open intent EXPIRED once its quote has run out; returns the intent. */
    static ObjectNode expireIfDue(PlastiqStore store, ObjectNode intent) {
        boolean due =
                !store.now().isBefore(Instant.parse(intent.path("expiresAt").asString()));
        if (due && OPEN.contains(intent.path("status").asString())) {
            intent.put("status", "EXPIRED");
        }
        return intent;
    }

    /** The intent's recipient or biller; a missing node when it was deleted since. */
    private static JsonNode payee(PlastiqStore store, ObjectNode intent) {
        return store.payee(
                        intent.at("/payer/id").asString(),
                        intent.at("/recipient/id").asString())
                .orElse(MissingNode.getInstance());
    }

    private static ArrayNode blockingReasons(JsonNode payee, JsonNode method) {
        ArrayNode reasons = SandboxJson.array();
        if (payee.isMissingNode()) {
            reason(reasons, "RECIPIENT_NOT_FOUND", "The recipient no longer exists");
        }
        if (method == null) {
            reason(reasons, "PAYMENT_METHOD_REQUIRED", "Add a payment method before capturing this payment intent");
        } else if (!"ACTIVE".equals(method.path("status").asString())) {
            method.path("statusReasons").forEach(r -> reasons.add(r.deepCopy()));
            if (reasons.isEmpty()) {
                reason(reasons, "PAYMENT_METHOD_INACTIVE", "The payment method is not active");
            }
        }
        if ("INACTIVE".equals(payee.path("status").asString(""))) {
            reason(reasons, "RECIPIENT_INACTIVE", "The recipient is inactive and cannot receive payments");
        }
        return reasons;
    }

    /** A same-amount payment to the same payee that was not refunded may be a duplicate. */
    private static ArrayNode warnings(PlastiqStore store, ObjectNode intent) {
        ArrayNode warnings = SandboxJson.array();
        String payer = intent.at("/payer/id").asString();
        String payee = intent.at("/recipient/id").asString();
        BigDecimal target = intent.at("/targetAmount/value").decimalValue();
        boolean duplicate = store.payments.values().stream()
                .filter(p -> store.owns(payer, p.path("id").asString()))
                .filter(p -> !"REFUNDED".equals(p.path("status").asString()))
                .anyMatch(p -> payee.equals(p.at("/recipient/id").asString())
                        && target.compareTo(p.at("/targetAmount/value").decimalValue()) == 0);
        if (duplicate) {
            reason(
                    warnings,
                    "POSSIBLE_DUPLICATE_PAYMENT",
                    "This payer already paid the same amount to this recipient;"
                            + " confirm this is not a duplicate before paying");
        }
        return warnings;
    }

    private static void reason(ArrayNode list, String code, String message) {
        list.addObject().put("code", code).put("message", message);
    }
}
