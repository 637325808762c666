package dev.toolgate.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.storage.AuditRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditBatchCodecTest {
    private static final UUID ENV = UUID.randomUUID();
    private static final UUID SERVER = UUID.randomUUID();
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00.123456Z");

    private static AuditRow call(int i) {
        return new AuditRow(
                new UUID(0x0190_0000_7000L + i, 0x8000_0000_0000_0000L | i),
                T0.plusMillis(i),
                ENV,
                SERVER,
                ACCOUNT,
                Optional.of("tools/call"),
                Optional.of("get_customer"),
                Optional.of("claude-ai"),
                Optional.of("1.2.3"),
                200,
                OptionalInt.of(200),
                "success",
                i,
                Optional.of("req-" + i));
    }

    private static List<AuditRow> calls(int n) {
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(call(i));
        }
        return rows;
    }

    @Test
    void decode_givesBackEveryFieldOfEveryEntry_inOrder() {
        AuditRow bare = new AuditRow(
                new UUID(-1L, Long.MIN_VALUE), // sign bits set: compared and stored unsigned
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                ENV,
                UUID.randomUUID(),
                UUID.randomUUID(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Integer.MIN_VALUE,
                OptionalInt.empty(),
                "refused",
                -1,
                Optional.empty());
        AuditRow wide = new AuditRow(
                UUID.randomUUID(),
                Instant.parse("2262-04-11T23:47:16.854775Z"),
                ENV,
                SERVER,
                ACCOUNT,
                Optional.of("m".repeat(128)),
                Optional.of("t".repeat(128)),
                Optional.of("ü€😀".repeat(40)),
                Optional.of(""),
                Integer.MAX_VALUE,
                OptionalInt.of(Integer.MIN_VALUE),
                "o".repeat(32),
                Long.MAX_VALUE,
                Optional.of("r".repeat(64)));
        List<AuditRow> rows = List.of(call(1), bare, wide, call(2));

        assertThat(AuditBatchCodec.decode(AuditBatchCodec.encode(rows), ENV)).containsExactlyElementsOf(rows);
    }

    @Test
    void decode_namesTheBatchsEnvironment_notTheRowsGiven() {
        UUID other = UUID.randomUUID();

        assertThat(AuditBatchCodec.decode(AuditBatchCodec.encode(List.of(call(1))), other))
                .singleElement()
                .satisfies(r -> assertThat(r.environmentId()).isEqualTo(other));
    }

    @Test
    void encode_keepsMicroseconds_dropsNanoseconds() {
        AuditRow row = call(0);
        AuditRow nanos = new AuditRow(
                row.id(),
                T0.plusNanos(789),
                ENV,
                SERVER,
                ACCOUNT,
                row.mcpMethod(),
                row.toolName(),
                row.clientName(),
                row.clientVersion(),
                200,
                row.upstreamStatus(),
                "success",
                0,
                row.requestId());

        assertThat(AuditBatchCodec.decode(AuditBatchCodec.encode(List.of(nanos)), ENV))
                .singleElement()
                .satisfies(r -> assertThat(r.occurredAt()).isEqualTo(T0));
        assertThat(AuditBatchCodec.stored(T0.plusNanos(789))).isEqualTo(T0);
    }

    @Test
    void encode_writesSharedUuidsAndTextsOnce() {
        byte[] batch = AuditBatchCodec.encode(calls(500));

        // per entry: id (16), time (~8), its request id (~7, in the text table), ~15 references and numbers
        assertThat(batch.length).isLessThan(500 * 50);
        assertThat(batch.length).isLessThan(500 * AuditBatchCodec.encode(calls(1)).length / 2);
        assertThat(AuditBatchCodec.decode(batch, ENV)).hasSize(500);
    }

    @Test
    void decode_everyTruncation_isRefusedAsDamaged() {
        byte[] batch = AuditBatchCodec.encode(calls(3));

        for (int length = 0; length < batch.length; length++) {
            byte[] cut = Arrays.copyOf(batch, length);
            assertThatThrownBy(() -> AuditBatchCodec.decode(cut, ENV))
                    .as("cut at %d of %d bytes", length, batch.length)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("damaged audit batch at byte");
        }
    }

    @Test
    void decode_leftOverBytes_unknownFormat_andHugeCounts_areRefused() {
        byte[] batch = AuditBatchCodec.encode(calls(1));
        byte[] longer = Arrays.copyOf(batch, batch.length + 1);
        byte[] newer = batch.clone();
        newer[0] = 2;
        byte[] huge = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}; // 4 billion UUIDs, 0 bytes

        assertThatThrownBy(() -> AuditBatchCodec.decode(longer, ENV)).hasMessageContaining("1 bytes are left over");
        assertThatThrownBy(() -> AuditBatchCodec.decode(newer, ENV))
                .hasMessageContaining("unknown audit batch format 2")
                .hasMessageContaining("newer Toolgate");
        assertThatThrownBy(() -> AuditBatchCodec.decode(huge, ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a count of 4294967295 does not fit");
    }

    @Test
    void decode_textThatIsNotUtf8_isRefused() {
        AuditRow row = call(0);
        byte[] batch = AuditBatchCodec.encode(List.of(row));
        byte[] method = "tools/call".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(batch, method);
        batch[at] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        batch[at + 1] = (byte) 0x28;

        assertThatThrownBy(() -> AuditBatchCodec.decode(batch, ENV)).hasMessageContaining("a text is not UTF-8");
    }

    /** Damage anywhere gives either a readable batch or IllegalArgumentException, never another failure. */
    @Test
    void decode_randomDamage_neverFailsAnyOtherWay() {
        byte[] batch = AuditBatchCodec.encode(calls(20));
        Random random = new Random(5);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] damaged = batch.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try {
                AuditBatchCodec.decode(damaged, ENV);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage())
                        .matches("(damaged audit batch at byte \\d+|unknown audit batch format \\d+).*");
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
