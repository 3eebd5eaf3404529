//! The embedded engine answers from cached bit sets and per-word scores; tantivy's own
//! collectors are the reference. Both must give identical results (hits in order,
//! totals, facets, distances) for the load mix and for the edge cases of paging.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use valinta_search::embedded::EmbeddedEngine;
use valinta_search::{GeoPoint, SearchQuery, Sort, load};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bit_set_evaluation_equals_tantivy_collectors() {
    let docs = if cfg!(debug_assertions) {
        3_000
    } else {
        20_000
    };
    let engine = EmbeddedEngine::in_memory().unwrap();
    // Several commits, then deletes: many segments, some with deleted documents.
    let mut catalogue = load::synthetic_docs(docs);
    // Few distinct timestamps: equal sort keys are common, so the tie-break (document
    // address) is exercised too.
    for (i, d) in catalogue.iter_mut().enumerate() {
        d.updated_at = 1_700_000_000 + (i % 97) as i64;
    }
    for batch in catalogue.chunks(docs / 4) {
        engine.upsert(batch.to_vec()).await.unwrap();
    }
    let gone: Vec<_> = catalogue
        .iter()
        .step_by(11)
        .map(|d| d.offering_id)
        .collect();
    engine.delete(gone).await.unwrap();
    engine.upsert(catalogue[..50].to_vec()).await.unwrap();

    let mut queries = load::query_mix(600);
    queries.extend(edge_cases());
    for q in &queries {
        let fast = engine.search(q).await.unwrap();
        let reference = engine.search_reference(q).await.unwrap();
        assert!(fast == reference, "results differ for {q:?}");
    }
}

fn edge_cases() -> Vec<SearchQuery> {
    let base = SearchQuery::default();
    let mut out = Vec::new();
    for text in [
        "",
        "koti",
        "kotihoito siivous",
        "fysioterapia kotihoito apu",
        "zzzz",
        "a",
    ] {
        for sort in [
            Sort::Relevance,
            Sort::Rating,
            Sort::Price,
            Sort::Distance(GeoPoint {
                lat: 60.5,
                lon: 22.0,
            }),
        ] {
            for (page, per_page) in [(1, 20), (3, 7), (1, 0), (1, 500), (60, 200), (1_000, 20)] {
                out.push(SearchQuery {
                    text: text.to_string(),
                    sort,
                    page,
                    per_page,
                    ..base.clone()
                });
            }
        }
    }
    out
}
