//! Password pages: "forgot my password" (the same answer for any address), the page an
//! emailed link opens to choose a password, and changing one's own password.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};
use serde::Deserialize;

use crate::{
    accounts::{
        lifecycle,
        links::{self, LinkError},
    },
    auth::address::ClientAddress,
    error::{AppError, AppResult},
    web::{
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "public/password.html")]
struct PasswordPage {
    page: PageCtx,
    heading: String,
    intro: String,
    action: &'static str,
    submit: String,
    fields: Vec<Field>,
    errors: FormErrors,
    token: String,
}

fn query_value(uri: &Uri, name: &str) -> String {
    form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn forgot_page(web: &Web, email: &str, errors: FormErrors) -> AppResult<Response> {
    let lang = web.lang;
    let mut fields = vec![
        Field::new("email", "email", lang.t("field-email"))
            .value(email)
            .required()
            .autocomplete("username"),
    ];
    errors.apply(&mut fields);
    render(&PasswordPage {
        page: PageCtx::new(web, "forgot-title"),
        heading: lang.t("forgot-title"),
        intro: lang.t("forgot-intro"),
        action: "/password/forgot",
        submit: lang.t("forgot-submit"),
        fields,
        errors,
        token: String::new(),
    })
}

pub async fn forgot(web: Web) -> AppResult<Response> {
    forgot_page(&web, "", FormErrors::default())
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub async fn send_link(
    web: Web,
    ClientAddress(address): ClientAddress,
    WebForm(form): WebForm<ForgotForm>,
) -> AppResult<Response> {
    match lifecycle::request_reset(&web.state, address, form.email.trim()).await {
        Ok(()) => Ok(done("/signin", "reset-sent")),
        Err(e) => forgot_page(&web, &form.email, FormErrors::from_app(web.lang, e)?),
    }
}

fn set_page(web: &Web, token: &str, errors: FormErrors) -> AppResult<Response> {
    let lang = web.lang;
    let mut fields = vec![
        Field::new("new_password", "password", lang.t("field-new-password"))
            .hint(lang.t("field-new-password-hint"))
            .required()
            .autocomplete("new-password"),
    ];
    errors.apply(&mut fields);
    render(&PasswordPage {
        page: PageCtx::new(web, "set-password-title"),
        heading: lang.t("set-password-title"),
        intro: lang.t("set-password-intro"),
        action: "/password/set",
        submit: lang.t("set-password-submit"),
        fields,
        errors,
        token: token.to_owned(),
    })
}

/// The page an emailed link opens. A used or expired link says so and offers a new one.
pub async fn choose(web: Web, uri: Uri) -> AppResult<Response> {
    let token = query_value(&uri, "token");
    if !links::is_usable(&web.state.db.conn, &token).await? {
        return Err(link_gone());
    }
    set_page(&web, &token, FormErrors::default())
}

fn link_gone() -> AppError {
    AppError::malformed("the link is used, expired or unknown; ask for a new one")
        .with_code("invalid_token")
}

#[derive(Deserialize)]
pub struct SetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new_password: String,
}

pub async fn set(web: Web, WebForm(form): WebForm<SetForm>) -> AppResult<Response> {
    match links::use_link(&web.state.db, &form.token, &form.new_password).await {
        Ok(()) => Ok(done("/signin", "password-set")),
        Err(LinkError::Unusable) => Err(link_gone()),
        Err(LinkError::App(e)) => set_page(&web, &form.token, FormErrors::from_app(web.lang, e)?),
    }
}

fn change_page(web: &Web, errors: FormErrors) -> AppResult<Response> {
    web.signed_in()?;
    let lang = web.lang;
    let mut fields = vec![
        Field::new(
            "current_password",
            "password",
            lang.t("field-current-password"),
        )
        .required()
        .autocomplete("current-password"),
        Field::new("new_password", "password", lang.t("field-new-password"))
            .hint(lang.t("field-new-password-hint"))
            .required()
            .autocomplete("new-password"),
    ];
    errors.apply(&mut fields);
    render(&PasswordPage {
        page: PageCtx::new(web, "change-password-title"),
        heading: lang.t("change-password-title"),
        intro: lang.t("change-password-intro"),
        action: "/settings/password",
        submit: lang.t("change-password-submit"),
        fields,
        errors,
        token: String::new(),
    })
}

pub async fn change_form(web: Web) -> AppResult<Response> {
    change_page(&web, FormErrors::default())
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

pub async fn change(web: Web, WebForm(form): WebForm<ChangeForm>) -> AppResult<Response> {
    let actor = web.signed_in()?;
    let session = web
        .session_token
        .as_deref()
        .ok_or_else(AppError::unauthorized)?;
    match lifecycle::change_password(
        &web.state,
        actor,
        session,
        &form.current_password,
        &form.new_password,
    )
    .await
    {
        Ok(()) => Ok(done("/settings/password", "password-changed")),
        Err(e) => change_page(&web, FormErrors::from_app(web.lang, e)?),
    }
}
