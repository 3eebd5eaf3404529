//! Error pages. Handlers refuse with the same `AppError` as the API; here a refusal
//! becomes a page in the user's language, and "sign in first" a redirect to sign in.
use crate::i18n::Translate;
use askama::Template;
use axum::{
    body::to_bytes,
    extract::{Request, State},
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

use crate::state::AppState;

use super::{
    page::{PageCtx, render},
    session::Web,
};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: PageCtx,
    message: String,
}

/// A page that says one thing with this status, drawn by a handler (e.g. a strong
/// sign-in that found nobody); not JSON, so the layer below leaves it alone.
pub fn message_page(web: &Web, status: StatusCode, title_key: &str, message_key: &str) -> Response {
    let page = ErrorPage {
        page: PageCtx::new(web, title_key),
        message: web.lang.t(message_key),
    };
    match render(&page) {
        Ok(mut response) => {
            *response.status_mut() = status;
            response
        }
        Err(_) => (status, web.lang.t(message_key)).into_response(),
    }
}

pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = super::language_choice::resolve(request.uri(), request.headers(), None).lang;
    let here = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let (mut parts, body) = request.into_parts();
    let web = Web::bare(&state, &mut parts, lang, &here);
    let response = next.run(Request::from_parts(parts, body)).await;
    let status = response.status();
    // When to try again (a throttled request, the search engine away) stays on the page.
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let api = here.starts_with("/api/") || here == "/api";
    if !(status.is_client_error() || status.is_server_error()) || !is_json || api {
        return response;
    }
    if status == StatusCode::UNAUTHORIZED {
        let next: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
        return Redirect::to(&format!("/signin?next={next}")).into_response();
    }
    let body = to_bytes(response.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let code = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
        .unwrap_or_default();
    if code == super::client::CHOOSE_CLIENT {
        let next: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
        return Redirect::to(&format!("/my/acting-for?next={next}")).into_response();
    }
    let key = match (status.as_u16(), code.as_str()) {
        (_, "csrf") => "error-csrf",
        (_, "invalid_token") => "error-invalid-token",
        (_, "too_many_attempts" | "too_many_requests") => "error-too-many",
        (403, _) => "error-forbidden",
        (404, _) => "error-not-found",
        (400 | 422, _) => "error-bad-request",
        (409, _) => "error-conflict",
        (413, _) => "error-too-large",
        (_, "search_unavailable") => "error-search-unavailable",
        _ => "error-internal",
    };
    let page = ErrorPage {
        page: PageCtx::new(&web, "error-title"),
        message: lang.t(key),
    };
    let mut response = match render(&page) {
        Ok(mut response) => {
            *response.status_mut() = status;
            response
        }
        Err(_) => (status, lang.t(key)).into_response(),
    };
    if let Some(wait) = retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, wait);
    }
    response
}
