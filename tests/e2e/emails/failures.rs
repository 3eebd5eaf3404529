//! SMTP trouble: "try later" (4xx) is retried and the message arrives once; a server that
//! is down gets the message when it is back; "never" (5xx) marks the message failed, shown to
//! the admin, not retried — until the admin sends it again.
use std::time::Duration;

use serde_json::Value;

use super::{all_sent, arrived_as, eventually, outbox, rows_of, send_through};
use crate::harness::{
    TestApp,
    client::{User, expect_status},
    fixtures::{Market, day, deliver, delivery_body},
    smtp::SmtpServer,
};

/// Records one delivery on `commitment` and returns the client's email row about it.
async fn delivery_email(
    app: &TestApp,
    market: &Market,
    commitment: &str,
    reference: &str,
) -> Value {
    let reply = deliver(
        app,
        &market.provider,
        commitment,
        &delivery_body(&day(-1), "1", "45.00", reference),
    )
    .await;
    expect_status(&reply, 201, "record delivery");
    let rows = rows_of(
        app,
        &market.admin,
        "delivery_recorded",
        &market.client.user.email,
    )
    .await;
    assert_eq!(rows.len(), 1, "one delivery email queued: {rows:?}");
    rows[0].clone()
}

async fn row(app: &TestApp, admin: &User, id: &Value) -> Value {
    outbox(app, admin, None)
        .await
        .into_iter()
        .find(|r| r["id"] == *id)
        .expect("the email row")
}

async fn a_server_saying_try_later_gets_the_message_once_it_accepts(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    // Let the emails of setting up the market go first.
    all_sent(&app, &market.admin).await;
    smtp.refuse(451, "4.3.0 Try again later", Some(2));
    let email = delivery_email(&app, &market, &commitment, "later-1").await;
    eventually(Duration::from_secs(30), "the email sent", || async {
        row(&app, &market.admin, &email["id"]).await["status"] == "sent"
    })
    .await;
    let sent = row(&app, &market.admin, &email["id"]).await;
    assert_eq!(sent["attempts"], 3, "two refusals, then accepted: {sent}");
    assert_eq!(arrived_as(&smtp.received(), &sent).len(), 1, "arrived once");
}
db_test!(a_server_saying_try_later_gets_the_message_once_it_accepts);

async fn a_message_waits_while_the_server_is_down_and_arrives_when_it_returns(mut app: TestApp) {
    let mut smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    all_sent(&app, &market.admin).await;
    smtp.stop();
    let email = delivery_email(&app, &market, &commitment, "down-1").await;
    eventually(Duration::from_secs(30), "a failed attempt", || async {
        let r = row(&app, &market.admin, &email["id"]).await;
        r["status"] == "pending" && r["attempts"].as_i64() >= Some(2)
    })
    .await;
    let waiting = row(&app, &market.admin, &email["id"]).await;
    assert!(
        waiting["last_error"]
            .as_str()
            .is_some_and(|e| !e.is_empty()),
        "the reason is kept: {waiting}"
    );
    smtp.resume();
    eventually(
        Duration::from_secs(60),
        "sent after the server returned",
        || async { row(&app, &market.admin, &email["id"]).await["status"] == "sent" },
    )
    .await;
    let sent = row(&app, &market.admin, &email["id"]).await;
    assert_eq!(arrived_as(&smtp.received(), &sent).len(), 1, "arrived once");
}
db_test!(a_message_waits_while_the_server_is_down_and_arrives_when_it_returns);

async fn a_permanent_refusal_marks_the_message_failed_for_the_admin(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    all_sent(&app, &market.admin).await;
    smtp.refuse(550, "5.1.1 No such mailbox", None);
    let email = delivery_email(&app, &market, &commitment, "never-1").await;
    eventually(Duration::from_secs(30), "the email failed", || async {
        row(&app, &market.admin, &email["id"]).await["status"] == "failed"
    })
    .await;
    // Not retried: after many retry delays it is still one attempt.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let failed = row(&app, &market.admin, &email["id"]).await;
    assert_eq!(failed["attempts"], 1, "{failed}");
    assert!(
        failed["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("550")),
        "the server's answer is kept for the admin: {failed}"
    );
    let listed = outbox(&app, &market.admin, Some("failed")).await;
    assert!(
        listed.iter().any(|r| r["id"] == email["id"]),
        "in the failed list"
    );
    assert!(
        arrived_as(&smtp.received(), &failed).is_empty(),
        "a refused message did not arrive"
    );
    // Only an admin sees the outbox.
    let reply = app
        .get("/api/v1/admin/emails", &market.client.user.token)
        .await;
    assert_eq!(reply.0, 403, "{reply:?}");
    // The address is fixed on the server's side; the admin sends it again.
    smtp.accept_all();
    let reply = app
        .act(
            &format!(
                "/api/v1/admin/emails/{}/retry",
                email["id"].as_str().unwrap()
            ),
            &market.admin.token,
        )
        .await;
    expect_status(&reply, 200, "retry");
    eventually(Duration::from_secs(30), "sent after the retry", || async {
        row(&app, &market.admin, &email["id"]).await["status"] == "sent"
    })
    .await;
    let sent = row(&app, &market.admin, &email["id"]).await;
    assert_eq!(arrived_as(&smtp.received(), &sent).len(), 1);
    // A sent email cannot be "retried" into a second copy.
    let reply = app
        .act(
            &format!(
                "/api/v1/admin/emails/{}/retry",
                email["id"].as_str().unwrap()
            ),
            &market.admin.token,
        )
        .await;
    assert_eq!(reply.0, 409, "{reply:?}");
}
db_test!(a_permanent_refusal_marks_the_message_failed_for_the_admin);
