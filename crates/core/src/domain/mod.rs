//! The sending domain (SPEC §7.2): will mail from this From domain, sent
//! through this relay, pass the receiver's SPF and DMARC checks?
//!
//! Pure evaluation over DNS answers the probe gathers (core does no I/O):
//! each check says which questions it still needs, the probe answers them
//! in parallel through its resolver (the policy of SPEC §5 applies there),
//! and the check concludes from the answers alone. The same answers give
//! the same result in a test, with no DNS server at all. [`check`] turns
//! the three into the findings a person acts on; [`senders`] holds what
//! providers document about sending for a customer's domain.

pub mod arrival;
pub mod check;
pub mod dkim;
pub mod dmarc;
pub mod senders;
pub mod spf;
