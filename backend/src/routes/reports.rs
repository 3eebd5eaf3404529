//! Purchaser reports: demand gaps (what clients searched for in its area and did not find)
//! and providers with overdue recording of deliveries.
use axum::{Json, extract::State};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::entities::{purchaser, search_miss},
    domain::{ids::PurchaserId, recording::RecordingDays},
    error::{AppError, AppResult},
    recording::{self, OverdueProvider},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiQuery, PageQuery, PathId},
        purchasers::municipalities_of,
    },
    state::AppState,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct DemandGapOut {
    pub query: String,
    pub municipality: String,
    pub count: i64,
    pub first_seen: chrono::DateTime<Utc>,
    pub last_seen: chrono::DateTime<Utc>,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/demand-gaps", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), PageQuery),
    responses((status = 200, body = ListOut<DemandGapOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn demand_gaps(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<DemandGapOut>>> {
    actor.require_any_staff(pid)?;
    let page = query.parse()?;
    let area = municipalities_of(&state.db.conn, pid.into()).await?;
    let select = search_miss::Entity::find()
        .filter(search_miss::Column::Municipality.is_in(area))
        .order_by_desc(search_miss::Column::Count)
        .order_by_desc(search_miss::Column::LastSeen);
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    let items = models
        .into_iter()
        .map(|m| DemandGapOut {
            query: m.query,
            municipality: m.municipality,
            count: m.count,
            first_seen: m.first_seen,
            last_seen: m.last_seen,
        })
        .collect();
    Ok(Json(ListOut { items, total }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OverdueRecordingOut {
    /// The purchaser's setting the report applies.
    pub recording_days: i64,
    pub as_of: chrono::DateTime<Utc>,
    /// Providers with silent commitments or late deliveries, most cases first.
    pub items: Vec<OverdueProvider>,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/overdue-recording", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser")),
    responses((status = 200, body = OverdueRecordingOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn overdue_recording(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
) -> AppResult<Json<OverdueRecordingOut>> {
    actor.require_any_staff(pid)?;
    let model = purchaser::Entity::find_by_id(uuid::Uuid::from(pid))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let days = RecordingDays::from_stored(model.recording_days);
    let now = Utc::now();
    Ok(Json(OverdueRecordingOut {
        recording_days: days.days(),
        as_of: now,
        items: recording::overdue(&state.db.conn, pid, days, now).await?,
    }))
}
