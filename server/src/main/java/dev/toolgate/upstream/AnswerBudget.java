package dev.toolgate.upstream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap this node lets large upstream answers take at once. An answer in flight is held several times over (the
 * bytes, the compact JSON, the MCP answer being built: measured, 16 concurrent 3.8 MB answers exhausted a 96 MB heap,
 * 8 did not), so without a bound a few agents asking for large lists at once could take the node down. Answers up to
 * {@link #FREE_BYTES} are never counted (the hot path does no bookkeeping); larger ones take their size from the
 * budget while they arrive and are read, and give it back once read. A read-only answer (GET, HEAD) that does not fit
 * is refused with a clear error; any other answer is always taken, even over the budget, because its action has
 * already happened upstream and dropping the answer would leave the caller guessing.
 */
final class AnswerBudget {
    /** Answers up to this size are not counted. */
    static final long FREE_BYTES = 256 * 1024;

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    AnswerBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the answer budget must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * A sixteenth of the heap, and at least one answer of the largest size allowed: with the launcher's 96 MB heap,
     * 6 MB of large answers at once (one at the 5 MiB cap, or six of 1 MB).
     */
    static AnswerBudget forHeap(long maxHeapBytes, long maxResponseBytes) {
        return new AnswerBudget(Math.max(maxResponseBytes, maxHeapBytes / 16));
    }

    long capacity() {
        return capacity;
    }

    long used() {
        return used.get();
    }

    /** Takes {@code bytes} if they fit; false, taking nothing, if they do not. */
    boolean tryTake(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > capacity) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Takes {@code bytes} whether they fit or not. */
    void take(long bytes) {
        used.addAndGet(bytes);
    }

    void give(long bytes) {
        if (bytes > 0) {
            used.addAndGet(-bytes);
        }
    }
}
