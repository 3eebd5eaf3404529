//! A change of a provider's bank details is audited (accounts masked), told to every staff
//! member of the provider by email, and flagged to finance until the next invoice.
use serde_json::{Value, json};

use crate::harness::form_session::FormSession;
use crate::{
    emails::rows_of,
    harness::{
        TestApp,
        client::expect_status,
        fixtures::{Market, deliver, delivery_body, today},
    },
};

fn this_month() -> String {
    today().format("%Y-%m").to_string()
}

async fn change(app: &TestApp, market: &Market, body: Value) {
    let reply = app
        .patch(
            &format!("/api/v1/providers/{}", market.provider.id),
            &market.provider.staff.token,
            &body,
        )
        .await;
    expect_status(&reply, 200, "update the provider");
}

async fn bank_audit(app: &TestApp, market: &Market) -> Vec<Value> {
    let reply = app
        .get("/api/v1/audit?per_page=100", &market.admin.token)
        .await;
    expect_status(&reply, 200, "audit log")["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e["action"] == "bank_details_changed")
        .collect()
}

async fn record_one(app: &TestApp, market: &Market, commitment: &str) {
    let day = today().format("%Y-%m-%d").to_string();
    let reference = format!("BANK-{}", uuid::Uuid::new_v4());
    let reply = deliver(
        app,
        &market.provider,
        commitment,
        &delivery_body(&day, "1", "45.00", &reference),
    )
    .await;
    expect_status(&reply, 201, "deliver");
}

async fn settle(app: &TestApp, market: &Market) -> Value {
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/settlements", market.purchaser.id),
            &market.purchaser.finance.token,
            &json!({"month": this_month()}),
        )
        .await;
    expect_status(&reply, 201, "settle").clone()
}

async fn a_bank_detail_change_is_audited_told_to_the_staff_and_flagged_to_finance(app: TestApp) {
    let market = Market::build(&app).await;
    change(
        &app,
        &market,
        json!({"iban": "FI21 1234 5600 0007 85", "bic": "NDEAFIHH"}),
    )
    .await;
    change(
        &app,
        &market,
        json!({"iban": "FI14 1009 3000 1234 58", "bic": "NDEAFIHH"}),
    )
    .await;
    // Not a bank change: nothing more is recorded.
    change(&app, &market, json!({"phone": "+358401234568"})).await;
    change(&app, &market, json!({"iban": "FI14 1009 3000 1234 58"})).await;

    let audit = bank_audit(&app, &market).await;
    assert_eq!(audit.len(), 2, "two changes: {audit:#?}");
    let latest = &audit[0];
    assert_eq!(latest["actor_user_id"], market.provider.staff.id.as_str());
    assert_eq!(latest["subject_id"], market.provider.id.as_str());
    assert!(latest["at"].is_string(), "{latest}");
    assert_eq!(latest["detail"]["iban_before"], "FI** **** **** **07 85");
    assert_eq!(latest["detail"]["iban_after"], "FI** **** **** **34 58");
    assert_eq!(audit[1]["detail"]["iban_before"], Value::Null);
    let logged = serde_json::to_string(&audit).unwrap_or_default();
    assert!(
        !logged.contains("1009300012") && !logged.contains("1234560000"),
        "no full account in the log: {logged}"
    );

    let emails = rows_of(
        &app,
        &market.admin,
        "bank_details_changed",
        &market.provider.staff.email,
    )
    .await;
    assert_eq!(
        emails.len(),
        2,
        "one email per change to the staff: {emails:#?}"
    );

    // Finance sees it before settling, in words.
    let commitment = market.accepted_commitment(&app).await;
    record_one(&app, &market, &commitment).await;
    let finance = FormSession::new(&app, Some(&market.purchaser.finance.token)).await;
    let page = format!("/purchaser/settlement?month={}", this_month());
    let (status, html) = finance.get(&app, &page).await;
    assert_eq!(status, 200);
    // The day of the change in Finland (the server's day, which the harness's UTC `today`
    // is not for two hours each night).
    let finnish_today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive();
    let warning = format!(
        "Tilitiedot muuttuivat {} — tarkista ennen maksua",
        finnish_today.format("%-d.%-m.%Y")
    );
    assert!(html.contains(&warning), "the warning on the page: {html}");

    // The settlement answer carries the flag; after it, the provider is not flagged again.
    let settled = settle(&app, &market).await;
    let flagged = settled["bank_details_changed"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(flagged.len(), 1, "{settled}");
    assert_eq!(flagged[0]["provider_id"], market.provider.id.as_str());
    assert!(flagged[0]["changed_at"].is_string());
    record_one(&app, &market, &commitment).await;
    let (_, html) = finance.get(&app, &page).await;
    assert!(
        !html.contains("Tilitiedot muuttuivat"),
        "invoiced since: {html}"
    );
    let again = settle(&app, &market).await;
    assert_eq!(again["bank_details_changed"], json!([]), "{again}");
}
db_test!(a_bank_detail_change_is_audited_told_to_the_staff_and_flagged_to_finance);
