//! Provider sign-up and the provider's own views.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::{
    accounts::throttle::Anonymous,
    auth::{Actor, MaybeActor, address::ClientAddress},
    domain::ids::ProviderId,
    error::{AppError, AppResult},
    providers::{
        profile::{self, ProfileText},
        sign_up::{self, SignUpText},
    },
    routes::{
        commitments::CommitmentOut,
        common::ListOut,
        deliveries::DeliveryOut,
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProviderIn {
    pub name: String,
    pub business_id: String,
    pub email: String,
    pub password: String,
    pub phone: Option<String>,
}

pub use crate::providers::ProviderOut;

#[utoipa::path(post, path = "/api/v1/providers", tag = "providers", request_body = ProviderIn,
    responses((status = 201, body = ProviderOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn sign_up(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ApiJson(input): ApiJson<ProviderIn>,
) -> AppResult<(StatusCode, Json<ProviderOut>)> {
    let parsed = SignUpText {
        name: &input.name,
        business_id: &input.business_id,
        email: &input.email,
        password: &input.password,
        phone: input.phone.as_deref(),
    }
    .parse()?;
    // Anyone may sign up, so a valid sign-up (which costs a password hash and a row) is
    // limited per address.
    state.limits.check(Anonymous::ProviderSignUp, address)?;
    let created = sign_up::sign_up(&state.db, parsed).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}", operation_id = "providers_get", tag = "providers", params(("id" = uuid::Uuid, Path, description = "the provider")),
    responses((status = 200, body = ProviderOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<ProviderId>,
) -> AppResult<Json<ProviderOut>> {
    Ok(Json(profile::find(&state.db, actor.as_ref(), id).await?))
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
    let text = ProfileText {
        name: input.name.as_deref(),
        email: input.email.as_deref(),
        phone: input.phone.as_deref(),
        iban: input.iban.as_deref(),
        bic: input.bic.as_deref(),
        einvoice_address: input.einvoice_address.as_deref(),
        einvoice_operator: input.einvoice_operator.as_deref(),
    };
    Ok(Json(profile::update(&state.db, &actor, id, text).await?))
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
