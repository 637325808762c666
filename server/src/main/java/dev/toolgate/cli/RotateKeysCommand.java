package dev.toolgate.cli;

import dev.toolgate.Services;
import dev.toolgate.accounts.ReencryptionReport;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.crypto.CryptoException;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.KeysetRotation;
import dev.toolgate.crypto.ServerKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code toolgate rotate-keys}: gives the credentials keyset a new primary key (old keys stay and still decrypt),
 * writes it back atomically and owner-only, then re-encrypts every integrated account's credentials under it in
 * batches. {@code --stage} only adds the next key (decrypt-only) for a rollout without errors; {@code --reencrypt-only}
 * leaves the keyset alone and finishes re-encryption.
 */
@Command(
        name = "rotate-keys",
        description = "Rotate the credentials keyset and re-encrypt stored credentials under the new primary key.",
        mixinStandardHelpOptions = true)
final class RotateKeysCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--stage",
            description = "Only add the next key, not yet primary (roll it out, then run rotate-keys to promote it).")
    boolean stage;

    @Option(names = "--reencrypt-only", description = "Keep the keyset; re-encrypt what is not under its primary.")
    boolean reencryptOnly;

    @Option(names = "--batch-size", paramLabel = "N", description = "Accounts per batch. Default 100.")
    int batchSize = 100;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((stage && reencryptOnly) || batchSize < 1) {
            err.println(
                    "rotate-keys: use at most one of --stage and --reencrypt-only, and a --batch-size of 1 or more");
            return 2;
        }
        ToolgateConfig config = options.load(Map.of());
        KeySettings keys = Services.keySettings(config);
        Path file = ServerKeys.credentialsKeysetFile(keys);
        boolean configured = keys.credentialsKeyset().isPresent();
        if (!Files.exists(file)) {
            err.println("rotate-keys: there is no credentials keyset at " + file + " yet; it is created when Toolgate "
                    + "first starts, and there is nothing to rotate before that.");
            return 1;
        }
        boolean promotedStaged = false;
        if (!reencryptOnly) {
            try {
                promotedStaged = rotateKeyset(file, out).promotedStaged();
            } catch (CryptoException e) {
                err.println("rotate-keys: " + e.getMessage() + ". Nothing was changed.");
                err.println(configured ? RotationText.READ_ONLY_CONFIGURED : RotationText.READ_ONLY_GENERATED);
                return 1;
            }
            if (stage) {
                out.println(RotationText.afterStage(configured));
                return 0;
            }
        }
        int code = reencrypt(config, out, err);
        if (!reencryptOnly) {
            out.println(RotationText.afterRotation(configured, promotedStaged));
        }
        return code;
    }

    private KeysetRotation.Result rotateKeyset(Path file, PrintWriter out) {
        var current = KeysetRotation.read(file);
        KeysetRotation.Result result = stage ? KeysetRotation.stage(current) : KeysetRotation.rotate(current);
        KeysetRotation.write(file, result.keyset());
        if (stage) {
            out.printf(
                    "Staged key %d in the credentials keyset %s (%d keys; key %d stays primary). Nothing is encrypted "
                            + "with the new key yet.%n",
                    result.keyId(), file, result.keyCount(), result.previousPrimaryId());
        } else {
            out.printf(
                    "Key %d%s is now the primary of the credentials keyset %s (%d keys; the previous primary %d and "
                            + "older keys stay, so existing ciphertexts still decrypt). Written atomically, owner-only.%n",
                    result.keyId(),
                    result.promotedStaged() ? " (staged earlier)" : "",
                    file,
                    result.keyCount(),
                    result.previousPrimaryId());
        }
        return result;
    }

    private int reencrypt(ToolgateConfig config, PrintWriter out, PrintWriter err) {
        try (Services services = Services.open(config, Clock.systemUTC())) {
            out.printf("Re-encrypting integrated-account credentials in batches of %d...%n", batchSize);
            ReencryptionReport report = services.accounts()
                    .reencryptCredentials(
                            batchSize,
                            progress -> out.printf("  %d of %d accounts%n", progress.processed(), progress.total()));
            out.printf(
                    "Done: %d re-encrypted under key %d, %d already under it, %d changed meanwhile, %d failed.%n",
                    report.reencrypted(),
                    report.primaryKeyId(),
                    report.alreadyCurrent(),
                    report.changedMeanwhile(),
                    report.failed().size());
            if (report.changedMeanwhile() > 0) {
                out.println("Some accounts changed while this ran (possibly on a node with the old keyset): run "
                        + "rotate-keys --reencrypt-only again once every node has the new keyset.");
            }
            if (!report.failed().isEmpty()) {
                err.println("These accounts' credentials do not decrypt under this keyset and were left unchanged: "
                        + report.failed()
                        + ". Reconnect them with fresh credentials (PATCH /integrated-account/{id}).");
                return 1;
            }
            return 0;
        }
    }
}
