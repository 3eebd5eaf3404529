//! Deliveries: recorded by the provider (idempotent by its reference), voided before
//! settlement, disputed by the client side.
use axum::{Json, extract::State, http::StatusCode};
use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    audit,
    auth::{ActingFor, Actor, access},
    db::entities::{allocation, commitment, delivery},
    domain::{
        Money, Quantity,
        catalogue::DeliveryStatus,
        ids::{CommitmentId, DeliveryId},
        text::parse_text,
        today_in_finland,
    },
    error::{AppError, AppResult, field},
    ledger::{
        Balance,
        deliveries::{self, NewDelivery, Recorded},
    },
    routes::{
        allocations::{load_visible, parse_date},
        common::{ListOut, fetch_page},
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
    #[schema(value_type = String)]
    pub quantity: Quantity,
    #[schema(value_type = String)]
    pub unit_price: Money,
    #[schema(value_type = String)]
    pub total: Money,
    #[schema(value_type = String)]
    pub purchaser_share: Money,
    /// The client's own share: paid by the client to the provider, never from the balance.
    #[schema(value_type = String)]
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
        Ok(DeliveryOut {
            id: model.id.into(),
            commitment_id: model.commitment_id.into(),
            date: model.date,
            quantity: Quantity::from_milli(model.quantity_milli),
            unit_price: Money::from_cents(model.unit_price_cents),
            total: Money::from_cents(model.total_cents),
            purchaser_share: Money::from_cents(model.purchaser_share_cents),
            client_share: Money::from_cents(model.client_share_cents),
            reference: model.reference.clone(),
            status: model.status.parse().map_err(AppError::internal)?,
            created_at: model.created_at,
            dispute_until: crate::ledger::disputes::last_day(model),
            void_reason: model.void_reason.clone(),
            corrects: model.corrects.map(Into::into),
            balance: Balance::of(allocation),
        })
    }
}

fn parse_reference(raw: &str) -> AppResult<String> {
    field("reference", parse_text(raw, 100))
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
    let commitment = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    actor.require_provider(commitment.provider_id.into(), "commitment")?;
    let date = parse_date("date", &input.date)?;
    let new = NewDelivery {
        commitment: id,
        date,
        quantity: field("quantity", Quantity::parse(&input.quantity.0))?,
        unit_price: field("unit_price", Money::parse_positive(&input.unit_price.0))?,
        reference: parse_reference(&input.reference)?,
    };
    let outcome = deliveries::record(&state.db, commitment.provider_id.into(), new, &actor).await?;
    let (status, model, allocation) = match outcome {
        Recorded::Created(d, a) => (StatusCode::CREATED, d, a),
        Recorded::Repeated(d, a) => (StatusCode::OK, d, a),
    };
    metrics::counter!("valinta_deliveries_recorded_total", "outcome" => if status == StatusCode::CREATED { "created" } else { "repeated" }).increment(1);
    Ok((status, Json(DeliveryOut::from_models(&model, &allocation)?)))
}

/// A delivery, with the actor's standing towards it: its provider (`None`) or the
/// client side / case worker (`Some`). Anyone else: 404.
async fn visible(
    state: &AppState,
    actor: &Actor,
    id: DeliveryId,
) -> AppResult<(delivery::Model, allocation::Model, Option<ActingFor>)> {
    let conn = &state.db.conn;
    let model = delivery::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("delivery"))?;
    let acting = if actor.provider_id.map(uuid::Uuid::from) == Some(model.provider_id) {
        None
    } else {
        let (_, acting) = access::load_client(conn, actor, model.client_id.into())
            .await
            .map_err(|_| AppError::not_found("delivery"))?;
        Some(acting)
    };
    let allocation = allocation::Entity::find_by_id(model.allocation_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("delivery without allocation"))?;
    Ok((model, allocation, acting))
}

#[utoipa::path(get, path = "/api/v1/deliveries/{id}", operation_id = "deliveries_get", tag = "deliveries", params(("id" = uuid::Uuid, Path, description = "the delivery")),
    responses((status = 200, body = DeliveryOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DeliveryId>,
) -> AppResult<Json<DeliveryOut>> {
    let (model, allocation, acting) = visible(&state, &actor, id).await?;
    audit::record_read(
        &state.db.conn,
        &actor,
        acting,
        "delivery_read",
        "delivery",
        model.id,
        model.client_id.into(),
    )
    .await?;
    Ok(Json(DeliveryOut::from_models(&model, &allocation)?))
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
    field("reason", parse_text(&input.reason, 2000))
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
    Ok(Json(void_for(&state, &actor, id, reason).await?))
}

/// Voids the provider's own delivery for a reason (the portal's form comes here too).
pub async fn void_for(
    state: &AppState,
    actor: &Actor,
    id: DeliveryId,
    reason: AppResult<String>,
) -> AppResult<DeliveryOut> {
    let (model, _, acting) = visible(state, actor, id).await?;
    if acting.is_some() {
        return Err(AppError::forbidden(
            "only the provider may void its delivery; the client may dispute it",
        ));
    }
    actor.require_provider(model.provider_id.into(), "delivery")?;
    let (updated, allocation) = deliveries::void(&state.db, id, reason?, actor).await?;
    DeliveryOut::from_models(&updated, &allocation)
}

/// The void reason typed in the portal's form.
pub fn parse_void_reason(raw: &str) -> AppResult<String> {
    field("reason", parse_text(raw, 2000))
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
    let (model, _, acting) = visible(&state, &actor, id).await?;
    if !acting.is_some_and(ActingFor::is_client_side) {
        return Err(AppError::forbidden(
            "only the client or their proxy may dispute a delivery",
        ));
    }
    let reason = field("reason", parse_text(&input.reason, 2000))?;
    let created =
        crate::ledger::disputes::open(&state.db, &model, reason, today_in_finland(), &actor)
            .await?;
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
    let conn = &state.db.conn;
    let commitment = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    if actor.provider_id.map(uuid::Uuid::from) != Some(commitment.provider_id) {
        // The client side and case workers see the deliveries; the read is audited.
        load_visible(
            &state,
            &actor,
            commitment.allocation_id.into(),
            "deliveries_listed",
        )
        .await
        .map_err(|_| AppError::not_found("commitment"))?;
    }
    let allocation = allocation::Entity::find_by_id(commitment.allocation_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("commitment without allocation"))?;
    let select = delivery::Entity::find()
        .filter(delivery::Column::CommitmentId.eq(commitment.id))
        .order_by_desc(delivery::Column::Date)
        .order_by_desc(delivery::Column::CreatedAt);
    let (models, total) = fetch_page(conn, select, page).await?;
    if actor.provider_id.map(uuid::Uuid::from) == Some(commitment.provider_id) {
        // The provider's read of the client's deliveries (the client side's is above).
        audit::record_list(
            &state.db,
            &actor,
            "deliveries_listed",
            "delivery",
            models.iter().map(|d| (d.id, d.client_id.into())),
        )
        .await?;
    }
    let items = models
        .iter()
        .map(|d| DeliveryOut::from_models(d, &allocation))
        .collect::<AppResult<_>>()?;
    Ok(Json(ListOut { items, total }))
}
