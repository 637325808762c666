package dev.toolgate.storage;

import dev.toolgate.storage.jdbc.JdbiRepositories;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows for repository tests, inserted through the repositories under test. */
final class Rows {
    private final JdbiRepositories repositories;

    Rows(JdbiRepositories repositories) {
        this.repositories = repositories;
    }

    EnvironmentRow environment(String name, Instant now) {
        EnvironmentRow row = new EnvironmentRow(UUID.randomUUID(), name, now);
        repositories.environments().insert(row);
        return row;
    }

    AccountRow account(UUID environmentId, Instant now) {
        AccountRow row = new AccountRow(
                UUID.randomUUID(),
                environmentId,
                "testpay",
                "Main account",
                new byte[] {0, 1, 2, (byte) 0xff},
                List.of("api_key"),
                Optional.empty(),
                now,
                now);
        repositories.accounts().insert(row);
        return row;
    }

    ServerRow server(AccountRow account, Instant now, Optional<Instant> expiresAt) {
        ServerRow row = new ServerRow(
                UUID.randomUUID(),
                account.environmentId(),
                account.id(),
                "Support bot",
                "{\"methods\":[\"read\"]}",
                UUID.randomUUID().toString().replace("-", ""),
                expiresAt,
                now,
                now);
        repositories.servers().insert(row);
        return row;
    }
}
