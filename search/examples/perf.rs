//! Measures the embedded engine at catalogue scale: indexing N synthetic offerings (default
//! 100,000) into a fresh on-disk index, a mixed query load from 16 concurrent clients
//! (with the optional result cache off, then on, unless RESULT_CACHE=0), pathological
//! queries, and resident memory.
//!
//! `cargo run -p valinta-search --release --example perf [-- DOCS QUERIES]`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use valinta_search::embedded::EmbeddedEngine;
use valinta_search::{Engine, SearchQuery, load};

const CLIENTS: usize = 16;
const BATCH: usize = 10_000;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let docs = args.next().unwrap_or(100_000);
    let queries = args.next().unwrap_or(8_000);
    let dir = tempfile::tempdir().unwrap();

    let catalogue = load::synthetic_docs(docs);
    eprintln!("memory with the catalogue generated: {}", memory());
    let engine = EmbeddedEngine::open(dir.path()).unwrap();
    let started = Instant::now();
    for batch in catalogue.chunks(BATCH) {
        engine.upsert(batch.to_vec()).await.unwrap();
    }
    eprintln!(
        "indexed {} docs in {:?} (batches of {BATCH})",
        engine.num_docs(),
        started.elapsed()
    );
    drop(catalogue);
    eprintln!("memory after indexing: {}", memory());

    let cache_capacity = std::env::var("RESULT_CACHE")
        .ok()
        .map_or(10_000, |v| v.parse::<usize>().expect("a number"));
    let embedded = engine.clone();
    let engine = Arc::new(Engine::Embedded(engine));
    // One warm-up pass so the page cache and lazily opened columns are in place.
    load::run_clients(Arc::clone(&engine), load::query_mix(1_000), CLIENTS)
        .await
        .unwrap();
    let r = load::run_clients(Arc::clone(&engine), load::query_mix(queries), CLIENTS)
        .await
        .unwrap();
    report("result cache off", &r);
    if cache_capacity > 0 {
        embedded.set_result_cache(cache_capacity);
        let r = load::run_clients(Arc::clone(&engine), load::query_mix(queries), CLIENTS)
            .await
            .unwrap();
        let (lookups, hits) = embedded.result_cache_stats();
        let distinct: std::collections::HashSet<String> = load::query_mix(queries)
            .iter()
            .map(|q| format!("{q:?}"))
            .collect();
        report(
            &format!(
                "result cache on ({cache_capacity} entries, hit rate {:.0}%, {} distinct queries)",
                100.0 * hits as f64 / lookups.max(1) as f64,
                distinct.len()
            ),
            &r,
        );
        embedded.set_result_cache(0);
    }

    let mut worst = Duration::ZERO;
    for text in pathological() {
        let q = SearchQuery {
            text,
            ..SearchQuery::default()
        };
        let started = Instant::now();
        engine.search(&q).await.unwrap();
        worst = worst.max(started.elapsed());
    }
    eprintln!("slowest pathological query: {worst:?}");
    eprintln!("memory at the end: {}", memory());
}

fn report(label: &str, r: &load::LoadReport) {
    eprintln!(
        "{} mixed queries, {CLIENTS} clients, {label}: median {:?}, p99 {:?}, max {:?}, {:.0} queries/s",
        r.queries,
        r.median,
        r.p99,
        r.max,
        r.queries as f64 / r.wall.as_secs_f64()
    );
}

fn pathological() -> Vec<String> {
    let letters = "a b c d e f g h i j k l m n o p".to_string();
    let pairs = "pa ko si fy ku as tu om he ka".to_string();
    let long_words = (0..12)
        .map(|i| format!("{}{i}", "kotihoitopalveluasumispalvelu".repeat(2)))
        .collect::<Vec<_>>()
        .join(" ");
    let typos = "kotihoitx fysioterapiz siivousx kuntoutux asumispalvelx päivätoimintx omaishoitx ravitsemux toimintaterapix puheterapix".to_string();
    let noise: String = (0..4096u32)
        .map(|i| char::from_u32(0x20 + (i * 7919) % 0x2000).unwrap_or('?'))
        .collect();
    vec![
        letters,
        pairs,
        long_words,
        typos,
        noise,
        "\"():^~*".repeat(500),
    ]
}

/// Resident and peak resident memory, from /proc (Linux).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l.trim_start_matches(name).trim().to_string())
            .unwrap_or_default()
    };
    format!("RSS {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}
