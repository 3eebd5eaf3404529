//! Choosing the language: remembered in this browser and, when signed in, in the user's
//! profile (so emails and other devices follow).
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde::Deserialize;

use crate::{
    db::entities::user,
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
        remember(&web.state, actor.user_id, lang).await?;
    }
    let back = if form.back.starts_with('/') && !form.back.starts_with("//") {
        form.back
    } else {
        "/".to_owned()
    };
    let jar = jar.add(cookie(LANG_COOKIE, lang.code().to_owned(), 400));
    Ok((jar, Redirect::to(&back)).into_response())
}

/// Saves the language in the user's profile as their choice (emails use it too).
pub async fn remember(
    state: &crate::state::AppState,
    user_id: crate::domain::ids::UserId,
    lang: Lang,
) -> AppResult<()> {
    save(state, user_id, lang, true).await
}

/// Keeps the signed-in user's profile in step with the page: a `?lang=` URL is a choice
/// and is remembered; a language that only followed the browser (the user never chose)
/// is stored unchosen, so emails speak it too without it counting as a choice.
pub async fn keep_in_step(
    state: &crate::state::AppState,
    actor: &crate::auth::Actor,
    lang: Lang,
    chosen: bool,
) -> AppResult<()> {
    if actor.api_key.is_some() {
        return Ok(());
    }
    let same = actor.locale == lang.code();
    if chosen && !(same && actor.locale_chosen) {
        save(state, actor.user_id, lang, true).await?;
    } else if !chosen && !actor.locale_chosen && !same {
        save(state, actor.user_id, lang, false).await?;
    }
    Ok(())
}

async fn save(
    state: &crate::state::AppState,
    user_id: crate::domain::ids::UserId,
    lang: Lang,
    chosen: bool,
) -> AppResult<()> {
    user::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(user_id.into()),
        locale: Set(lang.code().to_owned()),
        locale_chosen: Set(chosen),
        ..Default::default()
    }
    .update(&state.db.conn)
    .await?;
    Ok(())
}
