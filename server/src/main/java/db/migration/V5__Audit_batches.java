package db.migration;

import dev.toolgate.storage.jdbc.EmbeddedAuditPacking;
import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The embedded database keeps its audit entries packed, many to a row ({@link EmbeddedAuditPacking}): this creates
 * {@code audit_batch} there and moves the existing {@code audit_log} rows into it. PostgreSQL keeps one row per entry,
 * so there this migration changes nothing (it is still recorded, keeping both databases' histories alike).
 */
public class V5__Audit_batches extends BaseJavaMigration {
    /** It commits chunk by chunk itself, so that millions of rows never make one transaction. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
            EmbeddedAuditPacking.run(connection);
        }
    }
}
