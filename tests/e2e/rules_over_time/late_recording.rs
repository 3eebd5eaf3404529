//! The recording window: deliveries older than the purchaser's `recording_days` are refused
//! (422 `late_delivery` naming `date`) by the API, the API key path and the CSV upload alike,
//! until a case worker or finance opens late recording for that commitment.
use reqwest::Method;
use serde_json::Value;

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status},
    fixtures::{Market, day, deliver, delivery_body},
    money::Balance,
};

use super::{late_recording, open_late_recording};

async fn a_delivery_older_than_the_window_is_refused_until_late_recording_is_opened(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let before = market.books(&app).await;

    // 14 days ago is the oldest day the default window takes; 15 days ago is refused.
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-15), "1", "45.00", "LATE-1"),
    )
    .await;
    expect_error(
        &reply,
        422,
        Some("late_delivery"),
        Some("date"),
        "15 days ago",
    );
    assert_eq!(
        market.books(&app).await,
        before,
        "a refusal changes nothing"
    );
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-14), "1", "45.00", "ON-TIME-1"),
    )
    .await;
    expect_status(&reply, 201, "14 days ago is inside the window");

    // Only the purchaser's case worker or finance may open late recording.
    let provider = late_recording(&app, &market.provider.staff.token, &commitment, &day(7)).await;
    expect_error(&provider, 403, None, None, "the provider");
    let client = late_recording(&app, &market.client.user.token, &commitment, &day(7)).await;
    expect_error(&client, 403, None, None, "the client");
    let other = Market::build(&app).await;
    let stranger = late_recording(
        &app,
        &other.purchaser.case_worker.token,
        &commitment,
        &day(7),
    )
    .await;
    expect_error(
        &stranger,
        404,
        None,
        None,
        "another purchaser's case worker",
    );
    let past = late_recording(
        &app,
        &market.purchaser.case_worker.token,
        &commitment,
        &day(-1),
    )
    .await;
    expect_error(&past, 422, None, Some("until"), "until in the past");
    let no_reason = app
        .post(
            &format!("/api/v1/commitments/{commitment}/late-recording"),
            &market.purchaser.case_worker.token,
            &serde_json::json!({"until": day(7), "reason": "  "}),
        )
        .await;
    expect_error(&no_reason, 422, None, Some("reason"), "an empty reason");

    open_late_recording(&app, &market, &commitment, &day(7)).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-15), "1", "45.00", "LATE-1"),
    )
    .await;
    let recorded = expect_status(&reply, 201, "recorded under late recording");
    assert_eq!(recorded["purchaser_share"], "40.00");

    // Finance may open it too; the opening is audited with its reason.
    let finance = late_recording(&app, &market.purchaser.finance.token, &commitment, &day(3)).await;
    expect_status(&finance, 200, "finance opens late recording");
    let audited = app
        .sql_texts("SELECT action FROM audit_log WHERE action = 'late_recording_opened'")
        .await;
    assert_eq!(audited.len(), 2, "{audited:?}");
}
db_test!(a_delivery_older_than_the_window_is_refused_until_late_recording_is_opened);

async fn the_window_is_the_purchasers_and_holds_for_api_keys_and_files_row_by_row(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    // The purchaser shortens its window to a week.
    let reply = app
        .patch(
            &format!("/api/v1/purchasers/{}", market.purchaser.id),
            &market.purchaser.finance.token,
            &serde_json::json!({"recording_days": 7}),
        )
        .await;
    expect_status(&reply, 200, "a 7-day window");

    // The provider's ERP with an API key.
    let made = app
        .post(
            &format!("/api/v1/providers/{}/api-keys", market.provider.id),
            &market.provider.staff.token,
            &serde_json::json!({"site": "ERP"}),
        )
        .await;
    let key = expect_status(&made, 201, "make a key")["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/commitments/{commitment}/deliveries");
    let late = app
        .post(&path, &key, &delivery_body(&day(-8), "1", "45.00", "ERP-8"))
        .await;
    expect_error(
        &late,
        422,
        Some("late_delivery"),
        Some("date"),
        "API key, 8 days",
    );
    let fine = app
        .post(&path, &key, &delivery_body(&day(-7), "1", "45.00", "ERP-7"))
        .await;
    expect_status(&fine, 201, "API key, 7 days");

    // A file: each row by itself.
    let file = [
        "commitment;date;quantity;unit_price;reference".to_owned(),
        format!("{commitment};{};1;45,00;CSV-1", day(-2)),
        format!("{commitment};{};1;45,00;CSV-2", day(-9)),
    ]
    .join("\n")
    .into_bytes();
    let upload = format!("/api/v1/providers/{}/deliveries/upload", market.provider.id);
    let (status, text) = app
        .send_raw(
            Method::POST,
            &upload,
            &market.provider.staff.token,
            Some("text/csv"),
            Some(file.clone()),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{text}");
    let report: Value = serde_json::from_str(&text).unwrap();
    let line = |n: u64| {
        report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["line"] == n)
            .cloned()
            .unwrap()
    };
    assert_eq!(line(2)["status"], "accepted", "{report}");
    assert_eq!(line(3)["status"], "refused", "{report}");
    assert_eq!(line(3)["code"], "late_delivery", "{report}");
    assert_eq!(line(3)["field"], "date", "{report}");

    // Opened: the same row goes through, and the API key path too.
    super::open_late_recording(&app, &market, &commitment, &day(0)).await;
    let fixed = [
        "commitment;date;quantity;unit_price;reference".to_owned(),
        format!("{commitment};{};1;45,00;CSV-2", day(-9)),
    ]
    .join("\n")
    .into_bytes();
    let (status, text) = app
        .send_raw(
            Method::POST,
            &upload,
            &market.provider.staff.token,
            Some("text/csv"),
            Some(fixed),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{text}");
    assert!(text.contains("\"accepted\""), "{text}");
    let late = app
        .post(&path, &key, &delivery_body(&day(-8), "1", "45.00", "ERP-8"))
        .await;
    expect_status(&late, 201, "API key under late recording");
    // 1 + 1 + 1 + 1 hours at 40.00 from the voucher.
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "840.00", "0.00", "160.00")
    );
}
db_test!(the_window_is_the_purchasers_and_holds_for_api_keys_and_files_row_by_row);
