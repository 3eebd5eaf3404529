//! Disputes the client can follow: the window counts from the later of the delivery's date
//! and the day it was recorded; the provider gives its account; the case worker may uphold
//! in part (only the difference comes back); every step is visible to the client. A void
//! needs a reason, which the client sees.
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of},
    fixtures::{Market, day, deliver, delivery_body},
    money::Balance,
};

use super::{email_kinds, open_late_recording};

async fn dispute(app: &TestApp, market: &Market, delivery: &str) -> (u16, Value) {
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{delivery}/dispute"),
            &market.client.user.token,
            &json!({"reason": "Hoitaja kävi vain tunnin."}),
        )
        .await;
    (reply.0.as_u16(), reply.1)
}

async fn the_dispute_window_counts_from_the_day_a_delivery_was_recorded(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    open_late_recording(&app, &market, &commitment, &day(0)).await;
    // Dated 20 days ago but recorded today: the client can dispute it for 14 days from now.
    let late = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-20), "1", "45.00", "W-1"),
    )
    .await;
    let late = expect_status(&late, 201, "recorded late").clone();
    assert_eq!(late["dispute_until"], day(14).as_str(), "{late}");
    let (status, body) = dispute(&app, &market, &id_of(&late)).await;
    assert_eq!(
        status, 201,
        "a late-recorded delivery can be disputed: {body}"
    );

    // One recorded 15 days ago, dated then: the window has closed.
    let old = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-15), "1", "45.00", "W-2"),
    )
    .await;
    let old = id_of(expect_status(&old, 201, "recorded"));
    app.backdate("deliveries", "created_at", &old, 15).await;
    let (status, body) = dispute(&app, &market, &old).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "dispute_window_closed", "{body}");
}
db_test!(the_dispute_window_counts_from_the_day_a_delivery_was_recorded);

async fn a_client_follows_her_dispute_and_a_case_worker_upholds_it_in_part(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    // 2 h at 45.00: the voucher pays 2 × 40.00, the client 2 × 5.00.
    let recorded = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "2", "45.00", "D-PART"),
    )
    .await;
    let delivery = id_of(expect_status(&recorded, 201, "record"));
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "920.00", "0.00", "80.00")
    );
    let (status, opened) = dispute(&app, &market, &delivery).await;
    assert_eq!(status, 201, "{opened}");
    let id = id_of(&opened);
    assert_eq!(opened["status"], "open");

    // The provider gives its account; nobody else may.
    let account_path = format!("/api/v1/disputes/{id}/provider-account");
    let account = json!({"text": "Käynti kesti tunnin; toinen tunti kirjattiin vahingossa."});
    let other = Market::build(&app).await;
    let reply = app
        .post(&account_path, &other.provider.staff.token, &account)
        .await;
    expect_error(&reply, 404, None, None, "another provider");
    let reply = app
        .post(&account_path, &market.client.user.token, &account)
        .await;
    expect_error(&reply, 403, None, None, "the client");
    let reply = app
        .post(
            &account_path,
            &market.provider.staff.token,
            &json!({"text": ""}),
        )
        .await;
    expect_error(&reply, 422, None, Some("text"), "empty account");
    let reply = app
        .post(&account_path, &market.provider.staff.token, &account)
        .await;
    assert_eq!(
        expect_status(&reply, 200, "provider's account")["provider_account"],
        account["text"]
    );

    // The client sees the dispute open, with the provider's account.
    let seen = app
        .get(&format!("/api/v1/disputes/{id}"), &market.client.user.token)
        .await;
    let seen = expect_status(&seen, 200, "client reads the dispute").clone();
    assert_eq!(seen["status"], "open");
    assert_eq!(seen["provider_account"], account["text"]);

    // The case worker finds one hour was delivered: only the difference comes back.
    let decide = format!("/api/v1/disputes/{id}/decision");
    let cw = &market.purchaser.case_worker.token;
    let reply = app
        .post(&decide, cw, &json!({"uphold": true, "quantity": "2"}))
        .await;
    expect_error(
        &reply,
        422,
        None,
        Some("quantity"),
        "not less than recorded",
    );
    let reply = app
        .post(&decide, cw, &json!({"uphold": false, "quantity": "1"}))
        .await;
    expect_error(
        &reply,
        422,
        None,
        Some("quantity"),
        "quantity with a rejection",
    );
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "920.00", "0.00", "80.00"),
        "refusals change nothing"
    );
    let reply = app
        .post(
            &decide,
            cw,
            &json!({"uphold": true, "quantity": "1", "reason": "Käyntikirjauksen mukaan tunti."}),
        )
        .await;
    let decided = expect_status(&reply, 200, "uphold in part").clone();
    assert_eq!(decided["status"], "partly_upheld", "{decided}");
    assert_eq!(decided["corrected_quantity"], "1", "{decided}");
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "960.00", "0.00", "40.00"),
        "40.00 came back, 40.00 stays spent"
    );
    let again = app.post(&decide, cw, &json!({"uphold": false})).await;
    expect_error(&again, 409, None, None, "decided twice");

    // The client sees the outcome: the first row reversed, the corrected one recorded.
    let listed = app
        .get(
            &format!("/api/v1/commitments/{commitment}/deliveries"),
            &market.client.user.token,
        )
        .await;
    let listed = expect_status(&listed, 200, "deliveries").clone();
    let rows = listed["items"].as_array().unwrap();
    let original = rows.iter().find(|d| d["id"] == delivery.as_str()).unwrap();
    assert_eq!(original["status"], "reversed");
    let corrected = rows
        .iter()
        .find(|d| d["corrects"] == delivery.as_str())
        .unwrap_or_else(|| panic!("no corrected delivery in {listed}"));
    assert_eq!(
        (
            corrected["status"].as_str(),
            corrected["quantity"].as_str(),
            corrected["purchaser_share"].as_str(),
            corrected["client_share"].as_str()
        ),
        (Some("recorded"), Some("1"), Some("40.00"), Some("5.00"))
    );
    let seen = app
        .get(&format!("/api/v1/disputes/{id}"), &market.client.user.token)
        .await;
    let seen = expect_status(&seen, 200, "client reads the outcome").clone();
    assert_eq!(seen["decision_reason"], "Käyntikirjauksen mukaan tunti.");
    // And is told by email.
    let kinds = email_kinds(&app, &market.client.user.email).await;
    assert!(kinds.iter().any(|k| k == "dispute_decided"), "{kinds:?}");
}
db_test!(a_client_follows_her_dispute_and_a_case_worker_upholds_it_in_part);

async fn a_void_needs_a_reason_which_the_client_sees(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let recorded = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(0), "1", "45.00", "V-1"),
    )
    .await;
    let delivery = id_of(expect_status(&recorded, 201, "record"));
    let before = market.books(&app).await;
    let path = format!("/api/v1/deliveries/{delivery}/void");
    let token = &market.provider.staff.token;
    let reply = app.act(&path, token).await;
    expect_error(&reply, 422, None, Some("reason"), "no reason");
    let reply = app.post(&path, token, &json!({"reason": " "})).await;
    expect_error(&reply, 422, None, Some("reason"), "a blank reason");
    assert_eq!(market.books(&app).await, before, "refusals change nothing");

    let reply = app
        .post(
            &path,
            token,
            &json!({"reason": "Kirjattu väärälle asiakkaalle."}),
        )
        .await;
    let voided = expect_status(&reply, 200, "void").clone();
    assert_eq!(voided["status"], "voided");
    let seen = app
        .get(
            &format!("/api/v1/deliveries/{delivery}"),
            &market.client.user.token,
        )
        .await;
    let seen = expect_status(&seen, 200, "the client reads it");
    assert_eq!(seen["void_reason"], "Kirjattu väärälle asiakkaalle.");
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "1000.00", "0.00", "0.00")
    );
}
db_test!(a_void_needs_a_reason_which_the_client_sees);
