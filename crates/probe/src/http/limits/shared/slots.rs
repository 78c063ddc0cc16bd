//! Slots shared through Redis: taken in several sets at once (the
//! service-wide cap, every address of a target) or not at all, given back
//! in the background until done. A take that timed out may still run when
//! Redis wakes, so every take is compensated by a give, and a give that
//! comes first tombstones its holder (see the module above).

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{COMMAND_TIMEOUT, Shared, Unavailable};

/// A slot holder: released with [`Shared::give`].
#[derive(Debug, Clone)]
pub struct Held {
    /// The holder's tombstone, then its slot sets.
    keys: Vec<String>,
    holder: String,
    weight: u32,
    /// Milliseconds until the slots expire by themselves.
    expiry_ms: u64,
}

impl Shared {
    /// `weight` slots in each of `slots` (`(name, cap)` pairs share one
    /// cap: the caller groups them), held until [`give`](Self::give) or
    /// `expiry`. `Ok(None)`: one of them is full.
    pub async fn take(
        &self,
        kind: &str,
        names: &[String],
        cap: usize,
        weight: u32,
        expiry: Duration,
    ) -> Result<Option<Held>, Unavailable> {
        let held = self.holder(kind, names, weight, expiry);
        match self.invoke_take(&held, cap).await {
            Ok(Ok(taken)) => {
                self.inner.up.store(true, Ordering::Relaxed);
                Ok((taken == 1).then_some(held))
            }
            // It may still run when Redis wakes: give it back then.
            Ok(Err(e)) => {
                self.give(held);
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// A new holder of `weight` slots in each of `names`.
    pub(super) fn holder(
        &self,
        kind: &str,
        names: &[String],
        weight: u32,
        expiry: Duration,
    ) -> Held {
        let holder = format!(
            "{}-{}",
            self.inner.replica,
            self.inner.next.fetch_add(1, Ordering::Relaxed)
        );
        let mut keys = vec![self.key(&["gone", &holder])];
        keys.extend(names.iter().map(|n| self.key(&["slots", kind, n])));
        Held {
            keys,
            holder,
            weight: weight.max(1),
            expiry_ms: u64::try_from(expiry.as_millis()).unwrap_or(u64::MAX).max(1),
        }
    }

    /// TAKE for `held`. `Err`: not sent (no connection); `Ok(Err)`: sent
    /// but unanswered or refused, so it may have run or may still run.
    pub(super) async fn invoke_take(
        &self,
        held: &Held,
        cap: usize,
    ) -> Result<Result<u8, Unavailable>, Unavailable> {
        let mut conn = self.conn().ok_or_else(|| self.failed("not connected"))?;
        let mut call = self.inner.take.prepare_invoke();
        for key in &held.keys {
            call.key(key);
        }
        call.arg(cap)
            .arg(&held.holder)
            .arg(held.expiry_ms)
            .arg(held.weight);
        let taken = tokio::time::timeout(COMMAND_TIMEOUT, call.invoke_async::<u8>(&mut conn)).await;
        Ok(match taken {
            Ok(Ok(taken)) => Ok(taken),
            Ok(Err(e)) => Err(self.failed(e)),
            Err(_) => Err(self.failed("timed out")),
        })
    }

    /// Gives slots back, in the background, trying again (backing off to
    /// 5 s) until it is done or the slots would have expired anyway.
    pub fn give(&self, held: Held) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let shared = self.clone();
        runtime.spawn(async move {
            let until = tokio::time::Instant::now() + Duration::from_millis(held.expiry_ms);
            let mut pause = Duration::from_millis(250);
            while tokio::time::Instant::now() < until {
                if shared.give_once(&held).await {
                    return;
                }
                shared.inner.errors.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
        });
    }

    pub(super) async fn give_once(&self, held: &Held) -> bool {
        let Some(mut conn) = self.conn() else {
            return false;
        };
        let mut call = self.inner.give.prepare_invoke();
        for key in &held.keys {
            call.key(key);
        }
        call.arg(&held.holder).arg(held.weight).arg(held.expiry_ms);
        let result = tokio::time::timeout(COMMAND_TIMEOUT, call.invoke_async::<u64>(&mut conn));
        matches!(result.await, Ok(Ok(_)))
    }
}
