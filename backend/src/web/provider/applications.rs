//! Applying to a purchaser's catalogue: pick the purchaser, read each service's rulebook,
//! accept it and choose the services. The provider's applications and their decisions.
use crate::i18n::Translate;
use std::collections::HashMap;

use askama::Template;
use axum::{http::Uri, response::Response};
use sea_orm::{EntityTrait, QueryOrder};

use crate::{
    applications::{apply, read::ApplicationOut},
    domain::ids::{PurchaserId, ServiceId},
    error::{AppError, AppResult},
    web::{
        page::{Choice, Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

pub struct ApplicationRow {
    pub purchaser: String,
    pub services: String,
    pub status: String,
    pub reason: Option<String>,
}

pub struct ServiceChoice {
    pub id: String,
    pub name: String,
    pub rulebook: Vec<String>,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "provider/applications.html")]
struct ApplicationsPage {
    page: PageCtx,
    rows: Vec<ApplicationRow>,
    fields: Vec<Field>,
    chosen: Option<(String, String)>,
    services: Vec<ServiceChoice>,
    accept: Field,
    errors: FormErrors,
}

async fn draw(
    web: &Web,
    chosen: Option<PurchaserId>,
    checked: &[String],
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, id) = super::staff(web)?;
    let lang = web.lang;
    let purchasers: Vec<crate::db::entities::purchaser::Model> =
        crate::db::entities::purchaser::Entity::find()
            .order_by_asc(crate::db::entities::purchaser::Column::Name)
            .all(&web.state.db.conn)
            .await?;
    let names: HashMap<String, String> = purchasers
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    let listed = crate::applications::read::for_provider(&web.state.db.conn, &actor, id, None)
        .await?
        .items
        .iter()
        .map(ApplicationOut::from_model)
        .collect::<AppResult<Vec<_>>>()?;
    let service_ids: Vec<ServiceId> = listed
        .iter()
        .flat_map(|a| a.service_ids.iter().copied())
        .collect();
    let service_names = views::service_names(&web.state, lang, service_ids).await?;
    let rows = listed
        .iter()
        .map(|a| ApplicationRow {
            purchaser: names
                .get(&a.purchaser_id.to_string())
                .cloned()
                .unwrap_or_default(),
            services: a
                .service_ids
                .iter()
                .filter_map(|s| service_names.get(&s.to_string()).cloned())
                .collect::<Vec<_>>()
                .join(", "),
            status: views::word(lang, "application", a.status.as_ref()),
            reason: a.reason.clone(),
        })
        .collect();
    let options = std::iter::once(Choice::new("", lang.t("choose-one"), chosen.is_none()))
        .chain(
            purchasers
                .iter()
                .map(|p| Choice::new(p.id.to_string(), p.name.clone(), Some(p.id) == chosen)),
        )
        .collect();
    let mut services_out = Vec::new();
    if let Some(pid) = chosen {
        for s in views::whole_catalogue(&web.state, pid).await? {
            services_out.push(ServiceChoice {
                id: s.id.to_string(),
                name: views::pick(lang, &s.name),
                checked: checked.contains(&s.id.to_string()),
                rulebook: s.rulebook,
            });
        }
    }
    let mut accept = Field::new("accept", "checkbox", lang.t("apply-accept")).required();
    accept.error = errors.fields.get("accept").cloned();
    render(&ApplicationsPage {
        page: PageCtx::new(web, "applications-title"),
        rows,
        fields: vec![Field::new("purchaser", "select", lang.t("apply-purchaser")).options(options)],
        chosen: chosen.map(|p| {
            (
                p.to_string(),
                names.get(&p.to_string()).cloned().unwrap_or_default(),
            )
        }),
        services: services_out,
        accept,
        errors,
    })
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let chosen = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "purchaser")
        .and_then(|(_, v)| v.parse().ok());
    draw(&web, chosen, &[], FormErrors::default()).await
}

/// The form repeats `services` once per ticked box, so it is read pair by pair.
pub async fn submit(
    web: Web,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let ticked: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "services")
        .map(|(_, v)| v.clone())
        .collect();
    let purchaser: Option<PurchaserId> = value("purchaser").parse().ok();
    let outcome = async {
        let purchaser_id =
            purchaser.ok_or_else(|| AppError::invalid("purchaser", "choose a purchaser"))?;
        if value("accept") != "yes" {
            return Err(AppError::invalid("accept", "the rulebook must be accepted"));
        }
        let service_ids = ticked
            .iter()
            .map(|s| {
                s.parse::<ServiceId>()
                    .map_err(|_| AppError::invalid("services", "is not a service"))
            })
            .collect::<AppResult<Vec<_>>>()?;
        apply::apply(&web.state.db, &actor, id, purchaser_id, &service_ids)
            .await
            .map_err(|e| crate::web::page::rename_field(e, "service_ids", "services"))
            .map_err(|e| crate::web::page::rename_field(e, "purchaser_id", "purchaser"))
    }
    .await;
    match outcome {
        Ok(_) => Ok(done("/provider/applications", "application-sent")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, purchaser, &ticked, errors).await
        }
    }
}
