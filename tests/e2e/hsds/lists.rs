//! The directory's lists: complete paging past 100 services with counts over all rows,
//! `search`, `organization_id`, `taxonomy_term_id` and `modified_after` combined with AND,
//! and a 400 naming the parameter for a bad value.
use std::collections::HashSet;

use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{ANON, expect_error, expect_status, id_of},
    fixtures::{Market, approve, offering, offering_body, provider, service},
    hsds::{assert_page, assert_valid},
};

/// More services than the largest page.
const MANY: usize = 104;

async fn page(app: &TestApp, query: &str) -> Value {
    let reply = app.get(&format!("/hsds/services?{query}"), ANON).await;
    expect_status(&reply, 200, query).clone()
}

fn ids(body: &Value) -> Vec<String> {
    assert_page(body, "services")
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn lists_are_complete_and_filters_combine_with_and(app: TestApp) {
    let market = Market::build(&app).await;
    let first = &market.provider;
    for _ in 0..MANY {
        offering(&app, first, &market.service_id, "45.00").await;
    }
    // A second catalogue entry of the same provider, and a second provider.
    let other_service = service(&app, &market.purchaser, &["voucher"], Some("30.00"), None).await;
    approve(&app, first, &market.purchaser, &[&other_service]).await;
    let in_other_service = offering(&app, first, &other_service, "30.00").await;
    let second = provider(&app).await;
    approve(&app, &second, &market.purchaser, &[&market.service_id]).await;
    let mut swimming = offering_body(&market.service_id, "12.50");
    swimming["title"] = json!({"fi": "Uintiohjausta Espoossa"});
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", second.id),
            &second.staff.token,
            &swimming,
        )
        .await;
    let swimming_id = id_of(expect_status(&reply, 201, "swimming offering"));
    let total = MANY + 3;

    // Every page, the counts over all of them, no service twice or missing.
    let one = page(&app, "per_page=100").await;
    assert_eq!(one["total_items"], total, "{one}");
    assert_eq!(one["total_pages"], 2);
    assert_eq!(one["first_page"], true);
    assert_eq!(one["last_page"], false);
    let two = page(&app, "per_page=100&page=2").await;
    assert_eq!(two["page_number"], 2);
    assert_eq!(two["last_page"], true);
    let mut seen: HashSet<String> = ids(&one).into_iter().collect();
    assert_eq!(seen.len(), 100);
    seen.extend(ids(&two));
    assert_eq!(
        seen.len(),
        total,
        "every service exactly once over the pages"
    );
    assert_valid("service_list.json", &assert_page(&two, "page 2"), "page 2");
    let past = page(&app, "per_page=100&page=3").await;
    assert_eq!(past["empty"], true, "{past}");
    assert_eq!(past["total_items"], total);

    // The filters, each alone and together.
    let by_org = page(&app, &format!("organization_id={}", first.id)).await;
    assert_eq!(by_org["total_items"], MANY + 2, "{by_org}");
    let by_term = page(&app, &format!("taxonomy_term_id={other_service}")).await;
    assert_eq!(ids(&by_term), std::slice::from_ref(&in_other_service));
    let both = page(
        &app,
        &format!(
            "organization_id={}&taxonomy_term_id={other_service}",
            second.id
        ),
    )
    .await;
    assert_eq!(both["total_items"], 0, "{both}");
    let search = page(&app, "search=uintiohjausta").await;
    assert_eq!(ids(&search), std::slice::from_ref(&swimming_id));
    let search_and_org = page(
        &app,
        &format!("search=uintiohjausta&organization_id={}", first.id),
    )
    .await;
    assert_eq!(search_and_org["total_items"], 0, "{search_and_org}");
    let orgs = app
        .get(
            &format!("/hsds/organizations?taxonomy_term_id={other_service}"),
            ANON,
        )
        .await;
    let orgs = expect_status(&orgs, 200, "organizations by term");
    assert_eq!(orgs["total_items"], 1, "{orgs}");
    assert_eq!(orgs["contents"][0]["id"], first.id.as_str());

    // modified_after: everything ten days old but one offering changed now.
    for provider_id in [&first.id, &second.id] {
        app.backdate_where("offerings", "updated_at", "provider_id", provider_id, 10)
            .await;
    }
    let reply = app
        .patch(
            &format!("/api/v1/offerings/{in_other_service}"),
            &first.staff.token,
            &json!({"unit_price": "31.00"}),
        )
        .await;
    expect_status(&reply, 200, "change a price");
    let since = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ");
    let recent = page(&app, &format!("modified_after={since}")).await;
    assert_eq!(ids(&recent), std::slice::from_ref(&in_other_service));
    let recent_other = page(
        &app,
        &format!("modified_after={since}&organization_id={}", second.id),
    )
    .await;
    assert_eq!(recent_other["total_items"], 0);
    let (_, text) = app
        .send_raw(
            reqwest::Method::GET,
            &format!("/hsds/services/{in_other_service}"),
            ANON,
            None,
            None,
        )
        .await;
    assert!(text.contains("\"amount\":31.00"), "{text}");

    for (query, field) in [
        ("modified_after=yesterday", "modified_after"),
        ("modified_after=2026-01-01", "modified_after"),
        ("page=0", "page"),
        ("page=x", "page"),
        ("per_page=101", "per_page"),
        ("organization_id=abc", "organization_id"),
        ("taxonomy_term_id=1", "taxonomy_term_id"),
    ] {
        for list in [
            "services",
            "organizations",
            "service_at_locations",
            "taxonomy_terms",
        ] {
            let reply = app.get(&format!("/hsds/{list}?{query}"), ANON).await;
            expect_error(&reply, 400, None, Some(field), &format!("{list}?{query}"));
        }
    }
}
db_test!(lists_are_complete_and_filters_combine_with_and);
