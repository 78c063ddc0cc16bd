//! The per-target admission of one probe: the engine asks for it (its
//! `Admit`) once it knows the addresses it will connect to, and gives it
//! back when the session is over.

use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use futures_util::future::BoxFuture;
use tokio::sync::oneshot;

use super::{Limits, Refused, TargetSlot};

/// Shared with the future the engine awaits (the slots may live in
/// Redis); the slot is held until this is dropped or given back.
#[derive(Clone)]
pub(crate) struct Admission(Arc<Mutex<Admitted>>);

struct Admitted {
    limits: Limits,
    slot: Option<TargetSlot>,
    refused: Option<Refused>,
    notify: Option<oneshot::Sender<Result<(), Refused>>>,
}

impl Limits {
    /// A probe's admission; `notify` hears the decision the first time it
    /// is made (a streamed probe answers 429 instead of a stream).
    pub(crate) fn admission(
        &self,
        notify: Option<oneshot::Sender<Result<(), Refused>>>,
    ) -> Admission {
        Admission(Arc::new(Mutex::new(Admitted {
            limits: self.clone(),
            slot: None,
            refused: None,
            notify,
        })))
    }
}

impl Admission {
    /// The engine's `Admit`: the target's slot for `addresses`, or, with
    /// none, the slot given back (the session is over, the arrival wait
    /// goes on without a connection).
    pub(crate) fn admit(&self, addresses: Vec<IpAddr>) -> BoxFuture<'static, bool> {
        let this = self.clone();
        if addresses.is_empty() {
            let slot = this.lock().slot.take();
            drop(slot);
            return Box::pin(std::future::ready(true));
        }
        Box::pin(async move {
            let limits = this.lock().limits.clone();
            let result = limits.address_slot(&addresses).await;
            let mut admitted = this.lock();
            let result = result.map(|slot| {
                admitted.slot = Some(slot);
            });
            let ok = result.is_ok();
            match (admitted.notify.take(), result) {
                (Some(tx), result) => {
                    let _ = tx.send(result);
                }
                (None, Err(e)) => admitted.refused = Some(e),
                (None, Ok(())) => {}
            }
            ok
        })
    }

    fn lock(&self) -> MutexGuard<'_, Admitted> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Why the target was refused, if it was (without a stream to tell).
    pub(crate) fn refused(&self) -> Option<Refused> {
        self.lock().refused.take()
    }
}
