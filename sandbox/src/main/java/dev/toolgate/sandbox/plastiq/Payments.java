package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** Turns a captured intent into a payment, with the descriptors that show on statements. */
final class Payments {
    private static final String[] COPIED = {
        "fees", "sourceAmount", "targetAmount", "paymentMethod", "recipient", "payer", "details", "deliveryDate"
    };

    private Payments() {}

    /** A CHARGED payment for {@code intent}; the caller stores it and marks the intent CAPTURED. */
    static ObjectNode fromIntent(PlastiqStore store, String id, ObjectNode intent, Instant createdAt) {
        ObjectNode payment = SandboxJson.object();
        payment.put("id", id);
        for (String field : COPIED) {
            if (intent.has(field)) {
                payment.set(field, intent.get(field).deepCopy());
            }
        }
        payment.put("createdAt", createdAt.toString());
        payment.put("status", "CHARGED");
        String reference = id.replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        String payer = intent.at("/payer/id").asString();
        String payee = store.payee(payer, intent.at("/recipient/id").asString())
                .map(p -> p.path("businessName").asString(""))
                .orElse("");
        // As in Plastiq's example: the payer's statement names the recipient, the recipient's names the payer.
        payment.put("sourceDescriptor", "PQ " + payee + " #" + reference);
        payment.put(
                "targetDescriptor",
                "PQ " + store.payers.get(payer).path("businessName").asString("") + " #" + reference);
        return payment;
    }
}
