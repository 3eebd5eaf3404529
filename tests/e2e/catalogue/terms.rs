//! Money terms over time: a change from a date, the terms a delivery of a given day is
//! decided with, what the service answers (today's terms and upcoming changes, the
//! history), refusals naming the field, name and rulebook at once, and the audit.
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{Checks, expect_error, expect_status},
    fixtures::{Market, day, deliver, delivery_body, purchaser},
    money::dec,
};

use super::{audit_entries, first_of_next_month, patch_service};

async fn service_json(app: &TestApp, id: &str) -> Value {
    expect_status(
        &app.get(&format!("/api/v1/services/{id}"), "").await,
        200,
        "service",
    )
    .clone()
}

async fn history(app: &TestApp, id: &str) -> Vec<Value> {
    let reply = app.get(&format!("/api/v1/services/{id}/terms"), "").await;
    expect_status(&reply, 200, "terms history")["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The market's offering priced at the cap, 60.00, from the day it was listed: these tests
/// are about the catalogue's terms, and a delivery may not cost more than the offering.
async fn offering_at_the_cap(app: &TestApp, market: &Market) {
    let reply = app
        .patch(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
            &json!({"unit_price": "60.00"}),
        )
        .await;
    expect_status(&reply, 200, "the offering at the cap");
}

/// A market whose service is worth 42.00 an hour (cap 60.00) and an accepted commitment.
async fn market_at_42(app: &TestApp) -> (Market, String) {
    let market = Market::build(app).await;
    offering_at_the_cap(app, &market).await;
    let (status, body) = patch_service(
        app,
        &market.purchaser.catalogue_manager.token,
        &market.service_id,
        &json!({"voucher_value": "42.00"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let commitment = market.accepted_commitment(app).await;
    (market, commitment)
}

async fn record(
    app: &TestApp,
    market: &Market,
    commitment: &str,
    date: &str,
    price: &str,
) -> (u16, Value) {
    let body = delivery_body(date, "2", price, &format!("R-{}", uuid::Uuid::new_v4()));
    let reply = deliver(app, &market.provider, commitment, &body).await;
    (reply.0.as_u16(), reply.1)
}

/// The example: the value rises from 42.00 to 45.00 from next month's first day,
/// set today; a delivery dated today still splits with 42.00.
async fn a_voucher_value_change_from_next_month_leaves_todays_deliveries_at_the_old_value(
    app: TestApp,
) {
    let (market, commitment) = market_at_42(&app).await;
    let next_month = first_of_next_month();
    let (status, body) = patch_service(
        &app,
        &market.purchaser.catalogue_manager.token,
        &market.service_id,
        &json!({"voucher_value": "45.00", "valid_from": next_month}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // The service answers the terms of today and the change to come.
    assert_eq!(body["voucher_value"], "42.00", "{body}");
    assert_eq!(
        body["upcoming"][0]["valid_from"],
        next_month.as_str(),
        "{body}"
    );
    assert_eq!(body["upcoming"][0]["voucher_value"], "45.00", "{body}");
    assert_eq!(
        body["upcoming"][0]["changed"],
        json!(["voucher_value"]),
        "{body}"
    );
    let listed = app
        .get(
            &format!("/api/v1/purchasers/{}/services", market.purchaser.id),
            "",
        )
        .await;
    let listed = expect_status(&listed, 200, "catalogue")["items"][0].clone();
    assert_eq!(listed["voucher_value"], "42.00", "{listed}");
    assert_eq!(listed["upcoming"][0]["voucher_value"], "45.00", "{listed}");
    // A delivery dated today: 2 h × 50.00 = 100.00, the purchaser pays 2 × 42.00.
    let (status, delivered) = record(&app, &market, &commitment, &day(0), "50.00").await;
    assert_eq!(status, 201, "{delivered}");
    assert_eq!(
        dec(delivered["purchaser_share"].as_str().unwrap()),
        dec("84.00")
    );
    assert_eq!(
        dec(delivered["client_share"].as_str().unwrap()),
        dec("16.00")
    );
    market.books(&app).await;
    // The history: the first terms, 40.00 then 42.00 today, then 45.00 from next month.
    let periods = history(&app, &market.service_id).await;
    let last = periods.last().unwrap();
    assert_eq!(last["valid_from"], next_month.as_str());
    assert_eq!(last["valid_to"], Value::Null);
    let before = &periods[periods.len() - 2];
    assert_eq!(before["voucher_value"], "42.00");
    let day_before = chrono::NaiveDate::parse_from_str(&next_month, "%Y-%m-%d")
        .unwrap()
        .pred_opt()
        .unwrap()
        .to_string();
    assert_eq!(before["valid_to"], day_before.as_str(), "{periods:?}");
}
db_test!(a_voucher_value_change_from_next_month_leaves_todays_deliveries_at_the_old_value);

/// "After the change": a change effective today applies to today's deliveries, while a
/// delivery dated before it keeps the terms of its own day (cap and voucher value).
async fn a_change_effective_today_applies_from_today_and_not_before(app: TestApp) {
    let market = Market::build(&app).await;
    offering_at_the_cap(&app, &market).await;
    let commitment = market.accepted_commitment(&app).await;
    let (status, body) = patch_service(
        &app,
        &market.purchaser.catalogue_manager.token,
        &market.service_id,
        &json!({"voucher_value": "45.00", "price_cap": "48.00", "valid_from": day(0)}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["voucher_value"].as_str(), body["price_cap"].as_str()),
        (Some("45.00"), Some("48.00"))
    );
    // Today: the new cap refuses 50.00, and 47.00 splits with 45.00.
    let (status, refused) = record(&app, &market, &commitment, &day(0), "50.00").await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"]["fields"]["unit_price"].is_string(),
        "{refused}"
    );
    let (status, today) = record(&app, &market, &commitment, &day(0), "47.00").await;
    assert_eq!(status, 201, "{today}");
    assert_eq!(
        dec(today["purchaser_share"].as_str().unwrap()),
        dec("90.00")
    );
    // Yesterday: the old cap (60.00) and the old value (40.00).
    let (status, yesterday) = record(&app, &market, &commitment, &day(-1), "50.00").await;
    assert_eq!(status, 201, "{yesterday}");
    assert_eq!(
        dec(yesterday["purchaser_share"].as_str().unwrap()),
        dec("80.00")
    );
    assert_eq!(
        dec(yesterday["client_share"].as_str().unwrap()),
        dec("20.00")
    );
    market.books(&app).await;
}
db_test!(a_change_effective_today_applies_from_today_and_not_before);

/// A file of deliveries is decided row by row with the terms of each row's date, as single
/// deliveries are.
async fn a_file_of_deliveries_uses_the_terms_of_each_rows_date(app: TestApp) {
    let market = Market::build(&app).await;
    offering_at_the_cap(&app, &market).await;
    let commitment = market.accepted_commitment(&app).await;
    let (status, body) = patch_service(
        &app,
        &market.purchaser.catalogue_manager.token,
        &market.service_id,
        &json!({"voucher_value": "45.00"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let csv = format!(
        "commitment;date;quantity;unit_price;reference\n\
         {commitment};{};2;50,00;F-1\n{commitment};{};2;50,00;F-2\n",
        day(-1),
        day(0)
    );
    let (status, text) = app
        .send_raw(
            reqwest::Method::POST,
            &format!("/api/v1/providers/{}/deliveries/upload", market.provider.id),
            &market.provider.staff.token,
            Some("text/csv"),
            Some(csv.into_bytes()),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{text}");
    let report: Value = serde_json::from_str(&text).unwrap();
    let rows = report["rows"].as_array().cloned().unwrap_or_default();
    let share = |line: usize| {
        rows.iter()
            .find(|r| r["line"] == line && r["status"] == "accepted")
            .map(|r| dec(r["purchaser_share"].as_str().unwrap_or("0")))
            .unwrap_or_else(|| panic!("line {line} in {report}"))
    };
    assert_eq!(share(2), dec("80.00"), "{report}");
    assert_eq!(share(3), dec("90.00"), "{report}");
    market.books(&app).await;
}
db_test!(a_file_of_deliveries_uses_the_terms_of_each_rows_date);

/// A later change keeps what it changed when an earlier one is added; the rest follows.
async fn changes_hold_from_their_day_until_a_later_change_of_the_same_term(app: TestApp) {
    let market = Market::build(&app).await;
    let token = &market.purchaser.catalogue_manager.token;
    let id = &market.service_id;
    let (s, b) = patch_service(
        &app,
        token,
        id,
        &json!({"price_cap": "55.00", "valid_from": day(20)}),
    )
    .await;
    assert_eq!(s, 200, "{b}");
    let (s, b) = patch_service(
        &app,
        token,
        id,
        &json!({"voucher_value": "44.00", "valid_from": day(10)}),
    )
    .await;
    assert_eq!(s, 200, "{b}");
    let periods = history(&app, id).await;
    let terms: Vec<(String, String, String)> = periods
        .iter()
        .map(|p| {
            (
                p["valid_from"].as_str().unwrap().to_owned(),
                p["voucher_value"].as_str().unwrap_or("-").to_owned(),
                p["price_cap"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        terms,
        vec![
            (day(0), "40.00".into(), "60.00".into()),
            (day(10), "44.00".into(), "60.00".into()),
            (day(20), "44.00".into(), "55.00".into()),
        ],
        "{periods:?}"
    );
    assert_eq!(periods[2]["changed"], json!(["price_cap"]));
    // The service still answers today's terms, with both changes upcoming.
    let now = service_json(&app, id).await;
    assert_eq!(now["voucher_value"], "40.00");
    assert_eq!(now["upcoming"].as_array().map(Vec::len), Some(2), "{now}");
}
db_test!(changes_hold_from_their_day_until_a_later_change_of_the_same_term);

/// Bad changes are refused with 422 naming the field, and change nothing.
async fn bad_changes_are_refused_naming_the_field_and_change_nothing(app: TestApp) {
    let market = Market::build(&app).await;
    let token = &market.purchaser.catalogue_manager.token;
    let id = &market.service_id;
    let before = history(&app, id).await;
    let mut checks = Checks::default();
    let mut rule = super::example_rule();
    rule["income_limits"][2] = json!("2400.001");
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"voucher_value": "45.00", "valid_from": day(-1)}),
            "valid_from",
        ),
        (
            json!({"voucher_value": "45.00", "valid_from": "1.12.2026"}),
            "valid_from",
        ),
        (
            json!({"name": {"fi": "Uusi"}, "valid_from": day(3)}),
            "valid_from",
        ),
        (json!({}), "body"),
        (json!({"voucher_value": "45.005"}), "voucher_value"),
        (json!({"price_cap": "-1"}), "price_cap"),
        (json!({"reference_price": "abc"}), "reference_price"),
        (json!({"vat_rate": "25.5"}), "vat_rate"),
        (json!({"methods": []}), "methods"),
        (json!({"methods": ["payment_commitment"]}), "methods"),
        (json!({"income_rule": rule}), "income_rule.income_limits[2]"),
        (
            json!({"income_rule": {"max_value": "10", "min_value": "20", "percent": "10",
            "units_per_month": "40", "income_limits": ["1000"]}}),
            "income_rule.min_value",
        ),
        (json!({"name": {"fi": ""}}), "name"),
    ];
    for (body, field) in cases {
        let reply = app
            .patch(&format!("/api/v1/services/{id}"), token, &body)
            .await;
        checks.error(&reply, 422, None, Some(field), &format!("{body}"));
    }
    checks.finish();
    assert_eq!(history(&app, id).await, before);
    let now = service_json(&app, id).await;
    assert_eq!(now["voucher_value"], "40.00");
    assert_eq!(now["name"]["fi"], "Kotihoito");
}
db_test!(bad_changes_are_refused_naming_the_field_and_change_nothing);

/// The name and rulebook change at once, with no version of the money terms; every change
/// is in the audit log with its old and new values.
async fn name_and_rulebook_change_at_once_and_every_change_is_audited(app: TestApp) {
    let market = Market::build(&app).await;
    let token = &market.purchaser.catalogue_manager.token;
    let id = &market.service_id;
    let (s, body) = patch_service(
        &app,
        token,
        id,
        &json!({"name": {"fi": "Kotiapu", "sv": "Hemhjälp"}, "rulebook": ["Uusi sääntö."]}),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["name"]["fi"], "Kotiapu");
    assert_eq!(body["rulebook"], json!(["Uusi sääntö."]));
    assert_eq!(history(&app, id).await.len(), 1, "no new money terms");
    let (s, body) = patch_service(
        &app,
        token,
        id,
        &json!({"price_cap": null, "valid_from": day(5)}),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["price_cap"], "60.00");
    assert_eq!(body["upcoming"][0]["price_cap"], Value::Null, "{body}");
    let changes: Vec<Value> = audit_entries(&app)
        .await
        .into_iter()
        .filter(|e| e["action"] == "service_changed" && e["subject_id"] == id.as_str())
        .map(|e| e["detail"].clone())
        .collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    // Newest first: the cap removed from day +5, then the name and rulebook.
    assert_eq!(
        changes[0]["price_cap"],
        json!({"old": "60.00", "new": null})
    );
    assert_eq!(changes[0]["valid_from"], day(5).as_str());
    assert_eq!(changes[1]["name"]["old"]["fi"], "Kotihoito");
    assert_eq!(changes[1]["name"]["new"]["fi"], "Kotiapu");
    assert_eq!(changes[1]["rulebook"]["new"], json!(["Uusi sääntö."]));
}
db_test!(name_and_rulebook_change_at_once_and_every_change_is_audited);

/// Only the catalogue manager of the service's purchaser may change it: another
/// purchaser's gets 404, provider staff, clients and the purchaser's case worker 403.
async fn only_the_purchasers_catalogue_manager_may_change_an_entry(app: TestApp) {
    let market = Market::build(&app).await;
    let other = purchaser(&app, &market.admin).await;
    let id = &market.service_id;
    let change = json!({"voucher_value": "41.00"});
    let path = format!("/api/v1/services/{id}");
    let archive = format!("/api/v1/services/{id}/archive");
    let value = format!("/api/v1/services/{id}/voucher-value");
    let household = json!({"household_size": 2, "monthly_income": "2400"});
    let other_cm = &other.catalogue_manager.token;
    expect_error(
        &app.patch(&path, other_cm, &change).await,
        404,
        Some("not_found"),
        None,
        "other CM",
    );
    expect_error(
        &app.act(&archive, other_cm).await,
        404,
        Some("not_found"),
        None,
        "other CM archive",
    );
    expect_error(
        &app.post(&value, &other.case_worker.token, &household).await,
        404,
        Some("not_found"),
        None,
        "other CW",
    );
    for (who, token) in [
        ("provider", &market.provider.staff.token),
        ("client", &market.client.user.token),
        ("case worker", &market.purchaser.case_worker.token),
    ] {
        expect_error(
            &app.patch(&path, token, &change).await,
            403,
            Some("forbidden"),
            None,
            who,
        );
        expect_error(
            &app.act(&archive, token).await,
            403,
            Some("forbidden"),
            None,
            who,
        );
    }
    for (who, token) in [
        ("provider", &market.provider.staff.token),
        ("client", &market.client.user.token),
        ("finance", &market.purchaser.finance.token),
    ] {
        expect_error(
            &app.post(&value, token, &household).await,
            403,
            Some("forbidden"),
            None,
            who,
        );
    }
    expect_error(
        &app.patch(&path, "", &change).await,
        401,
        None,
        None,
        "anonymous",
    );
    expect_error(
        &app.patch(
            "/api/v1/services/00000000-0000-0000-0000-000000000000",
            &market.purchaser.catalogue_manager.token,
            &change,
        )
        .await,
        404,
        Some("not_found"),
        None,
        "unknown service",
    );
    assert_eq!(service_json(&app, id).await["voucher_value"], "40.00");
}
db_test!(only_the_purchasers_catalogue_manager_may_change_an_entry);

/// A change dated tomorrow takes effect when its day comes: the worker moves the service
/// on at start (and every minute). The test moves the change's day to today in the
/// database, as the clock would, and restarts.
async fn a_dated_change_takes_effect_when_its_day_comes(mut app: TestApp) {
    let market = Market::build(&app).await;
    let token = market.purchaser.catalogue_manager.token.clone();
    let (s, b) = patch_service(
        &app,
        &token,
        &market.service_id,
        &json!({"methods": ["payment_commitment"], "voucher_value": null, "valid_from": day(1)}),
    )
    .await;
    assert_eq!(s, 200, "{b}");
    // Until then the voucher works as before.
    let search = format!("service={}&method=voucher", market.service_id);
    let (found, _) = crate::search::search_until(&app, &search, |b| b["total"] == 1).await;
    assert_eq!(found["total"], 1, "{found}");
    let moved = app
        .set_date_where(
            "service_terms",
            "valid_from",
            "service_id",
            &market.service_id,
            crate::harness::fixtures::today(),
        )
        .await;
    assert!(moved >= 1);
    app.restart(&[]).await;
    let client = app
        .login(
            &market.client.user.email,
            crate::harness::fixtures::PASSWORD,
        )
        .await;
    let reply = crate::harness::fixtures::request_commitment(
        &app,
        &client.token,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        None,
    )
    .await;
    expect_error(
        &reply,
        422,
        None,
        Some("method"),
        "voucher after the change",
    );
    let (gone, _) = crate::search::search_until(&app, &search, |b| b["total"] == 0).await;
    assert_eq!(
        gone["total"], 0,
        "the offering left the voucher filter: {gone}"
    );
    let now = service_json(&app, &market.service_id).await;
    assert_eq!(now["methods"], json!(["payment_commitment"]), "{now}");
}
db_test!(a_dated_change_takes_effect_when_its_day_comes);
