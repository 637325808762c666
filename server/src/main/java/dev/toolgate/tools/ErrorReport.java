package dev.toolgate.tools;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Explains the validation errors of one call as {@link ArgumentProblem}s. Errors inside the alternatives of a
 * {@code oneOf}/{@code anyOf} are folded into one problem per alternative set, saying what each alternative lacked:
 * reported one by one, they would contradict each other ("type must be ach", "type must be check").
 */
final class ErrorReport {
    private static final Comparator<ArgumentProblem> ORDER =
            Comparator.comparing(ArgumentProblem::argument).thenComparing(ArgumentProblem::message);
    private static final Set<String> COMPOSITES = Set.of("oneOf", "anyOf");

    private final Tool tool;
    /** Errors of each failed alternative set, by where it sits in the schema and in the arguments. */
    private final Map<Site, Composite> composites = new LinkedHashMap<>();

    private final TreeSet<ArgumentProblem> problems = new TreeSet<>(ORDER);

    private ErrorReport(Tool tool) {
        this.tool = tool;
    }

    /** Every problem, sorted by argument then message, without duplicates. */
    static List<ArgumentProblem> of(Tool tool, List<Error> errors) {
        ErrorReport report = new ErrorReport(tool);
        errors.forEach(report::add);
        report.composites.forEach(report::addComposite);
        return List.copyOf(report.problems);
    }

    private void add(Error error) {
        List<Object> evaluation = ErrorPhrases.segments(error.getEvaluationPath());
        int at = compositeIndex(evaluation);
        if (at >= 0) {
            List<Object> set = evaluation.subList(0, at + 1);
            List<Object> instance = ErrorPhrases.segments(error.getInstanceLocation());
            List<Object> location = instance.subList(0, Math.min(instance.size(), Alternatives.instanceDepth(set)));
            composite(set, location)
                    .alternative((Integer) evaluation.get(at + 1))
                    .add(error);
        } else if (COMPOSITES.contains(error.getKeyword()) && !evaluation.isEmpty()) {
            composite(evaluation, ErrorPhrases.segments(error.getInstanceLocation())).summary = error;
        } else {
            problems.add(simple(error));
        }
    }

    /** Index of the first {@code oneOf}/{@code anyOf} segment that leads into one alternative; -1 if none. */
    private static int compositeIndex(List<Object> evaluation) {
        for (int i = 0; i + 1 < evaluation.size(); i++) {
            if (COMPOSITES.contains(evaluation.get(i)) && evaluation.get(i + 1) instanceof Integer) {
                return i;
            }
        }
        return -1;
    }

    private Composite composite(List<Object> evaluation, List<Object> location) {
        return composites.computeIfAbsent(
                new Site(List.copyOf(evaluation), List.copyOf(location)), k -> new Composite());
    }

    private ArgumentProblem simple(Error error) {
        List<Object> target = ErrorPhrases.target(error);
        String argument = ErrorPhrases.dotted(target);
        return switch (error.getKeyword()) {
            case "additionalProperties" ->
                problem(argument, "unknown argument `" + argument + "`" + UnknownArguments.hint(tool, error, target));
            case "required" -> problem(argument, "argument `" + argument + "` is required");
            default ->
                problem(
                        argument,
                        (argument.isEmpty() ? "arguments " : "argument `" + argument + "` ")
                                + ErrorPhrases.predicate(error));
        };
    }

    private void addComposite(Site site, Composite composite) {
        List<Object> location = site.location();
        String argument = ErrorPhrases.dotted(location);
        String subject = argument.isEmpty() ? "the arguments object " : "argument `" + argument + "` ";
        JsonNode alternatives = alternatives(site.evaluation(), composite);
        int valid = composite.validCount();
        if (valid > 1) {
            problems.add(problem(
                    argument,
                    subject + "matches " + valid + " of its alternatives" + composite.matched(alternatives)
                            + "; it must match exactly one"));
            return;
        }
        problems.add(problem(argument, subject + composite.explain(location, alternatives)));
    }

    /** The {@code oneOf}/{@code anyOf} array: from the summary error, else from the tool's schema. */
    private JsonNode alternatives(List<Object> evaluation, Composite composite) {
        if (composite.summary != null && composite.summary.getSchemaNode().isArray()) {
            return composite.summary.getSchemaNode();
        }
        JsonPointer pointer = JsonPointer.empty();
        for (Object segment : evaluation) {
            pointer = segment instanceof Integer i ? pointer.appendIndex(i) : pointer.appendProperty((String) segment);
        }
        return tool.inputSchema().at(pointer);
    }

    private ArgumentProblem problem(String argument, String text) {
        return new ArgumentProblem(argument, "tool " + tool.name() + ": " + text);
    }

    /**
     * One alternative set applied to one value: the set's evaluation path ({@code [properties, method, oneOf]}) and
     * the value's location ({@code [invoices, 2]}); one set fails separately for each array item it applies to.
     */
    private record Site(List<Object> evaluation, List<Object> location) {}

    /** The errors of one alternative set: per alternative, and the set's own error if the validator gave one. */
    private static final class Composite {
        private final Map<Integer, List<Error>> byAlternative = new LinkedHashMap<>();
        private Error summary;

        /** How many alternatives matched, as the {@code oneOf} error reports it (number or text); 0 if unknown. */
        int validCount() {
            Object[] arguments = summary == null ? null : summary.getArguments();
            if (arguments == null || arguments.length == 0 || arguments[0] == null) {
                return 0;
            }
            try {
                return Integer.parseInt(arguments[0].toString().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** " (alternative 1, alternative 2 (Check))" from the indexes the {@code oneOf} error lists; "" if none. */
        String matched(JsonNode alternatives) {
            Object[] arguments = summary.getArguments();
            if (arguments.length < 2 || arguments[1] == null) {
                return "";
            }
            List<String> labels = new ArrayList<>();
            for (String index : arguments[1].toString().split(",")) {
                if (index.strip().matches("[0-9]{1,4}")) {
                    int i = Integer.parseInt(index.strip());
                    labels.add(Alternatives.label(i, alternatives.path(i)));
                }
            }
            return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
        }

        List<Error> alternative(int index) {
            return byAlternative.computeIfAbsent(index, k -> new ArrayList<>());
        }

        String explain(List<Object> location, JsonNode alternatives) {
            return Alternatives.explain(location, byAlternative, alternatives);
        }
    }
}
