//! SPF (RFC 7208) as a receiver evaluates it, without a network.
//!
//! Core does no I/O, so evaluation runs over the DNS answers gathered so
//! far and says which it still needs: the probe asks [`Spf::missing`],
//! resolves that batch in parallel, [`Spf::supply`]s the answers and asks
//! again, until nothing is missing (a few rounds: the lookup limit bounds
//! them). The same pure evaluation then gives the verdict for the relay's
//! address and the facts a person needs to fix the record: how many
//! DNS-querying terms it costs through nested includes, void lookups,
//! several records, syntax errors, loops, and whether a known provider's
//! include is in the tree.

use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;

/// RFC 7208 §4.6.4: at most 10 terms that cause DNS queries.
pub const MAX_LOOKUPS: usize = 10;
/// RFC 7208 §4.6.4: at most 2 lookups that return nothing.
pub const MAX_VOID_LOOKUPS: usize = 2;
/// RFC 7208 §4.6.4: an `mx` term may look at 10 names at most.
pub const MAX_MX_NAMES: usize = 10;
/// How many rounds of DNS the probe does at most (each a parallel batch).
pub const MAX_ROUNDS: usize = 12;

/// A DNS question the evaluation needs answered.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Query {
    /// The TXT records of a name.
    Txt(String),
    /// The A and AAAA records of a name.
    Addresses(String),
    /// The MX host names of a name.
    Mx(String),
}

/// What the resolver said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// TXT records, each one string (its character-strings joined).
    Txt(Vec<String>),
    Addresses(Vec<IpAddr>),
    Mx(Vec<String>),
    /// NXDOMAIN, or the name exists without records of that type: a void
    /// lookup.
    Nothing,
    /// SERVFAIL, a timeout: the result is `temperror`.
    Failed,
}

/// The result of `check_host()` (RFC 7208 §2.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    SoftFail,
    Neutral,
    /// No SPF record.
    None,
    /// The record cannot be used: why.
    PermError(Problem),
    /// A DNS failure on the way.
    TempError,
}

/// Why a record is a `permerror`, as a person fixes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// More than one `v=spf1` record at this name.
    SeveralRecords(String),
    /// A term that is not SPF syntax.
    Syntax { domain: String, term: String },
    /// Over 10 DNS-querying terms, counted through every include.
    TooManyLookups(usize),
    /// Over 2 lookups that returned nothing.
    TooManyVoidLookups(usize),
    /// An `mx` term whose domain has more than 10 MX hosts.
    TooManyMxNames(String),
    /// An include or redirect that leads back to a record on the way.
    Loop(String),
    /// An `include` whose domain has no SPF record.
    IncludeWithoutRecord(String),
    /// A `redirect` whose domain has no SPF record.
    RedirectWithoutRecord(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SeveralRecords(d) => write!(f, "{d} publishes more than one SPF record"),
            Self::Syntax { domain, term } => write!(f, "`{term}` in the SPF record of {domain}"),
            Self::TooManyLookups(n) => write!(f, "{n} DNS lookups (the limit is {MAX_LOOKUPS})"),
            Self::TooManyVoidLookups(n) => {
                write!(
                    f,
                    "{n} lookups that found nothing (the limit is {MAX_VOID_LOOKUPS})"
                )
            }
            Self::TooManyMxNames(d) => write!(f, "{d} has more than {MAX_MX_NAMES} MX hosts"),
            Self::Loop(d) => write!(f, "{d} includes itself"),
            Self::IncludeWithoutRecord(d) => write!(f, "include:{d} has no SPF record"),
            Self::RedirectWithoutRecord(d) => write!(f, "redirect={d} has no SPF record"),
        }
    }
}

/// What a receiver concludes, and what the record is like as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `check_host()` for the relay's address: what a receiver decides.
    pub verdict: Verdict,
    /// What makes the record a `permerror` for some sender, found by
    /// walking every term (a receiver stops at the first match, so a
    /// record can pass for this relay and still be over the limits).
    pub problem: Option<Problem>,
    /// The whole tree's facts.
    pub facts: Facts,
}

/// What was found, besides the verdict.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// The domain's own record, as published.
    pub record: Option<String>,
    /// DNS-querying terms evaluated (includes, redirects, a, mx, ptr, exists).
    pub lookups: usize,
    pub void_lookups: usize,
    /// Every domain reached through `include:` or `redirect=`, in order.
    pub includes: Vec<String>,
}

impl Facts {
    /// Whether `domain` is in the tree (a provider's `_spf.google.com`).
    pub fn includes_domain(&self, domain: &str) -> bool {
        self.includes.iter().any(|d| d.eq_ignore_ascii_case(domain))
    }
}

/// One evaluation of a domain's SPF for a sending address.
#[derive(Clone, Debug)]
pub struct Spf {
    domain: String,
    ip: IpAddr,
    sender: String,
    answers: HashMap<Query, Answer>,
}

impl Spf {
    /// SPF of `domain` for mail from `sender` (an address at that domain)
    /// sent by `ip` (the relay's address).
    pub fn new(domain: &str, ip: IpAddr, sender: &str) -> Self {
        Self {
            domain: domain.trim_end_matches('.').to_ascii_lowercase(),
            ip,
            sender: sender.to_owned(),
            answers: HashMap::new(),
        }
    }

    /// The questions the evaluation still needs answered (empty: done):
    /// the receiver's evaluation for this address and the walk of the
    /// whole tree.
    pub fn missing(&self) -> Vec<Query> {
        let mut out = Vec::new();
        for walk in [false, true] {
            let mut run = Run::new(self, walk, false);
            let _ = run.check_host(&self.domain, 0);
            for q in run.missing {
                if !out.contains(&q) {
                    out.push(q);
                }
            }
        }
        out
    }

    /// Records an answer.
    pub fn supply(&mut self, query: Query, answer: Answer) {
        self.answers.insert(query, answer);
    }

    /// The result from the answers supplied. Questions never answered
    /// count as DNS failures (`temperror`).
    pub fn evaluate(&self) -> Outcome {
        let mut run = Run::new(self, false, true);
        let verdict = run.check_host(&self.domain, 0);
        let mut walk = Run::new(self, true, true);
        let problem = match walk.check_host(&self.domain, 0) {
            Verdict::PermError(p) => Some(p),
            _ => None,
        };
        Outcome {
            verdict,
            problem,
            facts: walk.facts,
        }
    }
}

/// One pass of `check_host()` over the answers known so far.
struct Run<'a> {
    spf: &'a Spf,
    facts: Facts,
    missing: Vec<Query>,
    /// The records being evaluated, outermost first (loop detection).
    path: Vec<String>,
    /// In the last pass, an unanswered question is a DNS failure.
    final_pass: bool,
    /// Every term evaluated, none matching: the whole tree's cost.
    walk: bool,
}

/// How far a nested evaluation may go (the lookup limit stops it first).
const MAX_DEPTH: usize = MAX_LOOKUPS + 2;

enum Lookup<'a> {
    Found(&'a Answer),
    /// Not answered yet (recorded as missing).
    Pending,
}

impl<'a> Run<'a> {
    fn new(spf: &'a Spf, walk: bool, final_pass: bool) -> Self {
        Self {
            spf,
            facts: Facts::default(),
            missing: Vec::new(),
            path: Vec::new(),
            final_pass,
            walk,
        }
    }

    fn ask(&mut self, query: Query) -> Lookup<'a> {
        match self.spf.answers.get(&query) {
            Some(a) => Lookup::Found(a),
            None if self.final_pass => Lookup::Found(&Answer::Failed),
            None => {
                if !self.missing.contains(&query) {
                    self.missing.push(query);
                }
                Lookup::Pending
            }
        }
    }

    /// Counts a lookup that found nothing; `Err` past the limit.
    fn void(&mut self) -> Result<(), Verdict> {
        self.facts.void_lookups += 1;
        if self.facts.void_lookups > MAX_VOID_LOOKUPS {
            return Err(Verdict::PermError(Problem::TooManyVoidLookups(
                self.facts.void_lookups,
            )));
        }
        Ok(())
    }

    /// Counts a DNS-querying term; `Err` past the limit.
    fn count(&mut self) -> Result<(), Verdict> {
        self.facts.lookups += 1;
        if self.facts.lookups > MAX_LOOKUPS {
            return Err(Verdict::PermError(Problem::TooManyLookups(
                self.facts.lookups,
            )));
        }
        Ok(())
    }

    /// RFC 7208 §4: the result for `domain`. `Neutral` stands in for a
    /// pending answer during gathering (the verdict then is not used).
    fn check_host(&mut self, domain: &str, depth: usize) -> Verdict {
        if depth > MAX_DEPTH {
            return Verdict::PermError(Problem::TooManyLookups(self.facts.lookups));
        }
        if self.path.iter().any(|d| d == domain) {
            return Verdict::PermError(Problem::Loop(domain.to_owned()));
        }
        let records = match self.ask(Query::Txt(domain.to_owned())) {
            Lookup::Pending => return Verdict::Neutral,
            Lookup::Found(Answer::Failed) => return Verdict::TempError,
            Lookup::Found(Answer::Txt(records)) => records,
            Lookup::Found(_) => {
                if let Err(v) = self.void() {
                    return v;
                }
                return Verdict::None;
            }
        };
        let spf: Vec<&String> = records.iter().filter(|r| is_spf(r)).collect();
        let record = match spf.as_slice() {
            [] => return Verdict::None,
            [one] => (*one).clone(),
            _ => return Verdict::PermError(Problem::SeveralRecords(domain.to_owned())),
        };
        if depth == 0 {
            self.facts.record = Some(record.clone());
        }
        let terms = match parse(&record) {
            Ok(terms) => terms,
            Err(term) => {
                return Verdict::PermError(Problem::Syntax {
                    domain: domain.to_owned(),
                    term,
                });
            }
        };
        self.path.push(domain.to_owned());
        let verdict = self.evaluate_terms(domain, &terms, depth);
        self.path.pop();
        verdict
    }

    fn evaluate_terms(&mut self, domain: &str, terms: &[Term], depth: usize) -> Verdict {
        let mut redirect = None;
        let mut has_all = false;
        for term in terms {
            let (qualifier, mechanism) = match term {
                Term::Redirect(target) => {
                    redirect = Some(target);
                    continue;
                }
                Term::Exp(_) | Term::Unknown => continue,
                Term::Directive(q, m) => (*q, m),
            };
            if matches!(mechanism, Mechanism::All) {
                has_all = true;
            }
            match self.matches(domain, mechanism, depth) {
                Ok(true) if !self.walk => return qualifier.verdict(),
                Ok(_) => {}
                Err(verdict) => return verdict,
            }
        }
        // §6.1: redirect only applies when no `all` is in the record.
        if let (Some(target), false) = (redirect, has_all) {
            let target = self.expand(target, domain);
            if let Err(v) = self.count() {
                return v;
            }
            self.facts.includes.push(target.clone());
            return match self.check_host(&target, depth + 1) {
                Verdict::None => Verdict::PermError(Problem::RedirectWithoutRecord(target)),
                other => other,
            };
        }
        Verdict::Neutral
    }

    /// Whether a mechanism matches the sending address; `Err` ends the
    /// evaluation with that result.
    fn matches(
        &mut self,
        domain: &str,
        mechanism: &Mechanism,
        depth: usize,
    ) -> Result<bool, Verdict> {
        let ip = self.spf.ip;
        match mechanism {
            Mechanism::All => Ok(true),
            Mechanism::Ip4(net, len) | Mechanism::Ip6(net, len) => Ok(in_network(ip, *net, *len)),
            Mechanism::Include(target) => {
                self.count()?;
                let target = self.expand(target, domain);
                self.facts.includes.push(target.clone());
                match self.check_host(&target, depth + 1) {
                    Verdict::Pass => Ok(true),
                    Verdict::Fail | Verdict::SoftFail | Verdict::Neutral => Ok(false),
                    Verdict::TempError => Err(Verdict::TempError),
                    Verdict::None => Err(Verdict::PermError(Problem::IncludeWithoutRecord(target))),
                    permerror @ Verdict::PermError(_) => Err(permerror),
                }
            }
            Mechanism::A(target, v4, v6) => {
                self.count()?;
                let name = self.target(target.as_deref(), domain);
                self.addresses_match(&name, *v4, *v6)
            }
            Mechanism::Mx(target, v4, v6) => {
                self.count()?;
                let name = self.target(target.as_deref(), domain);
                let hosts = match self.ask(Query::Mx(name.clone())) {
                    Lookup::Pending => return Ok(false),
                    Lookup::Found(Answer::Failed) => return Err(Verdict::TempError),
                    Lookup::Found(Answer::Mx(hosts)) => hosts.clone(),
                    Lookup::Found(_) => {
                        self.void()?;
                        return Ok(false);
                    }
                };
                if hosts.len() > MAX_MX_NAMES {
                    return Err(Verdict::PermError(Problem::TooManyMxNames(name)));
                }
                for host in hosts {
                    if self.addresses_match(&host, *v4, *v6)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Mechanism::Exists(target) => {
                self.count()?;
                let name = self.expand(target, domain);
                match self.ask(Query::Addresses(name)) {
                    Lookup::Pending => Ok(false),
                    Lookup::Found(Answer::Failed) => Err(Verdict::TempError),
                    Lookup::Found(Answer::Addresses(a)) => Ok(a.iter().any(IpAddr::is_ipv4)),
                    Lookup::Found(_) => {
                        self.void()?;
                        Ok(false)
                    }
                }
            }
            // Counted, never matched: RFC 7208 §5.5 says do not use it, and
            // a probe cannot do the reverse lookup a receiver would.
            Mechanism::Ptr(_) => {
                self.count()?;
                Ok(false)
            }
        }
    }

    fn addresses_match(&mut self, name: &str, v4: u8, v6: u8) -> Result<bool, Verdict> {
        let ip = self.spf.ip;
        match self.ask(Query::Addresses(name.to_owned())) {
            Lookup::Pending => Ok(false),
            Lookup::Found(Answer::Failed) => Err(Verdict::TempError),
            Lookup::Found(Answer::Addresses(list)) => Ok(list.iter().any(|a| match a {
                IpAddr::V4(_) => in_network(ip, *a, v4),
                IpAddr::V6(_) => in_network(ip, *a, v6),
            })),
            Lookup::Found(_) => {
                self.void()?;
                Ok(false)
            }
        }
    }

    /// A domain-spec with its macros expanded (RFC 7208 §7).
    /// An `a`/`mx` term's domain: its own, expanded, or the current one.
    fn target(&self, spec: Option<&str>, domain: &str) -> String {
        spec.map_or_else(|| domain.to_owned(), |t| self.expand(t, domain))
    }

    fn expand(&self, spec: &str, domain: &str) -> String {
        expand(spec, &self.spf.sender, domain, self.spf.ip)
            .trim_end_matches('.')
            .to_ascii_lowercase()
    }
}

/// Whether a TXT record is an SPF record: `v=spf1` alone or before a space.
pub fn is_spf(record: &str) -> bool {
    let r = record.as_bytes();
    r.len() >= 6 && r[..6].eq_ignore_ascii_case(b"v=spf1") && (r.len() == 6 || r[6] == b' ')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qualifier {
    Pass,
    Fail,
    SoftFail,
    Neutral,
}

impl Qualifier {
    fn verdict(self) -> Verdict {
        match self {
            Self::Pass => Verdict::Pass,
            Self::Fail => Verdict::Fail,
            Self::SoftFail => Verdict::SoftFail,
            Self::Neutral => Verdict::Neutral,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Mechanism {
    All,
    Include(String),
    /// Domain, IPv4 prefix length, IPv6 prefix length.
    A(Option<String>, u8, u8),
    Mx(Option<String>, u8, u8),
    Ptr(Option<String>),
    Ip4(IpAddr, u8),
    Ip6(IpAddr, u8),
    Exists(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Term {
    Directive(Qualifier, Mechanism),
    Redirect(String),
    Exp(String),
    /// A modifier SPF does not define: ignored (§6).
    Unknown,
}

/// The terms of a record (after `v=spf1`), or the first term that is not
/// SPF. Two `redirect=` or two `exp=` are errors too (§6).
fn parse(record: &str) -> Result<Vec<Term>, String> {
    let mut terms = Vec::new();
    let (mut redirects, mut exps) = (0, 0);
    for word in record.split(' ').skip(1).filter(|w| !w.is_empty()) {
        let term = term(word).ok_or_else(|| word.to_owned())?;
        match term {
            Term::Redirect(_) => redirects += 1,
            Term::Exp(_) => exps += 1,
            _ => {}
        }
        if redirects > 1 || exps > 1 {
            return Err(word.to_owned());
        }
        terms.push(term);
    }
    Ok(terms)
}

fn term(word: &str) -> Option<Term> {
    if let Some((name, value)) = word.split_once('=') {
        // A modifier: `name=macro-string`; a name is ALPHA *(ALPHA / DIGIT / - / _ / .).
        let mut chars = name.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid || !macro_string_ok(value) {
            return None;
        }
        return Some(match name.to_ascii_lowercase().as_str() {
            "redirect" if domain_spec_ok(value) => Term::Redirect(value.to_owned()),
            "exp" if domain_spec_ok(value) => Term::Exp(value.to_owned()),
            "redirect" | "exp" => return None,
            _ => Term::Unknown,
        });
    }
    let (qualifier, rest) = match word.as_bytes().first()? {
        b'+' => (Qualifier::Pass, &word[1..]),
        b'-' => (Qualifier::Fail, &word[1..]),
        b'~' => (Qualifier::SoftFail, &word[1..]),
        b'?' => (Qualifier::Neutral, &word[1..]),
        _ => (Qualifier::Pass, word),
    };
    let (name, arg) = match rest.find([':', '/']) {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    let domain_arg = |arg: Option<&str>| -> Option<Option<String>> {
        match arg {
            None => Some(None),
            Some(a) => {
                let spec = a.strip_prefix(':')?;
                domain_spec_ok(spec).then(|| Some(spec.to_owned()))
            }
        }
    };
    let mechanism = match name.to_ascii_lowercase().as_str() {
        "all" if arg.is_none() => Mechanism::All,
        "include" => Mechanism::Include(domain_arg(arg)??),
        "exists" => Mechanism::Exists(domain_arg(arg)??),
        "ptr" => Mechanism::Ptr(domain_arg(arg)?),
        "a" | "mx" => {
            // [":" domain-spec] [ "/" ip4-cidr ] [ "//" ip6-cidr ]
            let arg = arg.unwrap_or("");
            let (spec, cidr) = match arg.find('/') {
                Some(i) => (&arg[..i], &arg[i..]),
                None => (arg, ""),
            };
            let domain = if spec.is_empty() {
                None
            } else {
                domain_arg(Some(spec))?
            };
            let (v4, v6) = dual_cidr(cidr)?;
            if name.eq_ignore_ascii_case("a") {
                Mechanism::A(domain, v4, v6)
            } else {
                Mechanism::Mx(domain, v4, v6)
            }
        }
        "ip4" => {
            let (addr, len) = network(arg?.strip_prefix(':')?, 32)?;
            addr.is_ipv4().then_some(())?;
            Mechanism::Ip4(addr, len)
        }
        "ip6" => {
            let (addr, len) = network(arg?.strip_prefix(':')?, 128)?;
            addr.is_ipv6().then_some(())?;
            Mechanism::Ip6(addr, len)
        }
        _ => return None,
    };
    Some(Term::Directive(qualifier, mechanism))
}

/// `/24`, `//64`, `/24//64` or nothing.
fn dual_cidr(text: &str) -> Option<(u8, u8)> {
    let (v4, v6) = match text.split_once("//") {
        Some((v4, v6)) => (v4, Some(v6)),
        None => (text, None),
    };
    let v4 = match v4.strip_prefix('/') {
        Some(n) => prefix(n, 32)?,
        None if v4.is_empty() => 32,
        None => return None,
    };
    let v6 = match v6 {
        Some(n) => prefix(n, 128)?,
        None => 128,
    };
    Some((v4, v6))
}

fn prefix(text: &str, max: u8) -> Option<u8> {
    // No leading zeros (RFC 7208 §5.6: ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT)).
    if text.is_empty()
        || (text.len() > 1 && text.starts_with('0'))
        || !text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    text.parse::<u8>().ok().filter(|n| *n <= max)
}

fn network(text: &str, max: u8) -> Option<(IpAddr, u8)> {
    let (addr, len) = match text.split_once('/') {
        Some((a, l)) => (a, prefix(l, max)?),
        None => (text, max),
    };
    Some((addr.parse().ok()?, len))
}

/// Whether `ip` is in `net/len` (address families must agree).
fn in_network(ip: IpAddr, net: IpAddr, len: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

/// A macro-string: `%{…}`, `%%`, `%_`, `%-` and visible characters.
fn macro_string_ok(text: &str) -> bool {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => match chars.next() {
                Some('%' | '_' | '-') => {}
                Some('{') => {
                    let body: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    let mut b = body.chars();
                    if !b
                        .next()
                        .is_some_and(|l| "slodiphcrtvSLODIPHCRTV".contains(l))
                    {
                        return false;
                    }
                    if !b.all(|c| {
                        c.is_ascii_digit()
                            || matches!(c, 'r' | 'R' | '.' | '-' | '+' | ',' | '/' | '_' | '=')
                    }) {
                        return false;
                    }
                }
                _ => return false,
            },
            '!'..='~' => {}
            _ => return false,
        }
    }
    true
}

/// A domain-spec: a macro-string that ends in a domain name or a macro.
fn domain_spec_ok(text: &str) -> bool {
    !text.is_empty() && macro_string_ok(text) && !text.starts_with('.')
}

/// Expands the macros of a domain-spec (RFC 7208 §7.3): `%{s}` the sender,
/// `%{l}` its local part, `%{o}` and `%{d}` the domain, `%{i}` the address
/// (dotted nibbles for IPv6), `%{v}` `in-addr` or `ip6`, `%{h}` the HELO
/// name (the domain stands in), with digits, `r` and delimiters.
pub fn expand(spec: &str, sender: &str, domain: &str, ip: IpAddr) -> String {
    let (local, sender_domain) = sender.rsplit_once('@').unwrap_or(("postmaster", sender));
    let mut out = String::new();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('_') => out.push(' '),
            Some('-') => out.push_str("%20"),
            Some('{') => {
                let body: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let mut b = body.chars();
                let letter = b.next().unwrap_or('d').to_ascii_lowercase();
                let rest: String = b.collect();
                let value = match letter {
                    's' => sender.to_owned(),
                    'l' => local.to_owned(),
                    'o' => sender_domain.to_owned(),
                    'i' => match ip {
                        IpAddr::V4(v4) => v4.to_string(),
                        IpAddr::V6(v6) => v6
                            .octets()
                            .iter()
                            .flat_map(|o| [o >> 4, o & 0xf])
                            .map(|n| format!("{n:x}"))
                            .collect::<Vec<_>>()
                            .join("."),
                    },
                    'v' => if ip.is_ipv4() { "in-addr" } else { "ip6" }.to_owned(),
                    'p' => "unknown".to_owned(),
                    _ => domain.to_owned(), // d, h, and the rest
                };
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let rest = &rest[digits.len()..];
                let reverse = rest.starts_with(['r', 'R']);
                let delimiters: Vec<char> = rest.chars().skip(usize::from(reverse)).collect();
                let delimiters = if delimiters.is_empty() {
                    vec!['.']
                } else {
                    delimiters
                };
                let mut parts: Vec<&str> = value.split(|c| delimiters.contains(&c)).collect();
                if reverse {
                    parts.reverse();
                }
                if let Ok(n) = digits.parse::<usize>() {
                    if n > 0 && n < parts.len() {
                        parts.drain(..parts.len() - n);
                    }
                }
                out.push_str(&parts.join("."));
            }
            // `%%`; nothing else reaches here (the syntax was checked).
            _ => out.push('%'),
        }
    }
    out
}
