//! Health, readiness and metrics for operators.
use axum::{extract::State, http::StatusCode, response::IntoResponse};

use crate::state::AppState;

/// 200 when the process is up.
#[utoipa::path(get, path = "/health", tag = "operations", responses((status = 200, description = "up")))]
pub async fn health() -> &'static str {
    "ok"
}

/// 200 when the database and the search engine answer, else 503 saying which does not.
/// `search.pending_changes` counts index changes the outbox still holds (all of them are
/// applied once the engine answers again).
#[utoipa::path(get, path = "/ready", tag = "operations", responses((status = 200), (status = 503)))]
pub async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    let database = state.db.ping().await;
    let search = state.search.healthy().await;
    let pending = crate::outbox::pending(&state.db.conn).await.ok();
    let status = if database && search {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = serde_json::json!({
        "database": if database { "up" } else { "down" },
        "search": {
            "engine": state.search.name(),
            "status": if search { "up" } else { "down" },
            "pending_changes": pending,
        },
    });
    (status, axum::Json(body))
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
