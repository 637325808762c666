package dev.toolgate.tools;

import java.util.Objects;

/**
 * Why a tool's arguments were refused.
 *
 * @param argument the argument at fault as a dotted path ({@code charge}, {@code receivingMethod.routingNumber},
 *     {@code invoices[3].amount_cents}); empty for the arguments object as a whole
 * @param message a complete sentence for the model, e.g. "tool create_a_stripe_refund: argument `charge` is required"
 */
public record ArgumentProblem(String argument, String message) {
    public ArgumentProblem {
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(message, "message");
    }
}
