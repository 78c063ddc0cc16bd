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
//! - a per-client cap (an IPv4 address, an IPv6 /64: see
//!   [`crate::clients`]), so one client (or one slowloris) cannot take
//!   every connection; it is off behind a trusted proxy, where every
//!   connection comes from the proxy;
//! - over a cap, a new connection is closed at once rather than left in
//!   the kernel's queue, and accept errors (EMFILE) back off instead of
//!   spinning.

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt as _;

use crate::clients::{ClientNets, ConnectionGate};

/// Limits of the listener (flags of `smtp-doctor serve`).
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    /// Time a client has to send a request's headers; also how long a
    /// keep-alive connection may sit idle.
    pub header_timeout: Duration,
    /// Open connections, service-wide (lowered to fit the file limit).
    pub max_connections: usize,
    /// Open connections from one client (an IPv4 address, an IPv6
    /// network); `None` turns it off.
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

/// Serves `router` on `listener` until `shutdown` resolves, then stops
/// accepting, lets in-flight requests finish and returns when every
/// connection has closed.
pub async fn run(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    nets: ClientNets,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let gate = ConnectionGate::new(limits.max_connections, limits.per_address, nets);
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
        let admitted = match gate.admit(peer.ip()) {
            Ok(admitted) => admitted,
            Err(why) => {
                tracing::debug!(%peer, ?why, "connection refused: at the connection cap");
                drop(tcp);
                continue;
            }
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
    // Every connection gives its place back when it ends.
    gate.drained().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_leaves_room_for_the_probes() {
        assert!(fit_to_file_limit(1_000_000, 32) < 1_000_000);
        assert_eq!(fit_to_file_limit(10, 32), 10);
    }
}
