//! `GET /api/v1/search` over HTTP: index sync through the outbox within a second, filters,
//! facets, sorting, bad parameters, and the demand-gap report of searches that found nothing.
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, approve, offering_body, provider, purchaser},
};

/// Searches until `done` holds or a second has passed; the index must keep up within that.
pub(crate) async fn search_until(
    app: &TestApp,
    query: &str,
    done: impl Fn(&Value) -> bool,
) -> (Value, Duration) {
    let started = Instant::now();
    loop {
        let reply = app.get(&format!("/api/v1/search?{query}"), "").await;
        let body = expect_status(&reply, 200, "search").clone();
        if done(&body) || started.elapsed() > Duration::from_secs(1) {
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
        "a new offering is found within a second (waited {waited:?}): {body}"
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
        "the new title is found by prefix within a second (waited {waited:?}): {body}"
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
        "an archived offering leaves search within a second (waited {waited:?})"
    );
}
db_test!(changes_to_offerings_are_searchable_within_a_second);

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
db_test!(filters_facets_and_sorting_work_over_http);

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
db_test!(bad_search_parameters_answer_400_naming_them_and_fast);

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
db_test!(searches_that_find_nothing_reach_the_purchasers_demand_gap_report);

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
        "the outbox row survived the crash and was applied within a second (waited {waited:?})"
    );
}
db_test!(a_change_committed_before_a_crash_is_indexed_after_restart);
