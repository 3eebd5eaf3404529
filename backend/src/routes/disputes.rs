//! Disputes: the provider gives its account, a case worker of the client's purchaser upholds
//! (in whole or in part) or rejects, and everyone involved can read where a dispute stands.
use axum::{Json, extract::State};
use chrono::Utc;
use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor, access},
    db::entities::{client, delivery, dispute, provider},
    domain::{
        Money, Quantity,
        catalogue::{DisputeStatus, Role},
        ids::{ClientId, DeliveryId, DisputeId, PurchaserId},
        text::{parse_optional_text, parse_text},
    },
    error::{AppError, AppResult, field},
    ledger::{self, disputes::Outcome},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiJson, ApiQuery, DecimalText, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct DisputeOut {
    pub id: DisputeId,
    pub delivery_id: DeliveryId,
    pub status: DisputeStatus,
    pub reason: String,
    pub decision_reason: Option<String>,
    /// The provider's account of the matter, given before the decision.
    pub provider_account: Option<String>,
    pub provider_account_at: Option<chrono::DateTime<Utc>>,
    /// For `partly_upheld`: the quantity the case worker found delivered.
    #[schema(value_type = Option<String>)]
    pub corrected_quantity: Option<Quantity>,
    pub created_at: chrono::DateTime<Utc>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
}

impl DisputeOut {
    pub fn from_model(model: &dispute::Model) -> AppResult<Self> {
        Ok(DisputeOut {
            id: model.id.into(),
            delivery_id: model.delivery_id.into(),
            status: model.status.parse().map_err(AppError::internal)?,
            reason: model.reason.clone(),
            decision_reason: model.decision_reason.clone(),
            provider_account: model.provider_account.clone(),
            provider_account_at: model.provider_account_at,
            corrected_quantity: model.corrected_quantity_milli.map(Quantity::from_milli),
            created_at: model.created_at,
            decided_at: model.decided_at,
        })
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DisputeDecisionIn {
    pub uphold: bool,
    pub reason: Option<String>,
    /// With `uphold`: the quantity actually delivered, less than the recorded one. Only the
    /// difference is returned to the balance. Left out (or 0): the whole delivery.
    pub quantity: Option<DecimalText>,
}

/// What the case worker's answer means.
fn outcome_of(input: &DisputeDecisionIn) -> AppResult<Outcome> {
    match (input.uphold, &input.quantity) {
        (false, Some(_)) => Err(AppError::invalid(
            "quantity",
            "goes only with uphold: the quantity found delivered",
        )),
        (false, None) => Ok(Outcome::Rejected),
        (true, None) => Ok(Outcome::Upheld),
        (true, Some(raw)) => {
            let found = field("quantity", Quantity::parse_non_negative(&raw.0))?;
            Ok(if found.milli() == 0 {
                Outcome::Upheld
            } else {
                Outcome::UpheldInPart(found)
            })
        }
    }
}

#[utoipa::path(post, path = "/api/v1/disputes/{id}/decision", operation_id = "disputes_decide", tag = "disputes", params(("id" = uuid::Uuid, Path, description = "the dispute")), request_body = DisputeDecisionIn,
    responses((status = 200, body = DisputeOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
    ApiJson(input): ApiJson<DisputeDecisionIn>,
) -> AppResult<Json<DisputeOut>> {
    let model = dispute::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("dispute"))?;
    let (_, acting) = access::load_client(&state.db.conn, &actor, model.client_id.into())
        .await
        .map_err(|_| AppError::not_found("dispute"))?;
    if acting != ActingFor::CaseWorker {
        return Err(AppError::forbidden(
            "a case worker of the purchaser decides disputes",
        ));
    }
    let reason = field("reason", parse_optional_text(input.reason.as_deref(), 2000))?;
    let outcome = outcome_of(&input)?;
    let decided = ledger::disputes::decide(&state.db, id, outcome, reason, &actor).await?;
    Ok(Json(DisputeOut::from_model(&decided)?))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProviderAccountIn {
    /// The provider's account of what was delivered; the case worker and the client see it.
    pub text: String,
}

#[utoipa::path(post, path = "/api/v1/disputes/{id}/provider-account", tag = "disputes",
    params(("id" = uuid::Uuid, Path, description = "the dispute")),
    request_body = ProviderAccountIn,
    responses((status = 200, body = DisputeOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn provider_account(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
    ApiJson(input): ApiJson<ProviderAccountIn>,
) -> AppResult<Json<DisputeOut>> {
    let Some(provider) = actor.provider_id else {
        return Err(AppError::forbidden(
            "the provider of the disputed delivery gives its account",
        ));
    };
    let text = field("text", parse_text(&input.text, 4000))?;
    let updated =
        ledger::disputes::add_provider_account(&state.db, id, provider, text, &actor).await?;
    Ok(Json(DisputeOut::from_model(&updated)?))
}

#[utoipa::path(get, path = "/api/v1/disputes/{id}", operation_id = "disputes_get", tag = "disputes", params(("id" = uuid::Uuid, Path, description = "the dispute")),
    responses((status = 200, body = DisputeOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
) -> AppResult<Json<DisputeOut>> {
    let model = dispute::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("dispute"))?;
    let (_, acting) = access::load_client(&state.db.conn, &actor, model.client_id.into())
        .await
        .map_err(|_| AppError::not_found("dispute"))?;
    audit::record_read(
        &state.db.conn,
        &actor,
        Some(acting),
        "dispute_read",
        "dispute",
        model.id,
        model.client_id.into(),
    )
    .await?;
    Ok(Json(DisputeOut::from_model(&model)?))
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DisputeListQuery {
    /// open, upheld or rejected; all when left out.
    pub status: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DisputeRowOut {
    #[serde(flatten)]
    pub dispute: DisputeOut,
    pub client_id: ClientId,
    pub client_name: String,
    pub delivery_date: chrono::NaiveDate,
    #[schema(value_type = String)]
    pub delivery_total: Money,
    pub provider_name: String,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/disputes", operation_id = "disputes_list_for_purchaser", tag = "disputes", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), DisputeListQuery),
    responses((status = 200, body = ListOut<DisputeRowOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn list_for_purchaser(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<DisputeListQuery>,
) -> AppResult<Json<ListOut<DisputeRowOut>>> {
    actor.require_staff(pid, Role::CaseWorker)?;
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let mut select = dispute::Entity::find()
        .filter(
            dispute::Column::ClientId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(client::Column::Id)
                    .from(client::Entity)
                    .and_where(client::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
                    .to_owned(),
            ),
        )
        .order_by_desc(dispute::Column::CreatedAt);
    if let Some(status) = query.status.as_deref().filter(|s| !s.is_empty()) {
        let status: DisputeStatus = status
            .parse()
            .map_err(|_| AppError::bad_parameter("status", "must be open, upheld or rejected"))?;
        select = select.filter(dispute::Column::Status.eq(status.to_string()));
    }
    let conn = &state.db.conn;
    let (models, total) = fetch_page(conn, select, page).await?;
    audit::record_list(
        &state.db,
        &actor,
        "disputes_listed",
        "dispute",
        models.iter().map(|d| (d.id, d.client_id.into())),
    )
    .await?;
    let clients: HashMap<uuid::Uuid, client::Model> = client::Entity::find()
        .filter(client::Column::Id.is_in(models.iter().map(|d| d.client_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let deliveries: HashMap<uuid::Uuid, delivery::Model> = delivery::Entity::find()
        .filter(delivery::Column::Id.is_in(models.iter().map(|d| d.delivery_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let providers: HashMap<uuid::Uuid, String> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(deliveries.values().map(|d| d.provider_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut items = Vec::with_capacity(models.len());
    for m in &models {
        let (Some(c), Some(d)) = (clients.get(&m.client_id), deliveries.get(&m.delivery_id)) else {
            return Err(AppError::internal("dispute without client or delivery"));
        };
        items.push(DisputeRowOut {
            dispute: DisputeOut::from_model(m)?,
            client_id: c.id.into(),
            client_name: c.name.clone(),
            delivery_date: d.date,
            delivery_total: Money::from_cents(d.total_cents),
            provider_name: providers.get(&d.provider_id).cloned().unwrap_or_default(),
        });
    }
    audit::record(
        conn,
        Some(&actor),
        Some(ActingFor::CaseWorker),
        AuditEvent {
            action: "disputes_listed",
            subject_type: "purchaser",
            subject_id: pid.to_string(),
            client: None,
            detail: Some(serde_json::json!({"clients": items.iter().map(|i| i.client_id.to_string()).collect::<Vec<_>>()})),
        },
    )
    .await?;
    Ok(Json(ListOut { items, total }))
}
