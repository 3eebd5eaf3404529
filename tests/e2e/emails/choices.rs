//! People choose which optional emails they get: delivery emails one by one, as a weekly
//! digest, or none; mandatory ones cannot be turned off; bad choices are refused with the
//! field named and change nothing.
use std::time::Duration;

use reqwest::Method;
use serde_json::json;

use super::{eventually, outbox, rows_of, send_through};
use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, day, deliver, delivery_body, proxy},
    smtp::SmtpServer,
};

async fn choices_decide_which_delivery_emails_go_out(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    let proxy = proxy(&app, &market.purchaser, &market.client).await;
    let client = &market.client.user;

    // Bad choices: the field is named and nothing changes.
    for (body, field) in [
        (json!({"deliveries": "sometimes"}), "deliveries"),
        (json!({"dispute_decided": "off"}), "dispute_decided"),
    ] {
        let reply = app
            .send(
                Method::PUT,
                "/api/v1/me/notifications",
                &client.token,
                Some(&body),
            )
            .await;
        assert_eq!(reply.0, 422, "{reply:?}");
        assert!(reply.1["error"]["fields"][field].is_string(), "{reply:?}");
    }
    let reply = app.get("/api/v1/me/notifications", &client.token).await;
    let now = expect_status(&reply, 200, "choices");
    assert!(
        now["topics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["choice"] == "on"),
        "unchanged: {now}"
    );
    assert!(
        now["mandatory"]
            .as_array()
            .unwrap()
            .contains(&json!("dispute_decided")),
        "decisions cannot be turned off: {now}"
    );

    // The client wants no delivery emails; the proxy a weekly digest.
    let reply = app
        .send(
            Method::PUT,
            "/api/v1/me/notifications",
            &client.token,
            Some(&json!({"deliveries": "off"})),
        )
        .await;
    expect_status(&reply, 200, "turn off");
    let reply = app
        .send(
            Method::PUT,
            "/api/v1/me/notifications",
            &proxy.token,
            Some(&json!({"deliveries": "weekly"})),
        )
        .await;
    expect_status(&reply, 200, "weekly");

    let commitment = market.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-8), "1", "45.00", "digest-1"),
    )
    .await;
    let delivery = expect_status(&reply, 201, "record delivery").clone();
    let admin = &market.admin;
    // The commitment emails (mandatory for the client... and optional, on) went out, the
    // delivery ones did not.
    eventually(
        Duration::from_secs(30),
        "commitment emails sent",
        || async {
            !rows_of(&app, admin, "commitment_accepted", &proxy.email)
                .await
                .is_empty()
        },
    )
    .await;
    assert!(
        rows_of(&app, admin, "delivery_recorded", &client.email)
            .await
            .is_empty()
    );
    assert!(
        rows_of(&app, admin, "delivery_recorded", &proxy.email)
            .await
            .is_empty()
    );

    // Recorded last week: the next scan sends the proxy last week's digest, once.
    app.backdate(
        "deliveries",
        "created_at",
        delivery["id"].as_str().unwrap(),
        7,
    )
    .await;
    eventually(
        Duration::from_secs(30),
        "the weekly digest sent",
        || async {
            rows_of(&app, admin, "delivery_digest", &proxy.email)
                .await
                .iter()
                .any(|r| r["status"] == "sent")
        },
    )
    .await;
    let digest = rows_of(&app, admin, "delivery_digest", &proxy.email).await;
    assert_eq!(digest.len(), 1);
    let mail = smtp
        .received()
        .into_iter()
        .find(|m| m.message_id.starts_with(digest[0]["id"].as_str().unwrap()))
        .expect("the digest arrived");
    assert!(
        mail.text.contains(&market.client.name),
        "whose: {}",
        mail.text
    );
    assert!(
        mail.text.contains("45,00"),
        "the delivery's amount: {}",
        mail.text
    );
    assert!(
        rows_of(&app, admin, "delivery_digest", &client.email)
            .await
            .is_empty()
    );
    let _ = outbox(&app, admin, None).await;
}
db_test!(choices_decide_which_delivery_emails_go_out);
