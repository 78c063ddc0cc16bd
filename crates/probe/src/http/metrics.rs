//! Prometheus text metrics: requests by route and status, refusals by
//! reason, probes by outcome and by diagnostic code, step latencies as
//! histograms (the limits add probes in flight). Hand-rolled: a handful of counters does
//! not need a metrics framework.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;

use smtp_doctor_core::report::Report;

/// Upper bounds of the step latency buckets, in milliseconds.
const BUCKETS_MS: [u64; 10] = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10_000];

/// One step's latency histogram.
#[derive(Debug, Default)]
struct Histogram {
    buckets: [u64; BUCKETS_MS.len()],
    sum: u64,
    count: u64,
}

#[derive(Debug, Default)]
pub(crate) struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    refusals: Mutex<BTreeMap<&'static str, u64>>,
    probes: Mutex<BTreeMap<&'static str, u64>>,
    codes: Mutex<BTreeMap<String, u64>>,
    steps: Mutex<BTreeMap<String, Histogram>>,
}

fn bump<K: Ord>(map: &Mutex<BTreeMap<K, u64>>, key: K) {
    if let Ok(mut m) = map.lock() {
        *m.entry(key).or_insert(0) += 1;
    }
}

impl Metrics {
    pub(crate) fn request(&self, route: &str, status: u16) {
        bump(&self.requests, (route.to_owned(), status));
        let reason = match status {
            400 => "bad-request",
            401 => "unauthorized",
            403 => "forbidden",
            413 => "too-large",
            415 => "unsupported-media-type",
            429 => "rate-limited",
            503 => "at-capacity",
            _ => return,
        };
        bump(&self.refusals, reason);
    }

    /// A streamed probe whose client hung up: cancelled, no report.
    pub(crate) fn probe_abandoned(&self) {
        bump(&self.probes, "abandoned");
    }

    pub(crate) fn probe_finished(&self, report: &Report) {
        bump(&self.probes, if report.ok { "ok" } else { "fail" });
        for d in &report.diagnostics {
            bump(&self.codes, d.code.to_string());
        }
        if let Ok(mut steps) = self.steps.lock() {
            for s in &report.steps {
                let h = steps.entry(s.step.as_str().to_owned()).or_default();
                for (bucket, bound) in h.buckets.iter_mut().zip(BUCKETS_MS) {
                    if s.duration_ms <= bound {
                        *bucket += 1;
                    }
                }
                h.sum += s.duration_ms;
                h.count += 1;
            }
        }
    }

    /// The exposition text.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP smtp_doctor_http_requests_total HTTP requests by route and status.\n# TYPE smtp_doctor_http_requests_total counter"
        );
        if let Ok(m) = self.requests.lock() {
            for ((route, status), n) in m.iter() {
                let _ = writeln!(
                    out,
                    "smtp_doctor_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP smtp_doctor_refusals_total Requests refused, by reason.\n# TYPE smtp_doctor_refusals_total counter"
        );
        if let Ok(m) = self.refusals.lock() {
            for (reason, n) in m.iter() {
                let _ = writeln!(out, "smtp_doctor_refusals_total{{reason=\"{reason}\"}} {n}");
            }
        }
        let _ = writeln!(
            out,
            "# HELP smtp_doctor_probes_total Probes run, by outcome.\n# TYPE smtp_doctor_probes_total counter"
        );
        if let Ok(m) = self.probes.lock() {
            for (outcome, n) in m.iter() {
                let _ = writeln!(out, "smtp_doctor_probes_total{{outcome=\"{outcome}\"}} {n}");
            }
        }
        let _ = writeln!(
            out,
            "# HELP smtp_doctor_diagnostics_total Diagnostics in probe reports, by code.\n# TYPE smtp_doctor_diagnostics_total counter"
        );
        if let Ok(m) = self.codes.lock() {
            for (code, n) in m.iter() {
                let _ = writeln!(out, "smtp_doctor_diagnostics_total{{code=\"{code}\"}} {n}");
            }
        }
        let _ = writeln!(
            out,
            "# HELP smtp_doctor_step_duration_ms Probe step latency.\n# TYPE smtp_doctor_step_duration_ms histogram"
        );
        if let Ok(m) = self.steps.lock() {
            for (
                step,
                Histogram {
                    buckets,
                    sum,
                    count,
                },
            ) in m.iter()
            {
                for (bound, n) in BUCKETS_MS.iter().zip(buckets) {
                    let _ = writeln!(
                        out,
                        "smtp_doctor_step_duration_ms_bucket{{step=\"{step}\",le=\"{bound}\"}} {n}"
                    );
                }
                let _ = writeln!(
                    out,
                    "smtp_doctor_step_duration_ms_bucket{{step=\"{step}\",le=\"+Inf\"}} {count}"
                );
                let _ = writeln!(
                    out,
                    "smtp_doctor_step_duration_ms_sum{{step=\"{step}\"}} {sum}"
                );
                let _ = writeln!(
                    out,
                    "smtp_doctor_step_duration_ms_count{{step=\"{step}\"}} {count}"
                );
            }
        }
        out
    }
}
