//! Throughput, latency percentiles and errors, over the whole load and over the failover
//! window, printed as Markdown tables for the README.
use std::collections::BTreeMap;
use std::time::Duration;

use crate::api::{Outcome, Sample};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

struct Row {
    requests: usize,
    p50: Duration,
    p99: Duration,
    server_errors: usize,
    no_answer: usize,
    refusals: usize,
}

fn row(samples: &[&Sample]) -> Row {
    let mut latencies: Vec<Duration> = samples.iter().map(|s| s.latency).collect();
    latencies.sort();
    let count = |f: &dyn Fn(Outcome) -> bool| samples.iter().filter(|s| f(s.outcome)).count();
    Row {
        requests: samples.len(),
        p50: percentile(&latencies, 50.0),
        p99: percentile(&latencies, 99.0),
        server_errors: count(&|o| matches!(o, Outcome::Status(s) if s >= 500)),
        no_answer: count(&|o| o == Outcome::NoAnswer),
        refusals: count(&|o| matches!(o, Outcome::Status(s) if (400..500).contains(&s))),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// The tables; `window` is when the killed instance was away (from the kill until it was
/// ready again plus the balancer's two checks).
pub fn report(samples: &[Sample], run: Duration, window: (Duration, Duration)) -> String {
    let mut by_kind: BTreeMap<&str, Vec<&Sample>> = BTreeMap::new();
    for s in samples {
        by_kind.entry(s.kind).or_default().push(s);
    }
    let all: Vec<&Sample> = samples.iter().collect();
    let during: Vec<&Sample> = samples
        .iter()
        // In flight at any moment of the window, so a request the kill cut short counts.
        .filter(|s| s.at <= window.1 && s.at + s.latency >= window.0)
        .collect();
    let mut out = String::new();
    out.push_str("| requests | count | per second | p50 | p99 | 5xx | no answer | 4xx (expected refusals) |\n");
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    let mut line = |name: &str, rows: &[&Sample], seconds: f64| {
        let r = row(rows);
        out.push_str(&format!(
            "| {name} | {} | {:.1} | {} | {} | {} | {} | {} |\n",
            r.requests,
            r.requests as f64 / seconds.max(0.001),
            ms(r.p50),
            ms(r.p99),
            r.server_errors,
            r.no_answer,
            r.refusals
        ));
    };
    let seconds = run.as_secs_f64();
    for (kind, rows) in &by_kind {
        line(kind, rows, seconds);
    }
    line("**all**", &all, seconds);
    let width = (window.1.saturating_sub(window.0)).as_secs_f64();
    line(
        &format!(
            "**during the failover** ({:.1}–{:.1} s)",
            window.0.as_secs_f64(),
            window.1.as_secs_f64()
        ),
        &during,
        width,
    );
    let mut reasons: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for s in samples {
        if let Some(error) = &s.error {
            reasons.entry(error.as_str()).or_default().push(format!(
                "{} sent at {:.1} s",
                s.kind,
                s.at.as_secs_f64()
            ));
        }
    }
    for (reason, requests) in reasons {
        out.push_str(&format!(
            "\nno answer ({}×, {reason}): {}",
            requests.len(),
            requests.join(", ")
        ));
    }
    out
}
