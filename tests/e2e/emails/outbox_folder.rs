//! With no SMTP server set (the default), every email is written as an `.eml` file to the
//! outbox folder under the data directory, where the development page lists it.
use std::time::Duration;

use super::{eventually, outbox};
use crate::harness::{TestApp, fixtures::Market};

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
}
db_test!(without_smtp_emails_are_written_to_the_outbox_folder);
