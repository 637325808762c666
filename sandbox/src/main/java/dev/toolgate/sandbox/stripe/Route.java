package dev.toolgate.sandbox.stripe;

import tools.jackson.databind.JsonNode;

/** Answers one matched request with the JSON body of a 200 response, or throws a {@link StripeException}. */
@FunctionalInterface
interface Route {
    JsonNode handle(Call call);
}
