//! What follows a change of a provider's bank details, in the transaction that makes it: an
//! audit row with both accounts masked, an email to every staff member of the provider (so
//! a change nobody there made is noticed), and `bank_changed_at`, which finance sees on the
//! next settlement (`settlement::bank_change`).
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, IntoActiveModel, Set};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::entities::provider,
    domain::bank::mask_iban,
    error::AppResult,
    notify,
};

/// Whether the IBAN or BIC differs between the stored row before and after an update.
pub fn changed(before: &provider::Model, after: &provider::Model) -> bool {
    before.iban != after.iban || before.bic != after.bic
}

/// Records the change of `before` into `after` (already written in `conn`'s transaction);
/// answers the row with `bank_changed_at` set.
pub async fn record(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    before: &provider::Model,
    after: provider::Model,
) -> AppResult<provider::Model> {
    let now = Utc::now();
    let masked = |iban: &Option<String>| iban.as_deref().map(mask_iban);
    audit::record(
        conn,
        Some(actor),
        None,
        AuditEvent {
            action: "bank_details_changed",
            subject_type: "provider",
            subject_id: after.id.to_string(),
            client: None,
            detail: Some(json!({
                "iban_before": masked(&before.iban),
                "iban_after": masked(&after.iban),
                "bic_before": before.bic,
                "bic_after": after.bic,
            })),
        },
    )
    .await?;
    notify::provider::bank_details_changed(
        conn,
        &after,
        &actor.name,
        (masked(&before.iban), before.bic.clone()),
    )
    .await?;
    let mut active = after.into_active_model();
    active.bank_changed_at = Set(Some(now));
    Ok(active.update(conn).await?)
}
