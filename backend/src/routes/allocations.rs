//! Allocations (decisions that grant money), their balance, ledger and reconciliation.
use axum::{Json, extract::State, http::StatusCode};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    allocations::grant::{self, GrantInput},
    allocations::view::VoucherBasisOut,
    auth::{ActingFor, Actor},
    catalogue,
    db::entities::allocation,
    domain::{
        Money,
        catalogue::FundingKind,
        ids::{AllocationId, ClientId, CommitmentId, DeliveryId, ServiceId},
    },
    error::{AppResult, field},
    ledger::{self, Reconciliation},
    routes::{
        common::ListOut,
        extract::{ApiJson, ApiQuery, DecimalText, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AllocationIn {
    pub kind: FundingKind,
    pub granted: DecimalText,
    pub valid_from: String,
    pub valid_to: String,
    #[serde(default)]
    pub service_ids: Vec<ServiceId>,
    pub voucher_value: Option<DecimalText>,
    /// Days after `valid_to` during which deliveries dated inside the period are still
    /// taken (0–365); the purchaser's default when left out.
    pub grace_days: Option<i64>,
    /// Instead of `voucher_value`, for a service with an income rule: the household's
    /// size and monthly income, from which the value is computed.
    pub household_size: Option<i64>,
    pub monthly_income: Option<DecimalText>,
}

pub use crate::allocations::view::AllocationOut;

pub fn parse_date(name: &str, text: &str) -> AppResult<NaiveDate> {
    field(name, crate::domain::day::parse_day(text))
}

#[utoipa::path(post, path = "/api/v1/clients/{cid}/allocations", operation_id = "allocations_create", tag = "allocations", params(("cid" = uuid::Uuid, Path, description = "the client")), request_body = AllocationIn,
    responses((status = 201, body = AllocationOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
    ApiJson(input): ApiJson<AllocationIn>,
) -> AppResult<(StatusCode, Json<AllocationOut>)> {
    let typed = GrantInput {
        kind: input.kind,
        granted: &input.granted.0,
        valid_from: &input.valid_from,
        valid_to: &input.valid_to,
        service_ids: input.service_ids.clone(),
        voucher_value: input.voucher_value.as_ref().map(|v| v.0.as_str()),
        grace_days: input.grace_days,
        household_size: input.household_size,
        monthly_income: input.monthly_income.as_ref().map(|v| v.0.as_str()),
    };
    let new = grant::prepare(&state.db.conn, &actor, cid, &typed).await?;
    let basis = new.income.as_ref().map(VoucherBasisOut::of);
    let model = grant::grant(&state.db, &actor, new).await?;
    let mut out = AllocationOut::from_model(&model)?;
    out.voucher_basis = basis;
    Ok((StatusCode::CREATED, Json(out)))
}

/// Loads an allocation the actor may see and audits the read ([`crate::allocations`]).
pub async fn load_visible(
    state: &AppState,
    actor: &Actor,
    id: AllocationId,
    action: &str,
) -> AppResult<(allocation::Model, ActingFor)> {
    crate::allocations::load_visible(&state.db.conn, actor, id, action).await
}

#[utoipa::path(get, path = "/api/v1/allocations/{id}", operation_id = "allocations_get", tag = "allocations", params(("id" = uuid::Uuid, Path, description = "the allocation")),
    responses((status = 200, body = AllocationOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<AllocationId>,
) -> AppResult<Json<AllocationOut>> {
    let (model, acting) = load_visible(&state, &actor, id, "allocation_read").await?;
    let mut out = AllocationOut::from_model(&model)?;
    let mut bases = catalogue::income::read(
        &state.db.conn,
        &actor,
        Some(acting),
        &[(model.id, model.client_id)],
    )
    .await?;
    out.voucher_basis = bases.remove(&model.id).as_ref().map(VoucherBasisOut::of);
    Ok(Json(out))
}

#[utoipa::path(get, path = "/api/v1/clients/{cid}/allocations", operation_id = "allocations_list_for_client", tag = "allocations", params(("cid" = uuid::Uuid, Path, description = "the client"), PageQuery),
    responses((status = 200, body = ListOut<AllocationOut>)))]
pub async fn list_for_client(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<AllocationOut>>> {
    let page = query.parse()?;
    let listed =
        crate::allocations::read::for_client(&state.db.conn, &actor, cid, Some(page)).await?;
    let items = listed
        .items
        .iter()
        .map(AllocationOut::from_model)
        .collect::<AppResult<_>>()?;
    Ok(Json(ListOut {
        items,
        total: listed.total,
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct LedgerEntryOut {
    pub seq: i32,
    pub kind: String,
    /// Signed change to each part of the balance.
    pub available: Money,
    pub reserved: Money,
    pub spent: Money,
    pub expired: Money,
    pub commitment_id: Option<CommitmentId>,
    pub delivery_id: Option<DeliveryId>,
    pub created_at: chrono::DateTime<Utc>,
}

#[utoipa::path(get, path = "/api/v1/allocations/{id}/ledger", tag = "allocations", params(("id" = uuid::Uuid, Path, description = "the allocation"), PageQuery),
    responses((status = 200, body = ListOut<LedgerEntryOut>)))]
pub async fn ledger_entries(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<AllocationId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<LedgerEntryOut>>> {
    let page = query.parse()?;
    let listed =
        crate::allocations::read::ledger_of(&state.db.conn, &actor, id, Some(page)).await?;
    let total = listed.total;
    let items = listed
        .items
        .into_iter()
        .map(|e| LedgerEntryOut {
            seq: e.seq,
            kind: e.kind.to_string(),
            available: e.available_delta,
            reserved: e.reserved_delta,
            spent: e.spent_delta,
            expired: e.expired_delta,
            commitment_id: e.commitment_id,
            delivery_id: e.delivery_id,
            created_at: e.created_at,
        })
        .collect();
    Ok(Json(ListOut { items, total }))
}

#[utoipa::path(get, path = "/api/v1/allocations/{id}/reconciliation", operation_id = "allocations_reconciliation", tag = "allocations", params(("id" = uuid::Uuid, Path, description = "the allocation")),
    responses((status = 200, body = Reconciliation), (status = 404, body = crate::error::ErrorBody)))]
pub async fn reconciliation(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<AllocationId>,
) -> AppResult<Json<Reconciliation>> {
    load_visible(&state, &actor, id, "reconciliation_read").await?;
    Ok(Json(ledger::reconcile(&state.db.conn, id).await?))
}
