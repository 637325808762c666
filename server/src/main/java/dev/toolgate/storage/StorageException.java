package dev.toolgate.storage;

import dev.toolgate.support.ToolgateException;

/** The database cannot be opened, migrated or reached. The message never carries a password or SQL parameter. */
public final class StorageException extends ToolgateException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
