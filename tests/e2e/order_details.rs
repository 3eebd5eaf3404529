//! What a client tells the provider with an order through the API: a start date, a quantity
//! and a message, all optional (an order without them works as before), each checked and
//! named when wrong, and a refused order changes nothing. The provider reads them.
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{Checks, expect_status, id_of},
    fixtures::{Market, day},
    money::Balance,
};

fn order(market: &Market, extra: Value) -> Value {
    let mut body =
        json!({"offering_id": market.offering_id, "method": "voucher", "reserve": "90.00"});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    body
}

async fn place(app: &TestApp, market: &Market, extra: Value) -> crate::harness::client::Reply {
    app.post(
        &format!("/api/v1/allocations/{}/commitments", market.allocation_id),
        &market.client.user.token,
        &order(market, extra),
    )
    .await
}

async fn an_order_carries_its_start_date_quantity_and_message_to_the_provider(app: TestApp) {
    let market = Market::build(&app).await;
    let message = "Ovikoodi 1234.\nSoittakaa ennen tuloa, kiitos – hälsningar";
    let reply = place(
        &app,
        &market,
        json!({"start_date": day(3), "quantity": "10", "message": format!("  {message}  ")}),
    )
    .await;
    let created = expect_status(&reply, 201, "order with details");
    assert_eq!(created["start_date"], day(3), "{created}");
    assert_eq!(created["quantity"], "10", "{created}");
    assert_eq!(
        created["message"], message,
        "trimmed, line break kept: {created}"
    );
    let id = id_of(created);

    // The provider decides with them in front of it.
    let read = app
        .get(
            &format!("/api/v1/commitments/{id}"),
            &market.provider.staff.token,
        )
        .await;
    let seen = expect_status(&read, 200, "provider reads the order");
    assert_eq!(seen["message"], message);
    assert_eq!(seen["start_date"], day(3));
    assert_eq!(seen["quantity"], "10");

    // A number is a quantity too, and the last day of the decision is a start date.
    let reply = place(
        &app,
        &market,
        json!({"start_date": day(60), "quantity": 1.5}),
    )
    .await;
    let second = expect_status(&reply, 201, "start on the decision's last day");
    assert_eq!(second["quantity"], "1.5");
    assert!(second["message"].is_null(), "{second}");

    // None of them: the order of the first round, unchanged.
    let reply = place(&app, &market, json!({})).await;
    let plain = expect_status(&reply, 201, "order without details");
    assert!(
        plain["start_date"].is_null() && plain["quantity"].is_null(),
        "{plain}"
    );
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "730.00", "270.00", "0.00")
    );
}
db_test!(an_order_carries_its_start_date_quantity_and_message_to_the_provider);

async fn a_bad_detail_is_refused_naming_its_field_and_nothing_changes(app: TestApp) {
    let market = Market::build(&app).await;
    let mut checks = Checks::default();
    let too_long = "ä".repeat(1001);
    let cases = [
        (
            "past start date",
            json!({"start_date": day(-1)}),
            "start_date",
        ),
        (
            "start after the decision ends",
            json!({"start_date": day(61)}),
            "start_date",
        ),
        (
            "a start date in another form",
            json!({"start_date": "24.12.2026"}),
            "start_date",
        ),
        (
            "no such day",
            json!({"start_date": "2026-02-30"}),
            "start_date",
        ),
        ("message too long", json!({"message": too_long}), "message"),
        (
            "a control character",
            json!({"message": "hei\u{0007}"}),
            "message",
        ),
        ("a NUL", json!({"message": "hei\u{0000}sinne"}), "message"),
        ("zero quantity", json!({"quantity": "0"}), "quantity"),
        ("negative quantity", json!({"quantity": "-3"}), "quantity"),
        (
            "quantity in words",
            json!({"quantity": "kymmenen"}),
            "quantity",
        ),
    ];
    for (what, extra, field) in cases {
        let reply = place(&app, &market, extra).await;
        checks.error(&reply, 422, None, Some(field), what);
    }
    checks.finish();
    // Exactly 1000 characters is fine.
    let reply = place(&app, &market, json!({"message": "ä".repeat(1000)})).await;
    expect_status(&reply, 201, "a message of 1000 characters");
    // Only the last order reserved anything: the refused ones moved no money.
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "910.00", "90.00", "0.00")
    );
    let listed = app
        .get(
            &format!("/api/v1/allocations/{}/commitments", market.allocation_id),
            &market.client.user.token,
        )
        .await;
    assert_eq!(
        expect_status(&listed, 200, "list")["total"],
        1,
        "no order was made by a refusal"
    );
}
db_test!(a_bad_detail_is_refused_naming_its_field_and_nothing_changes);
