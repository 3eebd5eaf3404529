//! Provider sign-up and the provider's own views.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::{
    accounts::throttle::Anonymous,
    auth::address::ClientAddress,
    auth::{Actor, MaybeActor, password},
    bank_details,
    db::entities::{offering, provider},
    domain::{
        BusinessId, EmailAddress,
        bank::{Bic, Iban},
        catalogue::Role,
        einvoice::{EinvoiceAddress, OperatorId},
        ids::{ProviderId, UserId},
        text::{parse_optional_text, parse_text},
    },
    error::{AppError, AppResult, field},
    outbox::{self, Topic},
    routes::{
        commitments::CommitmentOut,
        common::{ListOut, routing_patch},
        deliveries::DeliveryOut,
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
    users::{self, NewUser},
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProviderIn {
    pub name: String,
    pub business_id: String,
    pub email: String,
    pub password: String,
    pub phone: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProviderOut {
    pub id: ProviderId,
    pub name: String,
    pub business_id: String,
    /// Contact details are shown to the provider's own staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// Bank details for payment, shown to the provider's own staff only; settlement needs
    /// both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bic: Option<String>,
    /// E-invoice address (verkkolaskuosoite) and operator ID (välittäjätunnus), shown to
    /// the provider's own staff only. With the purchaser's, they route its Finvoices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub einvoice_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub einvoice_operator: Option<String>,
    /// The provider's rating over all its offerings (on reads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<crate::routes::reviews::RatingOut>,
}

fn parse_phone(raw: Option<&str>) -> AppResult<Option<String>> {
    let phone = field("phone", parse_optional_text(raw, 30))?;
    if let Some(p) = &phone
        && !p
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'))
    {
        return Err(AppError::invalid(
            "phone",
            "may contain only digits, spaces and + - ( )",
        ));
    }
    Ok(phone)
}

#[utoipa::path(post, path = "/api/v1/providers", tag = "providers", request_body = ProviderIn,
    responses((status = 201, body = ProviderOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn sign_up(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ApiJson(input): ApiJson<ProviderIn>,
) -> AppResult<(StatusCode, Json<ProviderOut>)> {
    let name = field("name", parse_text(&input.name, 200))?;
    let business_id = field("business_id", BusinessId::parse(&input.business_id))?;
    let email = field("email", EmailAddress::parse(&input.email))?;
    let phone = parse_phone(input.phone.as_deref())?;
    password::check_strength(&input.password)?;
    // Anyone may sign up, so a valid sign-up (which costs a password hash and a row) is
    // limited per address.
    state.limits.check(Anonymous::ProviderSignUp, address)?;
    let hash = password::hash(&input.password).await?;
    let tx = state.db.begin_write().await?;
    let id = ProviderId::new();
    let model = provider::ActiveModel {
        id: Set(id.into()),
        name: Set(name.clone()),
        business_id: Set(business_id.to_string()),
        email: Set(email.as_str().to_owned()),
        phone: Set(phone.clone()),
        iban: Set(None),
        bic: Set(None),
        bank_changed_at: Set(None),
        einvoice_address: Set(None),
        einvoice_operator: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await
    .map_err(|e| AppError::from_unique(e, "business_id", "is already registered"))?;
    let new = NewUser {
        email: Some(email),
        password_hash: Some(hash),
        name,
        roles: vec![Role::ProviderStaff],
        purchaser: None,
        provider: Some(id),
        client: None,
    };
    let user = users::insert(&*tx, new).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(ProviderOut {
            id,
            name: model.name,
            business_id: model.business_id,
            email: Some(model.email),
            phone: model.phone,
            user_id: Some(user.id.into()),
            iban: None,
            bic: None,
            einvoice_address: None,
            einvoice_operator: None,
            rating: None,
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}", operation_id = "providers_get", tag = "providers", params(("id" = uuid::Uuid, Path, description = "the provider")),
    responses((status = 200, body = ProviderOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<ProviderId>,
) -> AppResult<Json<ProviderOut>> {
    let model = provider::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("provider"))?;
    let own = actor.is_some_and(|a| a.provider_id == Some(id));
    Ok(Json(ProviderOut {
        id,
        name: model.name,
        business_id: model.business_id,
        email: own.then_some(model.email),
        phone: if own { model.phone } else { None },
        user_id: None,
        iban: if own { model.iban } else { None },
        bic: if own { model.bic } else { None },
        einvoice_address: if own { model.einvoice_address } else { None },
        einvoice_operator: if own { model.einvoice_operator } else { None },
        rating: Some(crate::routes::reviews::RatingOut::of(
            &crate::reviews::ratings::of_provider(&state.db.conn, id.into()).await?,
        )),
    }))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/commitments", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the provider"), PageQuery),
    responses((status = 200, body = ListOut<CommitmentOut>)))]
pub async fn commitments(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<CommitmentOut>>> {
    let page = query.parse()?;
    let listed = crate::commitments::read::for_provider(
        &state.db,
        &actor,
        id,
        Default::default(),
        Some(page),
    )
    .await?;
    Ok(Json(ListOut {
        items: listed.items.into_iter().map(Into::into).collect(),
        total: listed.total,
    }))
}

/// Every field optional: what is sent is changed, the rest stays.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct ProviderPatch {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The account invoices are paid to, e.g. `FI21 1234 5600 0007 85`.
    pub iban: Option<String>,
    /// The bank's BIC, e.g. `NDEAFIHH`.
    pub bic: Option<String>,
    /// E-invoice address: an OVT code (`003712345671`) or an IBAN; `""` removes it.
    pub einvoice_address: Option<String>,
    /// E-invoice operator ID, e.g. `003721291126` or `NDEAFIHH`; `""` removes it.
    pub einvoice_operator: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/providers/{id}", operation_id = "providers_update", tag = "providers", params(("id" = uuid::Uuid, Path, description = "the provider")), request_body = ProviderPatch,
    responses((status = 200, body = ProviderOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiJson(input): ApiJson<ProviderPatch>,
) -> AppResult<Json<ProviderOut>> {
    actor.require_provider(id, "provider")?;
    let name = input
        .name
        .as_deref()
        .map(|n| field("name", parse_text(n, 200)))
        .transpose()?;
    let email = input
        .email
        .as_deref()
        .map(|e| field("email", EmailAddress::parse(e)))
        .transpose()?;
    let phone = match input.phone.as_deref() {
        None => None,
        Some(raw) => Some(parse_phone(Some(raw))?),
    };
    let iban = input
        .iban
        .as_deref()
        .map(|i| field("iban", Iban::parse(i)))
        .transpose()?;
    let bic = input
        .bic
        .as_deref()
        .map(|b| field("bic", Bic::parse(b)))
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
    let tx = state.db.begin_write().await?;
    let model = provider::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("provider"))?;
    let renamed = name.as_ref().is_some_and(|n| *n != model.name);
    let before = model.clone();
    let mut active = model.into_active_model();
    if let Some(name) = name {
        active.name = Set(name);
    }
    if let Some(email) = email {
        active.email = Set(email.as_str().to_owned());
    }
    if let Some(phone) = phone {
        active.phone = Set(phone);
    }
    if let Some(iban) = iban {
        active.iban = Set(Some(iban.as_str().to_owned()));
    }
    if let Some(bic) = bic {
        active.bic = Set(Some(bic.as_str().to_owned()));
    }
    if let Some(address) = einvoice_address {
        active.einvoice_address = Set(address);
    }
    if let Some(operator) = einvoice_operator {
        active.einvoice_operator = Set(operator);
    }
    let mut updated = active.update(&*tx).await?;
    crate::settlement::routing::record_change(
        &*tx,
        &actor,
        ("provider", updated.id),
        (&before.einvoice_address, &before.einvoice_operator),
        (&updated.einvoice_address, &updated.einvoice_operator),
    )
    .await?;
    if bank_details::changed(&before, &updated) {
        updated = bank_details::record(&*tx, &actor, &before, updated).await?;
    }
    if renamed {
        // Search shows the provider's name on every offering: re-index them all.
        let offerings = offering::Entity::find()
            .filter(offering::Column::ProviderId.eq(updated.id))
            .all(&*tx)
            .await?;
        for o in offerings {
            outbox::enqueue(&*tx, Topic::SearchOffering, o.id).await?;
        }
    }
    tx.commit().await?;
    Ok(Json(ProviderOut {
        id,
        name: updated.name,
        business_id: updated.business_id,
        email: Some(updated.email),
        phone: updated.phone,
        user_id: None,
        iban: updated.iban,
        bic: updated.bic,
        einvoice_address: updated.einvoice_address,
        einvoice_operator: updated.einvoice_operator,
        rating: None,
    }))
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthQuery {
    /// The month, `YYYY-MM`; this month when left out.
    pub month: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// Parses `YYYY-MM` into its first and the next month's first day.
/// A `?month=YYYY-MM` query parameter as its first day and the next month's first day,
/// parsed by the one month rule ([`crate::settlement::Month`]).
pub fn parse_month(raw: &str) -> AppResult<(chrono::NaiveDate, chrono::NaiveDate)> {
    let month =
        crate::settlement::Month::parse(raw).map_err(|e| AppError::bad_parameter("month", e))?;
    Ok((month.first_day, month.next_first_day))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/deliveries", tag = "deliveries", params(("id" = uuid::Uuid, Path, description = "the provider"), MonthQuery),
    responses((status = 200, body = ListOut<DeliveryOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn deliveries(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<MonthQuery>,
) -> AppResult<Json<ListOut<DeliveryOut>>> {
    actor.require_provider(id, "provider")?;
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let month = query.month.clone().unwrap_or_else(|| {
        crate::domain::today_in_finland()
            .format("%Y-%m")
            .to_string()
    });
    let month =
        crate::settlement::Month::parse(&month).map_err(|e| AppError::bad_parameter("month", e))?;
    let listed =
        crate::deliveries::read::for_provider_month(&state.db, &actor, id, month, page).await?;
    let items = crate::routes::deliveries::with_balances(&state.db.conn, listed.items).await?;
    Ok(Json(ListOut {
        items,
        total: listed.total,
    }))
}
