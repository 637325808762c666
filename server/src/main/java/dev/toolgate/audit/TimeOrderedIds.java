package dev.toolgate.audit;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit sequence, then random bits. Ids sort by time, so
 * inserts append to the primary key index; within one millisecond the sequence keeps them in the order they were made
 * (RFC 9562 method 1), so entries of equal time list in the order they were recorded. Unpredictability is not needed.
 * Not thread-safe: one instance per writer thread.
 */
final class TimeOrderedIds {
    private static final int MAX_SEQUENCE = 0xFFF;

    private long lastMillis = -1;
    private int sequence;

    UUID next(Instant at) {
        long millis = Math.max(at.toEpochMilli() & 0xFFFF_FFFF_FFFFL, lastMillis);
        if (millis == lastMillis) {
            if (sequence == MAX_SEQUENCE) {
                millis++; // borrow the next millisecond rather than break the order
                sequence = 0;
            } else {
                sequence++;
            }
        } else {
            sequence = 0;
        }
        lastMillis = millis;
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
