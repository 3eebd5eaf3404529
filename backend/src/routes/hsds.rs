//! `GET /hsds/...`: the open directory (Open Referral HSDS 3.0), public and read-only. Not in
//! Valinta's OpenAPI document: HSDS publishes its own (see the README), which these follow.
use axum::{Json, Router, extract::State, routing::get};

use crate::{
    domain::ids::{OfferingId, ProviderId},
    error::AppResult,
    hsds::{self, HsdsPage, HsdsQuery, objects::*},
    routes::extract::{ApiQuery, PathId},
    state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/hsds", get(about))
        .route("/hsds/", get(about))
        .route("/hsds/services", get(services))
        .route("/hsds/services/{id}", get(service))
        .route("/hsds/organizations", get(organizations))
        .route("/hsds/organizations/{id}", get(organization))
        .route("/hsds/taxonomies", get(taxonomies))
        .route("/hsds/taxonomy_terms", get(taxonomy_terms))
        .route("/hsds/service_at_locations", get(service_at_locations))
}

async fn about(State(state): State<AppState>) -> Json<About> {
    Json(hsds::read::about(state.config.email.public_url.as_deref()))
}

async fn services(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<HsdsQuery>,
) -> AppResult<Json<HsdsPage<Service>>> {
    Ok(Json(
        hsds::read::services(&state.db.conn, &q.parse()?).await?,
    ))
}

async fn service(
    State(state): State<AppState>,
    PathId(id): PathId<OfferingId>,
) -> AppResult<Json<Service>> {
    Ok(Json(hsds::read::service(&state.db.conn, id).await?))
}

async fn organizations(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<HsdsQuery>,
) -> AppResult<Json<HsdsPage<Organization>>> {
    Ok(Json(
        hsds::read::organizations(&state.db.conn, &q.parse()?).await?,
    ))
}

async fn organization(
    State(state): State<AppState>,
    PathId(id): PathId<ProviderId>,
) -> AppResult<Json<Organization>> {
    Ok(Json(hsds::read::organization(&state.db.conn, id).await?))
}

async fn taxonomies(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<HsdsQuery>,
) -> AppResult<Json<HsdsPage<Taxonomy>>> {
    Ok(Json(
        hsds::read::taxonomies(&state.db.conn, &q.parse()?).await?,
    ))
}

async fn taxonomy_terms(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<HsdsQuery>,
) -> AppResult<Json<HsdsPage<TaxonomyTerm>>> {
    Ok(Json(
        hsds::read::taxonomy_terms(&state.db.conn, &q.parse()?).await?,
    ))
}

async fn service_at_locations(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<HsdsQuery>,
) -> AppResult<Json<HsdsPage<ServiceAtLocation>>> {
    Ok(Json(
        hsds::read::service_at_locations(&state.db.conn, &q.parse()?).await?,
    ))
}
