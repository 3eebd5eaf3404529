//! Health, readiness and metrics for operators.
use axum::{extract::State, http::StatusCode, response::IntoResponse};

use crate::state::AppState;

/// 200 when the process is up.
#[utoipa::path(get, path = "/health", tag = "operations", responses((status = 200, description = "up")))]
pub async fn health() -> &'static str {
    "ok"
}

/// 200 when the database answers, else 503.
#[utoipa::path(get, path = "/ready", tag = "operations", responses((status = 200), (status = 503)))]
pub async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    if state.db.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}

/// Prometheus text format.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200)))]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let body = state
        .metrics
        .as_ref()
        .map(|h| h.render())
        .unwrap_or_default();
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4",
        )],
        body,
    )
}
