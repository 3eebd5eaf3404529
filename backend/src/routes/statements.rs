//! Monthly statements over HTTP: a client's allocation (the client, their proxies, the
//! purchaser's case workers; an audited read of client data) and a provider's month (its
//! own staff). Anyone else is told the allocation or provider does not exist.
use axum::{Json, extract::State};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::{AllocationId, ProviderId},
    error::AppResult,
    routes::{
        allocations::load_visible,
        extract::{ApiQuery, PathId},
    },
    state::AppState,
    statements::{
        self,
        client::{self, ClientStatement},
        provider::{self, ProviderStatement},
    },
};

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementQuery {
    /// The month, `YYYY-MM` (Finnish time); this month when left out.
    pub month: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/allocations/{id}/statement", tag = "statements", params(("id" = uuid::Uuid, Path, description = "the allocation"), StatementQuery),
    responses((status = 200, body = ClientStatement), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn for_allocation(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<AllocationId>,
    ApiQuery(query): ApiQuery<StatementQuery>,
) -> AppResult<Json<ClientStatement>> {
    let month = statements::statement_month(query.month.as_deref())?;
    let (model, _) = load_visible(&state, &actor, id, "statement_read").await?;
    Ok(Json(
        client::statement(&state.db.conn, &model, month).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/statement", tag = "statements", params(("id" = uuid::Uuid, Path, description = "the provider"), StatementQuery),
    responses((status = 200, body = ProviderStatement), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn for_provider(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<StatementQuery>,
) -> AppResult<Json<ProviderStatement>> {
    actor.require_provider(id, "provider")?;
    let month = statements::statement_month(query.month.as_deref())?;
    Ok(Json(
        provider::statement(&state.db.conn, &state.vault, id, month).await?,
    ))
}
