//! Whom a per-client limit counts, and the connection gate keyed by it.
//!
//! An IPv4 client is its address. An IPv6 client is its network: one
//! subscriber gets a whole /64 (often a /56 or /48), so keyed by full
//! address the same machine has 2^64 budgets, one per address it picks.
//! Every per-client limit — request rates, the send budget, the HTTP
//! listener's and the inbox's per-client connection caps, in memory and
//! on Redis — keys by [`ClientNet`], masked to `--ipv6-prefix` (64 unless
//! the operator says otherwise). IPv4-mapped and NAT64 forms count as the
//! IPv4 address they carry.

use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The IPv6 prefix length that identifies one client unless set.
pub const DEFAULT_IPV6_PREFIX: u8 = 64;

/// How clients are grouped: IPv6 addresses by their first `v6_prefix` bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientNets {
    v6_prefix: u8,
}

impl Default for ClientNets {
    fn default() -> Self {
        Self {
            v6_prefix: DEFAULT_IPV6_PREFIX,
        }
    }
}

impl ClientNets {
    /// Groups IPv6 clients by `/v6_prefix` (32 to 128; 128 is one address).
    pub fn new(v6_prefix: u8) -> Result<Self, String> {
        if (32..=128).contains(&v6_prefix) {
            Ok(Self { v6_prefix })
        } else {
            Err(format!(
                "an IPv6 client prefix of /{v6_prefix} is outside /32 to /128"
            ))
        }
    }

    /// The client network `ip` belongs to.
    pub fn of(self, ip: IpAddr) -> ClientNet {
        match smtp_doctor_core::ip::canonical(ip) {
            IpAddr::V4(v4) => ClientNet {
                base: IpAddr::V4(v4),
                prefix: 32,
            },
            IpAddr::V6(v6) => {
                let mask = u128::MAX
                    .checked_shl(u32::from(128 - self.v6_prefix))
                    .unwrap_or(0);
                ClientNet {
                    base: IpAddr::V6(Ipv6Addr::from(u128::from(v6) & mask)),
                    prefix: self.v6_prefix,
                }
            }
        }
    }
}

/// One client for the limits: an IPv4 address or an IPv6 network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClientNet {
    base: IpAddr,
    prefix: u8,
}

impl fmt::Display for ClientNet {
    /// `192.0.2.7` or `2001:db8:1:2::/64` (also the key's name in Redis).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.base {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => write!(f, "{v6}/{}", self.prefix),
        }
    }
}

/// Open connections, in total and per client network: one client cannot
/// take every place (the HTTP listener, the inbox).
#[derive(Debug)]
pub struct ConnectionGate {
    total: Arc<Semaphore>,
    capacity: usize,
    per_client: Option<usize>,
    nets: ClientNets,
    by_client: Mutex<HashMap<ClientNet, usize>>,
}

/// Why a connection was not admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Every place is taken.
    Full,
    /// This client network holds its share already.
    ClientCap,
}

/// One admitted connection; gives its places back when dropped.
#[derive(Debug)]
pub struct Admitted {
    gate: Arc<ConnectionGate>,
    client: ClientNet,
    _permit: OwnedSemaphorePermit,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        if self.gate.per_client.is_some() {
            let mut map = self.gate.clients();
            if let Some(n) = map.get_mut(&self.client) {
                *n -= 1;
                if *n == 0 {
                    map.remove(&self.client);
                }
            }
        }
    }
}

impl ConnectionGate {
    /// `total` places; at most `per_client` of them for one client network
    /// (`None`: no per-client cap, as behind a proxy).
    pub fn new(total: usize, per_client: Option<usize>, nets: ClientNets) -> Arc<Self> {
        let total = total.max(1);
        Arc::new(Self {
            total: Arc::new(Semaphore::new(total)),
            capacity: total,
            per_client,
            nets,
            by_client: Mutex::new(HashMap::new()),
        })
    }

    fn clients(&self) -> std::sync::MutexGuard<'_, HashMap<ClientNet, usize>> {
        self.by_client
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// A place for a connection from `ip`, if there is one.
    pub fn admit(self: &Arc<Self>, ip: IpAddr) -> Result<Admitted, Refused> {
        let client = self.nets.of(ip);
        let mut map = self.clients();
        if let Some(cap) = self.per_client
            && map.get(&client).copied().unwrap_or(0) >= cap
        {
            return Err(Refused::ClientCap);
        }
        let permit = Arc::clone(&self.total)
            .try_acquire_owned()
            .map_err(|_| Refused::Full)?;
        if self.per_client.is_some() {
            *map.entry(client).or_insert(0) += 1;
        }
        drop(map);
        Ok(Admitted {
            gate: Arc::clone(self),
            client,
            _permit: permit,
        })
    }

    /// Waits until every admitted connection has ended.
    pub async fn drained(&self) {
        let all = u32::try_from(self.capacity).unwrap_or(u32::MAX);
        let _ = self.total.acquire_many(all).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn ipv6_clients_are_their_network_and_ipv4_their_address() {
        let nets = ClientNets::default();
        let cases = [
            ("192.0.2.7", "192.0.2.7"),
            ("::ffff:192.0.2.7", "192.0.2.7"),
            ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
            ("2001:db8:1:2:ffff:ffff:ffff:fffe", "2001:db8:1:2::/64"),
            ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ];
        for (addr, want) in cases {
            assert_eq!(nets.of(ip(addr)).to_string(), want, "{addr}");
        }
        let wide = ClientNets::new(48).unwrap();
        assert_eq!(
            wide.of(ip("2001:db8:1:2::1")),
            wide.of(ip("2001:db8:1:ff::9"))
        );
        let exact = ClientNets::new(128).unwrap();
        assert_ne!(exact.of(ip("2001:db8::1")), exact.of(ip("2001:db8::2")));
        assert!(ClientNets::new(16).is_err());
        assert!(ClientNets::new(129).is_err());
    }

    #[test]
    fn the_gate_caps_per_client_network_and_in_total() {
        let gate = ConnectionGate::new(3, Some(2), ClientNets::default());
        let first = gate.admit(ip("192.0.2.1")).unwrap();
        let _second = gate.admit(ip("192.0.2.1")).unwrap();
        assert_eq!(gate.admit(ip("192.0.2.1")).unwrap_err(), Refused::ClientCap);
        let _third = gate.admit(ip("192.0.2.2")).unwrap();
        assert_eq!(gate.admit(ip("192.0.2.3")).unwrap_err(), Refused::Full);
        drop(first);
        assert!(gate.admit(ip("192.0.2.1")).is_ok(), "a place came back");
    }

    #[test]
    fn addresses_of_one_ipv6_network_share_one_cap() {
        let gate = ConnectionGate::new(100, Some(2), ClientNets::default());
        let _a = gate.admit(ip("2001:db8:1:2::1")).unwrap();
        let _b = gate.admit(ip("2001:db8:1:2::2")).unwrap();
        assert_eq!(
            gate.admit(ip("2001:db8:1:2::3")).unwrap_err(),
            Refused::ClientCap
        );
        assert!(gate.admit(ip("2001:db8:1:3::1")).is_ok(), "another /64");
    }
}
