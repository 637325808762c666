package dev.toolgate.tools;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.Method;
import dev.toolgate.integration.Resource;
import java.util.regex.Pattern;

/** Tool names (exactly as SPEC §2 fixes them) and the human-readable titles next to them. */
final class ToolNames {
    /** What MCP clients accept as a tool name. */
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private ToolNames() {}

    static String name(IntegrationDefinition integration, Resource resource, Method method) {
        String i = integration.name();
        return switch (method.kind()) {
            case LIST -> "list_all_" + i + "_" + resource.name();
            case GET -> "get_single_" + i + "_" + resource.singular() + "_by_id";
            case CREATE -> "create_a_" + i + "_" + resource.singular();
            case UPDATE -> "update_a_" + i + "_" + resource.singular() + "_by_id";
            case DELETE -> "delete_a_" + i + "_" + resource.singular() + "_by_id";
            case CUSTOM -> i + "_" + resource.name() + "_" + method.name();
        };
    }

    static String title(IntegrationDefinition integration, Resource resource, Method method) {
        String label = integration.label();
        String singular = words(resource.singular());
        return switch (method.kind()) {
            case LIST -> "List all " + label + " " + words(resource.name());
            case GET -> "Get " + article(label) + " " + label + " " + singular;
            case CREATE -> "Create " + article(label) + " " + label + " " + singular;
            case UPDATE -> "Update " + article(label) + " " + label + " " + singular;
            case DELETE -> "Delete " + article(label) + " " + label + " " + singular;
            case CUSTOM -> label + " " + words(resource.name()) + ": " + words(method.name());
        };
    }

    /** {@code counterparty_history} becomes {@code counterparty history}. */
    static String words(String snakeCase) {
        return snakeCase.replace('_', ' ').strip();
    }

    /** "a" or "an" by the first letter only: good enough for labels such as "Acme" or "TestPay". */
    private static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
