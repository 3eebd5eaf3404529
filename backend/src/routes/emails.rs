//! The email outbox for administrators: `GET /api/v1/admin/emails?status=` (what waits,
//! what was sent, what failed and why) and `POST /api/v1/admin/emails/{id}/retry` (send a
//! failed one again, e.g. after the address was corrected or the server fixed).
use axum::{
    Json,
    extract::{Path, State},
};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::entities::email,
    domain::ids::EmailId,
    error::{AppError, AppResult},
    jobs,
    notify::outbox_reads::{parse_status, record_read},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiQuery, PageQuery},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmailQuery {
    /// `pending`, `sending`, `sent` or `failed`; all when absent.
    pub status: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct EmailOut {
    /// Also the message's Message-ID (`<id@valinta.invalid>`).
    pub id: EmailId,
    pub kind: String,
    pub to: String,
    pub lang: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<Utc>,
    pub sent_at: Option<chrono::DateTime<Utc>>,
}

impl EmailOut {
    pub fn of(e: email::Model) -> EmailOut {
        EmailOut {
            id: e.id,
            kind: e.kind.to_string(),
            to: e.address,
            lang: e.lang,
            status: e.status.to_string(),
            attempts: e.attempts,
            last_error: e.last_error,
            created_at: e.created_at,
            sent_at: e.sent_at,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/admin/emails", operation_id = "emails_list", tag = "emails", params(EmailQuery),
    responses((status = 200, body = ListOut<EmailOut>), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    ApiQuery(query): ApiQuery<EmailQuery>,
) -> AppResult<Json<ListOut<EmailOut>>> {
    actor.require_admin()?;
    let status = parse_status(query.status.as_deref())?;
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let mut select = email::Entity::find().order_by_desc(email::Column::CreatedAt);
    if let Some(status) = status {
        select = select.filter(email::Column::Status.eq(status));
    }
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    record_read(&state.db, &actor, "list", status.map_or("all", Into::into)).await?;
    Ok(Json(ListOut {
        items: models.into_iter().map(EmailOut::of).collect(),
        total,
    }))
}

#[utoipa::path(post, path = "/api/v1/admin/emails/{id}/retry", tag = "emails", params(("id" = uuid::Uuid, Path, description = "the email")),
    responses((status = 200, body = EmailOut), (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn retry(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
) -> AppResult<Json<EmailOut>> {
    actor.require_admin()?;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::not_found("email"))?;
    let current = email::Entity::find_by_id(id)
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("email"))?;
    if !jobs::emails::retry_failed(&state.db, id)
        .await
        .map_err(AppError::internal)?
    {
        return Err(AppError::conflict(
            "wrong_status",
            format!(
                "the email is {}; only a failed one can be retried",
                current.status
            ),
        ));
    }
    let updated = email::Entity::find_by_id(id)
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("email"))?;
    Ok(Json(EmailOut::of(updated)))
}
