//! Deliveries: recorded by the provider (idempotent by its reference), voided before
//! settlement, disputed by the client side.
use axum::{Json, extract::State, http::StatusCode};
use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::entities::{allocation, delivery},
    deliveries::Delivery,
    domain::{
        Money, Quantity,
        catalogue::DeliveryStatus,
        ids::{AllocationId, CommitmentId, DeliveryId},
    },
    error::{AppError, AppResult},
    ledger::{Balance, deliveries::Recorded},
    routes::{
        common::ListOut,
        disputes::DisputeOut,
        extract::{ApiJson, ApiQuery, DecimalText, PageQuery, PathId, parse_json},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DeliveryIn {
    pub date: String,
    pub quantity: DecimalText,
    pub unit_price: DecimalText,
    /// The provider's own reference: unique per provider, makes resending safe.
    pub reference: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DeliveryOut {
    pub id: DeliveryId,
    pub commitment_id: CommitmentId,
    pub date: NaiveDate,
    pub quantity: Quantity,
    pub unit_price: Money,
    pub total: Money,
    pub purchaser_share: Money,
    /// The client's own share: paid by the client to the provider, never from the balance.
    pub client_share: Money,
    pub reference: String,
    pub status: DeliveryStatus,
    pub created_at: chrono::DateTime<Utc>,
    /// The last day the client may dispute it: 14 days from the later of its date and the
    /// day it was recorded.
    pub dispute_until: NaiveDate,
    /// Why the provider voided it (status `voided`).
    pub void_reason: Option<String>,
    /// The delivery this one corrects (recorded when a dispute was upheld in part).
    pub corrects: Option<DeliveryId>,
    /// The allocation's balance now.
    pub balance: Balance,
}

impl DeliveryOut {
    pub fn from_models(model: &delivery::Model, allocation: &allocation::Model) -> AppResult<Self> {
        Ok(DeliveryOut::of(
            Delivery::from_model(model)?,
            Balance::of(allocation),
        ))
    }

    /// A delivery as the API shows it, with its allocation's balance now.
    pub fn of(d: Delivery, balance: Balance) -> Self {
        DeliveryOut {
            id: d.id,
            commitment_id: d.commitment_id,
            date: d.date,
            quantity: d.quantity,
            unit_price: d.unit_price,
            total: d.total,
            purchaser_share: d.purchaser_share,
            client_share: d.client_share,
            reference: d.reference,
            status: d.status,
            created_at: d.created_at,
            dispute_until: d.dispute_until,
            void_reason: d.void_reason,
            corrects: d.corrects,
            balance,
        }
    }
}

/// Deliveries as the API lists them, each with its allocation's balance now (the
/// allocations read in one query).
pub async fn with_balances(
    conn: &sea_orm::DatabaseConnection,
    listed: Vec<Delivery>,
) -> AppResult<Vec<DeliveryOut>> {
    let ids: Vec<AllocationId> = listed.iter().map(|d| d.allocation_id).collect();
    let balances: std::collections::HashMap<AllocationId, Balance> = allocation::Entity::find()
        .filter(allocation::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .iter()
        .map(|a| (a.id, Balance::of(a)))
        .collect();
    listed
        .into_iter()
        .map(|d| {
            let balance = *balances
                .get(&d.allocation_id)
                .ok_or_else(|| AppError::internal("delivery without allocation"))?;
            Ok(DeliveryOut::of(d, balance))
        })
        .collect()
}

#[utoipa::path(post, path = "/api/v1/commitments/{id}/deliveries", tag = "deliveries", params(("id" = uuid::Uuid, Path, description = "the commitment")), request_body = DeliveryIn,
    responses((status = 201, body = DeliveryOut), (status = 200, description = "the same delivery sent again", body = DeliveryOut),
        (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn record(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
    ApiJson(input): ApiJson<DeliveryIn>,
) -> AppResult<(StatusCode, Json<DeliveryOut>)> {
    let text = crate::deliveries::record::DeliveryText {
        date: &input.date,
        quantity: &input.quantity.0,
        unit_price: &input.unit_price.0,
        reference: &input.reference,
    };
    let outcome = crate::deliveries::record::record(&state.db, &actor, id, &text).await?;
    let (status, model, allocation) = match outcome {
        Recorded::Created(d, a) => (StatusCode::CREATED, d, a),
        Recorded::Repeated(d, a) => (StatusCode::OK, d, a),
    };
    metrics::counter!("valinta_deliveries_recorded_total", "outcome" => if status == StatusCode::CREATED { "created" } else { "repeated" }).increment(1);
    Ok((status, Json(DeliveryOut::from_models(&model, &allocation)?)))
}

#[utoipa::path(get, path = "/api/v1/deliveries/{id}", operation_id = "deliveries_get", tag = "deliveries", params(("id" = uuid::Uuid, Path, description = "the delivery")),
    responses((status = 200, body = DeliveryOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DeliveryId>,
) -> AppResult<Json<DeliveryOut>> {
    let found = crate::deliveries::act::find(&state.db, &actor, id).await?;
    Ok(Json(DeliveryOut::of(found.delivery, found.balance)))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct VoidIn {
    /// Why the delivery is voided; the client sees it beside the voided row.
    pub reason: String,
}

/// The reason is required; a request without a body is told so (422 naming `reason`).
fn parse_void(body: &[u8]) -> AppResult<String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::invalid(
            "reason",
            "is required: say why the delivery is voided (the client will see it)",
        ));
    }
    let input: VoidIn = parse_json(body)?;
    crate::deliveries::act::parse_reason(&input.reason)
}

#[utoipa::path(post, path = "/api/v1/deliveries/{id}/void", tag = "deliveries", params(("id" = uuid::Uuid, Path, description = "the delivery")), request_body = VoidIn,
    responses((status = 200, body = DeliveryOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn void(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DeliveryId>,
    body: axum::body::Bytes,
) -> AppResult<Json<DeliveryOut>> {
    let reason = parse_void(&body);
    let voided = crate::deliveries::act::void(&state.db, &actor, id, reason).await?;
    Ok(Json(DeliveryOut::of(voided.delivery, voided.balance)))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DisputeIn {
    pub reason: String,
}

#[utoipa::path(post, path = "/api/v1/deliveries/{id}/dispute", tag = "disputes", params(("id" = uuid::Uuid, Path, description = "the delivery")), request_body = DisputeIn,
    responses((status = 201, body = DisputeOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn dispute(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DeliveryId>,
    ApiJson(input): ApiJson<DisputeIn>,
) -> AppResult<(StatusCode, Json<DisputeOut>)> {
    let created = crate::deliveries::act::dispute(&state.db, &actor, id, &input.reason).await?;
    Ok((StatusCode::CREATED, Json(DisputeOut::from_model(&created)?)))
}

#[utoipa::path(get, path = "/api/v1/commitments/{id}/deliveries", tag = "deliveries", params(("id" = uuid::Uuid, Path, description = "the commitment"), PageQuery),
    responses((status = 200, body = ListOut<DeliveryOut>), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list_for_commitment(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<DeliveryOut>>> {
    let page = query.parse()?;
    let listed = crate::deliveries::read::for_commitment(&state.db, &actor, id, Some(page)).await?;
    Ok(Json(ListOut {
        items: with_balances(&state.db.conn, listed.items).await?,
        total: listed.total,
    }))
}
