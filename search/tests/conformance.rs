//! Runs the shared conformance suite on every engine: the embedded one in RAM and on disk
//! always, Meilisearch whenever `MEILISEARCH_URL` is set (`MEILISEARCH_KEY` optional).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use valinta_search::embedded::EmbeddedEngine;
use valinta_search::meili::MeiliEngine;
use valinta_search::{Engine, SearchQuery, conformance};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_in_memory_conforms() {
    let engine = Engine::Embedded(EmbeddedEngine::in_memory().unwrap());
    conformance::run(&engine).await;
    assert!(engine.healthy().await);
    assert_eq!(engine.name(), "embedded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_on_disk_conforms_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let embedded = EmbeddedEngine::open(dir.path()).unwrap();
        assert!(embedded.rebuilt());
        conformance::run(&Engine::Embedded(embedded)).await;
    }
    let reopened = EmbeddedEngine::open(dir.path()).unwrap();
    assert!(!reopened.rebuilt());
    assert_eq!(reopened.num_docs(), 30);
    let engine = Engine::Embedded(reopened);
    let all = engine.search(&SearchQuery::default()).await.unwrap();
    assert_eq!(all.total, 30);
    // The suite passes again on the reopened index (it clears and reloads it).
    conformance::run(&engine).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_index_of_another_schema_version_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    {
        let engine = EmbeddedEngine::open(dir.path()).unwrap();
        engine.upsert(conformance::fixtures()).await.unwrap();
    }
    std::fs::write(dir.path().join("valinta-schema-version"), "0").unwrap();
    let engine = EmbeddedEngine::open(dir.path()).unwrap();
    assert!(engine.rebuilt());
    assert_eq!(engine.num_docs(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meilisearch_conforms() {
    let Ok(url) = std::env::var("MEILISEARCH_URL") else {
        eprintln!(
            "meilisearch_conforms skipped: no server configured (set MEILISEARCH_URL to run it)"
        );
        return;
    };
    let key = std::env::var("MEILISEARCH_KEY").ok();
    let index = format!("valinta_conformance_{}", uuid::Uuid::new_v4().simple());
    let meili = MeiliEngine::connect(&url, key.as_deref(), &index)
        .await
        .unwrap();
    // Settings are applied on every connect: a second connect must succeed unchanged.
    let meili = {
        drop(meili);
        MeiliEngine::connect(&url, key.as_deref(), &index)
            .await
            .unwrap()
    };
    let engine = Engine::Meilisearch(meili);
    let failures = conformance::failures(&engine).await;
    let Engine::Meilisearch(meili) = engine else {
        unreachable!()
    };
    meili.drop_index().await.unwrap();
    assert!(
        failures.is_empty(),
        "Meilisearch failed:\n{}",
        failures.join("\n")
    );
}
