//! Versioned prices: a provider changes an offering's price from a day on (today or later),
//! the history stays, pages and search show the price in force, a delivery may not cost
//! more than the price in force on its date, and clients with open commitments are told.
use serde_json::json;

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status},
    fixtures::{Market, day, deliver, delivery_body},
};

use super::email_kinds;

async fn prices(app: &TestApp, market: &Market) -> Vec<(String, String, Option<String>)> {
    let reply = app
        .get(
            &format!("/api/v1/offerings/{}/prices", market.offering_id),
            "",
        )
        .await;
    expect_status(&reply, 200, "price history")["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["unit_price"].as_str().unwrap().to_owned(),
                v["valid_from"].as_str().unwrap().to_owned(),
                v["valid_to"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

async fn change(
    app: &TestApp,
    market: &Market,
    price: &str,
    from: Option<&str>,
) -> (u16, serde_json::Value) {
    let mut body = json!({"unit_price": price});
    if let Some(from) = from {
        body["valid_from"] = json!(from);
    }
    let reply = app
        .patch(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
            &body,
        )
        .await;
    (reply.0.as_u16(), reply.1)
}

async fn a_price_change_from_a_later_day_keeps_the_old_price_until_then(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    assert_eq!(
        prices(&app, &market).await,
        vec![("45.00".into(), day(0), None)],
        "the listing price is the first version"
    );

    // From ten days on 48.00: today the offering still costs 45.00.
    let (status, body) = change(&app, &market, "48.00", Some(&day(10))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["unit_price"], "45.00", "the price in force today");
    assert_eq!(
        prices(&app, &market).await,
        vec![
            ("45.00".into(), day(0), Some(day(9))),
            ("48.00".into(), day(10), None)
        ]
    );
    // The offering's public page tells of the coming change.
    let (status, html) = app
        .send_raw(
            reqwest::Method::GET,
            &format!("/offerings/{}", market.offering_id),
            "",
            None,
            None,
        )
        .await;
    assert_eq!(status.as_u16(), 200);
    let from = chrono::NaiveDate::parse_from_str(&day(10), "%Y-%m-%d").unwrap();
    assert!(
        html.contains(&format!(
            "Hinta muuttuu {} alkaen",
            from.format("%-d.%-m.%Y")
        )),
        "the page shows the coming price"
    );
    // The client with an open commitment is told before it takes effect.
    let told = email_kinds(&app, &market.client.user.email)
        .await
        .iter()
        .any(|k| k == "price_changed");
    assert!(told, "the client was told of the price change");

    // A delivery today above the price in force is refused, naming the unit price.
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(0), "1", "46.00", "P-1"),
    )
    .await;
    expect_error(
        &reply,
        422,
        Some("above_offering_price"),
        Some("unit_price"),
        "46.00 > 45.00",
    );
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(0), "1", "45.00", "P-1"),
    )
    .await;
    expect_status(&reply, 201, "at the price in force");

    // A change cannot start in the past, nor exceed the cap (60.00).
    let (status, body) = change(&app, &market, "47.00", Some(&day(-1))).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["valid_from"].is_string(), "{body}");
    let (status, body) = change(&app, &market, "61.00", Some(&day(3))).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["unit_price"].is_string(), "{body}");
    let (status, body) = change(&app, &market, "61.00", Some("huomenna")).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        prices(&app, &market).await.len(),
        2,
        "refusals change nothing"
    );

    // A second change for the same day replaces the first.
    let (status, _) = change(&app, &market, "49.00", Some(&day(10))).await;
    assert_eq!(status, 200);
    assert_eq!(prices(&app, &market).await[1].0, "49.00");
}
db_test!(a_price_change_from_a_later_day_keeps_the_old_price_until_then);

async fn a_delivery_is_priced_by_the_version_in_force_on_its_date(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    // The offering was listed twenty days ago at 45.00 (the clock is the one thing a test
    // cannot drive over HTTP), and its price rises to 50.00 today.
    let listed_on = chrono::NaiveDate::parse_from_str(&day(-20), "%Y-%m-%d").unwrap();
    let moved = app
        .overwrite_where(
            "offering_prices",
            "valid_from",
            "offering_id",
            &market.offering_id,
            listed_on.into(),
        )
        .await;
    assert_eq!(moved, 1);
    let (status, body) = change(&app, &market, "50.00", None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["unit_price"], "50.00", "in force at once");

    // Five days ago the price was 45.00: 50.00 is refused, 45.00 taken.
    let old = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-5), "1", "50.00", "V-1"),
    )
    .await;
    expect_error(
        &old,
        422,
        Some("above_offering_price"),
        Some("unit_price"),
        "old price",
    );
    let old = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-5), "1", "45.00", "V-1"),
    )
    .await;
    expect_status(&old, 201, "the old price for the old date");
    let new = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(0), "1", "50.00", "V-2"),
    )
    .await;
    let new = expect_status(&new, 201, "the new price today");
    // The voucher pays 40.00; the rest is the client's own share.
    assert_eq!(
        (
            new["purchaser_share"].as_str(),
            new["client_share"].as_str()
        ),
        (Some("40.00"), Some("10.00"))
    );

    // The public offering and search show the price in force.
    let offering = app
        .get(&format!("/api/v1/offerings/{}", market.offering_id), "")
        .await;
    assert_eq!(
        expect_status(&offering, 200, "offering")["unit_price"],
        "50.00"
    );
    let mut found = serde_json::Value::Null;
    for _ in 0..50 {
        let reply = app.get("/api/v1/search?q=kotihoito&per_page=100", "").await;
        let body = expect_status(&reply, 200, "search").clone();
        found = body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["offering_id"] == market.offering_id.as_str())
            .cloned()
            .unwrap_or_default();
        if found["unit_price"] == "50.00" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        found["unit_price"], "50.00",
        "search shows the new price: {found}"
    );
    assert_eq!(
        prices(&app, &market).await,
        vec![
            ("45.00".into(), day(-20), Some(day(-1))),
            ("50.00".into(), day(0), None)
        ]
    );
}
db_test!(a_delivery_is_priced_by_the_version_in_force_on_its_date);
