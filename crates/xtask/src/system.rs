//! The Debian packages the tests and benchmarks need: every one checked
//! first, then what is missing installed in one `apt-get` run — as root,
//! or through `sudo -n` where that works without a password — after saying
//! what and why. Elsewhere the one command to run is printed. `--dry-run`
//! prints the same plan and changes nothing.

use crate::sh::{Result, cmd, output, run};

/// How a requirement is checked.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Check {
    /// A command on `PATH`.
    Command(&'static str),
    /// A file a package installs (a library, a daemon outside `PATH`).
    File(&'static str),
    /// A shell command that succeeds when the package is there.
    Shell(&'static str),
}

/// A package (or a few installed together), and why we need it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Requirement {
    pub(crate) check: Check,
    pub(crate) packages: &'static [&'static str],
    pub(crate) why: &'static str,
}

const fn req(check: Check, packages: &'static [&'static str], why: &'static str) -> Requirement {
    Requirement {
        check,
        packages,
        why,
    }
}

/// What `cargo xtask test` needs (`.ci/run` installs the same list).
pub(crate) const TEST: &[Requirement] = &[
    req(
        Check::Command("chromium"),
        &["chromium"],
        "the wasm tests and the page's end-to-end suite run in headless Chromium",
    ),
    req(
        Check::Command("chromedriver"),
        &["chromium-driver"],
        "wasm-bindgen's test runner drives Chromium",
    ),
    req(
        Check::Command("node"),
        &["nodejs"],
        "TypeScript, wasm-opt, playwright-core and smtp-server (a test SMTP server) run on Node",
    ),
    req(
        Check::Command("npm"),
        &["npm"],
        "installs those Node tools into tests/node",
    ),
    req(
        Check::File("/usr/sbin/postfix"),
        &["postfix"],
        "Postfix is the first real SMTP server the probe is tested against",
    ),
    req(
        Check::File("/usr/sbin/opendkim"),
        &["opendkim"],
        "OpenDKIM signs the arrival check's test messages as a relay's milter",
    ),
    req(
        Check::File("/usr/bin/redis-server"),
        &["redis-server"],
        "replicas share their limits through Redis (tests start their own on loopback)",
    ),
    req(
        Check::File("/usr/sbin/haproxy"),
        &["haproxy"],
        "the replica tests put three services behind HAProxy",
    ),
    req(
        Check::Command("go"),
        &["golang-go"],
        "explain's corpus: Go's net/smtp prints its errors against the sandbox",
    ),
    req(
        Check::Command("ruby"),
        &["ruby"],
        "explain's corpus: Ruby's Net::SMTP prints its errors against the sandbox",
    ),
    req(
        Check::Command("php"),
        &["php-cli"],
        "explain's corpus: PHPMailer runs on PHP",
    ),
    req(
        Check::File("/usr/share/php/libphp-phpmailer/autoload.php"),
        &["libphp-phpmailer"],
        "explain's corpus: PHPMailer prints its errors against the sandbox",
    ),
    req(
        Check::Command("javac"),
        &["default-jdk-headless"],
        "explain's corpus: Jakarta Mail's client is compiled and run on the JDK",
    ),
    req(
        Check::File("/usr/share/java/jakarta-mail.jar"),
        &["libjakarta-mail-java"],
        "explain's corpus: Jakarta Mail (JavaMail) prints its errors against the sandbox",
    ),
    req(
        Check::File("/usr/sbin/dovecot"),
        &["dovecot-core"],
        "Dovecot checks OAuth2 access tokens for Postfix (passdb oauth2, XOAUTH2 and OAUTHBEARER)",
    ),
    req(
        Check::Shell("ls /usr/lib/postgresql/*/bin/postgres"),
        &["postgresql"],
        "share links on PostgreSQL: the replicas' store, started per test on loopback",
    ),
    req(
        Check::Command("setpriv"),
        &["util-linux"],
        "runs PostgreSQL as its own user when the tests run as root",
    ),
    req(
        Check::File("/usr/sbin/saslpasswd2"),
        &["sasl2-bin"],
        "Postfix's test logins (Cyrus SASL)",
    ),
    req(
        Check::File("/usr/lib/x86_64-linux-gnu/sasl2/libplain.so"),
        &["libsasl2-modules"],
        "Postfix's PLAIN/LOGIN logins",
    ),
    req(
        Check::File("/usr/lib/x86_64-linux-gnu/libevent-2.1.so.7"),
        &["libevent-2.1-7"],
        "OpenSMTPD (unpacked from its .deb for the tests) links it",
    ),
    req(
        Check::Command("swaks"),
        &["swaks"],
        "the probe benchmark compares with swaks",
    ),
    req(
        Check::File("/usr/share/perl5/IO/Socket/SSL.pm"),
        &["libio-socket-ssl-perl", "libnet-ssleay-perl"],
        "swaks' TLS (only \"Recommends\" of swaks)",
    ),
    req(
        Check::Shell("python3 -m venv --help"),
        &["python3-venv"],
        "aiosmtpd (a test SMTP server) goes into a virtualenv",
    ),
    req(
        Check::Command("ip"),
        &["iproute2"],
        "the namespace tests bring up their loopback",
    ),
    req(
        Check::Command("unshare"),
        &["util-linux"],
        "the namespace tests run in their own network namespace",
    ),
];

/// The load generator `bench-serve` uses.
pub(crate) const WRK: &[Requirement] = &[req(
    Check::Command("wrk"),
    &["wrk"],
    "bench-serve loads the service with wrk",
)];

fn present(check: Check) -> bool {
    match check {
        Check::Command(c) => output("sh", &["-c", &format!("command -v {c}")]).is_some(),
        Check::File(f) => std::path::Path::new(f).exists(),
        Check::Shell(s) => std::process::Command::new("sh")
            .args(["-c", s])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success()),
    }
}

/// How packages can be installed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Installer {
    Root,
    Sudo,
    Nobody,
}

fn installer() -> Installer {
    if output("id", &["-u"]).is_some_and(|u| u.trim() == "0") {
        Installer::Root
    } else if std::process::Command::new("sudo")
        .args(["-n", "true"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
    {
        Installer::Sudo
    } else {
        Installer::Nobody
    }
}

/// The packages of the requirements that are missing, in order, once each.
fn missing(reqs: &[Requirement]) -> Vec<&Requirement> {
    reqs.iter().filter(|r| !present(r.check)).collect()
}

fn package_list(missing: &[&Requirement]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for p in missing.iter().flat_map(|r| r.packages.iter().copied()) {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// Makes sure `reqs` are installed (see the module docs); with `dry_run`
/// only prints what it would do.
pub(crate) fn ensure(reqs: &[Requirement], dry_run: bool) -> Result {
    let missing = missing(reqs);
    if missing.is_empty() {
        if dry_run {
            println!("system packages: all present");
        }
        return Ok(());
    }
    let packages = package_list(&missing);
    println!("Debian packages missing here:");
    for r in &missing {
        println!("  {:<40} {}", r.packages.join(" "), r.why);
    }
    let line = format!(
        "apt-get install -y --no-install-recommends {}",
        packages.join(" ")
    );
    let how = installer();
    let sudo = if how == Installer::Sudo { "sudo " } else { "" };
    if dry_run {
        match how {
            Installer::Nobody => {
                println!("would stop and ask you to run: sudo apt-get update && sudo {line}");
            }
            _ => println!(
                "would run ({}): {sudo}apt-get update && {sudo}{line}",
                if how == Installer::Root {
                    "as root"
                } else {
                    "through sudo -n"
                }
            ),
        }
        return Ok(());
    }
    if how == Installer::Nobody {
        return Err(format!(
            "install them first (this needs root):\n\n    sudo apt-get update && sudo {line}\n"
        ));
    }
    println!(
        "installing them with apt-get (once; {} packages)",
        packages.len()
    );
    let apt = |args: &[&str]| {
        let mut c = if how == Installer::Sudo {
            let mut all = vec!["-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];
            all.extend_from_slice(args);
            cmd("sudo", &all)
        } else {
            cmd("apt-get", args)
        };
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(apt(&["update"]))?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(packages.iter().copied());
    run(apt(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_are_listed_once_in_order() {
        let reqs = [
            req(Check::File("/nonexistent/a"), &["a", "b"], "x"),
            req(Check::File("/nonexistent/b"), &["b", "c"], "y"),
            req(Check::Shell("true"), &["present"], "z"),
        ];
        let missing = missing(&reqs);
        assert_eq!(missing.len(), 2);
        assert_eq!(package_list(&missing), ["a", "b", "c"]);
    }
}
