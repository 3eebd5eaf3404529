//! Browser sessions. The sign-in cookie carries the same hashed, expiring token as the
//! API's bearer header, so one rule decides who is signed in. Every form carries a CSRF
//! token: a signature of a random per-browser id (the signed double-submit pattern), so a
//! page on another site cannot post a form in the user's name.
use axum::{
    extract::{FromRequest, FromRequestParts, Request},
    http::{HeaderValue, header, request::Parts},
    middleware::Next,
    response::{IntoResponse, Response},
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::de::DeserializeOwned;

use crate::{auth::Actor, domain::ids::ClientId, error::AppError, state::AppState};

use super::{
    acting::{Acting, ActingState},
    i18n::Lang,
};

pub const SESSION_COOKIE: &str = "valinta_session";
pub const BROWSER_COOKIE: &str = "valinta_browser";
pub const LANG_COOKIE: &str = "valinta_lang";
const CSRF_PURPOSE: &str = "csrf";
/// Form bodies are small; a larger one is refused before parsing.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// A cookie only the server reads (http-only), sent back only over HTTPS (browsers treat
/// `localhost` as secure) and not on cross-site posts (same-site lax).
pub fn cookie(name: &'static str, value: String, max_age_days: i64) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Lax)
        .max_age(::cookie::time::Duration::days(max_age_days))
        .build()
}

pub fn removal(name: &'static str) -> Cookie<'static> {
    Cookie::build((name, "")).path("/").build()
}

/// The browser's id, minted on its first request and kept in an http-only cookie; the
/// CSRF tokens of its forms are signatures of it.
#[derive(Clone)]
struct BrowserId(String);

pub async fn ensure_browser_id(mut request: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(request.headers());
    let existing = jar
        .get(BROWSER_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| v.len() == 43);
    let (id, minted) = match existing {
        Some(id) => (id, false),
        None => (crate::auth::token::new_token(), true),
    };
    request.extensions_mut().insert(BrowserId(id.clone()));
    let mut response = next.run(request).await;
    if minted {
        let set = cookie(BROWSER_COOKIE, id, 400).to_string();
        if let Ok(value) = HeaderValue::from_str(&set) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Everything a page needs to know about the request: language, who is signed in, the
/// form token, and where the request went (for the language switch and sign-in return).
#[derive(Clone)]
pub struct Web {
    pub lang: Lang,
    pub actor: Option<Actor>,
    pub csrf: String,
    /// Path and query of this request.
    pub here: String,
    pub session_token: Option<String>,
    /// For a proxy: the client she acts for in this session (see `acting`).
    pub acting: Option<Acting>,
    /// For a proxy: every client whose live mandate she holds, by name.
    pub choices: Vec<(ClientId, String)>,
    pub state: AppState,
}

impl FromRequestParts<AppState> for Web {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let jar = CookieJar::from_headers(&parts.headers);
        let session_token = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
        let actor = match &session_token {
            // An expired or revoked session is simply signed out.
            Some(token) => match Actor::from_token(&state.db, token).await {
                Ok(actor) => Some(actor),
                Err(e) if e.status.is_server_error() => return Err(e),
                Err(_) => None,
            },
            None => None,
        };
        let resolved = super::language_choice::resolve(&parts.uri, &parts.headers, actor.as_ref());
        let lang = resolved.lang;
        if let Some(actor) = &actor {
            super::public::language::keep_in_step(&state.db, actor, lang, resolved.from_url)
                .await?;
        }
        let browser = parts
            .extensions
            .get::<BrowserId>()
            .map(|b| b.0.clone())
            .unwrap_or_default();
        let acting = match &actor {
            Some(actor) => super::acting::resolve(state, actor).await?,
            None => ActingState::default(),
        };
        Ok(Web {
            lang,
            csrf: state.vault.sign(CSRF_PURPOSE, &browser),
            here: parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".into()),
            actor,
            session_token,
            acting: acting.chosen,
            choices: acting.choices,
            state: state.clone(),
        })
    }
}

impl Web {
    /// A signed-out context for pages drawn outside a handler (error pages).
    pub fn bare(state: &AppState, parts: &mut Parts, lang: Lang, here: &str) -> Web {
        let browser = parts
            .extensions
            .get::<BrowserId>()
            .map(|b| b.0.clone())
            .unwrap_or_default();
        Web {
            lang,
            actor: None,
            csrf: state.vault.sign(CSRF_PURPOSE, &browser),
            here: here.to_owned(),
            session_token: None,
            acting: None,
            choices: Vec::new(),
            state: state.clone(),
        }
    }

    /// The signed-in actor, or a redirect to sign in (see `WebError`).
    pub fn signed_in(&self) -> Result<&Actor, AppError> {
        self.actor.as_ref().ok_or_else(AppError::unauthorized)
    }
}

/// A posted form whose CSRF token matched this browser. Fields are all text: the same
/// parsers as the API decide what they mean, and name the field when they refuse. `MAX` is
/// the largest body taken; a form of long texts (the support plan) asks for more.
pub struct WebForm<T, const MAX: usize = MAX_FORM_BYTES>(pub T);

#[derive(serde::Deserialize)]
struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned, const MAX: usize> FromRequest<AppState> for WebForm<T, MAX> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, AppError> {
        let browser = request
            .extensions()
            .get::<BrowserId>()
            .map(|b| b.0.clone())
            .unwrap_or_default();
        let body = axum::body::to_bytes(request.into_body(), MAX)
            .await
            .map_err(|_| AppError::malformed("the form is too large"))?;
        let token: CsrfOnly = serde_urlencoded::from_bytes(&body)
            .map_err(|_| AppError::malformed("the form could not be read"))?;
        if browser.is_empty() || !state.vault.verify(CSRF_PURPOSE, &browser, &token.csrf) {
            return Err(AppError::forbidden(
                "the form expired or came from another site; reload the page and try again",
            )
            .with_code("csrf"));
        }
        // Every field at once, before any handler sees the form (the token is checked first,
        // so another site learns nothing from the answer).
        crate::http::control_chars::check_form(
            form_urlencoded::parse(&body)
                .collect::<Vec<_>>()
                .iter()
                .map(|(k, v)| (k.as_ref(), v.as_ref())),
        )?;
        let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(&body));
        serde_path_to_error::deserialize(deserializer)
            .map(WebForm)
            .map_err(|err| AppError::malformed(format!("form field {}", err.path())))
    }
}

/// A posted file form (`multipart/form-data`) whose CSRF token matched this browser: its
/// text fields and files by name. The route sets how large it may be.
pub struct WebUpload {
    pub fields: Vec<(String, Vec<u8>)>,
}

impl WebUpload {
    pub fn text(&self, name: &str) -> String {
        self.bytes(name)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    }

    pub fn bytes(&self, name: &str) -> Option<&[u8]> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_slice())
    }
}

/// Why a posted file form was not read: too large (the page says so on its form), or
/// refused otherwise (an expired form, control characters).
#[derive(Debug)]
pub enum UploadRejection {
    TooLarge,
    Refused(AppError),
}

impl From<AppError> for UploadRejection {
    fn from(err: AppError) -> Self {
        UploadRejection::Refused(err)
    }
}

impl From<UploadRejection> for AppError {
    fn from(rejection: UploadRejection) -> Self {
        match rejection {
            UploadRejection::TooLarge => crate::upload::record::too_large(),
            UploadRejection::Refused(err) => err,
        }
    }
}

impl IntoResponse for UploadRejection {
    fn into_response(self) -> Response {
        AppError::from(self).into_response()
    }
}

impl FromRequest<AppState> for WebUpload {
    type Rejection = UploadRejection;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, UploadRejection> {
        let browser = request
            .extensions()
            .get::<BrowserId>()
            .map(|b| b.0.clone())
            .unwrap_or_default();
        let mut multipart = axum::extract::Multipart::from_request(request, state)
            .await
            .map_err(|_| AppError::malformed("the form could not be read"))?;
        let mut fields = Vec::new();
        // The text fields (not the files, which their own parser reads) for the control
        // character check below.
        let mut texts = Vec::new();
        loop {
            // A read that fails here is a body past the route's limit (or a broken upload).
            let next = multipart
                .next_field()
                .await
                .map_err(|_| UploadRejection::TooLarge)?;
            let Some(field) = next else { break };
            let name = field.name().unwrap_or_default().to_owned();
            let is_file = field.file_name().is_some();
            let bytes = field.bytes().await.map_err(|_| UploadRejection::TooLarge)?;
            if !is_file {
                texts.push((name.clone(), String::from_utf8_lossy(&bytes).into_owned()));
            }
            fields.push((name, bytes.to_vec()));
        }
        let upload = WebUpload { fields };
        if browser.is_empty()
            || !state
                .vault
                .verify(CSRF_PURPOSE, &browser, &upload.text("csrf"))
        {
            return Err(AppError::forbidden(
                "the form expired or came from another site; reload the page and try again",
            )
            .with_code("csrf")
            .into());
        }
        crate::http::control_chars::check_form(
            texts.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        )?;
        Ok(upload)
    }
}

/// A value shown once on the page a form redirects to (a new API key's text): kept in a
/// short-lived cookie for that page's path only, signed for this session so no other
/// page or person can plant one, and removed by the page that shows it. A refresh of that
/// page then shows it no more, and a refresh never posts the form again.
pub const FLASH_COOKIE: &str = "valinta_flash";
const FLASH_PURPOSE: &str = "flash";
const FLASH_MINUTES: i64 = 5;

pub fn flash(web: &Web, path: &'static str, value: &str) -> Cookie<'static> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value);
    let signature = web
        .state
        .vault
        .sign(FLASH_PURPOSE, &flash_message(web, &encoded));
    Cookie::build((FLASH_COOKIE, format!("{encoded}.{signature}")))
        .path(path)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(::cookie::time::Duration::minutes(FLASH_MINUTES))
        .build()
}

/// The flash value for this session, if one was left for this page; `jar` forgets it.
pub fn take_flash(web: &Web, jar: CookieJar, path: &'static str) -> (CookieJar, Option<String>) {
    use base64::Engine;
    let Some(cookie) = jar.get(FLASH_COOKIE).map(|c| c.value().to_owned()) else {
        return (jar, None);
    };
    let jar = jar.remove(Cookie::build(FLASH_COOKIE).path(path).build());
    let value = cookie.split_once('.').and_then(|(encoded, signature)| {
        web.state
            .vault
            .verify(FLASH_PURPOSE, &flash_message(web, encoded), signature)
            .then(|| {
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .decode(encoded)
                    .ok()
            })
            .flatten()
            .and_then(|bytes| String::from_utf8(bytes).ok())
    });
    (jar, value)
}

fn flash_message(web: &Web, encoded: &str) -> String {
    format!(
        "{}\n{encoded}",
        web.session_token.as_deref().unwrap_or_default()
    )
}
