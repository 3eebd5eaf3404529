//! HTTP: every route in one place, which also feeds the OpenAPI document.
pub mod accounts;
pub mod allocations;
pub mod api_keys;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod clients;
pub mod commitments;
pub mod common;
pub mod compare;
pub mod deliveries;
pub mod disputes;
pub mod emails;
pub mod finance;
pub mod hsds;
pub mod late_recording;
pub mod me;
pub mod notifications;
pub mod offerings;
pub mod operations;
pub mod plans;
pub mod providers;
pub mod purchasers;
pub mod reports;
pub mod reviews;
pub mod search;
pub mod security_headers;
pub mod services;
pub mod settlements;
pub mod statements;
pub mod uploads;

// The extractors and the control-character check are shared with the portal, one level down.
pub use crate::http::{control_chars, extract, stream};

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
use tower_http::{catch_panic::CatchPanicLayer, trace::TraceLayer};
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
        .routes(routes!(accounts::change_password))
        .routes(routes!(accounts::request_reset))
        .routes(routes!(accounts::confirm_reset))
        .routes(routes!(accounts::list))
        .routes(routes!(accounts::deactivate))
        .routes(routes!(accounts::reactivate))
        .routes(routes!(me::me))
        .routes(routes!(me::set_language))
        .routes(routes!(notifications::get, notifications::put))
        .routes(routes!(emails::list))
        .routes(routes!(emails::retry))
        .routes(routes!(audit::list))
        .routes(routes!(compare::compare))
        .routes(routes!(search::search))
        .routes(routes!(reports::demand_gaps))
        .routes(routes!(reports::overdue_recording))
        .routes(routes!(finance::spend::spend))
        .routes(routes!(finance::reservations::open_reservations))
        .routes(routes!(finance::reconciliation::reconciliation))
        .routes(routes!(purchasers::create, purchasers::list))
        .routes(routes!(purchasers::get, purchasers::update))
        .routes(routes!(purchasers::create_staff))
        .routes(routes!(services::create::create, services::read::list))
        .routes(routes!(services::read::get, services::edit::update))
        .routes(routes!(services::read::history))
        .routes(routes!(services::archive::archive))
        .routes(routes!(services::voucher_value::compute))
        .routes(routes!(applications::list_for_purchaser))
        .routes(routes!(clients::create, clients::list))
        .routes(routes!(providers::sign_up))
        .routes(routes!(providers::get, providers::update))
        .routes(routes!(providers::deliveries))
        .routes(routes!(applications::list_for_provider))
        .routes(routes!(disputes::list_for_purchaser))
        .routes(routes!(providers::commitments))
        .routes(routes!(api_keys::create, api_keys::list))
        .routes(routes!(api_keys::revoke))
        .routes(routes!(applications::create))
        .routes(routes!(applications::decide))
        .routes(routes!(
            offerings::write::create,
            offerings::read::list_for_provider
        ))
        .routes(routes!(offerings::read::list))
        .routes(routes!(offerings::prices::list))
        .routes(routes!(
            offerings::read::get,
            offerings::write::update,
            offerings::write::archive
        ))
        .routes(routes!(clients::get))
        .routes(routes!(clients::add_proxy, clients::list_proxies))
        .routes(routes!(clients::revoke_mandate))
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
        .routes(routes!(late_recording::open))
        .routes(routes!(deliveries::record, deliveries::list_for_commitment))
        .routes(routes!(uploads::upload))
        .routes(routes!(uploads::template))
        .routes(routes!(deliveries::get))
        .routes(routes!(deliveries::void))
        .routes(routes!(deliveries::dispute))
        .routes(routes!(disputes::decide))
        .routes(routes!(disputes::provider_account))
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
        .routes(routes!(statements::for_allocation))
        .routes(routes!(statements::for_provider))
        .routes(routes!(settlements::run::create))
        .routes(routes!(settlements::preview::get))
        .routes(routes!(settlements::invoices::get))
        .routes(routes!(settlements::invoices::finvoice))
        .routes(routes!(settlements::invoices::lines_csv))
        .routes(routes!(settlements::month::list))
        .routes(routes!(settlements::month::lines_csv))
        .routes(routes!(plans::questions::list))
        .routes(routes!(plans::open::open))
        .routes(routes!(plans::read::get))
        .routes(routes!(plans::answers::put))
        .routes(routes!(plans::goals::create))
        .routes(routes!(plans::goals::evaluate))
        .routes(routes!(plans::budget::create))
        .routes(routes!(plans::decision::decide))
        .routes(routes!(plans::caseload::list))
        .routes(routes!(plans::close::close))
        .routes(routes!(plans::close::cancel))
        .routes(routes!(plans::report::show))
}

/// The whole HTTP surface: the API, its OpenAPI document, and `pages` (the portal, built
/// by `web::router`; passed in so that `routes/` never depends on `web/`), under one set of
/// layers.
pub fn router(state: AppState, pages: Router<AppState>) -> Router {
    let (router, openapi) = api_routes().split_for_parts();
    let openapi = Arc::new(openapi);
    let public_url = state.config.email.public_url.clone();
    let router = router
        .merge(pages)
        .merge(hsds::router())
        .route(
            "/api/openapi.json",
            get(move || async move { Json(openapi.as_ref().clone()) }),
        )
        .layer(middleware::from_fn(record_metrics))
        .layer(middleware::from_fn(limit_body))
        .layer(CatchPanicLayer::custom(|_| {
            AppError::internal("a handler panicked").into_response()
        }));
    // Outside the panic catcher, so even that answer carries them.
    security_headers::apply(router, public_url.as_deref())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Request bodies are small: 1 MiB, except delivery files (`upload::record::UPLOAD_LIMIT`, and a
/// little more for the portal form around the file). A body declared larger is refused
/// with a JSON 413 before it is read; one that turns out larger fails when read.
const BODY_LIMIT: usize = 1024 * 1024;
const FORM_OVERHEAD: usize = 64 * 1024;

fn body_limit(path: &str) -> usize {
    let upload = path.ends_with("/deliveries/upload") && path.starts_with("/api/v1/providers/");
    if upload || path == "/provider/deliveries/upload" {
        crate::upload::record::UPLOAD_LIMIT + FORM_OVERHEAD
    } else {
        BODY_LIMIT
    }
}

async fn limit_body(request: Request, next: Next) -> Response {
    let limit = body_limit(request.uri().path());
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        let error = if limit == BODY_LIMIT {
            AppError::too_large("the request body is larger than 1 MB")
        } else {
            crate::upload::record::too_large()
        };
        return error.into_response();
    }
    let (parts, body) = request.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
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
