//! The service's limits, behind one face (SPEC §5, §7.3, §7.5): per-client
//! rates (a probe budget, a tighter send budget), a service-wide cap on
//! probes running at once, and a per-target cap. Handlers ask [`Limits`]
//! and hold what it gives them; they never see governor, semaphores or
//! Redis.
//!
//! With `--redis` the limits are shared by every replica ([`shared`]);
//! while Redis is away each replica falls back to its own ([`memory`]),
//! so a weaker limit never becomes an outage.

mod admission;
mod memory;
pub mod shared;
mod slots;

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

pub(crate) use slots::TargetSlot;

use super::{ApiError, Settings, token};
use crate::clients::ClientNet;

/// Whom a rate limit counts: the client (an IPv4 address, an IPv6
/// network), or the `sub` of the browser token it sent (one customer's
/// page, wherever it runs).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RateKey {
    Address(ClientNet),
    Subject(String),
}

impl RateKey {
    pub(crate) fn new(client: ClientNet, subject: Option<&token::Subject>) -> Self {
        subject.map_or(Self::Address(client), |s| Self::Subject(s.0.clone()))
    }

    /// The key's name in Redis.
    fn shared_name(&self) -> String {
        match self {
            Self::Address(net) => format!("ip:{net}"),
            Self::Subject(sub) => format!("sub:{}", sub.chars().take(128).collect::<String>()),
        }
    }
}

/// What a request costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One probe of the client's probe rate, one service-wide slot.
    Probe,
    /// A discovery verifies up to 16 candidates, 100 ms apart: it costs
    /// [`DISCOVER_WEIGHT`] probes of the rate and of the slots.
    Discover,
    /// A message on the relay's queue (`send`, `arrival`): the send budget.
    Send,
    /// A share link stored (`POST /v1/reports`): the share budget.
    Share,
}

/// How many probes one `/v1/discover` counts as.
pub(crate) const DISCOVER_WEIGHT: u32 = 4;

impl Kind {
    fn weight(self) -> u32 {
        match self {
            Self::Discover => DISCOVER_WEIGHT,
            Self::Probe | Self::Send | Self::Share => 1,
        }
    }

    /// The budget it counts against, by its name in Redis.
    fn budget(self) -> &'static str {
        match self {
            Self::Send => "send",
            Self::Share => "share",
            Self::Probe | Self::Discover => "probe",
        }
    }
}

/// Why a request was not let in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// The client's budget is spent until then.
    Rate { retry_after: Duration },
    /// Every service-wide slot is taken.
    AtCapacity,
    /// The target already has its share of probes running.
    TargetBusy,
}

impl From<Refused> for ApiError {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Rate { retry_after } => Self::RateLimited { retry_after },
            Refused::AtCapacity => Self::AtCapacity,
            Refused::TargetBusy => Self::RateLimited {
                retry_after: Duration::from_secs(5),
            },
        }
    }
}

/// The limits of one service (cheap to clone).
#[derive(Clone, Debug)]
pub(crate) struct Limits {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    probes_per_minute: u32,
    sends_per_hour: u32,
    reports_per_hour: u32,
    max_probes: u32,
    per_target: usize,
    /// How long a shared slot is held at most: a replica that dies holding
    /// one gives it back by this expiry.
    slot_expiry: Duration,
    memory: memory::Memory,
    shared: Option<shared::Shared>,
    in_flight: AtomicI64,
}

impl Limits {
    /// The limits `settings` ask for; `longest_probe` is how long a probe
    /// may run at most (an arrival's wait included).
    pub(crate) fn new(settings: &Settings, longest_probe: Duration) -> Self {
        let max_probes = u32::try_from(settings.max_probes)
            .unwrap_or(u32::MAX)
            .max(1);
        Self {
            inner: Arc::new(Inner {
                probes_per_minute: settings.probes_per_minute.max(1),
                sends_per_hour: settings.sends_per_hour.max(1),
                reports_per_hour: settings.reports_per_hour.max(1),
                max_probes,
                per_target: settings.per_target.max(1),
                slot_expiry: longest_probe + Duration::from_secs(10),
                memory: memory::Memory::new(
                    settings.probes_per_minute,
                    settings.sends_per_hour,
                    settings.reports_per_hour,
                    max_probes,
                ),
                shared: settings.shared.clone(),
                in_flight: AtomicI64::new(0),
            }),
        }
    }

    /// Takes what a request of `kind` costs from the client's budget.
    pub(crate) async fn rate(&self, key: &RateKey, kind: Kind) -> Result<(), Refused> {
        let this = &self.inner;
        if let Some(shared) = &this.shared {
            let (burst, period) = match kind {
                Kind::Send => (this.sends_per_hour, Duration::from_hours(1)),
                Kind::Share => (this.reports_per_hour, Duration::from_hours(1)),
                Kind::Probe | Kind::Discover => (this.probes_per_minute, Duration::from_mins(1)),
            };
            let name = key.shared_name();
            match shared
                .rate(kind.budget(), &name, burst, period, kind.weight())
                .await
            {
                Ok(None) => return Ok(()),
                Ok(Some(retry_after)) => return Err(Refused::Rate { retry_after }),
                Err(e) => tracing::debug!(error = %e, "rate limit from memory"),
            }
        }
        this.memory.rate(kind, key, kind.weight())
    }

    /// `None` without Redis; else whether it answers now.
    pub(crate) fn shared_up(&self) -> Option<bool> {
        self.inner.shared.as_ref().map(shared::Shared::is_up)
    }

    /// The limits' lines of the Prometheus text.
    pub(crate) fn render(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "# HELP smtp_doctor_probes_in_flight Probes running now.\n# TYPE smtp_doctor_probes_in_flight gauge\nsmtp_doctor_probes_in_flight {}",
            self.inner.in_flight.load(Ordering::Relaxed)
        );
        if let Some(shared) = &self.inner.shared {
            let _ = write!(
                out,
                "# HELP smtp_doctor_redis_up Whether the shared limits' Redis answers (0: this replica's own limits apply).\n\
                 # TYPE smtp_doctor_redis_up gauge\nsmtp_doctor_redis_up {}\n\
                 # HELP smtp_doctor_redis_errors_total Redis commands that failed or timed out.\n\
                 # TYPE smtp_doctor_redis_errors_total counter\nsmtp_doctor_redis_errors_total {}\n",
                u8::from(shared.is_up()),
                shared.errors()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::ClientNets;

    #[test]
    fn redis_keys_name_the_client_network() {
        let nets = ClientNets::default();
        let key = |ip: &str| RateKey::new(nets.of(ip.parse().unwrap()), None).shared_name();
        assert_eq!(key("203.0.113.7"), "ip:203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "ip:203.0.113.7");
        assert_eq!(key("2001:db8:1:2::1"), "ip:2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:aaaa::9"), key("2001:db8:1:2::1"));
        let sub = token::Subject("tenant-7".into());
        assert_eq!(
            RateKey::new(nets.of("2001:db8::1".parse().unwrap()), Some(&sub)).shared_name(),
            "sub:tenant-7"
        );
    }

    fn limits(max_probes: usize, per_target: usize) -> Limits {
        let settings = Settings {
            max_probes,
            per_target,
            probes_per_minute: 2,
            sends_per_hour: 1,
            ..Settings::default()
        };
        Limits::new(&settings, Duration::from_mins(1))
    }

    fn client(ip: &str) -> RateKey {
        RateKey::new(ClientNets::default().of(ip.parse().unwrap()), None)
    }

    #[tokio::test]
    async fn budgets_are_per_client_and_per_kind() {
        let limits = limits(8, 2);
        let a = client("203.0.113.7");
        assert_eq!(limits.rate(&a, Kind::Probe).await, Ok(()));
        assert_eq!(limits.rate(&a, Kind::Probe).await, Ok(()));
        assert!(matches!(
            limits.rate(&a, Kind::Probe).await,
            Err(Refused::Rate { retry_after }) if retry_after > Duration::ZERO
        ));
        // The send budget is its own; another client has its own.
        assert_eq!(limits.rate(&a, Kind::Send).await, Ok(()));
        assert!(limits.rate(&a, Kind::Send).await.is_err());
        assert_eq!(
            limits.rate(&client("203.0.113.8"), Kind::Probe).await,
            Ok(())
        );
        // A discovery costs more than the whole burst: it takes what one may.
        let b = client("198.51.100.1");
        assert_eq!(limits.rate(&b, Kind::Discover).await, Ok(()));
        assert_eq!(limits.rate(&b, Kind::Probe).await, Ok(()));
        assert!(limits.rate(&b, Kind::Probe).await.is_err());
    }

    #[tokio::test]
    async fn slots_come_back_when_dropped() {
        let limits = limits(4, 1);
        let discover = limits.probe_slot(Kind::Discover).await.unwrap();
        assert_eq!(
            limits.probe_slot(Kind::Probe).await.unwrap_err(),
            Refused::AtCapacity
        );
        drop(discover);
        let probe = limits.probe_slot(Kind::Probe).await.unwrap();
        let mut text = String::new();
        limits.render(&mut text);
        assert!(text.contains("smtp_doctor_probes_in_flight 1"), "{text}");
        drop(probe);

        let ip = ["192.0.2.1".parse().unwrap()];
        let mapped = ["::ffff:192.0.2.1".parse().unwrap()];
        let held = limits.address_slot(&ip).await.unwrap();
        assert_eq!(
            limits.address_slot(&mapped).await.unwrap_err(),
            Refused::TargetBusy
        );
        drop(held);
        assert!(limits.address_slot(&mapped).await.is_ok());
    }
}
