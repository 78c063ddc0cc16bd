-- Monitors (SPEC §4, `POST /v1/monitors`, issue 30). One schema for SQLite
-- and PostgreSQL: text and 64-bit integers only; times in milliseconds
-- since the epoch.
--
-- A monitor holds settings without a password or token (it never logs
-- in), the integrator's webhook URL and the secret its webhooks are
-- signed with (needed to sign; shown to the integrator once). `owner` is
-- the SHA-256 of the API key that created it: a key sees only its own.
CREATE TABLE monitors (
    id             TEXT   PRIMARY KEY,
    owner          TEXT   NOT NULL,
    label          TEXT   NOT NULL,
    reference      TEXT   NOT NULL,
    host           TEXT   NOT NULL,
    settings       TEXT   NOT NULL,
    lang           TEXT   NOT NULL,
    webhook_url    TEXT   NOT NULL,
    webhook_secret TEXT   NOT NULL,
    interval_ms    BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    -- When the next check is due; a replica leases a due monitor until
    -- `lease_until` (a lease whose replica died comes back then).
    next_due       BIGINT NOT NULL,
    lease_owner    TEXT,
    lease_until    BIGINT NOT NULL DEFAULT 0,
    checked_at     BIGINT,
    -- The last check's observation (core's `monitor::Observation`, JSON).
    observation    TEXT,
    checks         BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX monitors_due ON monitors (next_due);
CREATE INDEX monitors_owner ON monitors (owner, created_at);
CREATE INDEX monitors_host ON monitors (host);

-- Each check that ran, the last few per monitor. One row per due time:
-- the primary key is what makes a check count once across replicas.
CREATE TABLE monitor_checks (
    monitor_id TEXT   NOT NULL,
    due_at     BIGINT NOT NULL,
    at         BIGINT NOT NULL,
    works      BIGINT NOT NULL,
    codes      TEXT   NOT NULL,
    events     TEXT   NOT NULL,
    replica    TEXT   NOT NULL,
    PRIMARY KEY (monitor_id, due_at)
);

CREATE INDEX monitor_checks_at ON monitor_checks (at);

-- The webhooks: an outbox (pending ones are leased like monitors and
-- retried with backoff) and the delivery log (the last few per monitor).
-- `id` is the Standard Webhooks `webhook-id`, the same for every attempt.
CREATE TABLE webhook_deliveries (
    id           TEXT   PRIMARY KEY,
    monitor_id   TEXT   NOT NULL,
    event_type   TEXT   NOT NULL,
    payload      TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    state        TEXT   NOT NULL,
    tries        BIGINT NOT NULL DEFAULT 0,
    attempts     TEXT   NOT NULL,
    next_attempt BIGINT NOT NULL,
    lease_owner  TEXT,
    lease_until  BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt);
CREATE INDEX webhook_deliveries_monitor ON webhook_deliveries (monitor_id, created_at);
