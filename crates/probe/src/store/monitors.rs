//! Monitors in the store (migration `0002_monitors.sql`): the monitors,
//! their recent checks and their webhook deliveries.
//!
//! Replicas share the work through leases. A replica *claims* due rows —
//! on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so two replicas never
//! claim the same row; SQLite has one writer at a time — and *finishes*
//! each only while it still holds the lease: a replica that lost its
//! lease (it stalled past `lease_until` and another took the row) writes
//! nothing. A check is recorded under its due time, the key of
//! `monitor_checks`, so one due check counts once whatever happens; its
//! webhooks enter the outbox in the same transaction.

use super::{Pool, Store, StoreError};

/// Checks kept per monitor.
pub const CHECKS_KEPT: i64 = 30;
/// Finished deliveries kept per monitor.
pub const DELIVERIES_KEPT: i64 = 50;

/// A monitor as the routes create it.
#[derive(Debug)]
pub struct NewMonitor {
    pub id: String,
    pub owner: String,
    pub label: String,
    pub reference: String,
    pub host: String,
    /// The settings' JSON (no password or token).
    pub settings: String,
    pub lang: String,
    pub webhook_url: String,
    pub webhook_secret: String,
    pub interval_ms: i64,
    pub created_at: i64,
    pub next_due: i64,
}

/// A monitor as the routes list it.
#[derive(Debug, Clone)]
pub struct MonitorRow {
    pub id: String,
    pub label: String,
    pub reference: String,
    pub settings: String,
    pub lang: String,
    pub webhook_url: String,
    pub interval_ms: i64,
    pub created_at: i64,
    pub next_due: i64,
    pub checked_at: Option<i64>,
    pub observation: Option<String>,
    pub checks: i64,
}

type MonitorTuple = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Option<i64>,
    Option<String>,
    i64,
);

impl From<MonitorTuple> for MonitorRow {
    fn from(t: MonitorTuple) -> Self {
        let (id, label, reference, settings, lang, webhook_url) = (t.0, t.1, t.2, t.3, t.4, t.5);
        Self {
            id,
            label,
            reference,
            settings,
            lang,
            webhook_url,
            interval_ms: t.6,
            created_at: t.7,
            next_due: t.8,
            checked_at: t.9,
            observation: t.10,
            checks: t.11,
        }
    }
}

/// A claimed monitor's row.
type ClaimedTuple = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    Option<String>,
);

/// `SELECT` of a [`MonitorRow`] with the rest of the query (literal SQL
/// only: sqlx refuses strings built at run time).
macro_rules! select_monitors {
    ($rest:literal) => {
        concat!(
            "SELECT id, label, reference, settings, lang, webhook_url, interval_ms, \
             created_at, next_due, checked_at, observation, checks FROM monitors ",
            $rest
        )
    };
}

/// A lease of due rows: PostgreSQL skips rows another replica is
/// claiming; SQLite has one writer at a time. `(sqlite, postgres)`.
macro_rules! claim {
    (@sql $table:literal, $due:literal, $extra:literal, $lock:literal, $returning:literal) => {
        concat!(
            "UPDATE ", $table, " SET lease_owner = $1, lease_until = $2 WHERE id IN (SELECT id FROM ",
            $table, " WHERE ", $due, " <= $3 AND lease_until <= $3", $extra,
            " ORDER BY ", $due, " LIMIT $4", $lock, ") RETURNING ", $returning
        )
    };
    ($table:literal, $due:literal, $extra:literal, $returning:literal) => {
        (
            claim!(@sql $table, $due, $extra, "", $returning),
            claim!(@sql $table, $due, $extra, " FOR UPDATE SKIP LOCKED", $returning),
        )
    };
}

/// A due monitor a replica claimed.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: String,
    pub label: String,
    pub reference: String,
    pub host: String,
    pub settings: String,
    pub lang: String,
    /// The due time claimed: the check's key.
    pub due: i64,
    pub interval_ms: i64,
    pub observation: Option<String>,
}

/// One check, as the history keeps it.
#[derive(Debug, Clone)]
pub struct CheckRow {
    pub due_at: i64,
    pub at: i64,
    pub works: bool,
    /// JSON array of codes.
    pub codes: String,
    /// JSON array of event types.
    pub events: String,
    pub replica: String,
}

/// A webhook to send, written with the check that raised it.
#[derive(Debug, Clone)]
pub struct NewDelivery {
    pub id: String,
    pub event_type: String,
    pub payload: String,
}

/// A delivery as the log shows it.
#[derive(Debug, Clone)]
pub struct DeliveryRow {
    pub id: String,
    pub event_type: String,
    pub created_at: i64,
    pub state: String,
    /// JSON array of `webhook::Attempt`.
    pub attempts: String,
}

/// A pending delivery a replica claimed, with where and how to send it.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub id: String,
    pub monitor_id: String,
    pub payload: String,
    pub tries: i64,
    pub attempts: String,
    pub webhook_url: String,
    pub webhook_secret: String,
}

/// What the scheduler's gauges show.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub monitors: i64,
    pub due: i64,
    pub late: i64,
    pub deliveries_retrying: i64,
    pub deliveries_failed: i64,
}

impl Store {
    /// The claim for this store's database.
    fn claim_for(&self, (sqlite, postgres): (&'static str, &'static str)) -> &'static str {
        match self.inner.pool {
            Pool::Sqlite(_) => sqlite,
            Pool::Postgres(_) => postgres,
        }
    }

    /// Stores a new monitor, unless its owner has `max` already.
    /// `Ok(false)`: at the cap.
    pub async fn put_monitor(&self, m: &NewMonitor, max: i64) -> Result<bool, StoreError> {
        const COUNT: &str = "SELECT COUNT(*) FROM monitors WHERE owner = $1";
        const SQL: &str = "INSERT INTO monitors (id, owner, label, reference, host, settings, lang, \
             webhook_url, webhook_secret, interval_ms, created_at, next_due) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
        let (n,): (i64,) = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(COUNT).bind(&m.owner).fetch_one(p).await)
            })
            .await?;
        if n >= max {
            return Ok(false);
        }
        self.call(async {
            on_pool!(&self.inner.pool, p => sqlx::query(SQL)
                .bind(&m.id)
                .bind(&m.owner)
                .bind(&m.label)
                .bind(&m.reference)
                .bind(&m.host)
                .bind(&m.settings)
                .bind(&m.lang)
                .bind(&m.webhook_url)
                .bind(&m.webhook_secret)
                .bind(m.interval_ms)
                .bind(m.created_at)
                .bind(m.next_due)
                .execute(p)
                .await
                .map(|_| true))
        })
        .await
    }

    /// The owner's monitors, oldest first (at most `limit`).
    pub async fn monitors(&self, owner: &str, limit: i64) -> Result<Vec<MonitorRow>, StoreError> {
        const SQL: &str = select_monitors!("WHERE owner = $1 ORDER BY created_at, id LIMIT $2");
        let rows: Vec<MonitorTuple> = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(SQL).bind(owner).bind(limit).fetch_all(p).await)
            })
            .await?;
        Ok(rows.into_iter().map(MonitorRow::from).collect())
    }

    /// One of the owner's monitors.
    pub async fn monitor(&self, owner: &str, id: &str) -> Result<Option<MonitorRow>, StoreError> {
        const SQL: &str = select_monitors!("WHERE owner = $1 AND id = $2");
        let row: Option<MonitorTuple> = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(SQL).bind(owner).bind(id).fetch_optional(p).await)
            })
            .await?;
        Ok(row.map(MonitorRow::from))
    }

    /// A monitor's recent checks, newest first.
    pub async fn monitor_checks(&self, id: &str) -> Result<Vec<CheckRow>, StoreError> {
        const SQL: &str = "SELECT due_at, at, works, codes, events, replica FROM monitor_checks \
             WHERE monitor_id = $1 ORDER BY due_at DESC LIMIT $2";
        let rows: Vec<(i64, i64, i64, String, String, String)> = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(SQL).bind(id).bind(CHECKS_KEPT).fetch_all(p).await)
            })
            .await?;
        Ok(rows
            .into_iter()
            .map(|(due_at, at, works, codes, events, replica)| CheckRow {
                due_at,
                at,
                works: works != 0,
                codes,
                events,
                replica,
            })
            .collect())
    }

    /// A monitor's deliveries, newest first.
    pub async fn monitor_deliveries(&self, id: &str) -> Result<Vec<DeliveryRow>, StoreError> {
        const SQL: &str = "SELECT id, event_type, created_at, state, attempts FROM webhook_deliveries \
             WHERE monitor_id = $1 ORDER BY created_at DESC, id LIMIT $2";
        let rows: Vec<(String, String, i64, String, String)> = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(SQL).bind(id).bind(DELIVERIES_KEPT).fetch_all(p).await)
            })
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, event_type, created_at, state, attempts)| DeliveryRow {
                    id,
                    event_type,
                    created_at,
                    state,
                    attempts,
                },
            )
            .collect())
    }

    /// Deletes one of the owner's monitors with its history and pending
    /// webhooks; whether there was one.
    pub async fn delete_monitor(&self, owner: &str, id: &str) -> Result<bool, StoreError> {
        const MONITOR: &str = "DELETE FROM monitors WHERE owner = $1 AND id = $2";
        const CHECKS: &str = "DELETE FROM monitor_checks WHERE monitor_id = $1";
        const DELIVERIES: &str = "DELETE FROM webhook_deliveries WHERE monitor_id = $1";
        self.call(async {
            on_pool!(&self.inner.pool, p => async {
                let mut tx = p.begin().await?;
                let n = sqlx::query(MONITOR).bind(owner).bind(id).execute(&mut *tx).await?.rows_affected();
                if n == 0 {
                    tx.rollback().await?;
                    return Ok::<bool, sqlx::Error>(false);
                }
                sqlx::query(CHECKS).bind(id).execute(&mut *tx).await?;
                sqlx::query(DELIVERIES).bind(id).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(true)
            }.await)
        })
        .await
    }

    /// Leases up to `limit` monitors due at `now` to `replica` until
    /// `lease_until`.
    pub async fn claim_due(
        &self,
        replica: &str,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let sql = self.claim_for(claim!(
            "monitors",
            "next_due",
            "",
            "id, label, reference, host, settings, lang, next_due, interval_ms, observation"
        ));

        let rows: Vec<ClaimedTuple> = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(sql)
                    .bind(replica)
                    .bind(lease_until)
                    .bind(now)
                    .bind(limit)
                    .fetch_all(p)
                    .await)
            })
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| Claimed {
                id: r.0,
                label: r.1,
                reference: r.2,
                host: r.3,
                settings: r.4,
                lang: r.5,
                due: r.6,
                interval_ms: r.7,
                observation: r.8,
            })
            .collect())
    }

    /// Checks of `host` recorded since `since` (the per-target bound).
    pub async fn checks_of_host(&self, host: &str, since: i64) -> Result<i64, StoreError> {
        const SQL: &str = "SELECT COUNT(*) FROM monitor_checks c JOIN monitors m ON m.id = c.monitor_id \
             WHERE m.host = $1 AND c.at > $2";
        let (n,): (i64,) = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(SQL).bind(host).bind(since).fetch_one(p).await)
            })
            .await?;
        Ok(n)
    }

    /// Gives a claimed monitor back without a check, due again at
    /// `next_due` (over the per-target bound).
    pub async fn postpone(&self, id: &str, replica: &str, next_due: i64) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE monitors SET next_due = $1, lease_owner = NULL, lease_until = 0 \
             WHERE id = $2 AND lease_owner = $3";
        self.call(async {
            on_pool!(&self.inner.pool, p => sqlx::query(SQL).bind(next_due).bind(id).bind(replica).execute(p).await.map(|_| ()))
        })
        .await
    }

    /// Records a claimed monitor's check and its webhooks, if `replica`
    /// still holds the lease; whether it did.
    pub async fn finish_check(
        &self,
        id: &str,
        observation: &str,
        next_due: i64,
        check: &CheckRow,
        deliveries: &[NewDelivery],
    ) -> Result<bool, StoreError> {
        const MONITOR: &str = "UPDATE monitors SET observation = $1, checked_at = $2, next_due = $3, \
             lease_owner = NULL, lease_until = 0, checks = checks + 1 \
             WHERE id = $4 AND lease_owner = $5 AND next_due = $6";
        const CHECK: &str = "INSERT INTO monitor_checks (monitor_id, due_at, at, works, codes, events, replica) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)";
        const TRIM: &str = "DELETE FROM monitor_checks WHERE monitor_id = $1 AND due_at < \
             (SELECT due_at FROM monitor_checks WHERE monitor_id = $1 ORDER BY due_at DESC LIMIT 1 OFFSET $2)";
        const OUTBOX: &str = "INSERT INTO webhook_deliveries (id, monitor_id, event_type, payload, created_at, \
             state, attempts, next_attempt) VALUES ($1, $2, $3, $4, $5, 'pending', '[]', $5)";
        self.call(async {
            on_pool!(&self.inner.pool, p => async {
                let mut tx = p.begin().await?;
                let n = sqlx::query(MONITOR)
                    .bind(observation)
                    .bind(check.at)
                    .bind(next_due)
                    .bind(id)
                    .bind(&check.replica)
                    .bind(check.due_at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if n == 0 {
                    tx.rollback().await?;
                    return Ok::<bool, sqlx::Error>(false);
                }
                sqlx::query(CHECK)
                    .bind(id)
                    .bind(check.due_at)
                    .bind(check.at)
                    .bind(i64::from(check.works))
                    .bind(&check.codes)
                    .bind(&check.events)
                    .bind(&check.replica)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(TRIM).bind(id).bind(CHECKS_KEPT - 1).execute(&mut *tx).await?;
                for d in deliveries {
                    sqlx::query(OUTBOX)
                        .bind(&d.id)
                        .bind(id)
                        .bind(&d.event_type)
                        .bind(&d.payload)
                        .bind(check.at)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(true)
            }.await)
        })
        .await
    }

    /// Leases up to `limit` pending deliveries due at `now`.
    pub async fn claim_deliveries(
        &self,
        replica: &str,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<Outgoing>, StoreError> {
        const TARGET: &str = "SELECT webhook_url, webhook_secret FROM monitors WHERE id = $1";
        const ORPHAN: &str = "DELETE FROM webhook_deliveries WHERE id = $1";
        let sql = self.claim_for(claim!(
            "webhook_deliveries",
            "next_attempt",
            " AND state = 'pending'",
            "id, monitor_id, payload, tries, attempts"
        ));
        let rows: Vec<(String, String, String, i64, String)> = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(sql)
                    .bind(replica)
                    .bind(lease_until)
                    .bind(now)
                    .bind(limit)
                    .fetch_all(p)
                    .await)
            })
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, monitor_id, payload, tries, attempts) in rows {
            let target: Option<(String, String)> = self
                .call(async {
                    on_pool!(&self.inner.pool, p => sqlx::query_as(TARGET).bind(&monitor_id).fetch_optional(p).await)
                })
                .await?;
            match target {
                Some((webhook_url, webhook_secret)) => out.push(Outgoing {
                    id,
                    monitor_id,
                    payload,
                    tries,
                    attempts,
                    webhook_url,
                    webhook_secret,
                }),
                // Its monitor was deleted meanwhile.
                None => {
                    self.call(async {
                        on_pool!(&self.inner.pool, p => sqlx::query(ORPHAN).bind(&id).execute(p).await.map(|_| ()))
                    })
                    .await?;
                }
            }
        }
        Ok(out)
    }

    /// Records an attempt of a claimed delivery: its new state
    /// (`pending`, `delivered`, `failed`), attempts and next try.
    pub async fn record_attempt(
        &self,
        d: &Outgoing,
        replica: &str,
        state: &str,
        attempts: &str,
        next_attempt: i64,
    ) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE webhook_deliveries SET state = $1, attempts = $2, tries = tries + 1, \
             next_attempt = $3, lease_owner = NULL, lease_until = 0 WHERE id = $4 AND lease_owner = $5";
        const TRIM: &str = "DELETE FROM webhook_deliveries WHERE monitor_id = $1 AND state <> 'pending' AND id IN \
             (SELECT id FROM webhook_deliveries WHERE monitor_id = $1 AND state <> 'pending' \
              ORDER BY created_at DESC, id LIMIT 1000 OFFSET $2)";
        self.call(async {
            on_pool!(&self.inner.pool, p => async {
                sqlx::query(SQL)
                    .bind(state)
                    .bind(attempts)
                    .bind(next_attempt)
                    .bind(&d.id)
                    .bind(replica)
                    .execute(p)
                    .await?;
                sqlx::query(TRIM).bind(&d.monitor_id).bind(DELIVERIES_KEPT).execute(p).await?;
                Ok::<(), sqlx::Error>(())
            }.await)
        })
        .await
    }

    /// The scheduler's gauges at `now`; due for longer than `late_after`
    /// ms is late.
    pub async fn monitor_counts(&self, now: i64, late_after: i64) -> Result<Counts, StoreError> {
        const SQL: &str = "SELECT \
             (SELECT COUNT(*) FROM monitors), \
             (SELECT COUNT(*) FROM monitors WHERE next_due <= $1), \
             (SELECT COUNT(*) FROM monitors WHERE next_due <= $2), \
             (SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'pending' AND tries > 0), \
             (SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'failed')";
        let (monitors, due, late, deliveries_retrying, deliveries_failed): (
            i64,
            i64,
            i64,
            i64,
            i64,
        ) = self
            .call(async {
                on_pool!(&self.inner.pool, p => sqlx::query_as(SQL)
                    .bind(now)
                    .bind(now.saturating_sub(late_after))
                    .fetch_one(p)
                    .await)
            })
            .await?;
        Ok(Counts {
            monitors,
            due,
            late,
            deliveries_retrying,
            deliveries_failed,
        })
    }
}
