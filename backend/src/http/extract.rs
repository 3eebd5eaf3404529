//! Request extractors that answer in the API's error form: malformed JSON is a 400,
//! a wrong type or missing field a 422 naming the exact field path, a bad id a 404.
use std::str::FromStr;

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Path, Request},
    http::{header, request::Parts},
};
use serde::{Deserialize, Deserializer, de::DeserializeOwned};

use crate::error::AppError;

/// JSON body with precise errors.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.trim_start()
                    .to_ascii_lowercase()
                    .starts_with("application/json")
            });
        if !is_json {
            return Err(AppError::malformed("Content-Type must be application/json"));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::malformed("the request body could not be read (too large?)"))?;
        parse_json(&bytes).map(ApiJson)
    }
}

pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    // First the syntax alone: a body that is not JSON is a malformed request (400), however
    // the typed pass below would have described it.
    let value = serde_json::from_slice::<serde_json::Value>(bytes)
        .map_err(|err| AppError::malformed(format!("malformed JSON: {err}")))?;
    // Every text field at once, before any handler sees the body.
    crate::http::control_chars::check_json(&value)?;
    // The JSON is well-formed, so every error from here on is about a field's value (422).
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        // serde reports a missing field at the parent path; name the field itself.
        match message.strip_prefix("missing field `") {
            Some(rest) => {
                let name = rest.trim_end_matches('`');
                let field = if path == "." {
                    name.to_owned()
                } else {
                    format!("{path}.{name}")
                };
                AppError::invalid(&field, "is required")
            }
            None if path == "." => AppError::invalid("body", message),
            None => AppError::invalid(&path, message),
        }
    })
}

/// An id from the path; a value that is not an id is simply not found.
pub struct PathId<T>(pub T);

impl<S: Send + Sync, T: FromStr + Send> FromRequestParts<S> for PathId<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found("resource"))?;
        raw.parse()
            .map(PathId)
            .map_err(|_| AppError::not_found("resource"))
    }
}

/// Query string with errors that name the parameter (400).
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AppError> {
        let query = parts.uri.query().unwrap_or_default();
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer)
            .map(ApiQuery)
            .map_err(|err| {
                let name = err.path().to_string();
                AppError::bad_parameter(&name, err.into_inner())
            })
    }
}

/// A decimal sent as a string (`"45.00"`) or a JSON number (`45`); kept as text so that
/// the domain parser, not a float, decides what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecimalText(pub String);

impl<'de> Deserialize<'de> for DecimalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through a JSON value, so that a missing field is reported as missing (and named)
        // rather than as a value of the wrong kind.
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(text) => Ok(DecimalText(text)),
            serde_json::Value::Number(number) => Ok(DecimalText(number.to_string())),
            _ => Err(serde::de::Error::custom(
                "must be a decimal number, as a string like \"45.00\" or a JSON number",
            )),
        }
    }
}

impl utoipa::PartialSchema for DecimalText {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        String::schema()
    }
}
impl utoipa::ToSchema for DecimalText {}

/// Paging as the contract says: `page` from 1, `per_page` 1..=100 (default 20).
#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<String>,
    pub per_page: Option<String>,
}

pub use crate::paging::Page;

impl PageQuery {
    pub fn parse(&self) -> Result<Page, AppError> {
        let number = |name: &str, value: &Option<String>, default: u64, max: u64| match value {
            None => Ok(default),
            Some(text) => text
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| {
                    AppError::bad_parameter(name, format!("must be a whole number from 1 to {max}"))
                }),
        };
        Ok(Page {
            page: number("page", &self.page, 1, 1_000_000)?,
            per_page: number("per_page", &self.per_page, 20, 100)?,
        })
    }
}
