//! The guarantee, shown honestly. A worker killed between sending and recording (the fault
//! hook exits the process right there) leaves the message claimed; after the claim expires
//! it is sent again with the same Message-ID, so the receiver can drop the copy: at least
//! once, de-duplicated by Message-ID. And two server instances on one PostgreSQL never both
//! send a message.
use std::{collections::HashMap, time::Duration};

use super::{all_sent, arrived_as, eventually, outbox, send_through};
use crate::harness::{
    Backend, TestApp,
    client::expect_status,
    fixtures::{Market, day, deliver, delivery_body},
    smtp::SmtpServer,
};

async fn a_crash_between_send_and_record_resends_with_the_same_message_id(mut app: TestApp) {
    let smtp = SmtpServer::start();
    // Links name the portal, not the port this run happens to listen on.
    const PORTAL: [&str; 2] = ["--public-url", "http://valinta.test"];
    send_through(
        &mut app,
        &smtp,
        &["--email-lease-secs", "2", PORTAL[0], PORTAL[1]],
    )
    .await;
    let market = Market::build(&app).await;
    all_sent(&app, &market.admin).await;
    // Queue two emails while no worker runs.
    send_through(&mut app, &smtp, &["--no-worker", PORTAL[0], PORTAL[1]]).await;
    market.accepted_commitment(&app).await;
    let before = smtp.received().len();
    // The worker exits right after its first successful send, before recording it.
    send_through(
        &mut app,
        &smtp,
        &[
            "--email-lease-secs",
            "2",
            "--fault-crash-after-send",
            PORTAL[0],
            PORTAL[1],
        ],
    )
    .await;
    let arrived = smtp.wait_for(before + 1, Duration::from_secs(30)).await;
    assert_eq!(arrived.len(), before + 1, "one send, then the crash");
    let copy = arrived.last().unwrap().clone();
    // The process is gone; start it again without the fault.
    send_through(
        &mut app,
        &smtp,
        &["--email-lease-secs", "2", PORTAL[0], PORTAL[1]],
    )
    .await;
    let row = outbox(&app, &market.admin, None)
        .await
        .into_iter()
        .find(|r| copy.message_id == format!("{}@valinta.invalid", r["id"].as_str().unwrap()))
        .expect("the Message-ID is the outbox row's id");
    eventually(
        Duration::from_secs(30),
        "all sent after the restart",
        || async {
            outbox(&app, &market.admin, None)
                .await
                .iter()
                .all(|r| r["status"] == "sent")
        },
    )
    .await;
    let copies = arrived_as(&smtp.received(), &row);
    assert_eq!(
        copies.len(),
        2,
        "sent again after the crash (at least once)"
    );
    assert_eq!(
        copies[0].message_id, copies[1].message_id,
        "with the same Message-ID"
    );
    assert_eq!(copies[0].text, copies[1].text, "the same message");
    // Every other message arrived exactly once.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for m in smtp.received() {
        *by_id.entry(m.message_id).or_default() += 1;
    }
    let repeated: Vec<_> = by_id.iter().filter(|(_, n)| **n > 1).collect();
    assert_eq!(
        repeated.len(),
        1,
        "only the interrupted one came twice: {repeated:?}"
    );
}
db_test!(a_crash_between_send_and_record_resends_with_the_same_message_id);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgres_never_send_a_message_twice() {
    let smtp = SmtpServer::start();
    let mut first = TestApp::spawn(Backend::Postgres).await;
    send_through(&mut first, &smtp, &[]).await;
    let url = smtp.url();
    let second = first
        .sibling(&["--smtp-url", &url, "--email-retry-ms", "200"])
        .await;
    let market = Market::build(&first).await;
    // Forty delivery emails, recorded through both instances while both send.
    let commitment = market.accepted_commitment(&first).await;
    for i in 0..40 {
        let app = if i % 2 == 0 { &first } else { &second };
        let reply = deliver(
            app,
            &market.provider,
            &commitment,
            &delivery_body(&day(-1), "0.25", "45.00", &format!("pair-{i}")),
        )
        .await;
        expect_status(&reply, 201, "record delivery");
    }
    eventually(Duration::from_secs(60), "every email sent", || async {
        let all = outbox(&first, &market.admin, None).await;
        all.iter().all(|r| r["status"] == "sent")
    })
    .await;
    let rows = outbox(&first, &market.admin, None).await;
    let received = smtp.received();
    for row in &rows {
        assert_eq!(
            arrived_as(&received, row).len(),
            1,
            "exactly one copy of {row}"
        );
    }
    assert!(rows.len() >= 40, "{} emails", rows.len());
    assert_eq!(received.len(), rows.len(), "nothing else arrived");
    // Both instances did part of the sending (each logs what it sent).
    for (name, app) in [("first", &first), ("second", &second)] {
        let sent = app.server_log_tail().matches("email sent").count();
        assert!(sent > 0, "the {name} instance sent none");
    }
}
