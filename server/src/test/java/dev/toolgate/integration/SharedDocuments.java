package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the project's {@code shared/} directory (upstream reference documents live there, outside the repository):
 * system property {@code toolgate.shared.dir}, else environment {@code TOOLGATE_SHARED_DIR}, else {@code ../shared} or
 * {@code ../../shared} from the working directory (surefire runs in {@code server/}). Absent, tests that need it are
 * skipped with the reason, unless {@code TOOLGATE_REQUIRE_SHARED=1}, which turns the skip into a failure (for CI
 * runs that must check conformance).
 */
final class SharedDocuments {
    private SharedDocuments() {}

    /** The file at {@code relative} under shared/, or the test is skipped (or failed, when required). */
    static Path require(String relative) {
        List<Path> tried = new ArrayList<>();
        for (Path dir : candidates()) {
            Path file = dir.resolve(relative).normalize();
            tried.add(file.toAbsolutePath());
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        String message = "shared/" + relative + " not found (tried " + tried + "); set -Dtoolgate.shared.dir or"
                + " TOOLGATE_SHARED_DIR to the shared directory to run this check";
        if ("1".equals(System.getenv("TOOLGATE_REQUIRE_SHARED"))) {
            fail(message + " (TOOLGATE_REQUIRE_SHARED=1 makes this a failure)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        Optional.ofNullable(System.getProperty("toolgate.shared.dir"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .ifPresent(dirs::add);
        Optional.ofNullable(System.getenv("TOOLGATE_SHARED_DIR"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .ifPresent(dirs::add);
        dirs.add(Path.of("..", "shared"));
        dirs.add(Path.of("..", "..", "shared"));
        return dirs;
    }
}
