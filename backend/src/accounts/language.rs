//! A person's language in their profile: the one they chose (emails and other devices
//! follow it), or the one their browser asked for while they have not chosen.
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use crate::{db::entities::user, error::AppResult, i18n::Lang};

/// Saves the language in the user's profile as their choice (emails use it too).
pub async fn remember(
    db: &crate::db::Db,
    user_id: crate::domain::ids::UserId,
    lang: Lang,
) -> AppResult<()> {
    save(db, user_id, lang, true).await
}

/// Keeps the signed-in user's profile in step with the page: a `?lang=` URL is a choice
/// and is remembered; a language that only followed the browser (the user never chose)
/// is stored unchosen, so emails speak it too without it counting as a choice.
pub async fn keep_in_step(
    db: &crate::db::Db,
    actor: &crate::auth::Actor,
    lang: Lang,
    chosen: bool,
) -> AppResult<()> {
    if actor.api_key.is_some() {
        return Ok(());
    }
    let same = actor.locale == lang.code();
    if chosen && !(same && actor.locale_chosen) {
        save(db, actor.user_id, lang, true).await?;
    } else if !chosen && !actor.locale_chosen && !same {
        save(db, actor.user_id, lang, false).await?;
    }
    Ok(())
}

async fn save(
    db: &crate::db::Db,
    user_id: crate::domain::ids::UserId,
    lang: Lang,
    chosen: bool,
) -> AppResult<()> {
    user::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(user_id),
        locale: Set(lang.code().to_owned()),
        locale_chosen: Set(chosen),
        ..Default::default()
    }
    .update(&db.conn)
    .await?;
    Ok(())
}
