//! Expiry and grace: an allocation takes commitments and deliveries dated inside its period
//! until `valid_to + grace_days`; then its unspent money expires in one `expiry` entry and
//! `granted = available + reserved + spent + expired` still holds. Decisions may be recorded
//! after their period began or even ended.
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of},
    fixtures::{self, Market, day, deliver, delivery_body, request_commitment},
    money::Balance,
};

use super::email_kinds;

async fn grant(app: &TestApp, market: &Market, from: i64, to: i64, grace: Option<i64>) -> Value {
    let mut body = fixtures::allocation_body("voucher", "500.00", &[&market.service_id], None);
    body["valid_from"] = json!(day(from));
    body["valid_to"] = json!(day(to));
    if let Some(grace) = grace {
        body["grace_days"] = json!(grace);
    }
    fixtures::allocation(app, &market.purchaser, &market.client, &body).await
}

async fn ledger_kinds(app: &TestApp, market: &Market, allocation: &str) -> Vec<String> {
    app.ledger(&market.purchaser.case_worker.token, allocation)
        .await
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect()
}

async fn without_grace_the_unspent_money_expires_the_day_after_the_period(app: TestApp) {
    let market = Market::build(&app).await;
    // Recorded after the period ended, without grace days.
    let ended = grant(&app, &market, -40, -1, None).await;
    assert_eq!(ended["grace_days"], 0);
    assert_eq!(ended["open_until"], day(-1).as_str());
    let id = id_of(&ended);
    let token = &market.purchaser.case_worker.token;
    let reply = request_commitment(
        &app,
        &market.client.user.token,
        &id,
        &market.offering_id,
        "voucher",
        None,
    )
    .await;
    expect_error(
        &reply,
        409,
        Some("allocation_ended"),
        None,
        "after the period",
    );

    let (ok, said) = app.command(&["expire"]);
    assert!(ok, "{said}");
    assert!(said.contains("allocations expired"), "{said}");
    let books = app.check_books(token, &id).await;
    assert_eq!(
        books,
        Balance::of("500.00", "0.00", "0.00", "0.00").with_expired("500.00")
    );
    assert_eq!(ledger_kinds(&app, &market, &id).await, ["grant", "expiry"]);
    // Applied once: running it again adds nothing.
    let (ok, said) = app.command(&["expire"]);
    assert!(ok, "{said}");
    assert_eq!(ledger_kinds(&app, &market, &id).await, ["grant", "expiry"]);
    let kinds = email_kinds(&app, &market.client.user.email).await;
    assert!(kinds.iter().any(|k| k == "allocation_expired"), "{kinds:?}");
    // The market's own allocation, still running, is untouched.
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "1000.00", "0.00", "0.00")
    );
}
db_test!(without_grace_the_unspent_money_expires_the_day_after_the_period);

async fn grace_days_keep_the_period_payable_then_what_is_left_expires(app: TestApp) {
    let market = Market::build(&app).await;
    // Ended three days ago, with ten grace days: still open for deliveries dated inside it.
    let allocation = grant(&app, &market, -30, -3, Some(10)).await;
    assert_eq!(allocation["open_until"], day(7).as_str());
    let id = id_of(&allocation);
    let commitment = fixtures::accepted_commitment(
        &app,
        &market.client.user.token,
        &id,
        &market.offering_id,
        &market.provider,
        "voucher",
        Some("120.00"),
    )
    .await;
    let inside = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-5), "1", "45.00", "G-1"),
    )
    .await;
    expect_status(
        &inside,
        201,
        "dated inside the period, during the grace days",
    );
    let after = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-2), "1", "45.00", "G-2"),
    )
    .await;
    expect_error(&after, 422, None, Some("date"), "dated after the period");
    let token = &market.purchaser.case_worker.token;
    let (ok, said) = app.command(&["expire"]);
    assert!(ok, "{said}");
    let books = app.check_books(token, &id).await;
    assert_eq!(
        books,
        Balance::of("500.00", "380.00", "80.00", "40.00"),
        "not yet"
    );

    // Time passes (the grace days end yesterday): at the worker's start the unspent money,
    // available and what the commitment still reserved, expires in one entry.
    let mut app = app;
    let ended = chrono::NaiveDate::parse_from_str(&day(-11), "%Y-%m-%d").unwrap();
    app.overwrite("allocations", "valid_to", &id, ended.into())
        .await;
    app.restart(&[]).await;
    // The worker's first pass runs as it starts; wait for it, then check the books whole.
    for _ in 0..100 {
        let reply = app.get(&format!("/api/v1/allocations/{id}"), token).await;
        if expect_status(&reply, 200, "allocation")["balance"]["expired"] != "0.00" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.check_books(token, &id).await,
        Balance::of("500.00", "0.00", "0.00", "40.00").with_expired("460.00")
    );
    assert_eq!(
        ledger_kinds(&app, &market, &id).await,
        ["grant", "reserve", "spend", "expiry"]
    );
    let reply = app
        .get(&format!("/api/v1/commitments/{commitment}"), token)
        .await;
    let c = expect_status(&reply, 200, "the commitment").clone();
    assert_eq!(
        (c["status"].as_str(), c["reserved"].as_str()),
        (Some("closed"), Some("0.00"))
    );
    let late = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-12), "1", "45.00", "G-3"),
    )
    .await;
    expect_error(&late, 409, None, None, "after expiry");
    // Reconciliation of the whole purchaser agrees.
    let recon = app
        .get(
            &format!(
                "/api/v1/purchasers/{}/reports/reconciliation",
                market.purchaser.id
            ),
            &market.purchaser.finance.token,
        )
        .await;
    let recon = expect_status(&recon, 200, "purchaser reconciliation");
    assert_eq!(recon["ok"], true, "{recon}");
}
db_test!(grace_days_keep_the_period_payable_then_what_is_left_expires);

async fn grace_days_are_checked_and_default_to_the_purchasers(app: TestApp) {
    let market = Market::build(&app).await;
    for bad in [json!(-1), json!(366), json!("x")] {
        let mut body = fixtures::allocation_body("voucher", "500.00", &[&market.service_id], None);
        body["grace_days"] = bad.clone();
        let reply = app
            .post(
                &format!("/api/v1/clients/{}/allocations", market.client.id),
                &market.purchaser.case_worker.token,
                &body,
            )
            .await;
        expect_error(&reply, 422, None, Some("grace_days"), &format!("{bad}"));
    }
    let reply = app
        .patch(
            &format!("/api/v1/purchasers/{}", market.purchaser.id),
            &market.purchaser.finance.token,
            &json!({"grace_days": 30}),
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "purchaser grace")["grace_days"],
        30
    );
    let allocation = grant(&app, &market, 0, 30, None).await;
    assert_eq!(allocation["grace_days"], 30);
    assert_eq!(allocation["open_until"], day(60).as_str());
}
db_test!(grace_days_are_checked_and_default_to_the_purchasers);
