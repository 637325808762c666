package dev.toolgate.storage.jdbc;

import dev.toolgate.storage.AuditRow;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The bytes of one stored audit batch: entries of one environment (which the batch's row names, so entries do not
 * repeat it). Every UUID and text that more than one entry may share (servers, accounts, methods, tools, clients,
 * outcomes) is written once in a table at the front and referred to by position, so a batch of a busy server costs
 * about 40 bytes an entry. Times are kept to the microsecond, as the database columns of {@code audit_log} keep them.
 *
 * <p>Format 1: the byte {@code 1}; the UUID table (count, then 16 bytes each); the text table (count, then each as
 * its UTF-8 length and bytes); the entry count; then per entry its epoch second (zigzag), microsecond of the second,
 * id (16 bytes), server and account (UUID table positions), method, tool, client name and client version (text
 * table position + 1, 0 when absent), HTTP status (zigzag), upstream status (zigzag + 1, 0 when absent), outcome
 * (text table position), latency (zigzag) and request id (text table position + 1, 0 when absent). Counts and
 * positions are unsigned LEB128 varints. {@link #decode} checks every count, position and length against the bytes
 * that are there, so a damaged batch is reported, never read past or half-read.
 */
final class AuditBatchCodec {
    static final byte FORMAT = 1;

    private AuditBatchCodec() {}

    /** Every row's environment is ignored: the batch belongs to one, stored beside it. */
    static byte[] encode(List<AuditRow> rows) {
        Map<UUID, Integer> uuids = new HashMap<>();
        Map<String, Integer> texts = new HashMap<>();
        for (AuditRow row : rows) {
            uuids.putIfAbsent(row.mcpServerId(), uuids.size());
            uuids.putIfAbsent(row.integratedAccountId(), uuids.size());
            row.mcpMethod().ifPresent(t -> texts.putIfAbsent(t, texts.size()));
            row.toolName().ifPresent(t -> texts.putIfAbsent(t, texts.size()));
            row.clientName().ifPresent(t -> texts.putIfAbsent(t, texts.size()));
            row.clientVersion().ifPresent(t -> texts.putIfAbsent(t, texts.size()));
            texts.putIfAbsent(row.outcome(), texts.size());
            row.requestId().ifPresent(t -> texts.putIfAbsent(t, texts.size()));
        }
        Writer out = new Writer(64 + rows.size() * 48);
        out.writeByte(FORMAT);
        out.writeVarLong(uuids.size());
        UUID[] uuidTable = new UUID[uuids.size()];
        uuids.forEach((uuid, position) -> uuidTable[position] = uuid);
        for (UUID uuid : uuidTable) {
            out.writeUuid(uuid);
        }
        out.writeVarLong(texts.size());
        String[] textTable = new String[texts.size()];
        texts.forEach((text, position) -> textTable[position] = text);
        for (String text : textTable) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeVarLong(utf8.length);
            out.writeBytes(utf8);
        }
        out.writeVarLong(rows.size());
        for (AuditRow row : rows) {
            Instant at = row.occurredAt();
            out.writeVarLong(zigzag(at.getEpochSecond()));
            out.writeVarLong(at.getNano() / 1_000);
            out.writeUuid(row.id());
            out.writeVarLong(uuids.get(row.mcpServerId()));
            out.writeVarLong(uuids.get(row.integratedAccountId()));
            out.writeVarLong(optionalText(texts, row.mcpMethod()));
            out.writeVarLong(optionalText(texts, row.toolName()));
            out.writeVarLong(optionalText(texts, row.clientName()));
            out.writeVarLong(optionalText(texts, row.clientVersion()));
            out.writeVarLong(zigzag(row.httpStatus()));
            out.writeVarLong(
                    row.upstreamStatus().isPresent()
                            ? zigzag(row.upstreamStatus().getAsInt()) + 1
                            : 0);
            out.writeVarLong(texts.get(row.outcome()));
            out.writeVarLong(zigzag(row.latencyMs()));
            out.writeVarLong(optionalText(texts, row.requestId()));
        }
        return out.bytes();
    }

    /**
     * The entries of a batch, in the order they were encoded.
     *
     * @param environmentId the environment the batch's row names
     * @throws IllegalArgumentException naming the byte offset and what is wrong, for bytes {@link #encode} did not
     *     produce (an unknown format, a count or position beyond the tables, text that is not UTF-8, bytes missing or
     *     left over)
     */
    static List<AuditRow> decode(byte[] bytes, UUID environmentId) {
        Reader in = new Reader(bytes);
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown audit batch format " + format + " (this build reads " + FORMAT
                    + "; was it written by a newer Toolgate?)");
        }
        UUID[] uuids = new UUID[in.readCount(16)];
        for (int i = 0; i < uuids.length; i++) {
            uuids[i] = in.readUuid();
        }
        String[] texts = new String[in.readCount(1)];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = in.readText();
        }
        int count = in.readCount(20); // an entry takes at least 20 bytes: its id and 4 one-byte fields
        List<AuditRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long second = unzigzag(in.readVarLong());
            long micros = in.readVarLong();
            if (micros >= 1_000_000) {
                throw in.damaged("microsecond " + micros + " is not within a second");
            }
            Instant at;
            try {
                at = Instant.ofEpochSecond(second, micros * 1_000);
            } catch (RuntimeException e) {
                throw in.damaged("epoch second " + second + " is out of range");
            }
            UUID id = in.readUuid();
            UUID server = in.pick(uuids);
            UUID account = in.pick(uuids);
            Optional<String> method = in.pickOptional(texts);
            Optional<String> tool = in.pickOptional(texts);
            Optional<String> clientName = in.pickOptional(texts);
            Optional<String> clientVersion = in.pickOptional(texts);
            int httpStatus = in.readInt(unzigzag(in.readVarLong()));
            long upstream = in.readVarLong();
            OptionalInt upstreamStatus =
                    upstream == 0 ? OptionalInt.empty() : OptionalInt.of(in.readInt(unzigzag(upstream - 1)));
            String outcome = in.pick(texts);
            long latency = unzigzag(in.readVarLong());
            Optional<String> requestId = in.pickOptional(texts);
            rows.add(new AuditRow(
                    id,
                    at,
                    environmentId,
                    server,
                    account,
                    method,
                    tool,
                    clientName,
                    clientVersion,
                    httpStatus,
                    upstreamStatus,
                    outcome,
                    latency,
                    requestId));
        }
        in.expectEnd();
        return rows;
    }

    /** The time as the batch stores it: to the microsecond (like the {@code audit_log} columns). */
    static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static long optionalText(Map<String, Integer> texts, Optional<String> text) {
        return text.map(t -> texts.get(t) + 1L).orElse(0L);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /** A growing byte array: the batch is built once, on the audit writer's thread. */
    private static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeBytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void writeVarLong(long value) {
            ensure(10);
            long v = value;
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void writeUuid(UUID uuid) {
            ensure(16);
            ByteBuffer.wrap(bytes, size, 16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            size += 16;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Reads a batch, checking every length against what is left. */
    private static final class Reader {
        private final byte[] bytes;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int readByte() {
            if (position >= bytes.length) {
                throw damaged("it ends early");
            }
            return bytes[position++] & 0xFF;
        }

        long readVarLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw damaged("a number runs over 10 bytes");
        }

        /** A count of items that each take at least {@code minBytes}: never more than the bytes left could hold. */
        int readCount(int minBytes) {
            long count = readVarLong();
            if (count < 0 || count > (bytes.length - position) / minBytes) {
                throw damaged("a count of " + Long.toUnsignedString(count) + " does not fit in the "
                        + (bytes.length - position) + " bytes left");
            }
            return (int) count;
        }

        int readInt(long value) {
            if (value != (int) value) {
                throw damaged("status " + value + " is out of range");
            }
            return (int) value;
        }

        UUID readUuid() {
            if (bytes.length - position < 16) {
                throw damaged("it ends inside a UUID");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, position, 16);
            position += 16;
            return new UUID(buffer.getLong(), buffer.getLong());
        }

        String readText() {
            int length = readCount(1);
            try {
                CharBuffer text = utf8.decode(ByteBuffer.wrap(bytes, position, length));
                position += length;
                return text.toString();
            } catch (CharacterCodingException e) {
                throw damaged("a text is not UTF-8");
            }
        }

        <T> T pick(T[] table) {
            long index = readVarLong();
            if (index < 0 || index >= table.length) {
                throw damaged("position " + Long.toUnsignedString(index) + " is beyond a table of " + table.length);
            }
            return table[(int) index];
        }

        Optional<String> pickOptional(String[] table) {
            long index = readVarLong();
            if (index == 0) {
                return Optional.empty();
            }
            if (index < 0 || index > table.length) {
                throw damaged("position " + Long.toUnsignedString(index - 1) + " is beyond a table of " + table.length);
            }
            return Optional.of(table[(int) index - 1]);
        }

        void expectEnd() {
            if (position != bytes.length) {
                throw damaged((bytes.length - position) + " bytes are left over after the last entry");
            }
        }

        IllegalArgumentException damaged(String what) {
            return new IllegalArgumentException("damaged audit batch at byte " + position + ": " + what);
        }
    }
}
