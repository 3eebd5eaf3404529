//! With no SMTP server set (the default), every email is written as an `.eml` file to the
//! outbox folder under the data directory, where the development page lists it (every
//! message, in pages); reading the outbox is audit-logged.
use std::{collections::BTreeSet, time::Duration};

use super::{eventually, outbox};
use crate::harness::{TestApp, fixtures::Market, form_session::FormSession};

async fn without_smtp_emails_are_written_to_the_outbox_folder(app: TestApp) {
    let market = Market::build(&app).await;
    let folder = app.outbox_dir();
    eventually(Duration::from_secs(30), "emails written", || async {
        outbox(&app, &market.admin, Some("pending"))
            .await
            .is_empty()
            && !outbox(&app, &market.admin, Some("sent")).await.is_empty()
    })
    .await;
    let sent = outbox(&app, &market.admin, Some("sent")).await;
    for row in &sent {
        let file = folder.join(format!("{}.eml", row["id"].as_str().unwrap()));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{} for {row}: {e}", file.display()));
        assert!(text.contains(row["to"].as_str().unwrap()), "{text}");
        assert!(text.contains("multipart/alternative"), "{text}");
    }
    // Looking at the outbox is audit-logged: it holds people's addresses and messages.
    let reply = app
        .get("/api/v1/audit?per_page=100", &market.admin.token)
        .await;
    let audit = crate::harness::client::expect_status(&reply, 200, "audit");
    assert!(
        audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "email_outbox_read"),
        "{audit}"
    );
}
db_test!(without_smtp_emails_are_written_to_the_outbox_folder);

/// Sent emails hold addresses and what was written; they are kept 90 days (by default),
/// then deleted by the worker. Failed ones stay for the admin.
async fn sent_emails_are_deleted_after_the_keeping_time(mut app: TestApp) {
    app.restart(&["--reminder-every-secs", "1"]).await;
    let market = Market::build(&app).await;
    super::all_sent(&app, &market.admin).await;
    let sent = outbox(&app, &market.admin, Some("sent")).await;
    assert!(sent.len() >= 2, "{sent:?}");
    let old = sent[0]["id"].as_str().unwrap().to_owned();
    app.backdate("emails", "sent_at", &old, 91).await;
    eventually(Duration::from_secs(30), "the old email deleted", || async {
        outbox(&app, &market.admin, None)
            .await
            .iter()
            .all(|r| r["id"] != old.as_str())
    })
    .await;
    let left = outbox(&app, &market.admin, Some("sent")).await;
    assert_eq!(left.len(), sent.len() - 1, "only the old one went");
}
db_test!(sent_emails_are_deleted_after_the_keeping_time);

/// The messages the development page lists on one of its pages: their file names.
fn listed(page: &str) -> Vec<String> {
    page.split("href=\"/admin/emails/outbox/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

async fn the_outbox_folder_page_lists_every_message_in_pages(app: TestApp) {
    let market = Market::build(&app).await;
    super::all_sent(&app, &market.admin).await;
    let folder = app.outbox_dir();
    std::fs::create_dir_all(&folder).unwrap();
    for n in 0..130 {
        let message =
            format!("To: person{n}@example.invalid\r\nSubject: Message {n}\r\n\r\nText {n}\r\n");
        std::fs::write(folder.join(format!("many-{n:03}.eml")), message).unwrap();
    }
    let files: BTreeSet<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".eml") && !name.starts_with('.'))
        .collect();
    let total = files.len();
    assert!(total > 130, "the app's own emails and ours: {total}");
    let pages = total.div_ceil(50);

    let admin = FormSession::new(&app, Some(&market.admin.token)).await;
    let (status, first) = admin.get(&app, "/admin/emails").await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(listed(&first).len(), 50, "a page of the folder");
    assert!(
        first.contains(&format!("Sivu 1 / {pages} ({total} riviä)")),
        "says how many there are: {first}"
    );
    assert!(
        first.contains("href=\"/admin/emails?outbox_page=2\""),
        "links to the next page"
    );
    let mut seen: Vec<String> = listed(&first);
    for number in 2..=pages {
        let (status, page) = admin
            .get(&app, &format!("/admin/emails?outbox_page={number}"))
            .await;
        assert_eq!(status, 200, "{page}");
        seen.extend(listed(&page));
    }
    assert_eq!(seen.len(), total, "no message on two pages");
    let seen: BTreeSet<String> = seen.into_iter().collect();
    assert_eq!(seen, files, "every message is on some page");
}
db_test!(the_outbox_folder_page_lists_every_message_in_pages);
