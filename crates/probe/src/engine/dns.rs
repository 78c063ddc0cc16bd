//! Name resolution with hickory-resolver: the system's resolver by default,
//! or `--dns-server IP:PORT` (tests point it at a local server). NXDOMAIN,
//! a name without addresses and a resolver that does not answer are told
//! apart by hickory's predicates, not by matching message text.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{
    ConnectionConfig, LookupIpStrategy, NameServerConfig, ResolveHosts, ResolverConfig,
    ResolverOpts,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::proto::rr::RData;

/// The resolver settings every lookup of the probe uses: the given server
/// (UDP and TCP; `None`: the system's) and these options.
fn resolver_config(
    server: Option<SocketAddr>,
    timeout: Duration,
) -> (Option<ResolverConfig>, ResolverOpts) {
    let mut opts = ResolverOpts::default();
    opts.timeout = timeout;
    opts.attempts = 2;
    opts.ip_strategy = LookupIpStrategy::Ipv4AndIpv6;
    opts.cache_size = 256;
    let config = server.map(|addr| {
        opts.use_hosts_file = ResolveHosts::Never;
        let mut udp = ConnectionConfig::udp();
        udp.port = addr.port();
        let mut tcp = ConnectionConfig::tcp();
        tcp.port = addr.port();
        let ns = NameServerConfig::new(addr.ip(), true, vec![udp, tcp]);
        ResolverConfig::from_name_servers(vec![ns])
    });
    (config, opts)
}

/// A DKIM verifier (`mail-auth`) that looks keys up exactly as the probe
/// does: the same server, the same timeout.
pub fn message_authenticator(
    server: Option<SocketAddr>,
    timeout: Duration,
) -> Result<mail_auth::MessageAuthenticator, String> {
    let (config, opts) = resolver_config(server, timeout);
    let config = if let Some(config) = config {
        config
    } else {
        let (config, _) = hickory_resolver::system_conf::read_system_conf()
            .map_err(|e| format!("cannot read the system's DNS settings: {e}"))?;
        config
    };
    mail_auth::MessageAuthenticator::new(config, opts)
        .map_err(|e| format!("cannot start the DKIM verifier's resolver: {e}"))
}

/// Why a lookup found nothing. The first four are answers about the
/// name; `Unavailable` is the probe's own outage and never the customer's
/// fault (SPEC §7.1 `probe.dns-unavailable`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsFailure {
    /// NXDOMAIN.
    NotFound,
    /// The name exists without records of the type asked.
    NoAddress,
    /// The resolver answered with an error code (`SERVFAIL`, `REFUSED`, …).
    ServerError(String),
    /// No answer in time, though the resolver itself works.
    Timeout,
    /// The probe cannot reach its resolver at all.
    Unavailable,
    Other(String),
}

impl std::fmt::Display for DnsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFound => f.write_str("the name does not exist"),
            Self::NoAddress => f.write_str("no records of that type"),
            Self::ServerError(rcode) => write!(f, "the resolver answered {rcode}"),
            Self::Timeout => f.write_str("no answer in time"),
            Self::Unavailable => f.write_str("the test service's DNS resolver does not answer"),
            Self::Other(e) => f.write_str(e),
        }
    }
}

/// A zone answered locally, never asked of any server: the sandbox's
/// `sandbox.test` (a reserved name), so the demo's discovery and sending
/// domain check work offline.
#[derive(Clone, Debug, Default)]
pub struct LocalZone {
    /// The zone's apex, e.g. `sandbox.test`.
    pub apex: String,
    /// SRV records by owner name; every other name in the zone is NXDOMAIN.
    pub srv: Vec<(String, SrvRecord)>,
    /// A and AAAA records by owner name.
    pub hosts: Vec<(String, Vec<IpAddr>)>,
    /// TXT records by owner name.
    pub txt: Vec<(String, Vec<String>)>,
}

impl LocalZone {
    /// `sandbox.test`, answered for a running sandbox: its SRV records and
    /// `smtp.sandbox.test` at its addresses.
    pub fn sandbox(sandbox: &smtp_doctor_sandbox::Sandbox) -> Self {
        Self {
            apex: "sandbox.test".into(),
            srv: sandbox
                .srv_records()
                .into_iter()
                .map(|(owner, port)| {
                    (
                        owner.to_owned(),
                        SrvRecord {
                            priority: 0,
                            weight: 1,
                            port,
                            target: smtp_doctor_sandbox::SANDBOX_HOST.into(),
                        },
                    )
                })
                .collect(),
            hosts: vec![(
                smtp_doctor_sandbox::SANDBOX_HOST.into(),
                sandbox.ips().to_vec(),
            )],
            // Mail from the sandbox's domain through the sandbox passes SPF
            // and DMARC, as a well-kept domain's would.
            txt: vec![
                (
                    "sandbox.test".into(),
                    vec![format!(
                        "v=spf1 a:{} -all",
                        smtp_doctor_sandbox::SANDBOX_HOST
                    )],
                ),
                (
                    "_dmarc.sandbox.test".into(),
                    vec!["v=DMARC1; p=quarantine".into()],
                ),
            ],
        }
    }

    /// Whether the zone answers `name`: a name in it, or the DMARC record
    /// of the top-level domain above it when that is the special-use
    /// `test` (RFC 6761: never delegated, so there is nothing to ask; the
    /// DMARC tree walk of `sandbox.test` ends there offline).
    fn contains(&self, name: &str) -> bool {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if self.apex.is_empty() {
            return false;
        }
        name == self.apex
            || name.ends_with(&format!(".{}", self.apex))
            || (self.apex.rsplit('.').next() == Some("test") && name == "_dmarc.test")
    }
}

/// A resolver for the probe.
#[derive(Clone, Debug)]
pub struct Dns {
    resolver: TokioResolver,
    local: std::sync::Arc<LocalZone>,
}

impl Dns {
    /// The system resolver, or the given server (UDP and TCP).
    pub fn new(server: Option<SocketAddr>, timeout: Duration) -> Result<Self, String> {
        let (config, opts) = resolver_config(server, timeout);
        let builder = match config {
            Some(config) => {
                TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
            }
            None => TokioResolver::builder_tokio()
                .map_err(|e| format!("cannot read the system's DNS settings: {e}"))?,
        };
        let resolver = builder
            .with_options(opts)
            .build()
            .map_err(|e| format!("cannot start the resolver: {e}"))?;
        Ok(Self {
            resolver,
            local: std::sync::Arc::default(),
        })
    }

    /// Answers `zone` locally instead of asking the resolver.
    #[must_use]
    pub fn with_local_zone(mut self, zone: LocalZone) -> Self {
        self.local = std::sync::Arc::new(zone);
        self
    }

    /// A and AAAA records of `host`.
    pub async fn addresses(&self, host: &str) -> Result<Vec<IpAddr>, DnsFailure> {
        if self.local.contains(host) {
            let key = host.trim_end_matches('.').to_ascii_lowercase();
            return self
                .local
                .hosts
                .iter()
                .find(|(owner, _)| *owner == key)
                .map(|(_, ips)| ips.clone())
                .filter(|ips| !ips.is_empty())
                .ok_or(DnsFailure::NotFound);
        }
        let fqdn = if host.ends_with('.') {
            host.to_owned()
        } else {
            format!("{host}.")
        };
        match self.resolver.lookup_ip(fqdn.as_str()).await {
            Ok(lookup) => {
                let ips: Vec<IpAddr> = lookup.iter().collect();
                if ips.is_empty() {
                    Err(DnsFailure::NoAddress)
                } else {
                    Ok(ips)
                }
            }
            Err(e) => Err(classify(&e)),
        }
    }

    /// The records of one type at a name, from the resolver (the caller
    /// answers for the local zone first).
    async fn records(
        &self,
        name: &str,
        kind: hickory_resolver::proto::rr::RecordType,
    ) -> Result<Vec<RData>, DnsFailure> {
        let lookup = self
            .resolver
            .lookup(format!("{}.", name.trim_end_matches('.')), kind)
            .await
            .map_err(|e| classify(&e))?;
        Ok(lookup.answers().iter().map(|r| r.data.clone()).collect())
    }

    /// TXT records of a name, each record's character-strings joined (RFC
    /// 7208 §3.3: an SPF record split over several strings is one record).
    /// Bytes that are not UTF-8 are replaced: the records are read, never
    /// sent anywhere.
    pub async fn txt(&self, name: &str) -> Result<Vec<String>, DnsFailure> {
        if self.local.contains(name) {
            let key = name.trim_end_matches('.').to_ascii_lowercase();
            return self
                .local
                .txt
                .iter()
                .find(|(owner, _)| *owner == key)
                .map(|(_, records)| records.clone())
                .ok_or(DnsFailure::NotFound);
        }
        let records = self
            .records(name, hickory_resolver::proto::rr::RecordType::TXT)
            .await?;
        Ok(records
            .iter()
            .filter_map(|data| match data {
                RData::TXT(txt) => Some(
                    txt.txt_data
                        .iter()
                        .map(|part| String::from_utf8_lossy(part))
                        .collect::<String>(),
                ),
                _ => None,
            })
            .collect())
    }

    /// MX hosts of a domain, by preference (for discovery).
    pub async fn mx(&self, domain: &str) -> Result<Vec<(u16, String)>, DnsFailure> {
        if self.local.contains(domain) {
            return Err(DnsFailure::NotFound);
        }
        let records = self
            .records(domain, hickory_resolver::proto::rr::RecordType::MX)
            .await?;
        let mut out: Vec<(u16, String)> = records
            .iter()
            .filter_map(|data| match data {
                RData::MX(mx) => Some((
                    mx.preference,
                    mx.exchange.to_ascii().trim_end_matches('.').to_owned(),
                )),
                _ => None,
            })
            .collect();
        out.sort();
        Ok(out)
    }
}

/// One SRV record (RFC 2782).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SrvRecord {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    /// Empty when the target is "." (the service is decidedly not offered).
    pub target: String,
}

impl Dns {
    /// SRV records of `name` (e.g. `_submissions._tcp.example.com`), by
    /// priority then descending weight.
    pub async fn srv(&self, name: &str) -> Result<Vec<SrvRecord>, DnsFailure> {
        if self.local.contains(name) {
            let key = name.trim_end_matches('.').to_ascii_lowercase();
            let records: Vec<SrvRecord> = self
                .local
                .srv
                .iter()
                .filter(|(owner, _)| *owner == key)
                .map(|(_, r)| r.clone())
                .collect();
            return if records.is_empty() {
                Err(DnsFailure::NotFound)
            } else {
                Ok(records)
            };
        }
        let records = self
            .records(name, hickory_resolver::proto::rr::RecordType::SRV)
            .await?;
        let mut out: Vec<SrvRecord> = records
            .iter()
            .filter_map(|data| match data {
                RData::SRV(srv) => Some(SrvRecord {
                    priority: srv.priority,
                    weight: srv.weight,
                    port: srv.port,
                    target: srv.target.to_ascii().trim_end_matches('.').to_owned(),
                }),
                _ => None,
            })
            .collect();
        out.sort_by_key(|r| (r.priority, std::cmp::Reverse(r.weight)));
        Ok(out)
    }
}

/// hickory's error as an answer about the name, or as an outage. Typed
/// matches only, never the error's text.
fn classify(e: &NetError) -> DnsFailure {
    match e {
        _ if e.is_nx_domain() => DnsFailure::NotFound,
        _ if e.is_no_records_found() => DnsFailure::NoAddress,
        NetError::Dns(DnsError::ResponseCode(code)) => {
            DnsFailure::ServerError(code.to_str().to_ascii_uppercase())
        }
        NetError::Timeout => DnsFailure::Timeout,
        NetError::NoConnections | NetError::Io(_) => DnsFailure::Unavailable,
        _ if e.is_connection_closed() => DnsFailure::Unavailable,
        other => DnsFailure::Other(other.to_string()),
    }
}

impl Dns {
    /// A lookup that timed out is the name's problem only if the resolver
    /// answers other questions: asks it for the root's name servers (any
    /// answer, even an error code, proves it is there) and waits at most
    /// `within` (3 s at most).
    pub async fn resolver_answers(&self, within: Duration) -> bool {
        let query = self
            .resolver
            .lookup(".", hickory_resolver::proto::rr::RecordType::NS);
        match tokio::time::timeout(within.min(Duration::from_secs(3)), query).await {
            Ok(Ok(_)) => true,
            Ok(Err(e)) => matches!(
                classify(&e),
                DnsFailure::NotFound | DnsFailure::NoAddress | DnsFailure::ServerError(_)
            ),
            Err(_) => false,
        }
    }

    /// `failure`, with a timeout confirmed as the name's or turned into
    /// [`DnsFailure::Unavailable`] when the resolver answers nothing
    /// within `within`.
    pub async fn confirm(&self, failure: DnsFailure, within: Duration) -> DnsFailure {
        if failure == DnsFailure::Timeout && !self.resolver_answers(within).await {
            DnsFailure::Unavailable
        } else {
            failure
        }
    }
}
