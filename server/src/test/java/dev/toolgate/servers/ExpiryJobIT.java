package dev.toolgate.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.testing.MutableClock;
import dev.toolgate.testing.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpiryJobIT {
    @TempDir
    Path dataDir;

    @Test
    void start_shortInterval_deletesTheExpiredServerAndKeepsTheLiveOne() {
        MutableClock clock = MutableClock.atSomeInstant();
        try (TestStack stack = TestStack.open(dataDir, clock)) {
            UUID env = stack.apiTokens().create("production", "ci").environmentId();
            IntegratedAccount account = stack.accounts()
                    .create(env, new NewAccount("testpay", "Main", Map.of("api_key", "k"), Optional.empty()));
            ServerConfig config = new ServerConfig(List.of("read"), List.of(), false);
            CreatedServer expiring = stack.servers()
                    .create(
                            env,
                            account.id(),
                            new NewServer(
                                    "short", config, Optional.of(clock.instant().plusSeconds(61))))
                    .orElseThrow();
            CreatedServer live = stack.servers()
                    .create(env, account.id(), new NewServer("long", config, Optional.empty()))
                    .orElseThrow();
            clock.advance(Duration.ofMinutes(2));
            ExpiryJob job = new ExpiryJob(stack.database().dataSource(), stack.servers(), Duration.ofMillis(200));

            job.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> serverCount(stack) == 1);
            } finally {
                job.stop();
            }

            assertThat(stack.servers().resolve(expiring.token())).isEmpty();
            assertThat(stack.servers().resolve(live.token())).isPresent();
            assertThat(taskNames(stack)).containsExactly(ExpiryJob.TASK_NAME);
        }
    }

    private static int serverCount(TestStack stack) {
        return stack.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mcp_servers")
                        .mapTo(Integer.class)
                        .one());
    }

    private static List<String> taskNames(TestStack stack) {
        return stack.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT task_name FROM scheduled_tasks")
                        .mapTo(String.class)
                        .list());
    }
}
