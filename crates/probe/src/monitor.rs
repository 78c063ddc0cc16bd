//! The monitors' scheduler (issue 30): runs each due monitor's
//! credential-free checks — DNS, connect, TLS and the certificate, EHLO
//! and the AUTH mechanisms offered, the sending domain — compares the
//! outcome with the last one (core's [`monitor`]) and sends what changed
//! as signed webhooks.
//!
//! Every replica runs one; the store's leases decide who checks what
//! ([`crate::store::monitors`]): a due check runs once across replicas,
//! and a lease whose replica died comes back when it ends. The probe's
//! address and port policy applies as to any probe, and a bound per host
//! and hour keeps many monitors of one relay from hammering it. Webhooks
//! leave from an outbox written with the check, tried again with backoff
//! ([`webhook::Retry`]) by whichever replica leases them, and end
//! `delivered` or `failed`; both are in the monitor's delivery log.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use base64::Engine as _;
use ring::rand::{SecureRandom as _, SystemRandom};
use serde_json::json;
use sha2::{Digest as _, Sha256};
use smtp_doctor_core::monitor::{self, Change, Observation};
use smtp_doctor_core::report::{Check, Report};

use crate::engine::{Engine, ProbeRequest};
use crate::store::monitors::{CheckRow, Claimed, NewDelivery, Outgoing};
use crate::store::{Store, StoreError};
use crate::webhook::{self, Attempt, Message, Retry, WebhookSecret, WebhookUrl};

/// How monitors run (flags of `smtp-doctor serve`).
#[derive(Clone, Debug)]
pub struct MonitorOptions {
    /// The interval a monitor gets when it names none.
    pub default_interval: Duration,
    /// The shortest interval a monitor may ask for.
    pub min_interval: Duration,
    /// Checks of one host per hour, across all monitors and replicas
    /// (approximately: replicas that count at the same moment may each
    /// run one more).
    pub checks_per_host_hour: u32,
    /// Monitors one API key may hold.
    pub max_per_owner: i64,
    /// Checks one replica runs at once.
    pub parallel: usize,
    /// How webhooks are retried.
    pub retry: Retry,
    /// What `/metrics` shows of them.
    pub gauges: Arc<Gauges>,
}

impl Default for MonitorOptions {
    fn default() -> Self {
        Self {
            default_interval: Duration::from_hours(24),
            min_interval: Duration::from_mins(5),
            checks_per_host_hour: 12,
            max_per_owner: 1000,
            parallel: 4,
            retry: Retry::default(),
            gauges: Arc::default(),
        }
    }
}

impl MonitorOptions {
    /// How often the scheduler looks for due work: a quarter of the
    /// shortest interval, between 100 ms and 15 s.
    pub fn tick(&self) -> Duration {
        (self.min_interval / 4).clamp(Duration::from_millis(100), Duration::from_secs(15))
    }

    /// A check due for longer than this is late (`/metrics`).
    pub fn late_after(&self) -> Duration {
        self.tick() * 4 + Duration::from_mins(1)
    }
}

/// The scheduler's figures for `/metrics`, refreshed every tick.
#[derive(Debug, Default)]
pub struct Gauges {
    running: AtomicBool,
    monitors: AtomicI64,
    due: AtomicI64,
    late: AtomicI64,
    retrying: AtomicI64,
    failed: AtomicI64,
    checks: AtomicI64,
    lost_leases: AtomicI64,
}

impl Gauges {
    /// The Prometheus lines (none while no scheduler runs).
    pub fn render(&self, out: &mut String) {
        use std::fmt::Write as _;
        if !self.running.load(Ordering::Relaxed) {
            return;
        }
        let g = |a: &AtomicI64| a.load(Ordering::Relaxed);
        let _ = write!(
            out,
            "# HELP smtp_doctor_monitors Monitors in the store.\n\
             # TYPE smtp_doctor_monitors gauge\nsmtp_doctor_monitors {}\n\
             # HELP smtp_doctor_monitors_due Monitors whose check is due now.\n\
             # TYPE smtp_doctor_monitors_due gauge\nsmtp_doctor_monitors_due {}\n\
             # HELP smtp_doctor_monitors_late Monitors whose check has been due for longer than a few ticks.\n\
             # TYPE smtp_doctor_monitors_late gauge\nsmtp_doctor_monitors_late {}\n\
             # HELP smtp_doctor_webhooks_retrying Webhooks that failed and wait for another attempt.\n\
             # TYPE smtp_doctor_webhooks_retrying gauge\nsmtp_doctor_webhooks_retrying {}\n\
             # HELP smtp_doctor_webhooks_failing Webhooks given up after every attempt (in the delivery logs).\n\
             # TYPE smtp_doctor_webhooks_failing gauge\nsmtp_doctor_webhooks_failing {}\n\
             # HELP smtp_doctor_monitor_checks_total Checks this replica ran and recorded.\n\
             # TYPE smtp_doctor_monitor_checks_total counter\nsmtp_doctor_monitor_checks_total {}\n\
             # HELP smtp_doctor_monitor_leases_lost_total Checks this replica ran but could not record (its lease had ended).\n\
             # TYPE smtp_doctor_monitor_leases_lost_total counter\nsmtp_doctor_monitor_leases_lost_total {}\n",
            g(&self.monitors),
            g(&self.due),
            g(&self.late),
            g(&self.retrying),
            g(&self.failed),
            g(&self.checks),
            g(&self.lost_leases),
        );
    }
}

/// A monitor's id: `mon_` and 128 random bits (base64url).
pub fn new_id() -> Option<String> {
    let mut bytes = [0u8; 16];
    SystemRandom::new().fill(&mut bytes).ok()?;
    Some(format!(
        "mon_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    ))
}

/// Whether `text` has a monitor id's shape.
pub fn is_id(text: &str) -> bool {
    text.strip_prefix("mon_").is_some_and(|rest| {
        rest.len() == 22
            && rest
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
    })
}

/// What one replica runs.
#[derive(Debug)]
pub struct Scheduler {
    engine: Engine,
    store: Store,
    options: MonitorOptions,
    /// This replica's name in leases.
    replica: String,
}

impl Scheduler {
    pub fn new(engine: Engine, store: Store, options: MonitorOptions) -> Self {
        let replica = new_id().map_or_else(
            || format!("replica-{}", std::process::id()),
            |id| id.replacen("mon_", "replica_", 1),
        );
        Self {
            engine,
            store,
            options,
            replica,
        }
    }

    /// Runs the checks and the webhooks until the task is dropped.
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        let this = Arc::new(self);
        this.options.gauges.running.store(true, Ordering::Relaxed);
        tokio::spawn(async move {
            let checks = Arc::clone(&this).checks_forever();
            let deliveries = Arc::clone(&this).deliveries_forever();
            tokio::join!(checks, deliveries);
        })
    }

    /// A lease on a monitor: the longest a check may take and a margin.
    fn check_lease(&self) -> Duration {
        self.engine.options().deadline + Duration::from_secs(5)
    }

    /// A lease on a delivery: one attempt's bound and a margin.
    fn delivery_lease(&self) -> Duration {
        self.engine.options().timeout * 2 + Duration::from_secs(5)
    }

    async fn checks_forever(self: Arc<Self>) {
        self.every_tick("monitor checks", || self.check_round())
            .await;
    }

    async fn deliveries_forever(self: Arc<Self>) {
        self.every_tick("webhooks", || self.send_due()).await;
    }

    /// Runs `work` every tick (a slow round delays the next, never piles up).
    async fn every_tick<F, Fut>(&self, what: &str, mut work: F)
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<(), StoreError>>,
    {
        let mut tick = tokio::time::interval(self.options.tick());
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = work().await {
                tracing::debug!(error = %e, "{what} skipped this tick");
            }
        }
    }

    /// One round of checks, then the gauges.
    async fn check_round(&self) -> Result<(), StoreError> {
        let ran = self.run_due().await;
        self.refresh_gauges().await;
        ran
    }

    async fn refresh_gauges(&self) {
        let late = i64::try_from(self.options.late_after().as_millis()).unwrap_or(i64::MAX);
        if let Ok(c) = self
            .store
            .monitor_counts(crate::clock::now_ms(), late)
            .await
        {
            let g = &self.options.gauges;
            g.monitors.store(c.monitors, Ordering::Relaxed);
            g.due.store(c.due, Ordering::Relaxed);
            g.late.store(c.late, Ordering::Relaxed);
            g.retrying.store(c.deliveries_retrying, Ordering::Relaxed);
            g.failed.store(c.deliveries_failed, Ordering::Relaxed);
        }
    }

    /// Claims the due monitors (as many as run at once) and checks them.
    async fn run_due(&self) -> Result<(), StoreError> {
        let now = crate::clock::now_ms();
        let lease = now.saturating_add(ms(self.check_lease()));
        let limit = i64::try_from(self.options.parallel.max(1)).unwrap_or(4);
        let claimed = self
            .store
            .claim_due(&self.replica, now, lease, limit)
            .await?;
        let runs = self.within_host_bound(claimed, now).await?;
        futures_util::future::join_all(runs.into_iter().map(|c| self.check(c))).await;
        Ok(())
    }

    /// The claimed monitors whose hosts have room this hour, counting the
    /// ones of this batch; the others are postponed, keeping their place.
    async fn within_host_bound(
        &self,
        claimed: Vec<Claimed>,
        now: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        let bound = i64::from(self.options.checks_per_host_hour.max(1));
        let hour = ms(Duration::from_hours(1));
        let mut room: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
        let mut runs = Vec::with_capacity(claimed.len());
        for c in claimed {
            if !room.contains_key(&c.host) {
                let recent = self.store.checks_of_host(&c.host, now - hour).await?;
                room.insert(c.host.clone(), bound - recent);
            }
            let left = room.entry(c.host.clone()).or_default();
            if *left > 0 {
                *left -= 1;
                runs.push(c);
            } else {
                // The host had its share: due again when it has room.
                tracing::debug!(monitor = %c.id, host = %c.host, "per-host bound: postponed");
                self.store
                    .postpone(&c.id, &self.replica, now + hour / bound)
                    .await?;
            }
        }
        Ok(runs)
    }

    async fn check(&self, claimed: Claimed) {
        if let Err(e) = self.check_inner(&claimed).await {
            tracing::warn!(monitor = %claimed.id, error = %e, "monitor check not recorded");
        }
    }

    async fn check_inner(&self, claimed: &Claimed) -> Result<(), StoreError> {
        let report = self.probe(claimed).await;
        let at = crate::clock::now_ms();
        let secs = u64::try_from(at / 1000).unwrap_or_default();
        let before: Option<Observation> = claimed
            .observation
            .as_deref()
            .and_then(|o| serde_json::from_str(o).ok());
        let mut observation = Observation::of(&report, secs);
        let mut changes = monitor::changes(before.as_ref(), &mut observation, &report);
        let locale = smtp_doctor_core::i18n::negotiate(&claimed.lang);
        for change in &mut changes {
            smtp_doctor_core::i18n::localize(&mut change.diagnostics, locale);
        }
        let deliveries: Vec<NewDelivery> = changes
            .iter()
            .map(|c| delivery(claimed, &report, c, at))
            .collect();
        let events: Vec<&str> = changes.iter().map(|c| c.kind.as_str()).collect();
        let check = CheckRow {
            due_at: claimed.due,
            at,
            works: observation.works,
            codes: serde_json::to_string(
                &report
                    .diagnostics
                    .iter()
                    .filter(|d| d.code.info().live)
                    .map(|d| d.code.as_str())
                    .collect::<Vec<_>>(),
            )
            .unwrap_or_else(|_| "[]".into()),
            events: serde_json::to_string(&events).unwrap_or_else(|_| "[]".into()),
            replica: self.replica.clone(),
        };
        let state = serde_json::to_string(&observation).unwrap_or_default();
        let next = at + claimed.interval_ms + jitter(claimed.interval_ms / 10);
        if self
            .store
            .finish_check(&claimed.id, &state, next, &check, &deliveries)
            .await?
        {
            self.options.gauges.checks.fetch_add(1, Ordering::Relaxed);
            tracing::info!(monitor = %claimed.id, works = observation.works, events = ?events, "monitor checked");
        } else {
            self.options
                .gauges
                .lost_leases
                .fetch_add(1, Ordering::Relaxed);
            tracing::warn!(monitor = %claimed.id, "monitor check dropped: its lease had ended (another replica has it)");
        }
        Ok(())
    }

    /// The credential-free probe of a monitor's settings.
    async fn probe(&self, claimed: &Claimed) -> Report {
        let settings: serde_json::Value =
            serde_json::from_str(&claimed.settings).unwrap_or_default();
        let mut checks = vec![Check::Tls];
        if settings
            .get("from")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|f| !f.is_empty())
        {
            checks.push(Check::Domain);
        }
        let request = ProbeRequest {
            config: settings.into(),
            checks,
            recipient: None,
            locale: smtp_doctor_core::i18n::negotiate(&claimed.lang),
        };
        self.engine.probe(&request, &mut |_| {}).await
    }

    /// Claims the webhooks due and tries each once.
    async fn send_due(&self) -> Result<(), StoreError> {
        let now = crate::clock::now_ms();
        let lease = now.saturating_add(ms(self.delivery_lease()));
        let due = self
            .store
            .claim_deliveries(&self.replica, now, lease, 16)
            .await?;
        futures_util::future::join_all(due.iter().map(|d| self.send(d))).await;
        Ok(())
    }

    async fn send(&self, d: &Outgoing) {
        let mut attempts: Vec<Attempt> = serde_json::from_str(&d.attempts).unwrap_or_default();
        let attempt = match (
            WebhookUrl::parse(&d.webhook_url, &self.engine),
            WebhookSecret::parse(&d.webhook_secret),
        ) {
            (Ok(url), Some(secret)) => {
                let message = Message {
                    id: &d.id,
                    payload: &d.payload,
                };
                webhook::attempt_once(&self.engine, &url, &secret, &message).await
            }
            // The policy changed since the monitor was made.
            (Err(e), _) => Attempt::refused(&format!("refused: {e}")),
            (_, None) => Attempt::refused("refused: the monitor's signing secret is unreadable"),
        };
        let tries = u32::try_from(d.tries).unwrap_or(u32::MAX).saturating_add(1);
        let retry = self.options.retry;
        let (state, next) = if attempt.delivered() {
            ("delivered", 0)
        } else if attempt.retryable() && tries < retry.attempts {
            (
                "pending",
                crate::clock::now_ms() + ms(retry.wait_after(tries)),
            )
        } else {
            ("failed", 0)
        };
        tracing::info!(delivery = %d.id, monitor = %d.monitor_id, status = ?attempt.status, state, "webhook attempt");
        attempts.push(attempt);
        let log = serde_json::to_string(&attempts).unwrap_or_else(|_| "[]".into());
        if let Err(e) = self
            .store
            .record_attempt(d, &self.replica, state, &log, next)
            .await
        {
            tracing::warn!(delivery = %d.id, error = %e, "webhook attempt not recorded");
        }
    }
}

/// The webhook for one change: the same id whichever replica (or
/// retry) builds it.
fn delivery(claimed: &Claimed, report: &Report, change: &Change, at: i64) -> NewDelivery {
    let kind = change.kind.as_str();
    let digest = Sha256::digest(format!("{}\n{}\n{kind}", claimed.id, claimed.due));
    let id = format!(
        "msg_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
    );
    let codes: Vec<&str> = change.diagnostics.iter().map(|d| d.code.as_str()).collect();
    let payload = json!({
        "type": kind,
        "timestamp": rfc3339_ms(at),
        "data": {
            "monitor": {
                "id": claimed.id,
                "label": claimed.label,
                "reference": claimed.reference,
            },
            "target": {
                "host": report.target.host,
                "port": report.target.port,
                "security": report.target.security,
            },
            "codes": codes,
            "diagnostics": change.diagnostics,
        }
    });
    NewDelivery {
        id,
        event_type: kind.to_owned(),
        payload: payload.to_string(),
    }
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// A random wait in `[0, max)` ms: monitors made together drift apart.
fn jitter(max: i64) -> i64 {
    if max <= 0 {
        return 0;
    }
    let mut bytes = [0u8; 8];
    let _ = SystemRandom::new().fill(&mut bytes);
    i64::try_from(u64::from_le_bytes(bytes) % u64::try_from(max).unwrap_or(1)).unwrap_or(0)
}

/// RFC 3339 in UTC of a time in ms.
pub fn rfc3339_ms(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at / 1000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_read_back_only_in_their_shape() {
        let (a, b) = (new_id().unwrap(), new_id().unwrap());
        assert_ne!(a, b);
        assert!(is_id(&a) && is_id(&b));
        for bad in [
            "",
            "mon_",
            "mon_short",
            &format!("{a}x"),
            "rep_AAAAAAAAAAAAAAAAAAAAAA",
            "mon_AAAAAAAAAAAAAAAAAAAA/A",
        ] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn the_tick_follows_the_shortest_interval() {
        let o = |min| MonitorOptions {
            min_interval: Duration::from_millis(min),
            ..MonitorOptions::default()
        };
        assert_eq!(o(300_000).tick(), Duration::from_secs(15));
        assert_eq!(o(1000).tick(), Duration::from_millis(250));
        assert_eq!(o(10).tick(), Duration::from_millis(100));
        assert!((0..100).all(|_| (0..50).contains(&jitter(50))));
        assert_eq!(jitter(0), 0);
    }
}
