//! Runs the shared conformance suite on every engine: the embedded one in RAM and on disk
//! always, a real Meilisearch whenever one is configured (`bash .ci/run` starts one and
//! sets `VALINTA_TEST_MEILISEARCH_URL` and `_KEY`; `MEILISEARCH_URL` works too).
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

/// The Meilisearch under test: `VALINTA_TEST_MEILISEARCH_URL` (set by `.ci/run`, which
/// starts one) or `MEILISEARCH_URL`; `None` skips, unless `VALINTA_REQUIRE_MEILISEARCH=1`.
fn meilisearch_under_test(test: &str) -> Option<(String, Option<String>)> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    match var("VALINTA_TEST_MEILISEARCH_URL").or_else(|| var("MEILISEARCH_URL")) {
        Some(url) => {
            let key = var("VALINTA_TEST_MEILISEARCH_KEY").or_else(|| var("MEILISEARCH_KEY"));
            Some((url, key))
        }
        None if var("VALINTA_REQUIRE_MEILISEARCH").as_deref() == Some("1") => panic!(
            "{test}: VALINTA_REQUIRE_MEILISEARCH=1 but no VALINTA_TEST_MEILISEARCH_URL is set"
        ),
        None => {
            eprintln!(
                "{test} skipped: no Meilisearch (`bash .ci/run` starts one; or set \
                 VALINTA_TEST_MEILISEARCH_URL and VALINTA_TEST_MEILISEARCH_KEY)"
            );
            None
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meilisearch_conforms() {
    let Some((url, key)) = meilisearch_under_test("meilisearch_conforms") else {
        return;
    };
    let index = format!("valinta_conformance_{}", uuid::Uuid::new_v4().simple());
    let places = [vec!["Vantaa".to_owned(), "Vanda".to_owned()]];
    let meili = MeiliEngine::connect(&url, key.as_deref(), &index, &places)
        .await
        .unwrap();
    assert!(
        meili.stale(),
        "a new index must be filled from the database"
    );
    meili.upsert(conformance::fixtures()).await.unwrap();
    // Settings are checked on every connect: a second connect finds them in place and the
    // documents there, so nothing needs rebuilding.
    let meili = {
        drop(meili);
        MeiliEngine::connect(&url, key.as_deref(), &index, &places)
            .await
            .unwrap()
    };
    assert!(!meili.stale(), "same settings and documents: not stale");
    assert_eq!(meili.num_docs().await.unwrap(), 30);
    // Other settings (a new synonym here) make the index stale: documents are rebuilt.
    let more_places = [places[0].clone(), vec!["Espoo".into(), "Esbo".into()]];
    let meili = {
        drop(meili);
        MeiliEngine::connect(&url, key.as_deref(), &index, &more_places)
            .await
            .unwrap()
    };
    assert!(meili.stale(), "changed settings: rebuild");
    let engine = Engine::Meilisearch(meili);
    assert!(engine.healthy().await);
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
