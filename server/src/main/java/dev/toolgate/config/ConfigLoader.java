package dev.toolgate.config;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds a {@link ToolgateConfig} from {@link ConfigSources}, validating every setting and listing every problem at
 * once (a {@link ConfigException}), so an operator fixes a broken config in one go.
 */
public final class ConfigLoader {

    /** Loads and validates; never returns a half-valid config. */
    public ToolgateConfig load(ConfigSources sources) {
        List<String> problems = new ArrayList<>();
        Map<Setting, RawValue> raw = new EnumMap<>(Setting.class);
        sources.file().ifPresent(file -> readFile(file, raw, problems));
        for (Setting setting : Setting.values()) {
            String value = sources.environment().get(setting.environmentVariable());
            if (value != null && !value.isBlank()) {
                raw.put(setting, new RawValue(value.strip(), setting.environmentVariable()));
            }
        }
        sources.flags()
                .forEach((key, value) -> Setting.byKey(key)
                        .ifPresentOrElse(
                                setting -> raw.put(setting, new RawValue(value, "--" + key.replace('_', '-'))),
                                () -> problems.add("--" + key + ": unknown option")));
        ToolgateConfig config = new SettingsParser(raw, problems).parse();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static void readFile(Path file, Map<Setting, RawValue> raw, List<String> problems) {
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            root = name.endsWith(".yaml") || name.endsWith(".yml")
                    ? new YAMLMapper().readTree(bytes)
                    : Json.parse(bytes);
        } catch (IOException e) {
            problems.add(file + ": cannot read the config file (" + e.getMessage() + ")");
            return;
        } catch (JacksonException e) {
            problems.add(file + ": not valid JSON/YAML: " + e.getOriginalMessage());
            return;
        }
        if (!root.isObject()) {
            problems.add(file + ": must contain an object of settings");
            return;
        }
        flatten(root, "", file, raw, problems);
    }

    private static void flatten(
            JsonNode node, String prefix, Path file, Map<Setting, RawValue> raw, List<String> problems) {
        for (var entry : node.properties()) {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            var setting = Setting.byKey(key);
            if (setting.isEmpty() && value.isObject()) {
                flatten(value, key + ".", file, raw, problems);
            } else if (setting.isEmpty()) {
                problems.add(file + ": unknown setting '" + key + "'");
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asString("")));
                raw.put(setting.get(), new RawValue(String.join(",", items), file + " " + key));
            } else if (!value.isNull()) {
                raw.put(setting.get(), new RawValue(value.asString(value.toString()), file + " " + key));
            }
        }
    }

    /** A setting's text and where it came from, for error messages. */
    record RawValue(String text, String source) {}
}
