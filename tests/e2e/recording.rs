//! Late-recording data over HTTP: the purchaser's setting (deliveries recorded within N days
//! of their date, 1–90, 14 by default) and the report of providers with overdue recording:
//! silent commitments and deliveries recorded late, with counts and the oldest case.
use chrono::Duration;
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of, str_field},
    fixtures::{self, Market, deliver, delivery_body},
};
use crate::statements::finnish_today;

async fn report(app: &TestApp, market: &Market) -> Value {
    let path = format!(
        "/api/v1/purchasers/{}/reports/overdue-recording",
        market.purchaser.id
    );
    let token = &market.purchaser.case_worker.token;
    expect_status(&app.get(&path, token).await, 200, "report").clone()
}

fn row_of(report: &Value, provider: &str) -> Option<Value> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["provider_id"] == provider)
        .cloned()
}

async fn set_days(app: &TestApp, market: &Market, token: &str, days: Value) -> (u16, Value) {
    let reply = app
        .patch(
            &format!("/api/v1/purchasers/{}", market.purchaser.id),
            token,
            &json!({"recording_days": days}),
        )
        .await;
    (reply.0.as_u16(), reply.1)
}

async fn record(app: &TestApp, provider: &fixtures::Provider, commitment: &str, days_ago: i64) {
    let date = finnish_today() - Duration::days(days_ago);
    let body = delivery_body(
        &date.to_string(),
        "1",
        "45.00",
        &format!("R-{}", uuid::Uuid::new_v4()),
    );
    expect_status(
        &deliver(app, provider, commitment, &body).await,
        201,
        "record",
    );
}

async fn late_and_silent_providers_are_reported_by_the_purchasers_days(app: TestApp) {
    let market = Market::build(&app).await;
    // The market's provider records a delivery 20 days after its date, which the window of
    // 14 days takes only because a case worker opened late recording.
    let commitment = market.accepted_commitment(&app).await;
    fixtures::open_late_recording(&app, &market.purchaser, &commitment, &fixtures::day(0)).await;
    record(&app, &market.provider, &commitment, 20).await;
    // It also has a commitment, accepted 20 days ago, with nothing recorded since.
    let other_client = fixtures::client(&app, &market.purchaser).await;
    let body = fixtures::allocation_body("voucher", "500.00", &[&market.service_id], None);
    let allocation =
        id_of(&fixtures::allocation(&app, &market.purchaser, &other_client, &body).await);
    let silent = fixtures::accepted_commitment(
        &app,
        &other_client.user.token,
        &allocation,
        &market.offering_id,
        &market.provider,
        "voucher",
        None,
    )
    .await;
    app.backdate("commitments", "updated_at", &silent, 20).await;
    // Another provider records two days after the date: on time.
    let punctual = fixtures::provider(&app).await;
    fixtures::approve(&app, &punctual, &market.purchaser, &[&market.service_id]).await;
    let offering = fixtures::offering(&app, &punctual, &market.service_id, "45.00").await;
    let on_time = fixtures::accepted_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &offering,
        &punctual,
        "voucher",
        None,
    )
    .await;
    record(&app, &punctual, &on_time, 2).await;

    let found = report(&app, &market).await;
    assert_eq!(found["recording_days"], 14, "the default: {found}");
    let row = row_of(&found, &market.provider.id).unwrap_or_else(|| panic!("{found}"));
    assert_eq!(row["late_deliveries"], 1, "{row}");
    assert_eq!(row["oldest_case"]["days_late"], 20, "{row}");
    let twenty_ago = (finnish_today() - Duration::days(20)).to_string();
    assert_eq!(str_field(&row["oldest_case"], "date"), twenty_ago);
    assert_eq!(row["silent_commitments"], 1, "{row}");
    let since = str_field(&row, "silent_since");
    assert!(
        since == twenty_ago || since == (finnish_today() - Duration::days(21)).to_string(),
        "silent since the acceptance 20 days ago: {row}"
    );
    assert!(row_of(&found, &punctual.id).is_none(), "on time: {found}");
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found}");

    // With 30 days, 20 days is not late; with 1 day, the punctual provider is late too.
    let finance = &market.purchaser.finance.token;
    let (status, body) = set_days(&app, &market, finance, json!(30)).await;
    assert_eq!(
        (status, &body["recording_days"]),
        (200, &json!(30)),
        "{body}"
    );
    let found = report(&app, &market).await;
    assert_eq!(found["items"], json!([]), "{found}");
    let manager = &market.purchaser.catalogue_manager.token;
    assert_eq!(set_days(&app, &market, manager, json!(1)).await.0, 200);
    let found = report(&app, &market).await;
    let row = row_of(&found, &punctual.id).unwrap_or_else(|| panic!("{found}"));
    assert_eq!(
        (
            row["late_deliveries"].clone(),
            row["silent_commitments"].clone()
        ),
        (json!(1), json!(0))
    );
    assert_eq!(row["oldest_case"]["days_late"], 2, "{row}");
}
db_test!(late_and_silent_providers_are_reported_by_the_purchasers_days);

async fn a_bad_setting_is_refused_and_changes_nothing(app: TestApp) {
    let market = Market::build(&app).await;
    let finance = &market.purchaser.finance.token;
    assert_eq!(set_days(&app, &market, finance, json!(21)).await.0, 200);
    for bad in [
        json!(0),
        json!(91),
        json!(-1),
        json!(14.5),
        json!("two weeks"),
        json!(1_000_000_000_000i64),
    ] {
        let reply = app
            .patch(
                &format!("/api/v1/purchasers/{}", market.purchaser.id),
                finance,
                &json!({"recording_days": bad}),
            )
            .await;
        expect_error(&reply, 422, None, Some("recording_days"), &bad.to_string());
    }
    let case_worker = &market.purchaser.case_worker.token;
    let (status, _) = set_days(&app, &market, case_worker, json!(30)).await;
    assert_eq!(status, 403, "a case worker does not set it");
    let other = fixtures::purchaser(&app, &market.admin).await;
    let (status, _) = set_days(&app, &market, &other.finance.token, json!(30)).await;
    assert_eq!(status, 404, "another purchaser's finance");
    let (status, _) = set_days(&app, &market, &market.provider.staff.token, json!(30)).await;
    assert_eq!(status, 403, "a provider");
    let (status, body) = set_days(&app, &market, finance, json!(null)).await;
    assert_eq!(
        (status, &body["recording_days"]),
        (200, &json!(21)),
        "an empty patch"
    );
    let read = app
        .get(
            &format!("/api/v1/purchasers/{}", market.purchaser.id),
            finance,
        )
        .await;
    assert_eq!(
        expect_status(&read, 200, "read")["recording_days"],
        21,
        "unchanged"
    );

    let path = format!(
        "/api/v1/purchasers/{}/reports/overdue-recording",
        market.purchaser.id
    );
    expect_error(
        &app.get(&path, &other.case_worker.token).await,
        404,
        None,
        None,
        "another purchaser",
    );
    expect_error(
        &app.get(&path, &market.provider.staff.token).await,
        403,
        None,
        None,
        "a provider",
    );
    expect_error(
        &app.get(&path, &market.client.user.token).await,
        403,
        None,
        None,
        "a client",
    );
}
db_test!(a_bad_setting_is_refused_and_changes_nothing);
