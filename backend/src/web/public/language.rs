//! Choosing the language: remembered in this browser and, when signed in, in the user's
//! profile (so emails and other devices follow).
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;

use crate::{
    error::{AppError, AppResult},
    web::{
        i18n::Lang,
        session::{LANG_COOKIE, Web, WebForm, cookie},
    },
};

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

pub async fn choose(
    web: Web,
    jar: CookieJar,
    WebForm(form): WebForm<LanguageForm>,
) -> AppResult<Response> {
    let lang =
        Lang::parse(&form.lang).ok_or_else(|| AppError::invalid("lang", "must be fi, sv or en"))?;
    if let Some(actor) = &web.actor {
        remember(&web.state.db, actor.user_id, lang).await?;
    }
    let back = if form.back.starts_with('/') && !form.back.starts_with("//") {
        form.back
    } else {
        "/".to_owned()
    };
    let jar = jar.add(cookie(LANG_COOKIE, lang.code().to_owned(), 400));
    Ok((jar, Redirect::to(&back)).into_response())
}

pub use crate::accounts::language::{keep_in_step, remember};
