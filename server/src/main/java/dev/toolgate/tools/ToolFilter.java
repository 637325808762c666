package dev.toolgate.tools;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.Method;
import dev.toolgate.integration.MethodKind;
import dev.toolgate.integration.Resource;
import dev.toolgate.support.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tools an MCP server exposes (SPEC §2): a tool passes when it matches the method filter AND the tag filter.
 * An empty list means "no restriction" for that filter.
 *
 * <p>{@code methods} entries are groups or method names: {@code read} = list, get and read-only custom methods;
 * {@code write} = create, update, delete and state-changing custom methods; {@code custom} = every custom method; any
 * other entry is a method name ({@code list}, {@code get}, {@code search}, {@code bulk_create}, ...). A tool matches
 * when any entry matches. A group name wins over a custom method of the same name. {@code tags}: a tool matches when
 * its resource has at least one of the tags. Entries are compared exactly (case-sensitive).
 *
 * @param methods method groups and names; empty = all
 * @param tags resource tags; empty = all
 */
public record ToolFilter(List<String> methods, List<String> tags) {
    public static final ToolFilter ALL = new ToolFilter(List.of(), List.of());

    /** The method groups, in the order error messages list them. */
    static final List<String> GROUPS = List.of("read", "write", "custom");

    public ToolFilter {
        methods = List.copyOf(methods);
        tags = List.copyOf(tags);
    }

    /** True when the tool passes both filters. */
    public boolean allows(Tool tool) {
        boolean methodOk = methods.isEmpty() || methods.stream().anyMatch(entry -> matches(entry, tool.method()));
        return methodOk && (tags.isEmpty() || tool.tags().stream().anyMatch(tags::contains));
    }

    private static boolean matches(String entry, Method method) {
        MethodKind kind = method.kind();
        return switch (entry) {
            case "read" ->
                kind == MethodKind.LIST || kind == MethodKind.GET || (kind == MethodKind.CUSTOM && method.readOnly());
            case "write" ->
                kind == MethodKind.CREATE
                        || kind == MethodKind.UPDATE
                        || kind == MethodKind.DELETE
                        || (kind == MethodKind.CUSTOM && !method.readOnly());
            case "custom" -> kind == MethodKind.CUSTOM;
            default -> method.name().equals(entry);
        };
    }

    /**
     * Entries that can never match anything in this integration (unknown method names or groups, unknown tags), as
     * field errors named {@code config.methods[i]} / {@code config.tags[i]}. Empty when every entry is meaningful.
     * Only documented methods count, since undocumented ones have no tool to match.
     */
    public List<FieldError> check(IntegrationDefinition integration) {
        Set<String> methodNames = new TreeSet<>();
        Set<String> knownTags = new TreeSet<>();
        for (Resource resource : integration.resources()) {
            resource.methods().stream()
                    .filter(m -> m.documentation().isPresent())
                    .forEach(m -> {
                        methodNames.add(m.name());
                        knownTags.addAll(resource.tags());
                    });
        }
        List<FieldError> errors = new ArrayList<>();
        checkMethods(integration, methodNames, errors);
        checkTags(integration, knownTags, errors);
        return List.copyOf(errors);
    }

    private void checkMethods(IntegrationDefinition integration, Set<String> methodNames, List<FieldError> errors) {
        for (int i = 0; i < methods.size(); i++) {
            String entry = methods.get(i);
            if (!GROUPS.contains(entry) && !methodNames.contains(entry)) {
                errors.add(new FieldError("config.methods[" + i + "]", unknownMethod(entry, integration, methodNames)));
            }
        }
    }

    private void checkTags(IntegrationDefinition integration, Set<String> knownTags, List<FieldError> errors) {
        for (int i = 0; i < tags.size(); i++) {
            if (!knownTags.contains(tags.get(i))) {
                errors.add(new FieldError("config.tags[" + i + "]", unknownTag(tags.get(i), integration, knownTags)));
            }
        }
    }

    private static String unknownMethod(String entry, IntegrationDefinition integration, Set<String> names) {
        String valid = "one of the groups " + String.join(", ", GROUPS) + " or a method name of " + integration.name()
                + " (" + String.join(", ", names) + ")";
        return entry.isBlank()
                ? "must not be blank; use " + valid
                : "'" + entry + "' is neither a method group nor a documented method of " + integration.name()
                        + "; use " + valid;
    }

    private static String unknownTag(String tag, IntegrationDefinition integration, Set<String> known) {
        String list = known.isEmpty() ? "it has none" : "its tags are " + String.join(", ", known);
        return tag.isBlank()
                ? "must not be blank; " + list
                : "no tool of " + integration.name() + " has tag '" + tag + "'; " + list;
    }
}
