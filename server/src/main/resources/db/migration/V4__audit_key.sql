-- The listing's index becomes the primary key: (environment_id, occurred_at, id) serves the listing of an environment
-- (newest first, keyset on occurred_at and id) and the retention trim (one environment's rows older than a cutoff),
-- and the separate index on id goes. Nothing looks an entry up by id alone. One B-tree fewer to maintain on every
-- audited call: on the embedded database the audit insert with three indexes cost ~25% of a tools/call's CPU more
-- than with two (bench/RESULTS.md). On a large table this rebuilds the key once, at the first start after upgrading.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pk;
DROP INDEX audit_log_environment_idx;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_pk PRIMARY KEY (environment_id, occurred_at, id);
