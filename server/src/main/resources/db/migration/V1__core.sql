-- Core schema. Runs unchanged on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode (the embedded database):
-- only types and syntax both accept. In H2's PostgreSQL mode TEXT is CHARACTER VARYING and BYTEA is BINARY VARYING.
-- Timestamps are TIMESTAMP WITH TIME ZONE (microseconds on both); the application writes them in UTC.

CREATE TABLE environments (
    id         UUID                     NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT environments_pk PRIMARY KEY (id),
    CONSTRAINT environments_name_uq UNIQUE (name)
);

-- Admin API tokens: only the HMAC-SHA256 of the token (hex) is stored.
CREATE TABLE api_tokens (
    id             UUID                     NOT NULL,
    environment_id UUID                     NOT NULL,
    token_hash     VARCHAR(64)              NOT NULL,
    label          VARCHAR(200)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_tokens_pk PRIMARY KEY (id),
    CONSTRAINT api_tokens_token_hash_uq UNIQUE (token_hash),
    CONSTRAINT api_tokens_environment_fk FOREIGN KEY (environment_id)
        REFERENCES environments (id) ON DELETE CASCADE
);

CREATE INDEX api_tokens_environment_idx ON api_tokens (environment_id, created_at, id);

-- Connected accounts. Credentials are an AEAD ciphertext bound to the account id; credential_fields is a JSON array
-- of the field names (never values) so listings need no decryption.
CREATE TABLE integrated_accounts (
    id                     UUID                     NOT NULL,
    environment_id         UUID                     NOT NULL,
    integration            VARCHAR(100)             NOT NULL,
    label                  VARCHAR(200)             NOT NULL,
    credentials_ciphertext BYTEA                    NOT NULL,
    credential_fields      TEXT                     NOT NULL,
    base_url               VARCHAR(2048),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT integrated_accounts_pk PRIMARY KEY (id),
    -- target of mcp_servers' composite foreign key: a server always lives in its account's environment
    CONSTRAINT integrated_accounts_id_environment_uq UNIQUE (id, environment_id),
    CONSTRAINT integrated_accounts_environment_fk FOREIGN KEY (environment_id)
        REFERENCES environments (id) ON DELETE CASCADE
);

CREATE INDEX integrated_accounts_environment_idx ON integrated_accounts (environment_id, created_at, id);

-- MCP servers: a filtered view of one account, reachable by a secret token stored only as its HMAC.
CREATE TABLE mcp_servers (
    id                    UUID                     NOT NULL,
    environment_id        UUID                     NOT NULL,
    integrated_account_id UUID                     NOT NULL,
    name                  VARCHAR(200)             NOT NULL,
    config                TEXT                     NOT NULL,
    token_hash            VARCHAR(64)              NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mcp_servers_pk PRIMARY KEY (id),
    CONSTRAINT mcp_servers_token_hash_uq UNIQUE (token_hash),
    CONSTRAINT mcp_servers_account_fk FOREIGN KEY (integrated_account_id, environment_id)
        REFERENCES integrated_accounts (id, environment_id) ON DELETE CASCADE
);

CREATE INDEX mcp_servers_account_idx ON mcp_servers (integrated_account_id, created_at, id);
CREATE INDEX mcp_servers_expires_at_idx ON mcp_servers (expires_at);

-- db-scheduler 16.x (cluster-safe expiry job): its official PostgreSQL DDL, unchanged.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
