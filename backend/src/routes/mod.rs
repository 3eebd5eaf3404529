//! HTTP: every route in one place, which also feeds the OpenAPI document.
pub mod allocations;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod clients;
pub mod commitments;
pub mod common;
pub mod compare;
pub mod deliveries;
pub mod disputes;
pub mod extract;
pub mod me;
pub mod offerings;
pub mod operations;
pub mod providers;
pub mod purchasers;
pub mod reports;
pub mod reviews;
pub mod search;
pub mod services;
pub mod settlements;
pub mod statements;

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use axum::{
    Json, Router,
    extract::{MatchedPath, Request},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
};
use tower_http::{catch_panic::CatchPanicLayer, limit::RequestBodyLimitLayer, trace::TraceLayer};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{error::AppError, state::AppState};

#[derive(OpenApi)]
#[openapi(
    info(title = "Valinta API", version = "1", description = "Service vouchers and personal budgets: the contract integrations rely on."),
    modifiers(&BearerAuth),
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(operations::health))
        .routes(routes!(operations::ready))
        .routes(routes!(operations::metrics))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(me::me))
        .routes(routes!(audit::list))
        .routes(routes!(compare::compare))
        .routes(routes!(search::search))
        .routes(routes!(reports::demand_gaps))
        .routes(routes!(reports::overdue_recording))
        .routes(routes!(purchasers::create, purchasers::list))
        .routes(routes!(purchasers::get, purchasers::update))
        .routes(routes!(purchasers::create_staff))
        .routes(routes!(services::create, services::list))
        .routes(routes!(applications::list_for_purchaser))
        .routes(routes!(clients::create, clients::list))
        .routes(routes!(providers::sign_up))
        .routes(routes!(providers::get, providers::update))
        .routes(routes!(providers::deliveries))
        .routes(routes!(applications::list_for_provider))
        .routes(routes!(disputes::list_for_purchaser))
        .routes(routes!(providers::commitments))
        .routes(routes!(applications::create))
        .routes(routes!(applications::decide))
        .routes(routes!(
            offerings::write::create,
            offerings::read::list_for_provider
        ))
        .routes(routes!(offerings::read::list))
        .routes(routes!(
            offerings::read::get,
            offerings::write::update,
            offerings::write::archive
        ))
        .routes(routes!(clients::get))
        .routes(routes!(clients::add_proxy))
        .routes(routes!(allocations::create, allocations::list_for_client))
        .routes(routes!(allocations::get))
        .routes(routes!(allocations::ledger_entries))
        .routes(routes!(allocations::reconciliation))
        .routes(routes!(
            commitments::create,
            commitments::list_for_allocation
        ))
        .routes(routes!(commitments::get))
        .routes(routes!(commitments::accept))
        .routes(routes!(commitments::decline))
        .routes(routes!(commitments::close))
        .routes(routes!(deliveries::record, deliveries::list_for_commitment))
        .routes(routes!(deliveries::get))
        .routes(routes!(deliveries::void))
        .routes(routes!(deliveries::dispute))
        .routes(routes!(disputes::decide))
        .routes(routes!(disputes::get))
        .routes(routes!(
            reviews::write::create,
            reviews::read::list_for_offering
        ))
        .routes(routes!(reviews::read::get, reviews::write::edit))
        .routes(routes!(reviews::reply::create, reviews::reply::edit))
        .routes(routes!(reviews::moderate::report))
        .routes(routes!(reviews::moderate::hide))
        .routes(routes!(reviews::moderate::restore))
        .routes(routes!(reviews::moderate::keep))
        .routes(routes!(reviews::moderate::queue))
        .routes(routes!(reviews::read::list_for_client))
        .routes(routes!(reviews::read::list_for_provider))
        .routes(routes!(settlements::create))
        .routes(routes!(settlements::get))
        .routes(routes!(settlements::finvoice))
        .routes(routes!(settlements::lines_csv))
        .routes(routes!(statements::for_allocation))
        .routes(routes!(statements::for_provider))
}

pub fn router(state: AppState) -> Router {
    let (router, openapi) = api_routes().split_for_parts();
    let openapi = Arc::new(openapi);
    router
        .merge(crate::web::router(state.clone()))
        .route(
            "/api/openapi.json",
            get(move || async move { Json(openapi.as_ref().clone()) }),
        )
        .layer(middleware::from_fn(record_metrics))
        .layer(RequestBodyLimitLayer::new(1024 * 1024))
        .layer(CatchPanicLayer::custom(|_| {
            AppError::internal("a handler panicked").into_response()
        }))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Request counts and latency per route, for `/metrics`.
async fn record_metrics(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let method = request.method().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let elapsed: Duration = started.elapsed();
    metrics::counter!("valinta_http_requests_total", "route" => route.clone(), "method" => method.clone(), "status" => status).increment(1);
    metrics::histogram!("valinta_http_request_seconds", "route" => route, "method" => method)
        .record(elapsed.as_secs_f64());
    response
}
