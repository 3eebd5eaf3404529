//! A file answered for download: its type, and a name when the browser should save it.
use axum::{
    body::Body,
    http::header,
    response::{IntoResponse, Response},
};

/// `body` as `content_type`, saved as `filename` when one is given.
pub fn file(content_type: &'static str, filename: Option<&str>, body: impl Into<Body>) -> Response {
    let mut response = ([(header::CONTENT_TYPE, content_type)], body.into()).into_response();
    if let Some(name) = filename
        && let Ok(value) = format!("attachment; filename=\"{name}\"").parse()
    {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

pub const CSV: &str = "text/csv; charset=utf-8";
pub const XML: &str = "application/xml; charset=utf-8";
