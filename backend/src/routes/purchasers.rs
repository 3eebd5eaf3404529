//! Purchasers (wellbeing services counties, municipalities) and their staff.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::{
    auth::{Actor, password},
    db::entities::{purchaser, purchaser_municipality},
    domain::{
        BusinessId, EmailAddress,
        catalogue::{PURCHASER_STAFF_ROLES, Role},
        grace::GraceDays,
        ids::{PurchaserId, UserId},
        recording::RecordingDays,
        text::parse_text,
    },
    error::{AppError, AppResult, field},
    routes::{
        common::{ListOut, fetch_page},
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

pub use crate::purchasers::{PurchaserOut, PurchaserPatch, view::out};

pub use crate::clients::area::parse_municipalities;

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
        id: Set(id),
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
            purchaser_id: Set(id),
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
    let mut areas: HashMap<PurchaserId, Vec<String>> = HashMap::new();
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
            id: model.id,
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
    Ok(Json(
        crate::purchasers::view::one(&state.db.conn, pid).await?,
    ))
}

#[utoipa::path(patch, path = "/api/v1/purchasers/{pid}", operation_id = "purchasers_update", tag = "purchasers", params(("pid" = uuid::Uuid, Path, description = "the purchaser")), request_body = PurchaserPatch,
    responses((status = 200, body = PurchaserOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiJson(input): ApiJson<PurchaserPatch>,
) -> AppResult<Json<PurchaserOut>> {
    let updated = crate::purchasers::settings::update(&state.db, &actor, pid, input).await?;
    Ok(Json(updated))
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
    purchaser::Entity::find_by_id(pid)
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
            id: user.id,
            email: user.email.unwrap_or_default(),
            name: user.name,
            roles,
            purchaser_id: pid,
        }),
    ))
}
