//! Emails in the portal: a proxy chooses a weekly digest of deliveries instead of one email
//! each (the choice is what the API then reports), and the administrator reads the outbox —
//! the demo's emails, written to the development folder, each one opened on its own page.
use crate::harness::{TestApp, browser::Browser, client::expect_status};

use super::PASSWORD;

async fn people_choose_their_emails_and_the_admin_reads_them(
    app: &TestApp,
    b: &Browser,
    lang: &str,
) {
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("liisa@demo.valinta.fi", PASSWORD).await;
    b.go("a[href='/settings/notifications']").await;
    assert_eq!(b.path().await, "/settings/notifications");
    b.select("#deliveries", "weekly").await;
    b.select("#reminders", "off").await;
    b.go("form[action='/settings/notifications'] button[type=submit]")
        .await;
    assert!(b.exists(".notice").await, "a confirmation");
    let proxy = app.login("liisa@demo.valinta.fi", PASSWORD).await;
    let reply = app.get("/api/v1/me/notifications", &proxy.token).await;
    let choices = expect_status(&reply, 200, "choices");
    let choice_of = |topic: &str| {
        choices["topics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["topic"] == topic)
            .map(|t| t["choice"].clone())
            .unwrap()
    };
    assert_eq!(choice_of("deliveries"), "weekly", "{choices}");
    assert_eq!(choice_of("reminders"), "off", "{choices}");
    assert_eq!(choice_of("commitments"), "on", "{choices}");
    b.sign_out().await;

    b.sign_in("admin@demo.valinta.fi", PASSWORD).await;
    b.go("a[href='/admin/emails']").await;
    assert!(b.exists(".email-row").await, "the demo's emails are listed");
    b.go("a[href^='/admin/emails/outbox/']").await;
    let text = b.text("pre.email-text").await;
    assert!(text.contains("http"), "the message with its link: {text}");
}

in_every_language!(people_choose_their_emails_and_the_admin_reads_them, fi);
