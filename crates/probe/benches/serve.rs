//! `cargo xtask bench-serve`: the service under load, all on loopback.
//! (a) `/v1/validate` throughput and latency with wrk at 64 connections;
//! (b) 1,000 concurrent `/v1/probe` against a tarpit (accepts, never
//! greets): peak RSS, open descriptors, `/healthz` and `/v1/validate`
//! latency during the load, and how every probe ended;
//! (c) three replicas sharing their limits through `redis-server`: limit
//! accuracy (allowed vs. configured for one client's burst spread over
//! them) and the latency a Redis round trip adds to each request.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const PROBES: usize = 1000;

async fn http(addr: &str, method: &str, path: &str, body: &str) -> Result<String, String> {
    let mut s = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_mins(1), s.read_to_end(&mut out))
        .await
        .map_err(|_| "timeout".to_owned())?
        .map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn proc_status(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or_default()
}

#[allow(clippy::too_many_lines)] // one run, printed in order
fn main() {
    let mut server = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--allow-target",
            "127.0.0.0/8",
            "--allow-port",
            "1024-65535",
        ])
        .args([
            "--timeout",
            "5",
            "--deadline",
            "8",
            "--max-probes",
            "2000",
            "--per-target",
            "2000",
            "--probes-per-minute",
            "1000000",
            // The bench plays 1,000 clients from one address.
            "--max-connections",
            "4096",
            "--max-connections-per-ip",
            "4096",
        ])
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .spawn()
        .expect("smtp-doctor binary");
    let pid = server.id();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_owned();
    let validate_body = r#"{"host":"smtp.example.com","port":"465","security":"starttls","username":"me@example.com","password":"x","from":"Me <me@example.com>"}"#;

    // (a) wrk on /v1/validate.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-serve");
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("validate.lua");
    std::fs::write(&script, format!("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = '{validate_body}'\n")).unwrap();
    let wrk = Command::new("wrk")
        .args([
            "-t2",
            "-c64",
            "-d10s",
            "--latency",
            "-s",
            &script.display().to_string(),
            &format!("http://{addr}/v1/validate"),
        ])
        .output()
        .expect("wrk (apt-get install wrk)");
    let text = String::from_utf8_lossy(&wrk.stdout);
    let pick = |prefix: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    println!("\n(a) /v1/validate, wrk 2 threads, 64 connections, 10 s");
    println!("  {}", pick("Requests/sec"));
    println!(
        "  latency {} | {} | {}",
        pick("50%"),
        pick("99%"),
        pick("Latency")
    );
    println!("  rss after: {} MB", proc_status(pid, "VmRSS") / 1024);

    // (b) 1,000 concurrent probes against a tarpit.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let tarpit = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let tarpit_port = tarpit.local_addr().unwrap().port();
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((s, _)) = tarpit.accept().await {
                held.push(s);
            }
        });
        let done = Arc::new(AtomicBool::new(false));
        let sampler = {
            let done = Arc::clone(&done);
            tokio::spawn(async move {
                let (mut peak_fds, mut peak_rss) = (0, 0);
                while !done.load(Ordering::Relaxed) {
                    peak_fds = peak_fds.max(std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, Iterator::count));
                    peak_rss = peak_rss.max(proc_status(pid, "VmRSS"));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                (peak_fds, peak_rss)
            })
        };
        let prober = {
            let (done, addr) = (Arc::clone(&done), addr.clone());
            tokio::spawn(async move {
                let (mut health, mut validate) = (Vec::new(), Vec::new());
                while !done.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    if http(&addr, "GET", "/healthz", "").await.is_ok_and(|r| r.starts_with("HTTP/1.1 200")) {
                        health.push(t.elapsed());
                    }
                    let t = Instant::now();
                    if http(&addr, "POST", "/v1/validate", validate_body).await.is_ok_and(|r| r.starts_with("HTTP/1.1 200")) {
                        validate.push(t.elapsed());
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                (health, validate)
            })
        };
        let started = Instant::now();
        let body = format!(r#"{{"config":{{"host":"127.0.0.1","port":{tarpit_port},"security":"starttls","from":"a@example.com"}},"checks":["connect"]}}"#);
        let tasks: Vec<_> = (0..PROBES)
            .map(|_| {
                let (addr, body) = (addr.clone(), body.clone());
                tokio::spawn(async move {
                    let t = Instant::now();
                    let r = http(&addr, "POST", "/v1/probe", &body).await;
                    (r, t.elapsed())
                })
            })
            .collect();
        let (mut no_greeting, mut other, mut slowest) = (0, Vec::new(), Duration::ZERO);
        for t in tasks {
            let (r, took) = t.await.unwrap();
            slowest = slowest.max(took);
            match r {
                Ok(text) if text.starts_with("HTTP/1.1 200") && text.contains("smtp.no-greeting") => no_greeting += 1,
                Ok(text) => other.push(text.lines().next().unwrap_or_default().to_owned()),
                Err(e) => other.push(e),
            }
        }
        let wall = started.elapsed();
        done.store(true, Ordering::Relaxed);
        let (peak_fds, peak_rss) = sampler.await.unwrap();
        let (mut health, mut validate) = prober.await.unwrap();
        println!("\n(b) {PROBES} concurrent /v1/probe against a tarpit (step timeout 5 s, deadline 8 s)");
        println!("  ended with smtp.no-greeting: {no_greeting}/{PROBES}; other: {}", other.len());
        for o in other.iter().take(3) {
            println!("    {o}");
        }
        println!("  all done in {:.1} s; slowest probe {:.1} s", wall.as_secs_f64(), slowest.as_secs_f64());
        println!("  peak RSS {} MB (goal < 100 MB), peak open fds {peak_fds}", peak_rss / 1024);
        println!(
            "  during the load: /healthz p50 {:.1} ms p99 {:.1} ms ({} calls); /v1/validate p50 {:.1} ms p99 {:.1} ms ({} calls)",
            percentile(&mut health, 0.5).as_secs_f64() * 1e3,
            percentile(&mut health, 0.99).as_secs_f64() * 1e3,
            health.len(),
            percentile(&mut validate, 0.5).as_secs_f64() * 1e3,
            percentile(&mut validate, 0.99).as_secs_f64() * 1e3,
            validate.len()
        );
    });
    let _ = server.kill();
    let _ = server.wait();
    replicas();
}

/// A replica (`--redis`, if given) with these limits; its address.
fn replica(redis: Option<&str>, per_minute: u32) -> (std::process::Child, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"));
    cmd.args([
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--allow-target",
        "127.0.0.0/8",
    ])
    .args(["--allow-port", "1024-65535", "--dns-server", "127.0.0.1:9"])
    .args([
        "--probes-per-minute",
        &per_minute.to_string(),
        "--max-probes",
        "1000",
    ])
    .args(["--per-target", "1000", "--helo", "bench.test"])
    .env("RUST_LOG", "error")
    .stdout(Stdio::piped());
    if let Some(url) = redis {
        cmd.args(["--redis", url]);
    }
    let mut child = cmd.spawn().expect("smtp-doctor binary");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_owned();
    (child, addr)
}

/// (c) Three replicas on one Redis.
fn replicas() {
    if !std::path::Path::new("/usr/bin/redis-server").exists() {
        println!("\n(c) three replicas on Redis: skipped (redis-server is not installed)");
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut redis = Command::new("/usr/bin/redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(Stdio::null())
        .spawn()
        .expect("redis-server");
    let url = format!("redis://127.0.0.1:{port}/0");
    std::thread::sleep(Duration::from_millis(300));
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let body = format!(
        r#"{{"config":{{"host":"127.0.0.1","port":{closed},"security":"none","from":"a@example.com"}},"checks":["connect"]}}"#
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // Accuracy: a burst of 300 from one client, round-robin over three
    // replicas, against 60 per minute.
    let mut three: Vec<_> = (0..3).map(|_| replica(Some(&url), 60)).collect();
    let allowed = rt.block_on(async {
        let tasks: Vec<_> = (0..300)
            .map(|i| {
                let (addr, body) = (three[i % 3].1.clone(), body.clone());
                tokio::spawn(async move { http(&addr, "POST", "/v1/probe", &body).await })
            })
            .collect();
        let mut allowed = 0;
        for t in tasks {
            if t.await
                .unwrap()
                .is_ok_and(|r| r.starts_with("HTTP/1.1 200"))
            {
                allowed += 1;
            }
        }
        allowed
    });
    println!("\n(c) three replicas sharing limits through redis-server");
    println!(
        "  a burst of 300 from one client, 60 per minute configured: {allowed} allowed (without Redis: up to 180)"
    );
    for (child, _) in &mut three {
        let _ = child.kill();
        let _ = child.wait();
    }
    // Latency: 300 sequential cheap probes, with and without Redis.
    for (name, redis_url) in [("in memory", None), ("on Redis", Some(url.as_str()))] {
        let (mut child, addr) = replica(redis_url, 1_000_000);
        let mut took = rt.block_on(async {
            let mut took = Vec::new();
            for _ in 0..300 {
                let t = Instant::now();
                if http(&addr, "POST", "/v1/probe", &body)
                    .await
                    .is_ok_and(|r| r.starts_with("HTTP/1.1 200"))
                {
                    took.push(t.elapsed());
                }
            }
            took
        });
        println!(
            "  /v1/probe (refused port), limits {name}: p50 {:.2} ms, p99 {:.2} ms ({} requests)",
            percentile(&mut took, 0.5).as_secs_f64() * 1e3,
            percentile(&mut took, 0.99).as_secs_f64() * 1e3,
            took.len()
        );
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = redis.kill();
    let _ = redis.wait();
}
