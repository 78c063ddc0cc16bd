//! A private Postfix instance for the tests: Debian's Postfix with Cyrus
//! SASL (sasldb), `reject_sender_login_mismatch`, and one listener per
//! scenario on loopback high ports, with certificates made at test time.
//! Started in a folder under the cargo target dir, stopped on drop.
#![allow(dead_code, unreachable_pub, clippy::too_many_lines)]

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::certs;

pub const USER: &str = "me@example.com";
pub const PASSWORD: &str = "s3cret-Pässword";
/// An ASCII-only login, for clients that cannot send UTF-8 secrets
/// (Python's smtplib in the benchmark).
pub const ASCII_USER: &str = "ascii@example.com";
pub const ASCII_PASSWORD: &str = "ascii-s3cret";

/// The listeners, by scenario.
#[derive(Debug, Clone, Copy)]
pub struct Ports {
    /// STARTTLS offered, AUTH after TLS.
    pub submission: u16,
    /// Implicit TLS.
    pub smtps: u16,
    pub expired: u16,
    pub wrong_name: u16,
    /// Self-signed certificate.
    pub untrusted: u16,
    /// No STARTTLS, no AUTH.
    pub plain_only: u16,
    /// STARTTLS offered, no AUTH at all (a relay).
    pub no_auth: u16,
    /// TLS required for everything.
    pub encrypt: u16,
    /// `reject_unknown_helo_hostname`: refuses a name without DNS records.
    pub helo_check: u16,
    /// STARTTLS advertised, but the certificate files are missing: 454.
    pub broken_tls: u16,
}

pub struct Postfix {
    dir: PathBuf,
    pub ports: Ports,
}

/// `N` distinct free loopback ports: each listener is held until all are
/// picked, so the kernel cannot hand the same port out twice (it did: two
/// listeners on one port, and a scenario met the wrong certificate).
fn free_ports<const N: usize>() -> [u16; N] {
    let held: Vec<TcpListener> = (0..N)
        .map(|_| TcpListener::bind("127.0.0.1:0").unwrap())
        .collect();
    std::array::from_fn(|i| held[i].local_addr().unwrap().port())
}

fn run(cmd: &mut Command) -> Result<String, String> {
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{cmd:?} failed: {text}"))
    }
}

impl Postfix {
    pub fn start() -> Result<Self, String> {
        if !Path::new("/usr/sbin/postfix").exists() || !Path::new("/usr/sbin/saslpasswd2").exists()
        {
            return Err("Postfix with Cyrus SASL is not installed: run `cargo xtask test` (or apt-get install postfix sasl2-bin libsasl2-modules)".into());
        }
        let dir = crate::common::scratch_dir("postfix");
        for sub in ["etc/sasl", "queue", "data"] {
            fs::create_dir_all(dir.join(sub)).map_err(|e| e.to_string())?;
        }
        let c = certs();
        let write =
            |name: &str, text: &str| fs::write(dir.join(name), text).map_err(|e| e.to_string());
        write("good.pem", &c.good_pem.0)?;
        write("good.key", &c.good_pem.1)?;
        write("expired.pem", &c.expired_pem.0)?;
        write("expired.key", &c.expired_pem.1)?;
        write("wrong.pem", &c.wrong_name_pem.0)?;
        write("wrong.key", &c.wrong_name_pem.1)?;
        write("self.pem", &c.self_signed_pem.0)?;
        write("self.key", &c.self_signed_pem.1)?;
        let [
            submission,
            smtps,
            expired,
            wrong_name,
            untrusted,
            plain_only,
            no_auth,
            encrypt,
            helo_check,
            broken_tls,
        ] = free_ports();
        // Its implicit-TLS port ends in 465, as real ones do.
        let smtps = crate::common::tls_like_port().unwrap_or(smtps);
        let ports = Ports {
            submission,
            smtps,
            expired,
            wrong_name,
            untrusted,
            plain_only,
            no_auth,
            encrypt,
            helo_check,
            broken_tls,
        };
        let d = dir.display();
        write(
            "etc/main.cf",
            &main_cf(
                &dir,
                "mx.test.local",
                &format!(
                    "smtpd_sender_login_maps = inline:{{ {USER}={USER} }}\n\
                     smtpd_sender_restrictions = reject_sender_login_mismatch\n"
                ),
            ),
        )?;
        let mut inet = String::new();
        inet += &listener(ports.submission, "");
        inet += &listener(ports.smtps, " -o smtpd_tls_wrappermode=yes");
        inet += &listener(
            ports.expired,
            &format!(
                " -o smtpd_tls_wrappermode=yes -o smtpd_tls_cert_file={d}/expired.pem -o smtpd_tls_key_file={d}/expired.key"
            ),
        );
        inet += &listener(
            ports.wrong_name,
            &format!(
                " -o smtpd_tls_wrappermode=yes -o smtpd_tls_cert_file={d}/wrong.pem -o smtpd_tls_key_file={d}/wrong.key"
            ),
        );
        inet += &listener(
            ports.untrusted,
            &format!(
                " -o smtpd_tls_wrappermode=yes -o smtpd_tls_cert_file={d}/self.pem -o smtpd_tls_key_file={d}/self.key"
            ),
        );
        inet += &listener(
            ports.plain_only,
            " -o smtpd_tls_security_level=none -o smtpd_sasl_auth_enable=no",
        );
        inet += &listener(ports.no_auth, " -o smtpd_sasl_auth_enable=no");
        inet += &listener(ports.encrypt, " -o smtpd_tls_security_level=encrypt");
        inet += &listener(
            ports.helo_check,
            " -o smtpd_helo_required=yes -o smtpd_helo_restrictions=reject_unknown_helo_hostname",
        );
        inet += &listener(
            ports.broken_tls,
            &format!(
                " -o smtpd_tls_cert_file={d}/missing.pem -o smtpd_tls_key_file={d}/missing.key"
            ),
        );
        write("etc/master.cf", &master_cf(&inet, "")?)?;
        sasl_users(&dir)?;
        let pf = Self {
            dir: dir.clone(),
            ports,
        };
        launch(&dir, &[ports.submission, ports.smtps, ports.encrypt])?;
        Ok(pf)
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("postfix.log")).unwrap_or_default()
    }
}

/// A submission server that takes OAuth2 access tokens: Postfix with
/// Dovecot SASL (at `dovecot_auth`, XOAUTH2 and OAUTHBEARER) on `oauth`,
/// and beside it a listener whose only logins are passwords (Cyrus,
/// PLAIN and LOGIN) on `passwords`. STARTTLS first on both.
pub struct OAuthRelay {
    dir: PathBuf,
    pub oauth: u16,
    pub passwords: u16,
}

impl OAuthRelay {
    pub fn start(dovecot_auth: u16) -> Result<Self, String> {
        if !Path::new("/usr/sbin/postfix").exists() {
            return Err("Postfix is not installed: run `cargo xtask test`".into());
        }
        let dir = crate::common::scratch_dir("postfix-oauth");
        for sub in ["etc/sasl", "queue", "data"] {
            fs::create_dir_all(dir.join(sub)).map_err(|e| e.to_string())?;
        }
        let c = certs();
        fs::write(dir.join("good.pem"), &c.good_pem.0).map_err(|e| e.to_string())?;
        fs::write(dir.join("good.key"), &c.good_pem.1).map_err(|e| e.to_string())?;
        let [oauth, passwords] = free_ports();
        fs::write(
            dir.join("etc/main.cf"),
            main_cf(&dir, "oauth.test.local", ""),
        )
        .map_err(|e| e.to_string())?;
        let mut inet = listener(
            oauth,
            &format!(
                " -o smtpd_sasl_type=dovecot -o smtpd_sasl_path=inet:127.0.0.1:{dovecot_auth}"
            ),
        );
        inet += &listener(passwords, "");
        fs::write(dir.join("etc/master.cf"), master_cf(&inet, "")?).map_err(|e| e.to_string())?;
        sasl_users(&dir)?;
        fs::write(
            dir.join("etc/sasl/smtpd.conf"),
            format!(
                "pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: {}/sasldb2\n",
                dir.display()
            ),
        )
        .map_err(|e| e.to_string())?;
        let relay = Self {
            dir: dir.clone(),
            oauth,
            passwords,
        };
        launch(&dir, &[oauth, passwords])?;
        Ok(relay)
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("postfix.log")).unwrap_or_default()
    }
}

impl Drop for OAuthRelay {
    fn drop(&mut self) {
        let _ = Command::new("/usr/sbin/postfix")
            .args(["-c", &format!("{}/etc", self.dir.display()), "stop"])
            .output();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The main.cf every private instance shares (loopback only, logs and
/// queue in `dir`, nothing delivered but what `extra` routes, STARTTLS with
/// the test certificate, SASL logins required to relay), then `extra`.
fn main_cf(dir: &Path, myhostname: &str, extra: &str) -> String {
    let d = dir.display();
    format!(
        "compatibility_level = 3.6
queue_directory = {d}/queue
data_directory = {d}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = {myhostname}
mydomain = example.com
myorigin = example.com
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
maillog_file = {d}/postfix.log
maillog_file_prefixes = {d}
default_transport = discard
relay_transport = discard
smtputf8_enable = no
smtpd_tls_cert_file = {d}/good.pem
smtpd_tls_key_file = {d}/good.key
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = cyrus
smtpd_sasl_path = smtpd
cyrus_sasl_config_path = {d}/etc/sasl
smtpd_sasl_security_options = noanonymous
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
{extra}"
    )
}

/// One smtpd listener on loopback, with `opts` (`-o name=value …`).
fn listener(port: u16, opts: &str) -> String {
    format!("127.0.0.1:{port} inet n - n - - smtpd{opts}\n")
}

/// Debian's master.cf with `inet` instead of the port-25 listener, no
/// chroot, and `extra` services appended.
fn master_cf(inet: &str, extra: &str) -> Result<String, String> {
    let stock = fs::read_to_string("/etc/postfix/master.cf").map_err(|e| e.to_string())?;
    let mut master = String::new();
    for line in stock.lines() {
        if line.starts_with("smtp ") && line.contains(" inet ") {
            master += inet;
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() >= 8 && !line.starts_with(['#', ' ']) && fields[4] == "y" {
            let mut f: Vec<String> = fields.iter().map(|s| (*s).to_owned()).collect();
            f[4] = "n".into();
            master += &f.join(" ");
        } else {
            master += line;
        }
        master.push('\n');
    }
    master += extra;
    Ok(master)
}

/// The test logins in a sasldb of the instance, readable by Postfix.
fn sasl_users(dir: &Path) -> Result<(), String> {
    let d = dir.display();
    fs::write(
        dir.join("etc/sasl/smtpd.conf"),
        format!(
            "pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN CRAM-MD5\nsasldb_path: {d}/sasldb2\n"
        ),
    )
    .map_err(|e| e.to_string())?;
    for (login, secret) in [(USER, PASSWORD), (ASCII_USER, ASCII_PASSWORD)] {
        let (user, realm) = login.split_once('@').unwrap();
        let mut child = Command::new("/usr/sbin/saslpasswd2")
            .args(["-p", "-c", "-f", &format!("{d}/sasldb2"), "-u", realm, user])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), secret.as_bytes())
            .map_err(|e| e.to_string())?;
        drop(child.stdin.take());
        child.wait().map_err(|e| e.to_string())?;
    }
    run(Command::new("/bin/chown").args([
        "postfix",
        &format!("{d}/sasldb2"),
        &format!("{d}/data"),
    ]))?;
    run(Command::new("chmod").args(["0755", &d.to_string()]))?;
    Ok(())
}

/// Starts the instance in `dir` and waits (bounded) for `ports`.
fn launch(dir: &Path, ports: &[u16]) -> Result<(), String> {
    let d = dir.display();
    run(Command::new("/usr/sbin/postfix").args(["-c", &format!("{d}/etc"), "start"]))?;
    let deadline = Instant::now() + Duration::from_secs(20);
    for port in ports {
        while std::net::TcpStream::connect(("127.0.0.1", *port)).is_err() {
            if Instant::now() > deadline {
                let log = fs::read_to_string(dir.join("postfix.log")).unwrap_or_default();
                return Err(format!("Postfix did not listen on {port}:\n{log}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(())
}

impl Drop for Postfix {
    fn drop(&mut self) {
        let _ = Command::new("/usr/sbin/postfix")
            .args(["-c", &format!("{}/etc", self.dir.display()), "stop"])
            .output();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A relay as a customer's provider runs it: Postfix taking submissions
/// (STARTTLS, SASL) and delivering mail for `check.test` to our inbox on
/// loopback through a transport map (and `busy.test` to a second inbox),
/// over TLS or not at all
/// (`smtp_tls_security_level = encrypt`, as relays that insist on TLS do);
/// everything else is discarded (the
/// "accepted but never delivered" case). Three listeners: one signs with
/// OpenDKIM (a milter, Debian's), one does not, one rewrites From to the
/// login as Gmail does.
pub struct Relay {
    dir: PathBuf,
    pub signed: u16,
    pub unsigned: u16,
    pub rewriting: u16,
    /// The DKIM key's DNS record (`v=DKIM1; k=rsa; p=…`) for selector
    /// `s1` of example.com.
    pub dkim_record: String,
    opendkim: std::process::Child,
}

impl Relay {
    /// The domain and selector OpenDKIM signs with.
    pub const SIGNING_DOMAIN: &str = "example.com";
    pub const SELECTOR: &str = "s1";

    /// Starts the relay, delivering `check.test` to `127.0.0.1:inbox` and
    /// `busy.test` to `127.0.0.1:busy`.
    pub fn start(inbox: u16, busy: u16) -> Result<Self, String> {
        Self::start_routed(inbox, busy, &[], "")
    }

    /// [`Relay::start`], with more `(domain, port)` routes on loopback and
    /// more `main.cf` lines.
    pub fn start_routed(
        inbox: u16,
        busy: u16,
        routes: &[(&str, u16)],
        main_extra: &str,
    ) -> Result<Self, String> {
        for tool in [
            "/usr/sbin/postfix",
            "/usr/sbin/saslpasswd2",
            "/usr/sbin/opendkim",
        ] {
            if !Path::new(tool).exists() {
                return Err(format!(
                    "{tool} is not installed: run `cargo xtask test` (or apt-get install postfix sasl2-bin libsasl2-modules opendkim)"
                ));
            }
        }
        let dir = crate::common::scratch_dir("postfix-relay");
        for sub in ["etc/sasl", "queue", "data"] {
            fs::create_dir_all(dir.join(sub)).map_err(|e| e.to_string())?;
        }
        let d = dir.display();
        let write =
            |name: &str, text: &str| fs::write(dir.join(name), text).map_err(|e| e.to_string());
        let c = certs();
        write("good.pem", &c.good_pem.0)?;
        write("good.key", &c.good_pem.1)?;
        // The DKIM key, made by OpenSSL; its public half goes into DNS.
        run(Command::new("openssl").args(["genrsa", "-out", &format!("{d}/s1.private"), "2048"]))?;
        run(Command::new("chmod").args(["0600", &format!("{d}/s1.private")]))?;
        let der = Command::new("openssl")
            .args([
                "rsa",
                "-in",
                &format!("{d}/s1.private"),
                "-pubout",
                "-outform",
                "DER",
            ])
            .output()
            .map_err(|e| e.to_string())?
            .stdout;
        let dkim_record = format!("v=DKIM1; k=rsa; p={}", base64(&der));
        let [signed, unsigned, rewriting, milter] = free_ports();
        write(
            "opendkim.conf",
            &format!(
                "Syslog no\nMode s\nDomain example.com\nSelector s1\nKeyFile {d}/s1.private\n\
                 Socket inet:{milter}@127.0.0.1\nCanonicalization relaxed/simple\n\
                 SignatureAlgorithm rsa-sha256\nInternalHosts 127.0.0.1\nRequireSafeKeys false\n\
                 PidFile {d}/opendkim.pid\n"
            ),
        )?;
        let opendkim = Command::new("/usr/sbin/opendkim")
            .args(["-f", "-x", &format!("{d}/opendkim.conf")])
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start opendkim: {e}"))?;
        write("from.regexp", "/^From:/ REPLACE From: <me@example.com>\n")?;
        write(
            "etc/main.cf",
            &main_cf(
                &dir,
                "relay.test.local",
                &format!(
                    "transport_maps = inline:{{ check.test=smtp:[127.0.0.1]:{inbox}, \
                     busy.test=smtp:[127.0.0.1]:{busy}{more} }}\n\
                     smtp_tls_security_level = encrypt\n\
                     milter_default_action = tempfail\n{main_extra}",
                    more = routes
                        .iter()
                        .map(|(domain, port)| format!(", {domain}=smtp:[127.0.0.1]:{port}"))
                        .collect::<Vec<_>>()
                        .concat(),
                ),
            ),
        )?;
        let mut inet = String::new();
        inet += &listener(
            signed,
            &format!(" -o smtpd_milters=inet:127.0.0.1:{milter}"),
        );
        inet += &listener(unsigned, "");
        inet += &listener(rewriting, " -o cleanup_service_name=rewrite");
        let extra =
            format!("rewrite unix n - n - 0 cleanup -o header_checks=regexp:{d}/from.regexp\n");
        write("etc/master.cf", &master_cf(&inet, &extra)?)?;
        sasl_users(&dir)?;
        let relay = Self {
            dir: dir.clone(),
            signed,
            unsigned,
            rewriting,
            dkim_record,
            opendkim,
        };
        launch(&dir, &[signed, unsigned, rewriting, milter])?;
        Ok(relay)
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("postfix.log")).unwrap_or_default()
    }

    /// Submits a message from `from` to `to` on the listener `port` as a
    /// customer's app would: swaks (Debian), STARTTLS, the login.
    pub fn submit(&self, port: u16, from: &str, to: &str) {
        let out = Command::new("swaks")
            .args([
                "--server",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--tls",
            ])
            .args([
                "--auth",
                "PLAIN",
                "--auth-user",
                USER,
                "--auth-password",
                PASSWORD,
            ])
            .args(["--from", from, "--to", to, "--timeout", "10"])
            .stdin(std::process::Stdio::null())
            .output()
            .expect("swaks (Debian; `cargo xtask test` installs it)");
        assert!(
            out.status.success(),
            "swaks: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            self.log()
        );
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = Command::new("/usr/sbin/postfix")
            .args(["-c", &format!("{}/etc", self.dir.display()), "stop"])
            .output();
        let _ = self.opendkim.kill();
        let _ = self.opendkim.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Standard base64 (the DKIM record's `p=`).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
