//! Emails: every notification goes through the outbox and arrives over a real SMTP server
//! on loopback (aiosmtpd), in the addressee's language, exactly once as the design
//! promises; failures are retried or marked failed; reminders are sent once per event.
mod arrival;
mod choices;
mod exactly_once;
mod failures;
mod outbox_folder;
mod plans;
mod reminders;

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{
    TestApp,
    client::{User, expect_status},
    smtp::{Received, SmtpServer},
};

/// Restarts the test's server sending through `smtp`, retrying after 200 ms and looking
/// for reminders every second, plus `extra`.
pub(crate) async fn send_through(app: &mut TestApp, smtp: &SmtpServer, extra: &[&str]) {
    let url = smtp.url();
    let mut args = vec![
        "--smtp-url",
        url.as_str(),
        "--email-retry-ms",
        "200",
        "--reminder-every-secs",
        "1",
    ];
    args.extend_from_slice(extra);
    app.restart(&args).await;
}

/// The outbox as the admin sees it (newest first).
pub(crate) async fn outbox(app: &TestApp, admin: &User, status: Option<&str>) -> Vec<Value> {
    let path = match status {
        Some(s) => format!("/api/v1/admin/emails?per_page=100&status={s}"),
        None => "/api/v1/admin/emails?per_page=100".to_owned(),
    };
    let reply = app.get(&path, &admin.token).await;
    expect_status(&reply, 200, "admin email list")["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The outbox rows of one kind to one address.
pub(crate) async fn rows_of(app: &TestApp, admin: &User, kind: &str, to: &str) -> Vec<Value> {
    outbox(app, admin, None)
        .await
        .into_iter()
        .filter(|e| e["kind"] == kind && e["to"].as_str() == Some(to))
        .collect()
}

/// Waits until every email queued so far has been sent (none waiting, none in flight).
pub(crate) async fn all_sent(app: &TestApp, admin: &User) {
    eventually(Duration::from_secs(30), "every email sent", || async {
        outbox(app, admin, None)
            .await
            .iter()
            .all(|r| r["status"] == "sent")
    })
    .await;
}

/// Waits until `check` holds, polling every 100 ms; panics with `what` after `within`.
pub(crate) async fn eventually<F, Fut>(within: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + within;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The messages that arrived with this outbox row's Message-ID.
pub(crate) fn arrived_as(received: &[Received], row: &Value) -> Vec<Received> {
    let id = format!("{}@valinta.invalid", row["id"].as_str().unwrap_or_default());
    received
        .iter()
        .filter(|r| r.message_id == id)
        .cloned()
        .collect()
}
