//! Purchasers (wellbeing services counties, municipalities) and their staff.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

use crate::{
    auth::{Actor, password},
    db::entities::{purchaser, purchaser_municipality},
    domain::{
        BusinessId, EmailAddress, Municipality,
        catalogue::{PURCHASER_STAFF_ROLES, Role},
        einvoice::{EinvoiceAddress, OperatorId},
        grace::GraceDays,
        ids::{PurchaserId, UserId},
        recording::RecordingDays,
        text::parse_text,
    },
    error::{AppError, AppResult, field},
    routes::{
        common::{ListOut, fetch_page, routing_patch},
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
    users::{self, NewUser},
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PurchaserIn {
    pub name: String,
    pub business_id: String,
    pub municipalities: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PurchaserOut {
    pub id: PurchaserId,
    pub name: String,
    pub business_id: String,
    pub municipalities: Vec<String>,
    /// Deliveries are expected to be recorded within this many days of their date.
    pub recording_days: i32,
    /// Days after an allocation's period during which deliveries dated inside it are still
    /// taken, before the unspent money expires: the default for new decisions.
    pub grace_days: i32,
    /// Where providers' e-invoices to this purchaser go: e-invoice address and operator ID
    /// (public, as on any county's billing instructions).
    pub einvoice_address: Option<String>,
    pub einvoice_operator: Option<String>,
}

pub fn parse_municipalities(name: &str, raw: &[String]) -> AppResult<Vec<Municipality>> {
    if raw.is_empty() {
        return Err(AppError::invalid(
            name,
            "must list at least one municipality code",
        ));
    }
    let parsed: Result<BTreeSet<Municipality>, _> =
        raw.iter().map(|m| Municipality::parse(m)).collect();
    Ok(field(name, parsed)?.into_iter().collect())
}

/// Where the purchaser's area is read (the clients and reports use it too).
pub use crate::clients::area::municipalities_of;

async fn out(
    conn: &impl sea_orm::ConnectionTrait,
    model: purchaser::Model,
) -> AppResult<PurchaserOut> {
    let municipalities = municipalities_of(conn, model.id).await?;
    Ok(PurchaserOut {
        id: model.id.into(),
        name: model.name,
        business_id: model.business_id,
        municipalities,
        recording_days: model.recording_days,
        grace_days: model.grace_days,
        einvoice_address: model.einvoice_address,
        einvoice_operator: model.einvoice_operator,
    })
}

#[utoipa::path(post, path = "/api/v1/purchasers", operation_id = "purchasers_create", tag = "purchasers", request_body = PurchaserIn,
    responses((status = 201, body = PurchaserOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    ApiJson(input): ApiJson<PurchaserIn>,
) -> AppResult<(StatusCode, Json<PurchaserOut>)> {
    actor.require_admin()?;
    let name = field("name", parse_text(&input.name, 200))?;
    let business_id = field("business_id", BusinessId::parse(&input.business_id))?;
    let municipalities = parse_municipalities("municipalities", &input.municipalities)?;
    let tx = state.db.begin_write().await?;
    let id = PurchaserId::new();
    let model = purchaser::ActiveModel {
        id: Set(id.into()),
        name: Set(name),
        business_id: Set(business_id.to_string()),
        payment_terms_days: Set(14),
        recording_days: Set(RecordingDays::DEFAULT.stored()),
        grace_days: Set(GraceDays::NONE.days()),
        einvoice_address: Set(None),
        einvoice_operator: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await
    .map_err(|e| AppError::from_unique(e, "business_id", "is already registered"))?;
    for municipality in &municipalities {
        purchaser_municipality::ActiveModel {
            purchaser_id: Set(id.into()),
            municipality: Set(municipality.to_string()),
        }
        .insert(&*tx)
        .await?;
    }
    let body = out(&*tx, model).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(body)))
}

#[utoipa::path(get, path = "/api/v1/purchasers", operation_id = "purchasers_list", tag = "purchasers", params(PageQuery),
    responses((status = 200, body = ListOut<PurchaserOut>)))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<PurchaserOut>>> {
    let page = query.parse()?;
    let select = purchaser::Entity::find().order_by_asc(purchaser::Column::Name);
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    // The page's municipalities in one query, not one per purchaser.
    let mut areas: HashMap<uuid::Uuid, Vec<String>> = HashMap::new();
    for row in purchaser_municipality::Entity::find()
        .filter(purchaser_municipality::Column::PurchaserId.is_in(models.iter().map(|m| m.id)))
        .order_by_asc(purchaser_municipality::Column::Municipality)
        .all(&state.db.conn)
        .await?
    {
        areas
            .entry(row.purchaser_id)
            .or_default()
            .push(row.municipality);
    }
    let items = models
        .into_iter()
        .map(|model| PurchaserOut {
            municipalities: areas.remove(&model.id).unwrap_or_default(),
            id: model.id.into(),
            name: model.name,
            business_id: model.business_id,
            recording_days: model.recording_days,
            grace_days: model.grace_days,
            einvoice_address: model.einvoice_address,
            einvoice_operator: model.einvoice_operator,
        })
        .collect();
    Ok(Json(ListOut { items, total }))
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}", operation_id = "purchasers_get", tag = "purchasers", params(("pid" = uuid::Uuid, Path, description = "the purchaser")),
    responses((status = 200, body = PurchaserOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    PathId(pid): PathId<PurchaserId>,
) -> AppResult<Json<PurchaserOut>> {
    let model = purchaser::Entity::find_by_id(uuid::Uuid::from(pid))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    Ok(Json(out(&state.db.conn, model).await?))
}

/// Every field optional: what is sent is changed, the rest stays.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct PurchaserPatch {
    /// Days after the delivery date within which deliveries should be recorded, 1–90.
    pub recording_days: Option<i64>,
    /// Grace days for new decisions, 0–365.
    pub grace_days: Option<i64>,
    /// E-invoice address: an OVT code (`003712345671`) or an IBAN; `""` removes it.
    /// Set by finance.
    pub einvoice_address: Option<String>,
    /// E-invoice operator ID, e.g. `003721291126` or `NDEAFIHH`; `""` removes it.
    pub einvoice_operator: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/purchasers/{pid}", operation_id = "purchasers_update", tag = "purchasers", params(("pid" = uuid::Uuid, Path, description = "the purchaser")), request_body = PurchaserPatch,
    responses((status = 200, body = PurchaserOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiJson(input): ApiJson<PurchaserPatch>,
) -> AppResult<Json<PurchaserOut>> {
    // The purchaser's finance or catalogue manager sets its expectations of providers.
    if actor.require_staff(pid, Role::Finance).is_err() {
        actor.require_staff(pid, Role::CatalogueManager)?;
    }
    let recording_days = input
        .recording_days
        .map(|d| field("recording_days", RecordingDays::parse(d)))
        .transpose()?;
    let grace_days = input
        .grace_days
        .map(|d| field("grace_days", GraceDays::parse(d)))
        .transpose()?;
    let einvoice_address = routing_patch(
        "einvoice_address",
        input.einvoice_address.as_deref(),
        EinvoiceAddress::parse,
    )?;
    let einvoice_operator = routing_patch(
        "einvoice_operator",
        input.einvoice_operator.as_deref(),
        OperatorId::parse,
    )?;
    if (einvoice_address.is_some() || einvoice_operator.is_some())
        && actor.require_staff(pid, Role::Finance).is_err()
    {
        // Where invoices go is finance's business.
        return Err(AppError::forbidden(
            "only finance sets the e-invoice address",
        ));
    }
    let tx = state.db.begin_write().await?;
    let model = purchaser::Entity::find_by_id(uuid::Uuid::from(pid))
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    // An empty patch changes nothing (and an update with no column set would be refused).
    let changes = recording_days.is_some()
        || grace_days.is_some()
        || einvoice_address.is_some()
        || einvoice_operator.is_some();
    let before = model.clone();
    let updated = if changes {
        let mut active = model.into_active_model();
        if let Some(days) = recording_days {
            active.recording_days = Set(days.stored());
        }
        if let Some(days) = grace_days {
            active.grace_days = Set(days.days());
        }
        if let Some(address) = einvoice_address {
            active.einvoice_address = Set(address);
        }
        if let Some(operator) = einvoice_operator {
            active.einvoice_operator = Set(operator);
        }
        active.update(&*tx).await?
    } else {
        model
    };
    crate::settlement::routing::record_change(
        &*tx,
        &actor,
        ("purchaser", updated.id),
        (&before.einvoice_address, &before.einvoice_operator),
        (&updated.einvoice_address, &updated.einvoice_operator),
    )
    .await?;
    let body = out(&*tx, updated).await?;
    tx.commit().await?;
    Ok(Json(body))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct StaffIn {
    pub email: String,
    pub password: String,
    pub name: String,
    pub roles: Vec<Role>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StaffOut {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub purchaser_id: PurchaserId,
}

#[utoipa::path(post, path = "/api/v1/purchasers/{pid}/staff", tag = "purchasers", params(("pid" = uuid::Uuid, Path, description = "the purchaser")), request_body = StaffIn,
    responses((status = 201, body = StaffOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create_staff(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiJson(input): ApiJson<StaffIn>,
) -> AppResult<(StatusCode, Json<StaffOut>)> {
    actor.require_admin()?;
    purchaser::Entity::find_by_id(uuid::Uuid::from(pid))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let email = field("email", EmailAddress::parse(&input.email))?;
    let name = field("name", parse_text(&input.name, 200))?;
    password::check_strength(&input.password)?;
    if input.roles.is_empty()
        || input
            .roles
            .iter()
            .any(|r| !PURCHASER_STAFF_ROLES.contains(r))
    {
        return Err(AppError::invalid(
            "roles",
            "must list one or more of catalogue_manager, case_worker, finance, moderator",
        ));
    }
    let mut roles = input.roles.clone();
    roles.sort();
    roles.dedup();
    let hash = password::hash(&input.password).await?;
    let new = NewUser {
        email: Some(email),
        password_hash: Some(hash),
        name,
        roles: roles.clone(),
        purchaser: Some(pid),
        provider: None,
        client: None,
    };
    let user = users::insert(&state.db.conn, new).await?;
    Ok((
        StatusCode::CREATED,
        Json(StaffOut {
            id: user.id.into(),
            email: user.email.unwrap_or_default(),
            name: user.name,
            roles,
            purchaser_id: pid,
        }),
    ))
}
