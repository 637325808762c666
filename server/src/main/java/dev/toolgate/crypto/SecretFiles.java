package dev.toolgate.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only secret files under the data directory (keys, the embedded database password). A secret is written once:
 * the first process to start generates it, every later start (and a concurrent CLI run) reads the same bytes.
 */
public final class SecretFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {}

    /**
     * The content of {@code file}; when it does not exist yet, {@code generate} is written to it first (permissions
     * {@code rw-------}, missing parent directories {@code rwx------}). Two processes racing here end up with the same
     * content: the file appears atomically and the loser reads the winner's bytes.
     */
    public static byte[] readOrCreate(Path file, Supplier<byte[]> generate) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            createDirectories(file.getParent());
            return publish(file, generate.get());
        } catch (IOException e) {
            throw new CryptoException("cannot read or create the secret file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an existing secret file, warning (once per read) when group or others may read it too. */
    public static byte[] read(Path file) throws IOException {
        if (isPosix(file) && !OWNER_FILE.containsAll(Files.getPosixFilePermissions(file))) {
            LOG.warn("secret file {} is readable by others than its owner; restrict it with chmod 600", file);
        }
        return Files.readAllBytes(file);
    }

    /**
     * Why {@code file} cannot be replaced in place, if it cannot: it or its directory is not writable by this process
     * (a read-only mount, another owner), or its owner-write bit is off (marked read-only on purpose, which is
     * honoured even for root).
     */
    public static Optional<String> whyNotReplaceable(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.of("it is not a regular file");
            }
            if (!Files.isWritable(file)
                    || (isPosix(file)
                            && !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE))) {
                return Optional.of("the file is read-only for this process");
            }
            if (!Files.isWritable(file.toAbsolutePath().getParent())) {
                return Optional.of("its directory is not writable, so it cannot be replaced atomically");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("its permissions cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Replaces {@code file}'s content atomically: written and flushed to a temporary file beside it (owner-only), then
     * renamed over it, so a reader sees the old content or the new, never a mix, and a crash leaves the old file. The
     * result is owner-only ({@code rw-------}) whatever the file's mode was.
     *
     * @throws CryptoException when the file cannot be written (see {@link #whyNotReplaceable})
     */
    public static void replace(Path file, byte[] content) {
        Path absolute = file.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(
                    absolute.getParent(), "." + absolute.getFileName(), ".tmp", ownerOnly(absolute));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(content));
                    channel.force(true);
                }
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CryptoException("cannot replace the secret file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] publish(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", ownerOnly(file));
        try {
            Files.write(temp, content);
            // a hard link is created atomically and fails if the name exists, unlike a rename which replaces it
            Files.createLink(file, temp);
            return content;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (UnsupportedOperationException e) {
            Files.move(temp, file);
            return content;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (isPosix(dir.toAbsolutePath().getRoot())) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return isPosix(file.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
