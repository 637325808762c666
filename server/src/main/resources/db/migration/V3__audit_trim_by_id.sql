-- The retention trim walks the primary key instead: audit ids are time-ordered (UUID version 7, whose timestamp is
-- never earlier than occurred_at), so "id below the first id of the cutoff's millisecond" finds the old rows. One
-- index fewer to maintain on every audited call.
DROP INDEX audit_log_occurred_at_idx;
