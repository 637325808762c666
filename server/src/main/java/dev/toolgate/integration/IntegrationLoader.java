package dev.toolgate.integration;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads integration definitions from JSON or YAML files and validates them completely: a file either yields a
 * definition or an {@link IntegrationDefinitionException} listing every problem (file, JSON pointer, reason).
 */
public final class IntegrationLoader {
    /** Where the shipped definitions sit on the class path, listed in its {@code index.txt}. */
    public static final String CLASSPATH_DIR = "integrations/";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Parses and validates one definition. */
    public IntegrationDefinition load(String fileName, byte[] content) {
        Problems problems = new Problems(fileName);
        JsonNode root;
        try {
            root = isYaml(fileName) ? YAML.readTree(content) : Json.parse(content);
        } catch (JacksonException e) {
            problems.add("", "not valid " + (isYaml(fileName) ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        var definition = new DefinitionReader(problems).read(root, version(content));
        problems.throwIfAny();
        return definition.orElseThrow();
    }

    /** Loads every {@code *.json}, {@code *.yaml} and {@code *.yml} file of a directory, reporting all problems. */
    public List<IntegrationDefinition> loadDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(IntegrationLoader::isDefinitionFile).sorted().toList();
        } catch (IOException e) {
            throw new IntegrationDefinitionException(
                    List.of(new Problem(directory.toString(), "", "cannot list directory: " + e.getMessage())));
        }
        List<IntegrationDefinition> result = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                result.add(load(file.getFileName().toString(), Files.readAllBytes(file)));
            } catch (IntegrationDefinitionException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(new Problem(file.getFileName().toString(), "", "cannot read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IntegrationDefinitionException(problems);
        }
        return result;
    }

    /** Loads the definitions shipped in the jar, as listed in {@code integrations/index.txt}. */
    public List<IntegrationDefinition> loadShipped() {
        ClassLoader loader = IntegrationLoader.class.getClassLoader();
        List<IntegrationDefinition> result = new ArrayList<>();
        for (String file : shippedFileNames(loader)) {
            try (InputStream in = loader.getResourceAsStream(CLASSPATH_DIR + file)) {
                if (in == null) {
                    throw new IntegrationDefinitionException(
                            List.of(new Problem(file, "", "listed in index.txt but not on the class path")));
                }
                result.add(load(file, in.readAllBytes()));
            } catch (IOException e) {
                throw new IntegrationDefinitionException(List.of(new Problem(file, "", "cannot read: " + e)));
            }
        }
        return result;
    }

    private static List<String> shippedFileNames(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_DIR + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new IntegrationDefinitionException(List.of(new Problem("index.txt", "", "cannot read: " + e)));
        }
    }

    static boolean isDefinitionFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".json") || isYaml(name));
    }

    private static boolean isYaml(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String version(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
