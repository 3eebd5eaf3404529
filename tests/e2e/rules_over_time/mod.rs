//! Money rules over time (issue #15): prices that change from a day and keep their
//! history, the recording window and late recording, disputes the client can follow,
//! voids with a reason, and expiry after the period and its grace days.
mod disputes;
mod expiry;
mod late_recording;
mod prices;

use serde_json::json;

use crate::harness::{
    TestApp,
    client::Reply,
    fixtures::{self, Market},
};

/// A case worker opens late recording on a commitment until `until`.
pub async fn open_late_recording(app: &TestApp, market: &Market, commitment: &str, until: &str) {
    fixtures::open_late_recording(app, &market.purchaser, commitment, until).await;
}

pub async fn late_recording(app: &TestApp, token: &str, commitment: &str, until: &str) -> Reply {
    app.post(
        &format!("/api/v1/commitments/{commitment}/late-recording"),
        token,
        &json!({"until": until, "reason": "Palveluntuottajan järjestelmä oli rikki marraskuussa."}),
    )
    .await
}

/// The kinds of email queued to an address, oldest first.
pub async fn email_kinds(app: &TestApp, address: &str) -> Vec<String> {
    let address = address.replace('\'', "''");
    app.sql_texts(&format!(
        "SELECT kind FROM emails WHERE address = '{address}' ORDER BY created_at"
    ))
    .await
}
