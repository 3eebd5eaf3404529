//! `GET /api/v1/search` over HTTP: index sync through the outbox within a second (also
//! under load), filters, facets, sorting, bad parameters, and the demand-gap report of
//! searches that found nothing. Every scenario runs on both databases and both engines
//! (`search_test!`); the Meilisearch-only ones at the end cover filling a fresh index at
//! start, an engine that goes down, and one that is down when the server starts.
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::{
    Backend, TestApp,
    client::{expect_error, expect_status},
    fixtures::{Market, approve, offering_body, provider, purchaser},
    meili::{self, MeiliIndex, PrivateMeili},
};

/// How long a change may take to become searchable: the product promises one second, and
/// both engines are held to it. Meilisearch meets it when started with a bounded indexing
/// memory (`--max-indexing-memory 1GiB`, as `.ci/run`, the tests' private servers and the
/// deployment files do): with its default, every one-document batch cost 0.7–1 s of CPU
/// (see the README's Search section). The freshness tests print what they measured.
pub(crate) const FRESHNESS_DEADLINE: Duration = Duration::from_secs(1);

/// Searches until `done` holds or [`FRESHNESS_DEADLINE`] has passed.
pub(crate) async fn search_until(
    app: &TestApp,
    query: &str,
    done: impl Fn(&Value) -> bool,
) -> (Value, Duration) {
    let deadline = FRESHNESS_DEADLINE;
    let started = Instant::now();
    loop {
        let reply = app.get(&format!("/api/v1/search?{query}"), "").await;
        let body = expect_status(&reply, 200, "search").clone();
        if done(&body) || started.elapsed() > deadline {
            return (body, started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub(crate) fn ids(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|h| h["offering_id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

async fn changes_to_offerings_are_searchable_within_a_second(app: TestApp) {
    let market = Market::build(&app).await;
    let (body, waited) = search_until(&app, "q=kotihoitoa", |b| {
        ids(b).contains(&market.offering_id)
    })
    .await;
    assert!(
        ids(&body).contains(&market.offering_id),
        "a new offering is found in time (waited {waited:?}): {body}"
    );
    eprintln!(
        "freshness ({:?}, {}): a new offering was searchable after {waited:?}",
        app.backend,
        app.meili_index().map_or("embedded", |_| "meilisearch")
    );

    let patch = app
        .patch(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
            &json!({"title": {"fi": "Siivouspalvelut Kalliossa"}}),
        )
        .await;
    expect_status(&patch, 200, "rename the offering");
    let (body, waited) =
        search_until(&app, "q=siivous", |b| ids(b).contains(&market.offering_id)).await;
    assert!(
        ids(&body).contains(&market.offering_id),
        "the new title is found by prefix in time (waited {waited:?}): {body}"
    );
    assert_eq!(body["items"][0]["unit_price"], "45.00");

    let archived = app
        .delete(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
        )
        .await;
    expect_status(&archived, 200, "archive the offering");
    let (body, waited) =
        search_until(&app, "q=siivous", |b| !ids(b).contains(&market.offering_id)).await;
    assert!(
        !ids(&body).contains(&market.offering_id),
        "an archived offering leaves search in time (waited {waited:?})"
    );
}
search_test!(changes_to_offerings_are_searchable_within_a_second);

async fn filters_facets_and_sorting_work_over_http(app: TestApp) {
    let market = Market::build(&app).await;
    let second = provider(&app).await;
    approve(&app, &second, &market.purchaser, &[&market.service_id]).await;
    let mut body = offering_body(&market.service_id, "39.50");
    body["municipalities"] = json!(["092"]);
    body["languages"] = json!(["fi"]);
    body["location"] = json!({"lat": 60.2934, "lon": 25.0378});
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", second.id),
            &second.staff.token,
            &body,
        )
        .await;
    let cheaper = expect_status(&reply, 201, "second offering")["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let purchaser = format!("purchaser={}", market.purchaser.id);
    let (all, _) = search_until(&app, &purchaser, |b| b["total"] == 2).await;
    assert_eq!(all["total"], 2, "{all}");
    assert_eq!(all["facets"]["municipality"]["091"], 1);
    assert_eq!(all["facets"]["municipality"]["092"], 1);
    assert_eq!(all["facets"]["language"]["fi"], 2);
    assert_eq!(all["facets"]["language"]["sv"], 1);
    assert_eq!(all["facets"]["method"]["voucher"], 2);

    let by_price = app
        .get(&format!("/api/v1/search?{purchaser}&sort=price"), "")
        .await;
    assert_eq!(
        ids(expect_status(&by_price, 200, "price sort")),
        vec![cheaper.clone(), market.offering_id.clone()]
    );
    let near_vantaa = app
        .get(
            &format!("/api/v1/search?{purchaser}&sort=distance&lat=60.29&lon=25.04"),
            "",
        )
        .await;
    let near = expect_status(&near_vantaa, 200, "distance sort");
    assert_eq!(ids(near)[0], cheaper);
    assert!(
        near["items"][0]["distance_km"]
            .as_f64()
            .is_some_and(|d| d < 1.0),
        "{near}"
    );
    for (filter, expected) in [
        ("municipality=091", &market.offering_id),
        ("language=sv", &market.offering_id),
        ("max_price=40", &cheaper),
    ] {
        let reply = app
            .get(&format!("/api/v1/search?{purchaser}&{filter}"), "")
            .await;
        assert_eq!(
            ids(expect_status(&reply, 200, filter)),
            vec![expected.clone()],
            "{filter}"
        );
    }
}
search_test!(filters_facets_and_sorting_work_over_http);

async fn bad_search_parameters_answer_400_naming_them_and_fast(app: TestApp) {
    let long = "a".repeat(4096);
    let cases = [
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("sort=cheapest", "sort"),
        ("sort=distance", "lat"),
        ("lat=91&lon=20", "lat"),
        ("lat=60&lon=-181", "lon"),
        ("max_price=-5", "max_price"),
        ("max_price=1.005", "max_price"),
        ("min_rating=6", "min_rating"),
        ("method=cash", "method"),
        ("accessibility=wheelchair,jetpack", "accessibility"),
        ("municipality=91", "municipality"),
        ("service=not-an-id", "service"),
        ("social_care=maybe", "social_care"),
        ("q=%07bell", "q"),
    ];
    for (query, parameter) in cases
        .iter()
        .map(|(q, p)| (q.to_string(), *p))
        .chain([(format!("q={long}"), "q")])
    {
        let reply = app.get(&format!("/api/v1/search?{query}"), "").await;
        assert_eq!(reply.0.as_u16(), 400, "{query}: {reply:?}");
        assert!(
            reply.1["error"]["fields"][parameter].is_string(),
            "{query} names {parameter}: {reply:?}"
        );
    }
    // A long, messy but allowed query still answers quickly.
    let messy = "kotihoito siivous\"(*)~^ fysioterapia ÄÖÅ 🙂 ".repeat(4);
    let started = Instant::now();
    let reply = app
        .get(
            &format!(
                "/api/v1/search?q={}",
                urlencode(&messy[..messy.len().min(190)])
            ),
            "",
        )
        .await;
    assert_eq!(reply.0.as_u16(), 200, "{reply:?}");
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "took {:?}",
        started.elapsed()
    );
}
search_test!(bad_search_parameters_answer_400_naming_them_and_fast);

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn searches_that_find_nothing_reach_the_purchasers_demand_gap_report(app: TestApp) {
    let market = Market::build(&app).await;
    for _ in 0..2 {
        let reply = app
            .get("/api/v1/search?q=Hevosterapia!&municipality=091", "")
            .await;
        assert_eq!(expect_status(&reply, 200, "search")["total"], 0);
    }
    let report_path = format!(
        "/api/v1/purchasers/{}/reports/demand-gaps",
        market.purchaser.id
    );
    let started = Instant::now();
    let report = loop {
        let reply = app
            .get(&report_path, &market.purchaser.case_worker.token)
            .await;
        let body = expect_status(&reply, 200, "demand gaps").clone();
        if body["items"][0]["count"] == 2 || started.elapsed() > Duration::from_secs(2) {
            break body;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(report["items"][0]["query"], "hevosterapia", "{report}");
    assert_eq!(report["items"][0]["municipality"], "091");
    assert_eq!(report["items"][0]["count"], 2, "{report}");

    // Another purchaser's staff cannot read this purchaser's report, nor can a provider.
    let other = purchaser(&app, &market.admin).await;
    let reply = app.get(&report_path, &other.case_worker.token).await;
    assert_eq!(
        reply.0.as_u16(),
        404,
        "another purchaser's staff: {reply:?}"
    );
    let reply = app.get(&report_path, &market.provider.staff.token).await;
    assert_eq!(reply.0.as_u16(), 403, "a provider: {reply:?}");
}
search_test!(searches_that_find_nothing_reach_the_purchasers_demand_gap_report);

async fn a_change_committed_before_a_crash_is_indexed_after_restart(app: TestApp) {
    let mut app = app;
    let market = Market::build(&app).await;
    let (body, _) = search_until(&app, "q=kotihoitoa", |b| {
        ids(b).contains(&market.offering_id)
    })
    .await;
    assert!(
        ids(&body).contains(&market.offering_id),
        "indexed while the worker runs"
    );

    // Without a worker the change is committed with its outbox row but not yet indexed:
    // the state a crash between commit and indexing leaves behind.
    app.restart(&["--no-worker"]).await;
    // Sign-in tokens live in the database, so the provider's token outlives the restart.
    let patch = app
        .patch(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
            &json!({"title": {"fi": "Fysioterapiaa Kalliossa"}}),
        )
        .await;
    expect_status(&patch, 200, "rename with no worker running");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stale = app.get("/api/v1/search?q=fysioterapiaa", "").await;
    assert_eq!(
        expect_status(&stale, 200, "search")["total"],
        0,
        "nothing indexes it without a worker"
    );

    app.restart(&[]).await;
    let (body, waited) = search_until(&app, "q=fysioterapiaa", |b| {
        ids(b).contains(&market.offering_id)
    })
    .await;
    assert!(
        ids(&body).contains(&market.offering_id),
        "the outbox row survived the crash and was applied in time (waited {waited:?})"
    );
}
search_test!(a_change_committed_before_a_crash_is_indexed_after_restart);

async fn relevance_tolerates_typos_inflection_and_swedish(app: TestApp) {
    let market = Market::build(&app).await;
    // The offering is titled "Kotihoitoa Kalliossa" / "Hemvård i Berghäll".
    for query in [
        "kotihoito",              // the base form of the title's partitive
        "kotihoitoa",             // the title's own word
        "kotihoitoe",             // a typo
        "KOTIHOI",                // a prefix, in capitals
        "hemvard",                // Swedish without the ring
        "hemvård berghäll",       // two Swedish words
        "kotihoitoa helsingfors", // a word and the Swedish name of a municipality served
    ] {
        let (body, waited) = search_until(&app, &format!("q={}", urlencode(query)), |b| {
            ids(b).contains(&market.offering_id)
        })
        .await;
        assert!(
            ids(&body).contains(&market.offering_id),
            "{query:?} finds the offering (waited {waited:?}): {body}"
        );
    }
    for query in ["fysioterapia", "kotihoitoa tampere"] {
        let reply = app
            .get(&format!("/api/v1/search?q={}", urlencode(query)), "")
            .await;
        assert_eq!(
            expect_status(&reply, 200, query)["total"],
            0,
            "{query:?} finds nothing"
        );
    }
}
search_test!(relevance_tolerates_typos_inflection_and_swedish);

/// Concurrent searchers while offerings change: each change must still be searchable
/// within the second.
async fn changes_are_searchable_within_a_second_under_search_load(app: TestApp) {
    let market = Market::build(&app).await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let load: Vec<_> = (0..8)
        .map(|i| {
            let http = app.http.clone();
            let base = app.base_url.clone();
            let stop = stop.clone();
            tokio::spawn(async move {
                let queries = ["q=koti", "q=siivous&sort=price", "sort=rating", "q=hemv"];
                let mut sent = 0u32;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let query = queries[(i + sent as usize) % queries.len()];
                    let _ = http
                        .get(format!("{base}/api/v1/search?{query}"))
                        .send()
                        .await;
                    sent += 1;
                }
                sent
            })
        })
        .collect();
    let mut waits = Vec::new();
    for round in 0..5 {
        let word = format!("Kuntoutusjakso{}", ["aa", "bb", "cc", "dd", "ee"][round]);
        let patch = app
            .patch(
                &format!("/api/v1/offerings/{}", market.offering_id),
                &market.provider.staff.token,
                &json!({"title": {"fi": format!("{word} Kalliossa")}}),
            )
            .await;
        expect_status(&patch, 200, "rename under load");
        let query = format!("q={}", word.to_lowercase());
        let (body, waited) =
            search_until(&app, &query, |b| ids(b).contains(&market.offering_id)).await;
        assert!(
            ids(&body).contains(&market.offering_id),
            "round {round}: the new title is found in time under load (waited {waited:?})"
        );
        waits.push(waited);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut searches = 0;
    for task in load {
        searches += task.await.unwrap_or(0);
    }
    waits.sort();
    eprintln!(
        "freshness under load ({:?}, {}): waits {waits:?}, {searches} concurrent searches",
        app.backend,
        app.meili_index().map_or("embedded", |_| "meilisearch")
    );
}
search_test!(changes_are_searchable_within_a_second_under_search_load);

/// A new (or wiped) Meilisearch index is filled from the database at start: no
/// `valinta search reindex`, no outbox rows needed. (Meilisearch only: the embedded
/// index's rebuild at start is covered by the search crate's tests.)
async fn a_fresh_meilisearch_index_is_filled_at_start(backend: Backend) {
    let test = "a_fresh_meilisearch_index_is_filled_at_start";
    let Some(server) = meili::shared_server(test) else {
        return;
    };
    let index = MeiliIndex::new(server.clone());
    let (url, name) = (
        format!("{}/indexes/{}", server.url, index.name),
        index.name.clone(),
    );
    let mut app = TestApp::spawn_on_meili(backend, index, &[]).await;
    let market = Market::build(&app).await;
    let (body, _) = search_until(&app, "q=kotihoitoa", |b| {
        ids(b).contains(&market.offering_id)
    })
    .await;
    assert!(ids(&body).contains(&market.offering_id), "indexed: {body}");

    // The index disappears (a new Meilisearch, a lost volume); then the server restarts.
    let mut delete = app.http.delete(&url);
    if let Some(key) = &server.key {
        delete = delete.bearer_auth(key);
    }
    let deleted = delete.send().await.expect("delete the index");
    assert_eq!(deleted.status().as_u16(), 202, "index {name} deleted");
    let gone = Instant::now();
    loop {
        let mut get = app.http.get(&url);
        if let Some(key) = &server.key {
            get = get.bearer_auth(key);
        }
        let status = get.send().await.map(|r| r.status().as_u16()).unwrap_or(0);
        if status == 404 {
            break;
        }
        assert!(
            gone.elapsed() < Duration::from_secs(30),
            "index still there"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // No worker: only the start-up fill can bring the offering back.
    app.restart(&["--no-worker"]).await;
    let reply = app.get("/api/v1/search?q=kotihoitoa", "").await;
    let body = expect_status(&reply, 200, "search after restart");
    assert_eq!(
        ids(body),
        vec![market.offering_id.clone()],
        "the fresh index was filled from the database at start: {body}"
    );
}
db_test!(backend a_fresh_meilisearch_index_is_filled_at_start);

/// Meilisearch (a private one this test stops and starts) goes down: writes go on, `/ready` says the engine is down and how many
/// changes the outbox holds, and when Meilisearch is back every change arrives.
async fn a_meilisearch_that_is_down_loses_no_change(backend: Backend) {
    let test = "a_meilisearch_that_is_down_loses_no_change";
    let Some(binary) = meili::binary(test) else {
        return;
    };
    let mut private = PrivateMeili::start(binary).await;
    let app = TestApp::spawn_on_meili(backend, MeiliIndex::new(private.url()), &[]).await;
    let market = Market::build(&app).await;
    let (body, _) = search_until(&app, "q=kotihoitoa", |b| {
        ids(b).contains(&market.offering_id)
    })
    .await;
    assert!(ids(&body).contains(&market.offering_id), "indexed: {body}");
    // The worker deletes its rows once Meilisearch has them.
    let ready = ready_until(&app, |r| r.1["search"]["pending_changes"] == 0).await;
    assert_eq!(ready.0.as_u16(), 200, "{ready:?}");
    assert_eq!(ready.1["search"]["engine"], "meilisearch");
    assert_eq!(ready.1["search"]["pending_changes"], 0, "{ready:?}");

    private.stop();
    let patch = app
        .patch(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
            &json!({"title": {"fi": "Fysioterapiaa Kalliossa"}}),
        )
        .await;
    expect_status(&patch, 200, "a change while Meilisearch is down");
    // Let the worker try (and fail) at least once.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let ready = app.get("/ready", "").await;
    assert_eq!(ready.0.as_u16(), 503, "{ready:?}");
    assert_eq!(ready.1["database"], "up", "{ready:?}");
    assert_eq!(ready.1["search"]["status"], "down", "{ready:?}");
    assert_eq!(
        ready.1["search"]["pending_changes"], 1,
        "the change waits in the outbox: {ready:?}"
    );

    // Down long enough for the retry backoff (1 s doubling) to have grown: attempts at
    // about 0, 2 and 6 s fail, so the next would come 8 s after the last.
    tokio::time::sleep(OUTAGE).await;
    private.resume().await;
    let waited = kept_change_arrives(&app, "q=fysioterapiaa", &market.offering_id).await;
    eprintln!(
        "{test} ({backend:?}): the kept change was searchable {waited:?} after Meilisearch answered again"
    );
    let ready = ready_until(&app, |r| r.1["search"]["pending_changes"] == 0).await;
    assert_eq!(ready.0.as_u16(), 200, "{ready:?}");
    assert_eq!(ready.1["search"]["pending_changes"], 0, "{ready:?}");
    drop(app);
}

/// How long the outage tests keep Meilisearch down: past three failed attempts of the
/// retry backoff, so that waiting it out would take seconds more.
const OUTAGE: Duration = Duration::from_secs(7);

/// Once Meilisearch answers again, kept changes must not wait out the retry backoff: the
/// worker notices within half a second and applies them. Returns how long that took.
const AFTER_OUTAGE: Duration = Duration::from_secs(3);

/// Searches until `offering` is found, at most [`AFTER_OUTAGE`] after Meilisearch answered.
async fn kept_change_arrives(app: &TestApp, query: &str, offering: &str) -> Duration {
    let back = Instant::now();
    loop {
        let reply = app.get(&format!("/api/v1/search?{query}"), "").await;
        if reply.0.as_u16() == 200 && ids(&reply.1).contains(&offering.to_owned()) {
            return back.elapsed();
        }
        assert!(
            back.elapsed() < AFTER_OUTAGE,
            "the change kept in the outbox arrived within {AFTER_OUTAGE:?} after Meilisearch \
             answered again (last answer: {reply:?})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A Meilisearch that does not answer when the server starts: the server starts anyway,
/// takes writes, and `/ready` says search is down with the changes it keeps; once
/// Meilisearch answers, the worker makes the index (with its settings) and fills it from
/// the database, and the kept changes arrive.
async fn a_server_starts_while_meilisearch_is_down_and_catches_up(backend: Backend) {
    let test = "a_server_starts_while_meilisearch_is_down_and_catches_up";
    let Some(binary) = meili::binary(test) else {
        return;
    };
    let mut private = PrivateMeili::start(binary).await;
    private.stop();
    let app = TestApp::spawn_on_meili(backend, MeiliIndex::new(private.url()), &[]).await;
    let ready = app.get("/ready", "").await;
    assert_eq!(ready.0.as_u16(), 503, "{ready:?}");
    assert_eq!(ready.1["database"], "up", "{ready:?}");
    assert_eq!(ready.1["search"]["engine"], "meilisearch", "{ready:?}");
    assert_eq!(ready.1["search"]["status"], "down", "{ready:?}");
    // A search meanwhile is told the engine is away and to try again, not a failure of ours;
    // the portal says it in words.
    let reply = app.get("/api/v1/search?q=kotihoito", "").await;
    expect_error(
        &reply,
        503,
        Some("search_unavailable"),
        None,
        "search while down",
    );
    let page = reqwest::Client::new()
        .get(app.url("/search?q=kotihoito&lang=fi"))
        .send()
        .await
        .expect("the search page");
    assert_eq!(page.status().as_u16(), 503);
    assert!(page.headers().contains_key("retry-after"), "{page:?}");
    let html = page.text().await.unwrap_or_default();
    assert!(
        html.contains("Haku ei juuri nyt ole käytettävissä"),
        "{html}"
    );

    let market = Market::build(&app).await;
    let ready = app.get("/ready", "").await;
    assert_eq!(ready.0.as_u16(), 503, "{ready:?}");
    assert!(
        ready.1["search"]["pending_changes"]
            .as_u64()
            .is_some_and(|n| n >= 1),
        "the new offering waits in the outbox: {ready:?}"
    );

    tokio::time::sleep(OUTAGE).await;
    private.resume().await;
    let waited = kept_change_arrives(&app, "q=kotihoitoa", &market.offering_id).await;
    eprintln!(
        "{test} ({backend:?}): searchable {waited:?} after Meilisearch answered for the first time"
    );
    let ready = ready_until(&app, |r| r.1["search"]["pending_changes"] == 0).await;
    assert_eq!(ready.0.as_u16(), 200, "{ready:?}");
    assert_eq!(ready.1["search"]["status"], "up", "{ready:?}");
    assert_eq!(ready.1["search"]["pending_changes"], 0, "{ready:?}");

    // The index was made with the engine's settings: filters and facets work.
    let reply = app
        .get(
            &format!("/api/v1/search?purchaser={}", market.purchaser.id),
            "",
        )
        .await;
    let body = expect_status(&reply, 200, "filtered search");
    assert_eq!(ids(body), vec![market.offering_id.clone()], "{body}");
    assert_eq!(body["facets"]["municipality"]["091"], 1, "{body}");
    drop(app);
}
db_test!(backend a_server_starts_while_meilisearch_is_down_and_catches_up);

/// Asks `/ready` until `done` holds or [`FRESHNESS_DEADLINE`] has passed.
async fn ready_until(
    app: &TestApp,
    done: impl Fn(&crate::harness::client::Reply) -> bool,
) -> crate::harness::client::Reply {
    let started = Instant::now();
    loop {
        let reply = app.get("/ready", "").await;
        if done(&reply) || started.elapsed() > FRESHNESS_DEADLINE {
            return reply;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
db_test!(backend a_meilisearch_that_is_down_loses_no_change);
