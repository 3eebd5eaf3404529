//! Many deliveries at once from a CSV file (the provider's ERP or a spreadsheet): the
//! template, and the upload that answers a report row by row.
use axum::{
    Json,
    body::Body,
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::ProviderId,
    error::{AppError, AppResult},
    routes::extract::{ApiQuery, PathId},
    state::AppState,
    upload::{
        file,
        record::{UPLOAD_LIMIT, UploadReport, record_file, too_large},
    },
};

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// `true`: record nothing if any row is refused. Default `false`: record every valid row.
    pub all_or_nothing: Option<String>,
}

fn parse_flag(name: &str, raw: Option<&str>) -> AppResult<bool> {
    match raw.map(|r| r.trim().to_ascii_lowercase()).as_deref() {
        None | Some("" | "false" | "0" | "no" | "off") => Ok(false),
        Some("true" | "1" | "yes" | "on") => Ok(true),
        Some(_) => Err(AppError::bad_parameter(name, "must be true or false")),
    }
}

#[utoipa::path(post, path = "/api/v1/providers/{id}/deliveries/upload", tag = "deliveries", params(("id" = uuid::Uuid, Path, description = "the provider"), UploadQuery),
    request_body(content = String, content_type = "text/csv",
        description = "CSV: columns commitment, date, quantity, unit_price, reference (see the template); UTF-8 or Windows-1252, `;` or `,` separated, decimal commas allowed"),
    responses((status = 200, body = UploadReport), (status = 413, body = crate::error::ErrorBody),
        (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn upload(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<UploadQuery>,
    body: Body,
) -> AppResult<Json<UploadReport>> {
    actor.require_provider(id, "provider")?;
    let all_or_nothing = parse_flag("all_or_nothing", query.all_or_nothing.as_deref())?;
    let bytes = axum::body::to_bytes(body, UPLOAD_LIMIT)
        .await
        .map_err(|_| too_large())?;
    let report = record_file(&state, &actor, id, &bytes, all_or_nothing).await?;
    Ok(Json(report))
}

#[utoipa::path(get, path = "/api/v1/deliveries/upload-template.csv", tag = "deliveries",
    responses((status = 200, content_type = "text/csv", body = String)))]
pub async fn template() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"valinta-deliveries.csv\"",
            ),
        ],
        file::template(),
    )
        .into_response()
}
