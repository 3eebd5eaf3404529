//! The purchaser's service catalogue: what may be bought, in which unit, how it is
//! settled, and the voucher value and price cap.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::entities::{purchaser, service},
    domain::{
        LocalizedText, Money,
        catalogue::{Method, Role, Unit},
        ids::{PurchaserId, ServiceId},
        text::parse_text,
        vat::VatRate,
    },
    error::{AppError, AppResult, field},
    routes::{
        common::{ListOut, fetch_page, from_json, to_json},
        extract::{ApiJson, ApiQuery, DecimalText, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ServiceIn {
    pub code: String,
    pub name: LocalizedText,
    pub unit: Unit,
    pub social_care: bool,
    pub methods: Vec<Method>,
    pub voucher_value: Option<DecimalText>,
    pub price_cap: Option<DecimalText>,
    /// VAT in percent, e.g. "25.5". Social-care services are VAT-exempt and leave it out
    /// (or send 0); any other service must state the rate in force for it.
    pub vat_rate: Option<DecimalText>,
    #[serde(default)]
    pub rulebook: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ServiceOut {
    pub id: ServiceId,
    pub purchaser_id: PurchaserId,
    pub code: String,
    pub name: LocalizedText,
    pub unit: Unit,
    pub social_care: bool,
    pub methods: Vec<Method>,
    #[schema(value_type = Option<String>)]
    pub voucher_value: Option<Money>,
    #[schema(value_type = Option<String>)]
    pub price_cap: Option<Money>,
    /// VAT in percent ("0" for exempt social care).
    pub vat_rate: String,
    pub rulebook: Vec<String>,
}

impl ServiceOut {
    pub fn from_model(model: &service::Model) -> AppResult<Self> {
        Ok(ServiceOut {
            id: model.id.into(),
            purchaser_id: model.purchaser_id.into(),
            code: model.code.clone(),
            name: from_json(&model.name)?,
            unit: model.unit.parse().map_err(AppError::internal)?,
            social_care: model.social_care,
            methods: from_json(&model.methods)?,
            voucher_value: model.voucher_value_cents.map(Money::from_cents),
            price_cap: model.price_cap_cents.map(Money::from_cents),
            vat_rate: VatRate::from_basis_points(model.vat_basis_points)
                .percent()
                .to_string(),
            rulebook: from_json(&model.rulebook)?,
        })
    }
}

fn optional_money(name: &str, value: &Option<DecimalText>) -> AppResult<Option<Money>> {
    value
        .as_ref()
        .map(|v| field(name, Money::parse_positive(&v.0)))
        .transpose()
}

#[utoipa::path(post, path = "/api/v1/purchasers/{pid}/services", tag = "catalogue", request_body = ServiceIn,
    responses((status = 201, body = ServiceOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiJson(input): ApiJson<ServiceIn>,
) -> AppResult<(StatusCode, Json<ServiceOut>)> {
    actor.require_staff(pid, Role::CatalogueManager)?;
    let code = field("code", parse_text(&input.code, 50))?;
    let name = field("name", LocalizedText::parse(input.name, 200))?;
    let mut methods = input.methods.clone();
    methods.sort();
    methods.dedup();
    if methods.is_empty() {
        return Err(AppError::invalid(
            "methods",
            format!("must list at least one of {}", Method::allowed()),
        ));
    }
    let voucher_value = optional_money("voucher_value", &input.voucher_value)?;
    let price_cap = optional_money("price_cap", &input.price_cap)?;
    if voucher_value.is_some() && !methods.contains(&Method::Voucher) {
        return Err(AppError::invalid(
            "voucher_value",
            "is only for services settled by voucher",
        ));
    }
    let vat_rate = field(
        "vat_rate",
        VatRate::for_service(
            input.social_care,
            input.vat_rate.as_ref().map(|v| v.0.as_str()),
        ),
    )?;
    let rulebook: Result<Vec<String>, _> =
        input.rulebook.iter().map(|r| parse_text(r, 2000)).collect();
    let rulebook = field("rulebook", rulebook)?;
    let tx = state.db.begin_write().await?;
    purchaser::Entity::find_by_id(uuid::Uuid::from(pid))
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let exists = service::Entity::find()
        .filter(service::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .filter(service::Column::Code.eq(code.as_str()))
        .count(&*tx)
        .await?;
    if exists > 0 {
        return Err(
            AppError::conflict("duplicate", "code is already in this catalogue")
                .with_field("code", "is already in this catalogue"),
        );
    }
    let model = service::ActiveModel {
        id: Set(ServiceId::new().into()),
        purchaser_id: Set(pid.into()),
        code: Set(code),
        name: Set(to_json(&name)?),
        unit: Set(input.unit.to_string()),
        social_care: Set(input.social_care),
        methods: Set(to_json(&methods)?),
        voucher_value_cents: Set(voucher_value.map(Money::cents)),
        price_cap_cents: Set(price_cap.map(Money::cents)),
        rulebook: Set(to_json(&rulebook)?),
        vat_basis_points: Set(vat_rate.basis_points()),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(ServiceOut::from_model(&model)?)))
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/services", tag = "catalogue", params(PageQuery),
    responses((status = 200, body = ListOut<ServiceOut>)))]
pub async fn list(
    State(state): State<AppState>,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ServiceOut>>> {
    let page = query.parse()?;
    purchaser::Entity::find_by_id(uuid::Uuid::from(pid))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let select = service::Entity::find()
        .filter(service::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .order_by_asc(service::Column::Code);
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    let items = models
        .iter()
        .map(ServiceOut::from_model)
        .collect::<AppResult<_>>()?;
    Ok(Json(ListOut { items, total }))
}
