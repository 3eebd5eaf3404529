//! The administrator's reads of the email outbox: which status was asked for, and an audit
//! row for every read (the rows hold people's addresses and what they were told).
use crate::{
    auth::Actor,
    db::Db,
    error::{AppError, AppResult},
    notify::queue::EmailStatus,
};

/// The status filter as asked: none, or one of the statuses by name.
pub fn parse_status(raw: Option<&str>) -> AppResult<Option<EmailStatus>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| {
            AppError::bad_parameter("status", "must be pending, sending, sent or failed")
        }),
    }
}

/// The outbox holds people's addresses and what was written to them: every look at it is
/// audit-logged, as reads of client data are.
pub async fn record_read(db: &Db, actor: &Actor, what: &str, which: &str) -> AppResult<()> {
    crate::audit::record(
        &db.conn,
        Some(actor),
        None,
        crate::audit::AuditEvent {
            action: "email_outbox_read",
            subject_type: "emails",
            subject_id: which.to_owned(),
            client: None,
            detail: Some(serde_json::json!({ "read": what })),
        },
    )
    .await?;
    Ok(())
}
