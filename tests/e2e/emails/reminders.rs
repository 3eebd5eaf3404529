//! Scheduled reminders: an allocation ending within a week, a balance under 20 % of the
//! grant, commitments with nothing recorded for longer than the purchaser expects, and a
//! review waiting a week for its reply — each sent once, also across a restart.
use std::time::Duration;

use serde_json::json;

use super::{eventually, outbox, rows_of, send_through};
use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{Market, accepted_commitment, allocation, day, deliver, delivery_body},
    smtp::SmtpServer,
};

const REMINDERS: [&str; 4] = [
    "allocation_ending",
    "balance_low",
    "deliveries_overdue",
    "review_reply_reminder",
];

/// How many reminders of each kind went to the market's client and provider.
async fn counts(app: &TestApp, market: &Market) -> Vec<(&'static str, usize)> {
    let mut counts = Vec::new();
    for (kind, to) in [
        ("allocation_ending", &market.client.user.email),
        ("balance_low", &market.client.user.email),
        ("deliveries_overdue", &market.provider.staff.email),
        ("review_reply_reminder", &market.provider.staff.email),
    ] {
        counts.push((kind, rows_of(app, &market.admin, kind, to).await.len()));
    }
    counts
}

async fn reminders_are_sent_once_per_event_and_survive_a_restart(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    // A small voucher ending in five days, nearly spent.
    let ending = allocation(
        &app,
        &market.purchaser,
        &market.client,
        &json!({
            "kind": "voucher",
            "granted": "100.00",
            "valid_from": day(-30),
            "valid_to": day(5),
            "service_ids": [market.service_id],
        }),
    )
    .await;
    let ending_id = id_of(&ending);
    let commitment = accepted_commitment(
        &app,
        &market.client.user.token,
        &ending_id,
        &market.offering_id,
        &market.provider,
        "voucher",
        None,
    )
    .await;
    // 2.5 hours at the voucher value of 40.00: 100.00, all of it.
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "2.5", "45.00", "spent-1"),
    )
    .await;
    expect_status(&reply, 201, "record delivery");
    // A review, written eight days ago and not answered.
    let reply = app
        .post(
            &format!("/api/v1/offerings/{}/reviews", market.offering_id),
            &market.client.user.token,
            &json!({"stars": 4, "text": "Hyvä palvelu"}),
        )
        .await;
    let review = id_of(expect_status(&reply, 201, "review"));
    app.backdate("reviews", "created_at", &review, 8).await;
    // A commitment of the first allocation, accepted a month ago, with nothing recorded.
    let silent = market.accepted_commitment(&app).await;
    app.backdate("commitments", "updated_at", &silent, 30).await;
    app.backdate("commitments", "created_at", &silent, 30).await;

    let client = &market.client.user.email;
    let admin = &market.admin;
    eventually(Duration::from_secs(30), "every reminder sent", || async {
        let rows = outbox(&app, admin, Some("sent")).await;
        REMINDERS
            .iter()
            .all(|kind| rows.iter().any(|r| r["kind"] == *kind))
    })
    .await;
    let first = counts(&app, &market).await;
    assert!(first.iter().all(|(_, n)| *n == 1), "one of each: {first:?}");
    // The allocation that runs two more months reminds nobody.
    let ending_mail = &rows_of(&app, admin, "allocation_ending", client).await[0];
    let mail = smtp
        .received()
        .into_iter()
        .find(|m| {
            m.message_id
                .starts_with(ending_mail["id"].as_str().unwrap())
        })
        .expect("the ending reminder arrived");
    assert!(
        mail.text.contains("0,00"),
        "says what is left: {}",
        mail.text
    );

    // Restart (a scan runs at start) and let several more scans pass: nothing new.
    send_through(&mut app, &smtp, &[]).await;
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        counts(&app, &market).await,
        first,
        "each event reminded once"
    );
}
db_test!(reminders_are_sent_once_per_event_and_survive_a_restart);
