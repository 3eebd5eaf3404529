//! An offering's price history: every price with the days it held, oldest first.
use axum::{Json, extract::State};
use sea_orm::EntityTrait;
use serde::Serialize;

use crate::{
    auth::MaybeActor,
    db::entities::offering,
    domain::ids::OfferingId,
    error::{AppError, AppResult},
    prices::history::{self, PriceVersion},
    routes::extract::PathId,
    state::AppState,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct PricesOut {
    pub items: Vec<PriceVersion>,
}

#[utoipa::path(get, path = "/api/v1/offerings/{id}/prices", operation_id = "offerings_prices_list", tag = "offerings",
    params(("id" = uuid::Uuid, Path, description = "the offering")),
    responses((status = 200, body = PricesOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<OfferingId>,
) -> AppResult<Json<PricesOut>> {
    let model = offering::Entity::find_by_id(id)
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    let own = actor.is_some_and(|a| a.provider_id == Some(model.provider_id));
    if model.archived && !own {
        return Err(AppError::not_found("offering"));
    }
    let prices = history::of(&state.db.conn, model.id).await?;
    Ok(Json(PricesOut {
        items: prices.versions(),
    }))
}
