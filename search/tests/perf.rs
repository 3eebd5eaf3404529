//! A quick load measurement that runs with the default tests: a small synthetic catalogue
//! on disk, indexed and then queried by 16 concurrent clients. Prints timings
//! (`cargo test -p valinta-search --release -- --nocapture perf`); the full 100k
//! measurement is `cargo run -p valinta-search --release --example perf`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Instant;

use valinta_search::embedded::EmbeddedEngine;
use valinta_search::{Engine, load};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn perf_index_and_query_small_catalogue() {
    // Debug builds run our code unoptimised: keep the default test run short.
    let (docs, queries) = if cfg!(debug_assertions) {
        (5_000, 400)
    } else {
        (20_000, 3_200)
    };
    let dir = tempfile::tempdir().unwrap();
    let engine = EmbeddedEngine::open(dir.path()).unwrap();
    let started = Instant::now();
    for batch in load::synthetic_docs(docs).chunks(5_000) {
        engine.upsert(batch.to_vec()).await.unwrap();
    }
    let indexing = started.elapsed();
    assert_eq!(engine.num_docs(), docs as u64);
    let engine = Arc::new(Engine::Embedded(engine));
    let report = load::run_clients(engine, load::query_mix(queries), 16)
        .await
        .unwrap();
    eprintln!(
        "perf: indexed {docs} docs in {indexing:?}; {} queries, 16 clients: median {:?}, p99 {:?}, max {:?}, wall {:?}",
        report.queries, report.median, report.p99, report.max, report.wall
    );
    assert_eq!(report.queries, queries);
}
