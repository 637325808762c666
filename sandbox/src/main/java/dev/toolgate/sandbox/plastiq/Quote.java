package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The money side of a payment intent, in US dollars with cents as decimals (as Plastiq's amounts are). The 2.9%
 * service fee and the 1% cross-border fee (Canadian recipient paid by card, per Plastiq's FAQ) follow Plastiq's
 * published fee types; the business-day delivery times per receiving method are the sandbox's own reconstruction.
 */
final class Quote {
    static final BigDecimal SERVICE_FEE_RATE = new BigDecimal("0.029");
    static final BigDecimal CROSS_BORDER_FEE_RATE = new BigDecimal("0.01");
    static final BigDecimal MIN_AMOUNT = BigDecimal.ONE;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

    private Quote() {}

    /** {@code {value, currency: USD}} with two decimals. */
    static ObjectNode amount(BigDecimal dollars) {
        ObjectNode amount = SandboxJson.object();
        amount.put("value", dollars.setScale(2, RoundingMode.HALF_UP));
        amount.put("currency", "USD");
        return amount;
    }

    /** Fees for delivering {@code target}; each {@code {amount, type, rate}}. */
    static ArrayNode fees(BigDecimal target, boolean crossBorder) {
        ArrayNode fees = SandboxJson.array();
        fees.add(fee(target, SERVICE_FEE_RATE, "PLASTIQ_SERVICE_FEE", "2.9%"));
        if (crossBorder) {
            fees.add(fee(target, CROSS_BORDER_FEE_RATE, "PLASTIQ_CROSS_BORDER_FEE", "1%"));
        }
        return fees;
    }

    /** What the payment method is charged: the target plus every fee. */
    static BigDecimal source(BigDecimal target, ArrayNode fees) {
        BigDecimal total = target;
        for (JsonNode fee : fees) {
            total = total.add(fee.path("amount").path("value").decimalValue());
        }
        return total;
    }

    /** A card paying a Canadian recipient (EFT, or a Canadian address) crosses the border. */
    static boolean crossBorder(JsonNode payee, JsonNode paymentMethod) {
        boolean canadian = "EFT"
                        .equals(payee.path("receivingMethod").path("type").asString(""))
                || "CA".equals(payee.path("businessAddress").path("country").asString(""));
        return canadian && "CARD".equals(paymentMethod.path("type").asString(""));
    }

    /** Delivery date in business days: WIRE 1, ACH 3, EFT 5, CHECK 7 (3 when expedited). */
    static LocalDate deliveryDate(LocalDate from, String receivingType, boolean expedited) {
        int days = switch (receivingType) {
            case "WIRE" -> 1;
            case "ACH" -> 3;
            case "EFT" -> 5;
            default -> expedited ? 3 : 7;
        };
        LocalDate date = from;
        while (days > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days--;
            }
        }
        return date;
    }

    private static ObjectNode fee(BigDecimal target, BigDecimal rate, String type, String rateText) {
        ObjectNode fee = SandboxJson.object();
        fee.set("amount", amount(target.multiply(rate)));
        fee.put("type", type);
        fee.put("rate", rateText);
        return fee;
    }
}
