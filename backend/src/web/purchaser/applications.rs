//! Provider applications to this purchaser's catalogue: approve, or reject with a reason.
use std::collections::HashMap;

use askama::Template;
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    applications::{decide, read::ApplicationOut},
    db::entities::provider,
    domain::{
        catalogue::{ApplicationStatus, Role},
        ids::{ApplicationId, ProviderId, ServiceId},
    },
    error::AppResult,
    http::extract::PathId,
    web::{
        decision_form::DecisionForm,
        format,
        page::{FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

pub struct ApplicationRow {
    pub id: String,
    pub provider: String,
    pub provider_id: String,
    pub business_id: String,
    pub services: String,
    pub date: String,
    pub status: String,
    pub reason: Option<String>,
    pub pending: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "purchaser/applications.html")]
struct ApplicationsPage {
    page: PageCtx,
    rows: Vec<ApplicationRow>,
    errors: FormErrors,
}

async fn draw(
    web: &Web,
    failed: Option<(ApplicationId, String)>,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    actor.require_staff(pid, Role::CatalogueManager)?;
    let lang = web.lang;
    let listed = crate::applications::read::for_purchaser(&web.state.db.conn, &actor, pid, None)
        .await?
        .items
        .iter()
        .map(ApplicationOut::from_model)
        .collect::<AppResult<Vec<_>>>()?;
    let provider_ids: Vec<ProviderId> = listed.iter().map(|a| a.provider_id).collect();
    let providers: HashMap<ProviderId, provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(provider_ids))
        .all(&web.state.db.conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let service_ids: Vec<ServiceId> = listed
        .iter()
        .flat_map(|a| a.service_ids.iter().copied())
        .collect();
    let names = views::service_names(&web.state, lang, service_ids).await?;
    let rows = listed
        .iter()
        .map(|a| {
            let p = providers.get(&a.provider_id);
            ApplicationRow {
                id: a.id.to_string(),
                provider: p.map(|p| p.name.clone()).unwrap_or_default(),
                provider_id: a.provider_id.to_string(),
                business_id: p.map(|p| p.business_id.clone()).unwrap_or_default(),
                services: a
                    .service_ids
                    .iter()
                    .filter_map(|s| names.get(&s.to_string()).cloned())
                    .collect::<Vec<_>>()
                    .join(", "),
                date: format::date(a.created_at.date_naive()),
                status: views::word(lang, "application", a.status.as_ref()),
                reason: a.reason.clone(),
                pending: a.status == ApplicationStatus::Pending,
                error: failed
                    .as_ref()
                    .filter(|(id, _)| *id == a.id)
                    .map(|(_, e)| e.clone()),
            }
        })
        .collect();
    render(&ApplicationsPage {
        page: PageCtx::new(web, "purchaser-applications-title"),
        rows,
        errors,
    })
}

pub async fn list(web: Web) -> AppResult<Response> {
    draw(&web, None, FormErrors::default()).await
}

pub async fn decide(
    web: Web,
    PathId(id): PathId<ApplicationId>,
    WebForm(form): WebForm<DecisionForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let approve = form.choice(&[("approve", true), ("reject", false)])?;
    // A rejection without a reason is refused by the rules, like any other.
    match decide::decide(&web.state.db, &actor, id, approve, form.reason()).await {
        Ok(_) => Ok(done(
            "/purchaser/applications",
            if approve {
                "application-approved"
            } else {
                "application-rejected"
            },
        )),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            let message = errors
                .fields
                .get("reason")
                .or(errors.summary.as_ref())
                .cloned()
                .unwrap_or_default();
            draw(&web, Some((id, message)), errors).await
        }
    }
}
