-- Audit log of MCP requests: who called which server and tool, how it ended, how long it took. Argument values are
-- never stored. No foreign keys: entries outlive the servers and accounts they name (a revoked server's history
-- stays readable until the retention period removes it). Same portability rules as V1.

CREATE TABLE audit_log (
    id                    UUID                     NOT NULL,
    occurred_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    environment_id        UUID                     NOT NULL,
    mcp_server_id         UUID                     NOT NULL,
    integrated_account_id UUID                     NOT NULL,
    mcp_method            VARCHAR(128),
    tool_name             VARCHAR(128),
    client_name           VARCHAR(128),
    client_version        VARCHAR(64),
    http_status           INTEGER                  NOT NULL,
    upstream_status       INTEGER,
    outcome               VARCHAR(32)              NOT NULL,
    latency_ms            BIGINT                   NOT NULL,
    request_id            VARCHAR(64),
    CONSTRAINT audit_log_pk PRIMARY KEY (id)
);

-- the listing: one environment, newest first, optionally one server
CREATE INDEX audit_log_environment_idx ON audit_log (environment_id, occurred_at, id);
CREATE INDEX audit_log_server_idx ON audit_log (mcp_server_id, occurred_at, id);
-- retention: everything older than a cutoff
CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at);
