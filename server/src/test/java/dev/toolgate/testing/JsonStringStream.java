package dev.toolgate.testing;

import java.io.InputStream;

/** A JSON string ({@code "aaa...a"}) of exactly {@code size} bytes (at least 2), produced without holding it. */
final class JsonStringStream extends InputStream {
    private final long size;
    private long position;

    JsonStringStream(long size) {
        if (size < 2) {
            throw new IllegalArgumentException("a JSON string needs at least 2 bytes");
        }
        this.size = size;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        long at = position++;
        return at == 0 || at == size - 1 ? '"' : 'a';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) read();
        }
        return n;
    }
}
