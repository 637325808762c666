package dev.toolgate.cli;

/** What {@code rotate-keys} tells the operator to do next; kept apart so the command reads as steps. */
final class RotationText {
    static final String READ_ONLY_CONFIGURED = """
            The keyset file is the one secrets.credentials_keyset_file / TOOLGATE_CREDENTIALS_KEYSET_FILE names, and \
            every node reads it at start. To rotate a keyset that lives read-only (a mounted secret): copy it to a \
            writable place, run rotate-keys with TOOLGATE_CREDENTIALS_KEYSET_FILE pointing at the copy and the same \
            database settings, then publish the copy as every node's keyset (your secret store) and restart the nodes \
            one by one.""";
    static final String READ_ONLY_GENERATED = """
            The keyset was generated under the data directory; run rotate-keys as the user that owns it.""";

    private RotationText() {}

    static String afterStage(boolean configured) {
        return configured
                ? """
                Next: give every node this keyset file (same content everywhere) and restart them one by one; they \
                can now decrypt with the new key but still encrypt with the old one. When all run it, run rotate-keys \
                again: it promotes the staged key and re-encrypts, with no node unable to decrypt at any moment."""
                : "Next: restart Toolgate, then run rotate-keys again to promote the staged key and re-encrypt.";
    }

    static String afterRotation(boolean configured, boolean promotedStaged) {
        if (configured && promotedStaged) {
            return """
                    Roll-out: the nodes already hold this key (staged), so they decrypt everything. Give them this                     keyset file too and restart them one by one so they also encrypt with it; then run rotate-keys                     --reencrypt-only once more for accounts changed on a node in between.""";
        }
        return configured
                ? """
                Roll-out: every node reads the keyset at start. Give all nodes this keyset file and restart them one \
                by one. Until a node restarts it cannot decrypt credentials re-encrypted under the new key (their MCP \
                calls fail on it with "encrypted under key id ..., which this node's credentials keyset does not \
                hold"); answers already cached keep working. To avoid that window, rotate in two steps: rotate-keys \
                --stage, roll out, rotate-keys, roll out."""
                : "Restart Toolgate now: it reads the keyset at start, and until then it cannot decrypt credentials "
                        + "re-encrypted under the new key (answers already cached keep working).";
    }
}
