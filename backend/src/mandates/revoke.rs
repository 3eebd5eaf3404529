//! Revoking a mandate: a case worker of the client's purchaser ends it with a reason. From
//! the next request on the proxy reaches nothing of the client's; the proxy is told by email.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::{
    audit::{self, AuditEvent},
    auth::{Actor, access},
    db::entities::{api_token, mandate, user},
    domain::{ids::MandateId, text::parse_text},
    error::{AppError, AppResult, field},
    mandates::MandateView,
    notify,
    state::AppState,
};

pub async fn revoke(
    state: &AppState,
    actor: &Actor,
    id: MandateId,
    reason: &str,
) -> AppResult<MandateView> {
    let reason = field("reason", parse_text(reason, 500))?;
    let tx = state.db.begin_write().await?;
    let found = mandate::Entity::find_by_id(id)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("mandate"))?;
    let client_id = found.client_id;
    // Anyone who may not manage the client is told the mandate does not exist.
    let (client, acting) = access::load_client(&*tx, actor, client_id)
        .await
        .map_err(|_| AppError::not_found("mandate"))?;
    if acting != access::ActingFor::CaseWorker {
        return Err(AppError::not_found("mandate"));
    }
    if found.revoked_at.is_some() {
        return Err(AppError::conflict(
            "already_ended",
            "the mandate has already ended",
        ));
    }
    let proxy = found.proxy_user_id;
    let mut active = found.into_active_model();
    active.revoked_at = Set(Some(Utc::now()));
    active.revoked_by = Set(Some(actor.user_id));
    active.revoke_reason = Set(Some(reason.clone()));
    let revoked = active.update(&*tx).await?;
    // Sessions that had chosen this client choose again.
    api_token::Entity::update_many()
        .col_expr(
            api_token::Column::ActingFor,
            sea_orm::sea_query::Expr::value(Option::<uuid::Uuid>::None),
        )
        .filter(api_token::Column::UserId.eq(proxy))
        .filter(api_token::Column::ActingFor.eq(client.id))
        .exec(&*tx)
        .await?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "mandate_revoked",
            subject_type: "mandate",
            subject_id: id.to_string(),
            client: Some(client_id),
            detail: Some(serde_json::json!({"proxy_user_id": proxy, "reason": reason})),
        },
    )
    .await?;
    let person = user::Entity::find_by_id(proxy).one(&*tx).await?;
    if let Some(person) = &person {
        notify::account::mandate_ended(&*tx, person, &client.name).await?;
    }
    tx.commit().await?;
    Ok(MandateView::of(
        &revoked,
        person.map(|p| p.name).unwrap_or_default(),
    ))
}
