//! Monthly statements over HTTP: a client's allocation (the client, their proxies, the
//! purchaser's case workers; an audited read of client data) and a provider's month (its
//! own staff). Anyone else is told the allocation or provider does not exist.
use axum::{Json, extract::State};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::{AllocationId, ProviderId},
    error::AppResult,
    routes::extract::{ApiQuery, PathId},
    state::AppState,
    statements::{
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
    Ok(Json(
        client::for_allocation(&state.db.conn, &actor, id, query.month.as_deref()).await?,
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
    let statement = provider::for_provider(
        &state.db.conn,
        &state.vault,
        &actor,
        id,
        query.month.as_deref(),
    )
    .await?;
    Ok(Json(statement))
}
