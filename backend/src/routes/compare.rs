//! `GET /api/v1/compare`: 2–4 offerings side by side; for a client (or their proxy) with
//! an allocation, also what one unit costs them and how many units their balance buys.
use axum::{Json, extract::State};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use crate::{
    auth::MaybeActor,
    db::entities::{offering, provider, service},
    domain::{
        LocalizedText, Money,
        catalogue::{Method, Unit},
        ids::{AllocationId, OfferingId},
    },
    error::{AppError, AppResult},
    ledger::quote::quote,
    routes::{
        allocations::load_visible,
        common::from_json,
        extract::ApiQuery,
        offerings::{OfferingOut, read::ratings_of},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompareQuery {
    /// 2–4 offering ids, comma-separated.
    pub ids: Option<String>,
    /// With a client's or proxy's token: show the client's own figures for this allocation.
    pub allocation_id: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ComparedOffering {
    pub offering_id: OfferingId,
    #[serde(flatten)]
    pub offering: OfferingOut,
    pub service_name: LocalizedText,
    pub unit: Unit,
    /// Settlement methods the catalogue allows for this service.
    pub methods: Vec<Method>,
    /// The client's own share of one unit under their allocation (only with `allocation_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_share_per_unit: Option<Money>,
    /// Whole units the allocation's available balance pays for (only with `allocation_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units_affordable: Option<i64>,
    /// Whether the allocation may be used for this offering (only with `allocation_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covered: Option<bool>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CompareOut {
    pub offerings: Vec<ComparedOffering>,
}

fn parse_ids(raw: Option<&str>) -> AppResult<Vec<OfferingId>> {
    let raw = raw.ok_or_else(|| {
        AppError::bad_parameter("ids", "is required: 2 to 4 offering ids, comma-separated")
    })?;
    let mut ids = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let id = part.parse().map_err(|_| {
            AppError::bad_parameter("ids", format!("{part:?} is not an offering id"))
        })?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if !(2..=4).contains(&ids.len()) {
        return Err(AppError::bad_parameter(
            "ids",
            "must name 2 to 4 different offerings",
        ));
    }
    Ok(ids)
}

#[utoipa::path(get, path = "/api/v1/compare", tag = "search", params(CompareQuery),
    responses((status = 200, body = CompareOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn compare(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    ApiQuery(query): ApiQuery<CompareQuery>,
) -> AppResult<Json<CompareOut>> {
    let ids = parse_ids(query.ids.as_deref())?;
    let allocation = match query.allocation_id.as_deref() {
        None => None,
        Some(raw) => {
            let id: AllocationId = raw
                .parse()
                .map_err(|_| AppError::bad_parameter("allocation_id", "is not an allocation id"))?;
            let actor = actor.as_ref().ok_or_else(AppError::unauthorized)?;
            Some(load_visible(&state, actor, id, "allocation_read").await?.0)
        }
    };
    let conn = &state.db.conn;
    let rows = offering::Entity::find()
        .filter(offering::Column::Id.is_in(ids.iter().map(|id| id.0)))
        .filter(offering::Column::Archived.eq(false))
        .find_also_related(provider::Entity)
        .all(conn)
        .await?;
    let services = service::Entity::find()
        .filter(service::Column::Id.is_in(rows.iter().map(|(o, _)| o.service_id)))
        .all(conn)
        .await?;
    let ratings = ratings_of(conn, rows.iter().map(|(o, _)| o.id)).await?;
    let mut offerings = Vec::with_capacity(ids.len());
    for id in &ids {
        let Some((model, Some(provider))) = rows.iter().find(|(o, _)| o.id == *id) else {
            return Err(AppError::not_found("offering"));
        };
        let service = services
            .iter()
            .find(|s| s.id == model.service_id)
            .ok_or_else(|| AppError::internal("offering without service"))?;
        let figures = allocation
            .as_ref()
            .map(|a| quote(a, model, service))
            .transpose()?;
        offerings.push(ComparedOffering {
            offering_id: *id,
            offering: OfferingOut::from_models(model, provider, ratings.get(&model.id))?,
            service_name: from_json(&service.name)?,
            unit: service.unit,
            methods: from_json(&service.methods)?,
            client_share_per_unit: figures.as_ref().map(|f| f.client_share_per_unit),
            units_affordable: figures.as_ref().map(|f| f.units_affordable),
            covered: figures.as_ref().map(|f| f.covered),
        });
    }
    Ok(Json(CompareOut { offerings }))
}
