-- Share links (SPEC §4, `POST /v1/reports`). One schema for SQLite and
-- PostgreSQL: text and 64-bit integers only.
--
-- The link's id is never stored, only its SHA-256 (`id_hash`): a copy of
-- the database opens no report. The delete token likewise.
CREATE TABLE shared_reports (
    id_hash     TEXT   PRIMARY KEY,
    report      TEXT   NOT NULL,
    delete_hash TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);

CREATE INDEX shared_reports_expiry ON shared_reports (expires_at);
