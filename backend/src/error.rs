//! One error type for the API: a status, a stable snake_case code, a message, and the
//! fields at fault. 5xx details are logged and never sent to the client.
use std::{collections::BTreeMap, fmt::Display};

use axum::{
    Json,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use sea_orm::{DbErr, SqlErr};
use serde::Serialize;

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, String>,
    internal: Option<String>,
    /// Seconds until a throttled request may be tried again (`Retry-After`).
    pub retry_after: Option<u64>,
}

pub type AppResult<T> = Result<T, AppError>;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

impl AppError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError {
            status,
            code,
            message: message.into(),
            fields: BTreeMap::new(),
            internal: None,
            retry_after: None,
        }
    }

    /// 400: the request itself could not be read (bad JSON, bad query string).
    pub fn malformed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "malformed_request", message)
    }

    /// 400 naming the query parameter at fault.
    pub fn bad_parameter(name: &str, message: impl Display) -> Self {
        Self::malformed(format!("query parameter {name} {message}")).with_field(name, message)
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "sign in: a valid bearer token is required",
        )
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 404, also for objects that exist but belong to another tenant.
    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} not found"),
        )
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 413: the request body is larger than this endpoint takes.
    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }

    /// 429: a limit on how often something may be done (the message says when to retry).
    pub fn too_many(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::TOO_MANY_REQUESTS, code, message)
    }

    /// Says when to try again, in whole seconds (at least one), as `Retry-After`.
    pub fn retry_after(mut self, wait: std::time::Duration) -> Self {
        self.retry_after = Some(wait.as_secs().max(1) + u64::from(wait.subsec_nanos() > 0));
        self
    }

    /// 422: a field is well-formed JSON but not a valid value.
    pub fn invalid(field: &str, message: impl Display) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            format!("{field} {message}"),
        )
        .with_field(field, message)
    }

    /// The same error under a more specific stable code.
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    pub fn with_field(mut self, field: &str, message: impl Display) -> Self {
        self.fields.insert(field.to_owned(), message.to_string());
        self
    }

    /// 503: a part the request needs (the search engine) does not answer just now; the
    /// detail is logged, the caller is told to try again shortly.
    pub fn unavailable(code: &'static str, message: &str, detail: impl Display) -> Self {
        let mut error = Self::new(StatusCode::SERVICE_UNAVAILABLE, code, message);
        error.internal = Some(detail.to_string());
        error.retry_after(std::time::Duration::from_secs(5))
    }

    pub fn internal(detail: impl Display) -> Self {
        let mut error = Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "something went wrong on our side; nothing was changed",
        );
        error.internal = Some(detail.to_string());
        error
    }

    /// Maps a unique-constraint violation to a 409 naming the field; anything else is internal.
    pub fn from_unique(err: DbErr, field: &str, message: &str) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                Self::conflict("duplicate", format!("{field} {message}")).with_field(field, message)
            }
            _ => Self::from(err),
        }
    }
}

/// Parses one field, turning its error into a 422 that names it.
pub fn field<T, E: Display>(name: &str, result: Result<T, E>) -> AppResult<T> {
    result.map_err(|e| AppError::invalid(name, e))
}

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        AppError::internal(format!("database: {err}"))
    }
}

impl From<anyhow::Error> for AppError {
    fn from(err: anyhow::Error) -> Self {
        AppError::internal(format!("{err:#}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Some(detail) = &self.internal {
            tracing::error!(code = self.code, %detail, "request failed");
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message,
                fields: self.fields,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        if let Some(detail) = &self.internal {
            write!(f, " ({detail})")?;
        }
        Ok(())
    }
}

impl std::error::Error for AppError {}
