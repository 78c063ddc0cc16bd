//! Where share links and monitors live (SPEC §4, `/v1/reports`,
//! `/v1/monitors`): the state the service keeps. `--store sqlite:PATH` is one file for one instance;
//! `--store postgres://…` is shared by replicas. Both through sqlx, with
//! the versioned migrations of `migrations/` run at start.
//!
//! The store enforces expiry itself: every read asks for rows that have
//! not expired, and a sweeper deletes the expired ones, a bounded batch at
//! a time. It holds only hashes of the link ids and delete tokens
//! ([`ids`]). Every call is bounded by [`CALL_TIMEOUT`]; a store that is
//! down answers [`StoreError`] at once, which the routes turn into a 503
//! while probes go on. PostgreSQL that is away at start is retried in the
//! background (its migrations with it), so a replica starts without it.

pub mod ids;

use std::fmt::Write as _;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

pub use ids::{DeleteToken, ReportId};

/// The schema's versions, for SQLite and PostgreSQL alike.
static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The longest one store call may take.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(3);
/// How often expired rows are swept away.
const SWEEP_EVERY: Duration = Duration::from_mins(1);
/// Rows one sweep deletes at most (the next sweep takes the rest).
const SWEEP_BATCH: i64 = 1000;

/// Where the store is (`--store`).
#[derive(Clone, PartialEq, Eq)]
pub enum StoreUrl {
    /// `sqlite:PATH`: one file, created when missing.
    Sqlite(std::path::PathBuf),
    /// `postgres://…` or `postgresql://…`.
    Postgres(String),
}

impl std::fmt::Debug for StoreUrl {
    /// Never the password of a PostgreSQL URL.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl StoreUrl {
    /// The URL for logs: a PostgreSQL URL without its user info or query.
    pub fn redacted(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite:{}", path.display()),
            Self::Postgres(url) => {
                let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
                let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
                let host = host.split(['?', '#']).next().unwrap_or_default();
                format!("postgres://{host}")
            }
        }
    }
}

/// A `--store` that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("--store takes sqlite:PATH or postgres://…, not {0:?}")]
pub struct BadStoreUrl(String);

impl FromStr for StoreUrl {
    type Err = BadStoreUrl;

    fn from_str(s: &str) -> Result<Self, BadStoreUrl> {
        if let Some(path) = s.strip_prefix("sqlite:") {
            let path = path.strip_prefix("//").unwrap_or(path);
            if path.is_empty() || path.contains('?') || path == ":memory:" {
                return Err(BadStoreUrl(s.to_owned()));
            }
            return Ok(Self::Sqlite(path.into()));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(Self::Postgres(s.to_owned()));
        }
        // Only the scheme: the rest may hold a password.
        let scheme = s.split(':').next().unwrap_or_default();
        Err(BadStoreUrl(format!("{scheme}:…")))
    }
}

/// Why a store call failed. The routes answer 503 for each.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the report store is not ready yet (migrations pending)")]
    NotReady,
    #[error("the report store did not answer within {} s", CALL_TIMEOUT.as_secs())]
    Timeout,
    #[error("the report store failed: {0}")]
    Database(#[from] sqlx::Error),
    #[error("the report store's migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// One stored report as the routes read it back.
#[derive(Debug)]
pub struct Stored {
    /// The redacted report, as JSON.
    pub report: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// The same sqlx expression on whichever pool the store has (the query
/// text is one for both: the schema and placeholders are portable).
macro_rules! on_pool {
    ($pool:expr, $p:ident => $body:expr) => {
        match $pool {
            Pool::Sqlite($p) => $body,
            Pool::Postgres($p) => $body,
        }
    };
}

// After the macro: it is textually scoped.
pub mod monitors;

#[derive(Debug, Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The share links' store (cheap to clone).
#[derive(Clone, Debug)]
pub struct Store {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    pool: Pool,
    url: StoreUrl,
    /// Migrations have run: calls may go ahead.
    ready: AtomicBool,
    /// The last call (or ping) succeeded.
    up: AtomicBool,
    errors: AtomicU64,
}

impl Store {
    /// Opens the store at `url` and brings its schema up to date. SQLite
    /// must open now (a wrong path is a configuration error); PostgreSQL
    /// that does not answer yet is retried in the background.
    pub async fn open(url: StoreUrl) -> Result<Self, StoreError> {
        let pool = match &url {
            StoreUrl::Sqlite(path) => {
                let options = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .busy_timeout(CALL_TIMEOUT);
                Pool::Sqlite(
                    SqlitePoolOptions::new()
                        .max_connections(4)
                        .acquire_timeout(CALL_TIMEOUT)
                        .connect_with(options)
                        .await?,
                )
            }
            StoreUrl::Postgres(text) => {
                let options = PgConnectOptions::from_str(text)?.application_name("smtp-doctor");
                Pool::Postgres(
                    PgPoolOptions::new()
                        .max_connections(8)
                        .acquire_timeout(CALL_TIMEOUT)
                        .connect_lazy_with(options),
                )
            }
        };
        let store = Self {
            inner: Arc::new(Inner {
                pool,
                url,
                ready: AtomicBool::new(false),
                up: AtomicBool::new(false),
                errors: AtomicU64::new(0),
            }),
        };
        match store.migrate().await {
            Ok(()) => {}
            Err(e) if matches!(store.inner.pool, Pool::Sqlite(_)) => return Err(e),
            Err(e) => {
                tracing::warn!(store = %store.inner.url.redacted(), error = %e, "report store not reachable; retrying in the background");
                tokio::spawn(store.clone().migrate_until_done());
            }
        }
        tokio::spawn(store.clone().sweep_forever());
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let run = async { on_pool!(&self.inner.pool, p => MIGRATOR.run(p).await) };
        let result = match tokio::time::timeout(CALL_TIMEOUT * 3, run).await {
            Ok(r) => r.map_err(StoreError::from),
            Err(_) => Err(StoreError::Timeout),
        };
        self.inner.ready.store(result.is_ok(), Ordering::Relaxed);
        self.note(result.is_ok());
        result
    }

    /// Retries the migrations with a backoff up to 30 s until they run.
    async fn migrate_until_done(self) {
        let mut wait = Duration::from_secs(1);
        loop {
            tokio::time::sleep(wait).await;
            // Only this task and the sweeper still hold the store: the
            // service is gone.
            if Arc::strong_count(&self.inner) <= 2 {
                return;
            }
            match self.migrate().await {
                Ok(()) => {
                    tracing::info!(store = %self.inner.url.redacted(), "report store ready");
                    return;
                }
                Err(e) => tracing::debug!(error = %e, "report store still away"),
            }
            wait = (wait * 2).min(Duration::from_secs(30));
        }
    }

    /// Deletes expired rows now and then; also how a store that came
    /// back is noticed without a request.
    async fn sweep_forever(self) {
        let mut tick = tokio::time::interval(SWEEP_EVERY);
        tick.tick().await;
        loop {
            tick.tick().await;
            if Arc::strong_count(&self.inner) == 1 {
                return; // The service is gone.
            }
            let now = i64::try_from(crate::clock::now()).unwrap_or(i64::MAX);
            match self.sweep(now).await {
                Ok(n) if n > 0 => tracing::debug!(deleted = n, "expired share links swept"),
                Ok(_) => {}
                Err(e) => tracing::debug!(error = %e, "sweep failed"),
            }
        }
    }

    fn note(&self, ok: bool) {
        self.inner.up.store(ok, Ordering::Relaxed);
        if !ok {
            self.inner.errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Runs `call` if the schema is ready, bounded by [`CALL_TIMEOUT`],
    /// and records whether the store answered.
    async fn call<T>(
        &self,
        call: impl Future<Output = Result<T, sqlx::Error>>,
    ) -> Result<T, StoreError> {
        if !self.inner.ready.load(Ordering::Relaxed) {
            return Err(StoreError::NotReady);
        }
        let result = match tokio::time::timeout(CALL_TIMEOUT, call).await {
            Ok(r) => r.map_err(StoreError::from),
            Err(_) => Err(StoreError::Timeout),
        };
        self.note(result.is_ok());
        result
    }

    /// Stores a report under `id` until `expires_at` (seconds since the
    /// epoch).
    pub async fn put(
        &self,
        id: &ReportId,
        delete: &DeleteToken,
        report: &str,
        created_at: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO shared_reports (id_hash, report, delete_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
        let (key, token) = (id.hash(), delete.hash());
        self.call(async {
            on_pool!(&self.inner.pool, p => sqlx::query(SQL)
                .bind(&key)
                .bind(report)
                .bind(&token)
                .bind(created_at)
                .bind(expires_at)
                .execute(p)
                .await
                .map(|_| ()))
        })
        .await
    }

    /// The report under `id`, unless it expired by `now` or never was.
    pub async fn get(&self, id: &ReportId, now: i64) -> Result<Option<Stored>, StoreError> {
        const SQL: &str = "SELECT report, created_at, expires_at FROM shared_reports WHERE id_hash = $1 AND expires_at > $2";
        let key = id.hash();
        let row: Option<(String, i64, i64)> = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(SQL)
                    .bind(&key)
                    .bind(now)
                    .fetch_optional(p)
                    .await)
            })
            .await?;
        Ok(row.map(|(report, created_at, expires_at)| Stored {
            report,
            created_at,
            expires_at,
        }))
    }

    /// Deletes the report under `id` if `token` is its delete token;
    /// whether one was deleted.
    pub async fn delete(&self, id: &ReportId, token: &DeleteToken) -> Result<bool, StoreError> {
        const SQL: &str = "DELETE FROM shared_reports WHERE id_hash = $1 AND delete_hash = $2";
        let (key, token) = (id.hash(), token.hash());
        let n = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query(SQL)
                    .bind(&key)
                    .bind(&token)
                    .execute(p)
                    .await
                    .map(|r| r.rows_affected()))
            })
            .await?;
        Ok(n > 0)
    }

    /// Deletes up to [`SWEEP_BATCH`] rows expired by `now`; how many.
    pub async fn sweep(&self, now: i64) -> Result<u64, StoreError> {
        const SQL: &str = "DELETE FROM shared_reports WHERE id_hash IN (SELECT id_hash FROM shared_reports WHERE expires_at <= $1 LIMIT $2)";
        self.call(async {
            on_pool!(&self.inner.pool, p => sqlx::query(SQL)
                .bind(now)
                .bind(SWEEP_BATCH)
                .execute(p)
                .await
                .map(|r| r.rows_affected()))
        })
        .await
    }

    /// Asks the store whether it answers (for `/readyz`).
    pub async fn ping(&self) -> bool {
        self.call(async {
            on_pool!(&self.inner.pool, p => sqlx::query("SELECT 1").execute(p).await.map(|_| ()))
        })
        .await
        .is_ok()
    }

    /// `sqlite` or `postgres`.
    pub fn kind(&self) -> &'static str {
        match self.inner.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    /// Whether the last call succeeded (and the schema is ready).
    pub fn is_up(&self) -> bool {
        self.inner.ready.load(Ordering::Relaxed) && self.inner.up.load(Ordering::Relaxed)
    }

    /// The store's lines of the Prometheus text.
    pub fn render(&self, out: &mut String) {
        let _ = write!(
            out,
            "# HELP smtp_doctor_store_up Whether the share links' store answered its last call.\n\
             # TYPE smtp_doctor_store_up gauge\nsmtp_doctor_store_up{{kind=\"{kind}\"}} {up}\n\
             # HELP smtp_doctor_store_errors_total Store calls that failed or timed out.\n\
             # TYPE smtp_doctor_store_errors_total counter\nsmtp_doctor_store_errors_total {errors}\n",
            kind = self.kind(),
            up = u8::from(self.is_up()),
            errors = self.inner.errors.load(Ordering::Relaxed),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_urls_are_read_and_never_logged_with_their_password() {
        assert_eq!(
            "sqlite:/var/lib/smtp-doctor/reports.db"
                .parse::<StoreUrl>()
                .unwrap(),
            StoreUrl::Sqlite("/var/lib/smtp-doctor/reports.db".into())
        );
        assert_eq!(
            "sqlite://reports.db".parse::<StoreUrl>().unwrap(),
            StoreUrl::Sqlite("reports.db".into())
        );
        let pg: StoreUrl = "postgres://app:hunter2@db.internal:5432/smtp?sslmode=require"
            .parse()
            .unwrap();
        assert_eq!(format!("{pg:?}"), "postgres://db.internal:5432/smtp");
        for bad in [
            "sqlite:",
            "sqlite::memory:",
            "mysql://u:hunter2@h/db",
            "reports.db",
        ] {
            let e = bad.parse::<StoreUrl>().unwrap_err().to_string();
            assert!(!e.contains("hunter2"), "{e}");
        }
    }

    #[tokio::test]
    async fn expiry_and_deletion_on_sqlite() {
        let dir = std::env::temp_dir().join(format!("smtp-doctor-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(StoreUrl::Sqlite(dir.join("r.db")))
            .await
            .unwrap();
        assert!(store.ping().await && store.is_up());
        let (id, token) = (ReportId::new().unwrap(), DeleteToken::new().unwrap());
        store
            .put(&id, &token, "{\"ok\":false}", 100, 200)
            .await
            .unwrap();
        assert_eq!(
            store.get(&id, 150).await.unwrap().unwrap().report,
            "{\"ok\":false}"
        );
        // Expired is the same as never stored.
        assert!(store.get(&id, 200).await.unwrap().is_none());
        assert!(
            store
                .get(&ReportId::new().unwrap(), 150)
                .await
                .unwrap()
                .is_none()
        );
        // Only its own token deletes it.
        assert!(
            !store
                .delete(&id, &DeleteToken::new().unwrap())
                .await
                .unwrap()
        );
        assert!(store.delete(&id, &token).await.unwrap());
        assert!(store.get(&id, 150).await.unwrap().is_none());
        // The sweeper takes what expired, not the rest.
        let (old, new) = (ReportId::new().unwrap(), ReportId::new().unwrap());
        store.put(&old, &token, "{}", 0, 10).await.unwrap();
        store.put(&new, &token, "{}", 0, 1000).await.unwrap();
        assert_eq!(store.sweep(500).await.unwrap(), 1);
        assert!(store.get(&new, 500).await.unwrap().is_some());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
