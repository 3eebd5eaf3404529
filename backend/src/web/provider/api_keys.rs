//! API keys for the provider's sites: make one (shown once, with a plain warning to copy it
//! now), see them all, and revoke one after confirming. Calls the API's own handlers.
use askama::Template;
use axum::{extract::State, response::Response};
use sea_orm::EntityTrait;
use serde::Deserialize;

use crate::{
    db::entities::api_key,
    domain::ids::ApiKeyId,
    error::{AppError, AppResult},
    routes::{
        api_keys::{self, ApiKeyIn, ApiKeyOut},
        extract::{ApiJson, ApiQuery, PathId},
    },
    web::{
        format,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

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
    // Every key the provider has, page after page of the API's list.
    let keys = crate::web::pager::every_page(|query| {
        let (state, actor) = (web.state.clone(), actor.clone());
        async move {
            api_keys::list(State(state), actor, PathId(id), ApiQuery(query))
                .await
                .map(|listed| listed.0)
        }
    })
    .await?;
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

pub async fn show(web: Web) -> AppResult<Response> {
    draw(&web, "", None, FormErrors::default()).await
}

pub async fn create(web: Web, WebForm(form): WebForm<KeyForm>) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let input = ApiKeyIn {
        site: form.site.clone(),
    };
    match api_keys::create(State(web.state.clone()), actor, PathId(id), ApiJson(input)).await {
        // Drawn in the answer to this post, never stored: the one time the key is shown.
        Ok((_, created)) => {
            let new_key = NewKey {
                site: created.0.site,
                key: created.0.key,
            };
            draw(&web, "", Some(new_key), FormErrors::default()).await
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
    let model = api_key::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("API key"))?;
    actor.require_provider(model.provider_id.into(), "API key")?;
    let key = ApiKeyOut::of(model, String::new());
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
    let _revoked = api_keys::revoke(State(web.state.clone()), actor, PathId(id)).await?;
    Ok(done("/provider/api-keys", "api-key-revoked"))
}
