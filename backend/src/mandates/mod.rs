//! Mandates: who may act for a client. A mandate holds until it is revoked or until the
//! end of its last day (`valid_until`, Finnish time); from the next request on, an ended
//! mandate reaches nothing, because every access check asks for a live one ([`live`]).
pub mod grant;
pub mod revoke;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    audit::{self, AuditEvent},
    auth::{Actor, access},
    db::entities::{mandate, user},
    domain::{
        ids::{ClientId, MandateId, UserId},
        today_in_finland,
    },
    error::AppResult,
    state::AppState,
};

pub use crate::db::entities::mandate::live;

/// One mandate as the case worker and the client see it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MandateView {
    pub mandate_id: MandateId,
    pub proxy_id: UserId,
    pub name: String,
    pub relation: String,
    pub valid_until: Option<NaiveDate>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoke_reason: Option<String>,
    /// In force today: not revoked and not past its last day.
    pub live: bool,
}

impl MandateView {
    pub(crate) fn of(m: &mandate::Model, proxy_name: String) -> Self {
        let live = m.revoked_at.is_none() && m.valid_until.is_none_or(|d| d >= today_in_finland());
        MandateView {
            mandate_id: m.id,
            proxy_id: m.proxy_user_id,
            name: proxy_name,
            relation: m.relation.clone(),
            valid_until: m.valid_until,
            revoked_at: m.revoked_at,
            revoke_reason: m.revoke_reason.clone(),
            live,
        }
    }
}

/// Every mandate of the client, live ones first, for the client's case workers and the
/// client themself. The read is audited.
pub async fn for_client(
    state: &AppState,
    actor: &Actor,
    client: ClientId,
) -> AppResult<Vec<MandateView>> {
    let conn = &state.db.conn;
    let (_, acting) = access::load_client(conn, actor, client).await?;
    if acting == access::ActingFor::Proxy {
        // A proxy sees their own mandate through their own page, not the client's others.
        return Err(crate::error::AppError::not_found("client"));
    }
    let mandates = mandate::Entity::find()
        .filter(mandate::Column::ClientId.eq(uuid::Uuid::from(client)))
        .order_by_desc(mandate::Column::CreatedAt)
        .all(conn)
        .await?;
    let proxies: Vec<UserId> = mandates.iter().map(|m| m.proxy_user_id).collect();
    let names: std::collections::HashMap<UserId, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(proxies))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut views: Vec<MandateView> = mandates
        .iter()
        .map(|m| MandateView::of(m, names.get(&m.proxy_user_id).cloned().unwrap_or_default()))
        .collect();
    views.sort_by_key(|v| !v.live);
    audit::record(
        conn,
        Some(actor),
        Some(acting),
        AuditEvent {
            action: "mandates_read",
            subject_type: "client",
            subject_id: client.to_string(),
            client: Some(client),
            detail: None,
        },
    )
    .await?;
    Ok(views)
}
