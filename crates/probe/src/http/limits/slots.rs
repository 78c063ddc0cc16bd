//! The slots a running probe holds: service-wide (a probe one, a
//! discovery four) and per target (every address it may connect to). Each
//! is given back when dropped, also when a client hangs up and the probe
//! is cancelled.

use std::sync::atomic::Ordering;

use super::{Kind, Limits, Refused, shared};

impl Limits {
    /// The service-wide slots a request of `kind` holds while it runs.
    pub(crate) async fn probe_slot(&self, kind: Kind) -> Result<ProbeSlot, Refused> {
        let this = &self.inner;
        let weight = kind.weight().clamp(1, this.max_probes);
        if let Some(shared) = &this.shared {
            let names = ["all".to_owned()];
            let cap = this.max_probes as usize;
            match shared
                .take("probes", &names, cap, weight, this.slot_expiry)
                .await
            {
                Ok(Some(held)) => return Ok(self.probe_slot_of(Held::Shared(held))),
                Ok(None) => return Err(Refused::AtCapacity),
                Err(e) => tracing::debug!(error = %e, "probe cap from memory"),
            }
        }
        let permit = this.memory.take_probes(weight)?;
        Ok(self.probe_slot_of(Held::Local(permit)))
    }

    fn probe_slot_of(&self, held: Held) -> ProbeSlot {
        self.inner.in_flight.fetch_add(1, Ordering::Relaxed);
        ProbeSlot {
            limits: self.clone(),
            held,
        }
    }

    /// A per-target slot for each of `keys` (SPEC §7.3: a probe counts
    /// against every resolved address it may connect to, so `h`, `h.`,
    /// the IP and its `::ffff:` form are one target); refused when any of
    /// them already has `per_target` probes running.
    pub(crate) async fn target_slot(&self, mut keys: Vec<String>) -> Result<TargetSlot, Refused> {
        keys.sort();
        keys.dedup();
        let this = &self.inner;
        if let Some(shared) = &this.shared {
            match shared
                .take("target", &keys, this.per_target, 1, this.slot_expiry)
                .await
            {
                Ok(Some(held)) => {
                    return Ok(TargetSlot {
                        limits: self.clone(),
                        keys: Vec::new(),
                        shared: Some(held),
                    });
                }
                Ok(None) => return Err(Refused::TargetBusy),
                Err(e) => tracing::debug!(error = %e, "per-target cap from memory"),
            }
        }
        this.memory.take_targets(&keys, this.per_target)?;
        Ok(TargetSlot {
            limits: self.clone(),
            keys,
            shared: None,
        })
    }

    /// The per-target slots of a probe's checked addresses: one spelling
    /// per address (mapped and NAT64 forms count as the IPv4 address they
    /// carry).
    pub(crate) async fn address_slot(
        &self,
        addresses: &[std::net::IpAddr],
    ) -> Result<TargetSlot, Refused> {
        self.target_slot(
            addresses
                .iter()
                .map(|ip| smtp_doctor_core::ip::canonical(*ip).to_string())
                .collect(),
        )
        .await
    }
}

/// Service-wide slots: this replica's semaphore, or shared in Redis.
#[derive(Debug)]
enum Held {
    /// Held for its `Drop`, which gives the slots back.
    Local(#[allow(dead_code)] tokio::sync::OwnedSemaphorePermit),
    Shared(shared::Held),
}

/// Held while a probe runs; frees its service-wide slots when dropped
/// (also when a client hangs up and the probe is cancelled).
#[derive(Debug)]
pub(crate) struct ProbeSlot {
    limits: Limits,
    held: Held,
}

impl Drop for ProbeSlot {
    fn drop(&mut self) {
        let this = &self.limits.inner;
        this.in_flight.fetch_sub(1, Ordering::Relaxed);
        if let (Held::Shared(held), Some(shared)) = (&self.held, &this.shared) {
            shared.give(held.clone());
        }
    }
}

/// Held while a probe runs; frees its per-target slots when dropped.
#[derive(Debug)]
pub(crate) struct TargetSlot {
    limits: Limits,
    /// This replica's counts, when they were taken here.
    keys: Vec<String>,
    /// The shared slots, when they were taken in Redis.
    shared: Option<shared::Held>,
}

impl Drop for TargetSlot {
    fn drop(&mut self) {
        let this = &self.limits.inner;
        if let (Some(held), Some(shared)) = (self.shared.take(), &this.shared) {
            shared.give(held);
        }
        this.memory.give_targets(&self.keys);
    }
}
