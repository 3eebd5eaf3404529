//! API keys for the provider's sites: make one (shown once, with a plain warning to copy it
//! now), see them all, and revoke one after confirming. Making a key posts and redirects:
//! the new key travels to the list page in a one-time flash, so a refresh neither makes a
//! second key nor shows the first again.
use crate::i18n::Translate;
use askama::Template;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;

use crate::{
    accounts::api_keys::{self, ApiKeyOut},
    domain::{ids::ApiKeyId, text::parse_text},
    error::{AppResult, field},
    http::extract::PathId,
    web::{
        format,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{self, Web, WebForm},
    },
};

const KEYS_PAGE: &str = "/provider/api-keys";

pub struct KeyRow {
    pub id: String,
    pub site: String,
    pub prefix: String,
    pub created: String,
    pub created_by: String,
    pub last_used: String,
    pub revoked: Option<String>,
}

impl KeyRow {
    fn of(web: &Web, key: ApiKeyOut) -> Self {
        KeyRow {
            id: key.id.to_string(),
            site: key.site,
            prefix: format!("vk_{}", key.prefix),
            created: format::moment(key.created_at),
            created_by: key.created_by,
            last_used: key
                .last_used_at
                .map(format::moment)
                .unwrap_or_else(|| web.lang.t("api-keys-never-used")),
            revoked: key.revoked_at.map(format::moment),
        }
    }
}

/// A key just made: its whole text, shown on this page only.
pub struct NewKey {
    pub site: String,
    pub key: String,
}

#[derive(Template)]
#[template(path = "provider/api_keys.html")]
struct KeysPage {
    page: PageCtx,
    keys: Vec<KeyRow>,
    new_key: Option<NewKey>,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct KeyForm {
    #[serde(default)]
    site: String,
}

async fn draw(
    web: &Web,
    site: &str,
    new_key: Option<NewKey>,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, id) = super::staff(web)?;
    // Every key the provider has.
    let keys = api_keys::of_provider(&web.state.db, &actor, id, None)
        .await?
        .items;
    let mut fields = vec![
        Field::new("site", "text", web.lang.t("field-site"))
            .value(site)
            .hint(web.lang.t("field-site-hint"))
            .required(),
    ];
    errors.apply(&mut fields);
    render(&KeysPage {
        page: PageCtx::new(web, "api-keys-title"),
        keys: keys.into_iter().map(|k| KeyRow::of(web, k)).collect(),
        new_key,
        fields,
        errors,
    })
}

/// The list, and the key just made when the flash still holds it (only on the first
/// view after making it).
pub async fn show(web: Web, jar: CookieJar) -> AppResult<Response> {
    let (jar, flashed) = session::take_flash(&web, jar, KEYS_PAGE);
    let new_key = flashed.and_then(|text| {
        let (site, key) = text.split_once('\n')?;
        Some(NewKey {
            site: site.to_owned(),
            key: key.to_owned(),
        })
    });
    let page = draw(&web, "", new_key, FormErrors::default()).await?;
    Ok((jar, page).into_response())
}

pub async fn create(
    web: Web,
    jar: CookieJar,
    WebForm(form): WebForm<KeyForm>,
) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let made = match field("site", parse_text(&form.site, 100)) {
        Ok(site) => api_keys::create(&web.state.db, id, site, &actor).await,
        Err(e) => Err(e),
    };
    match made {
        // Never stored in clear: the key rides to the list page once, in the flash (the
        // page's own "key made" section says so; no notice in the URL to outlive it).
        Ok((model, key)) => {
            let flash = session::flash(&web, KEYS_PAGE, &format!("{}\n{key}", model.site));
            Ok((jar.add(flash), Redirect::to(KEYS_PAGE)).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, &form.site, None, errors).await
        }
    }
}

#[derive(Template)]
#[template(path = "provider/api_key_revoke.html")]
struct RevokePage {
    page: PageCtx,
    key: KeyRow,
}

/// "Revoke this key?": the site and prefix, what stops working, and the button.
pub async fn confirm(web: Web, PathId(id): PathId<ApiKeyId>) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let key = api_keys::one(&web.state.db, &actor, id).await?;
    render(&RevokePage {
        page: PageCtx::new(&web, "api-key-revoke-title"),
        key: KeyRow::of(&web, key),
    })
}

pub async fn revoke(
    web: Web,
    PathId(id): PathId<ApiKeyId>,
    WebForm(_): WebForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    api_keys::revoke(&web.state.db, id, &actor).await?;
    Ok(done(KEYS_PAGE, "api-key-revoked"))
}
