//! The accept loop: hyper with a timer, so that slow and idle clients
//! cannot hold the service (SPEC §7.3).
//!
//! `axum::serve` has no header-read timeout and no connection cap: 300
//! clients that send a header byte a second, or nothing at all, used to
//! exhaust the file descriptors until `/healthz` stopped answering. Here:
//! - a header-read timeout, which hyper also starts when a keep-alive
//!   connection goes idle after a response, so it is the idle timeout too;
//! - a cap on open connections, kept below the process's file limit (the
//!   soft limit is raised to the hard one first), with room left for the
//!   probes' own sockets;
//! - a per-address cap, so one client (or one slowloris) cannot take
//!   every connection; it is off behind a trusted proxy, where every
//!   connection comes from the proxy;
//! - over a cap, a new connection is closed at once rather than left in
//!   the kernel's queue, and accept errors (EMFILE) back off instead of
//!   spinning.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tower::ServiceExt as _;

/// Limits of the listener (flags of `smtp-doctor serve`).
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    /// Time a client has to send a request's headers; also how long a
    /// keep-alive connection may sit idle.
    pub header_timeout: Duration,
    /// Open connections, service-wide (lowered to fit the file limit).
    pub max_connections: usize,
    /// Open connections from one address; `None` turns it off.
    pub per_address: Option<usize>,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(10),
            max_connections: 1024,
            per_address: Some(64),
        }
    }
}

/// Descriptors kept free for what is not a client connection: the
/// probes' SMTP and DNS sockets, the listener, logs, the sandbox.
fn reserved_descriptors(max_probes: usize) -> usize {
    64 + 4 * max_probes
}

/// Raises the soft file limit to the hard one and returns how many client
/// connections fit under it.
pub fn fit_to_file_limit(wanted: usize, max_probes: usize) -> usize {
    let limit = rlimit::increase_nofile_limit(u64::MAX)
        .or_else(|_| rlimit::getrlimit(rlimit::Resource::NOFILE).map(|(soft, _)| soft))
        .ok()
        .and_then(|n| usize::try_from(n).ok());
    match limit {
        Some(n) => wanted.min(n.saturating_sub(reserved_descriptors(max_probes)).max(8)),
        None => wanted,
    }
}

/// Open connections, in total and per address.
#[derive(Debug)]
struct Gate {
    total: Arc<Semaphore>,
    per_address: Option<usize>,
    by_address: Mutex<HashMap<IpAddr, usize>>,
}

/// One admitted connection; gives its places back when dropped.
struct Admitted {
    gate: Arc<Gate>,
    ip: IpAddr,
    _permit: OwnedSemaphorePermit,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        if self.gate.per_address.is_some()
            && let Ok(mut map) = self.gate.by_address.lock()
            && let Some(n) = map.get_mut(&self.ip)
        {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}

impl Gate {
    fn admit(self: &Arc<Self>, ip: IpAddr) -> Option<Admitted> {
        let permit = Arc::clone(&self.total).try_acquire_owned().ok()?;
        if let Some(cap) = self.per_address {
            let mut map = self.by_address.lock().ok()?;
            let n = map.entry(ip).or_insert(0);
            if *n >= cap {
                return None;
            }
            *n += 1;
        }
        Some(Admitted {
            gate: Arc::clone(self),
            ip,
            _permit: permit,
        })
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then stops
/// accepting, lets in-flight requests finish and returns when every
/// connection has closed.
pub async fn run(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let max = limits.max_connections.max(1);
    let gate = Arc::new(Gate {
        total: Arc::new(Semaphore::new(max)),
        per_address: limits.per_address,
        by_address: Mutex::new(HashMap::new()),
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of descriptors (or a connection reset before
                    // accept): wait instead of spinning on the error.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let Some(admitted) = gate.admit(peer.ip()) else {
            tracing::debug!(%peer, "connection refused: at the connection cap");
            drop(tcp);
            continue;
        };
        let _ = tcp.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request| {
            request.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(request)
        });
        let connection = http.serve_connection(TokioIo::new(tcp), service);
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            tokio::pin!(connection);
            let stopping = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            tokio::select! {
                _ = connection.as_mut() => {}
                () = stopping => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
            drop(admitted);
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    // Every connection gives its permit back when it ends.
    let all = u32::try_from(max).unwrap_or(u32::MAX);
    let _ = gate.total.acquire_many(all).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_caps_per_address_and_in_total() {
        let gate = Arc::new(Gate {
            total: Arc::new(Semaphore::new(3)),
            per_address: Some(2),
            by_address: Mutex::new(HashMap::new()),
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let first = gate.admit(a).unwrap();
        let _second = gate.admit(a).unwrap();
        assert!(gate.admit(a).is_none(), "per-address cap");
        let _third = gate.admit(b).unwrap();
        assert!(gate.admit(b).is_none(), "total cap");
        drop(first);
        assert!(gate.admit(a).is_some(), "a place came back");
    }

    #[test]
    fn the_cap_leaves_room_for_the_probes() {
        assert!(fit_to_file_limit(1_000_000, 32) < 1_000_000);
        assert_eq!(fit_to_file_limit(10, 32), 10);
    }
}
