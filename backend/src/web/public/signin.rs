//! Signing in and out with a local account. The session cookie holds the same kind of
//! token the API hands out, checked by the same code.
use crate::i18n::Translate;
use askama::Template;
use axum::{
    extract::State,
    http::Uri,
    response::{IntoResponse, Redirect, Response},
};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;

use crate::{
    accounts::{
        sessions::Opened,
        sign_in::{self, SignedIn},
    },
    auth::Actor,
    auth::address::ClientAddress,
    db::entities::user,
    domain::catalogue::Role,
    error::AppResult,
    state::AppState,
    web::{
        acting,
        i18n::{Arg, Lang},
        page::{Field, FormErrors, PageCtx, render, safe_next},
        session::{LANG_COOKIE, SESSION_COOKIE, Web, WebForm, cookie, removal},
    },
};

#[derive(Template)]
#[template(path = "public/signin.html")]
struct SignInPage {
    page: PageCtx,
    fields: Vec<Field>,
    errors: FormErrors,
    next: String,
    /// Where the strong identification button leads, when it is configured.
    strong_href: Option<String>,
}

impl SignInPage {
    fn new(web: &Web, fields: Vec<Field>, errors: FormErrors, next: String) -> Self {
        let strong_href = web.state.oidc.is_some().then(|| {
            let next = safe_next(&next).unwrap_or_default();
            if next.is_empty() {
                "/auth/oidc/login".to_owned()
            } else {
                let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
                format!("/auth/oidc/login?next={next}")
            }
        });
        SignInPage {
            page: PageCtx::new(web, "signin-title"),
            fields,
            errors,
            next,
            strong_href,
        }
    }
}

#[derive(Deserialize, Default)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

fn fields(lang: Lang, email: &str) -> Vec<Field> {
    vec![
        Field::new("email", "email", lang.t("field-email"))
            .value(email)
            .required()
            .autocomplete("username"),
        Field::new("password", "password", lang.t("field-password"))
            .required()
            .autocomplete("current-password"),
    ]
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let next = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    render(&SignInPage::new(
        &web,
        fields(web.lang, ""),
        FormErrors::default(),
        next,
    ))
}

/// Where each kind of user starts.
pub fn home_of(actor: &Actor) -> &'static str {
    if actor.has(Role::Client) || actor.has(Role::Proxy) {
        "/my"
    } else if crate::web::start::is_staff(actor) {
        // What waits for each of the person's roles (see `web::start`).
        "/start"
    } else {
        "/search"
    }
}

pub async fn submit(
    web: Web,
    jar: CookieJar,
    ClientAddress(address): ClientAddress,
    WebForm(form): WebForm<SignInForm>,
) -> AppResult<Response> {
    match sign_in::with_password(&web.state, address, form.email.trim(), &form.password).await {
        Ok(SignedIn {
            session: Opened { token, .. },
            user,
        }) => welcome(&web, jar, &user, token, &form.next).await,
        Err(e)
            if e.status == axum::http::StatusCode::UNAUTHORIZED
                || e.status == axum::http::StatusCode::TOO_MANY_REQUESTS =>
        {
            let lang = web.lang;
            let summary = match e.retry_after {
                Some(seconds) => lang.t_with(
                    "signin-throttled",
                    &[(
                        "minutes",
                        Arg::Count(seconds.div_ceil(60).try_into().unwrap_or(15)),
                    )],
                ),
                None => lang.t("signin-failed"),
            };
            let errors = FormErrors {
                summary: Some(summary),
                fields: Default::default(),
            };
            let mut response = render(&SignInPage::new(
                &web,
                fields(lang, &form.email),
                errors,
                form.next,
            ))?;
            *response.status_mut() = e.status;
            if let Some(seconds) = e.retry_after {
                response
                    .headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, seconds.into());
            }
            // Not JSON, so the error-page layer leaves this page alone.
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

/// After a proven sign-in (password or strong identification): the session cookie, the
/// language, and on to `next` (a local path only) or the person's home; a proxy with
/// several clients first says for whom she acts.
pub(crate) async fn welcome(
    web: &Web,
    jar: CookieJar,
    user: &user::Model,
    token: String,
    next: &str,
) -> AppResult<Response> {
    let actor = Actor::from_user(user);
    let mut to = safe_next(next).unwrap_or(home_of(&actor)).to_owned();
    // A proxy with several clients (or a client who is also a proxy) first says
    // for whom she acts; the choice sticks for the session.
    let several = acting::choices(&web.state, &actor).await?.len()
        + usize::from(actor.client_id.is_some())
        > 1;
    if several {
        let next: String = form_urlencoded::byte_serialize(to.as_bytes()).collect();
        to = format!("/my/acting-for?next={next}");
    }
    let days = (web.state.config.token_ttl_hours / 24).max(1);
    let mut jar = jar.add(cookie(SESSION_COOKIE, token, days));
    // A language chosen in this browser before signing in wins and is remembered
    // for the user; otherwise the user's own choice follows them here.
    // Without either choice the portal keeps following the browser's languages.
    match jar.get(LANG_COOKIE).and_then(|c| Lang::parse(c.value())) {
        Some(chosen) if chosen.code() != user.locale || !user.locale_chosen => {
            super::language::remember(&web.state.db, actor.user_id, chosen).await?;
        }
        Some(_) => {}
        None => {
            if let Some(lang) = Lang::parse(&user.locale).filter(|_| user.locale_chosen) {
                jar = jar.add(cookie(LANG_COOKIE, lang.code().to_owned(), 400));
            }
        }
    }
    Ok((jar, Redirect::to(&to)).into_response())
}

pub async fn sign_out(
    State(state): State<AppState>,
    web: Web,
    jar: CookieJar,
    WebForm(_): WebForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    if let Some(token) = &web.session_token {
        crate::accounts::sessions::end(&state.db.conn, token).await?;
    }
    let jar = jar.remove(removal(SESSION_COOKIE));
    Ok((jar, Redirect::to("/?done=signed-out")).into_response())
}
