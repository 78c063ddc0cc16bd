//! This replica's own limits: GCRA rates per client (governor), a
//! semaphore for the service-wide cap, a count per target. The only limits
//! without `--redis`, and the fallback while Redis is away.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{Kind, RateKey, Refused};

/// Clients remembered before the idle ones are forgotten.
const MAX_CLIENTS: usize = 50_000;

pub(super) struct Memory {
    probe_rate: DefaultKeyedRateLimiter<RateKey>,
    send_rate: DefaultKeyedRateLimiter<RateKey>,
    share_rate: DefaultKeyedRateLimiter<RateKey>,
    probes: Arc<Semaphore>,
    targets: Mutex<HashMap<String, usize>>,
}

impl std::fmt::Debug for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memory")
            .field("probes_free", &self.probes.available_permits())
            .finish_non_exhaustive()
    }
}

fn at_least_one(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

impl Memory {
    pub(super) fn new(
        probes_per_minute: u32,
        sends_per_hour: u32,
        reports_per_hour: u32,
        max_probes: u32,
    ) -> Self {
        Self {
            probe_rate: DefaultKeyedRateLimiter::keyed(Quota::per_minute(at_least_one(
                probes_per_minute,
            ))),
            send_rate: DefaultKeyedRateLimiter::keyed(Quota::per_hour(at_least_one(
                sends_per_hour,
            ))),
            share_rate: DefaultKeyedRateLimiter::keyed(Quota::per_hour(at_least_one(
                reports_per_hour,
            ))),
            probes: Arc::new(Semaphore::new(max_probes as usize)),
            targets: Mutex::new(HashMap::new()),
        }
    }

    /// `weight` cells of the client's budget for `kind`; more than the
    /// whole burst takes what one request may.
    pub(super) fn rate(&self, kind: Kind, key: &RateKey, weight: u32) -> Result<(), Refused> {
        let limiter = match kind {
            Kind::Send => &self.send_rate,
            Kind::Share => &self.share_rate,
            Kind::Probe | Kind::Discover => &self.probe_rate,
        };
        if limiter.len() > MAX_CLIENTS {
            limiter.retain_recent();
        }
        let refused = |not_until: governor::NotUntil<_>| Refused::Rate {
            retry_after: not_until.wait_time_from(DefaultClock::default().now()),
        };
        match limiter.check_key_n(key, at_least_one(weight)) {
            Ok(result) => result.map_err(refused),
            Err(_) => limiter.check_key(key).map_err(refused),
        }
    }

    pub(super) fn take_probes(&self, weight: u32) -> Result<OwnedSemaphorePermit, Refused> {
        Arc::clone(&self.probes)
            .try_acquire_many_owned(weight)
            .map_err(|_| Refused::AtCapacity)
    }

    /// One count for each of `keys`, unless one of them is at `cap`.
    pub(super) fn take_targets(&self, keys: &[String], cap: usize) -> Result<(), Refused> {
        let mut targets = self.targets();
        if keys
            .iter()
            .any(|k| targets.get(k).is_some_and(|n| *n >= cap))
        {
            return Err(Refused::TargetBusy);
        }
        for k in keys {
            *targets.entry(k.clone()).or_insert(0) += 1;
        }
        Ok(())
    }

    pub(super) fn give_targets(&self, keys: &[String]) {
        if keys.is_empty() {
            return;
        }
        let mut targets = self.targets();
        for key in keys {
            if let Some(n) = targets.get_mut(key) {
                *n -= 1;
                if *n == 0 {
                    targets.remove(key);
                }
            }
        }
    }

    /// The counts; a panic elsewhere while holding them leaves them usable.
    fn targets(&self) -> MutexGuard<'_, HashMap<String, usize>> {
        self.targets.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
