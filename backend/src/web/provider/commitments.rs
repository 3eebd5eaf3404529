//! Incoming commitments: accept or decline a request; record deliveries on accepted ones.
use std::collections::HashMap;

use askama::Template;
use axum::{extract::State, response::Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

use crate::{
    audit::{self, AuditEvent},
    db::entities::{allocation, client},
    domain::{catalogue::CommitmentStatus, ids::CommitmentId},
    error::{AppError, AppResult},
    routes::{
        commitments,
        extract::{ApiQuery, PathId},
        providers,
    },
    web::{
        client::money::{all, offering_titles},
        format,
        page::{PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

pub struct CommitmentRow {
    pub id: String,
    pub created: String,
    pub client: String,
    pub title: String,
    pub method: String,
    pub reserved: String,
    pub status: String,
    pub requested: bool,
    pub accepted: bool,
}

#[derive(Template)]
#[template(path = "provider/commitments.html")]
struct CommitmentsPage {
    page: PageCtx,
    rows: Vec<CommitmentRow>,
}

pub async fn list(web: Web) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let lang = web.lang;
    let listed = providers::commitments(
        State(web.state.clone()),
        actor.clone(),
        PathId(id),
        ApiQuery(all()),
    )
    .await?
    .0
    .items;
    let titles = offering_titles(&web, lang, &listed).await?;
    let names = client_names(&web, &actor, &listed).await?;
    let rows = listed
        .into_iter()
        .map(|c| CommitmentRow {
            id: c.id.to_string(),
            created: format::date(c.created_at.date_naive()),
            client: names
                .get(&uuid::Uuid::from(c.allocation_id))
                .cloned()
                .unwrap_or_default(),
            title: titles
                .get(&uuid::Uuid::from(c.offering_id))
                .map(|t| t.0.clone())
                .unwrap_or_default(),
            method: views::word(lang, "method", c.method.as_ref()),
            reserved: format::euros(c.reserved),
            status: views::word(lang, "commitment", c.status.as_ref()),
            requested: c.status == CommitmentStatus::Requested,
            accepted: c.status == CommitmentStatus::Accepted,
        })
        .collect();
    render(&CommitmentsPage {
        page: PageCtx::new(&web, "commitments-title"),
        rows,
    })
}

/// The provider sees the name of each client it has a commitment with (to deliver the
/// service), nothing more; the read is audited.
pub(super) async fn client_names(
    web: &Web,
    actor: &crate::auth::Actor,
    listed: &[commitments::CommitmentOut],
) -> AppResult<HashMap<uuid::Uuid, String>> {
    let conn = &web.state.db.conn;
    let ids: Vec<uuid::Uuid> = listed.iter().map(|c| c.allocation_id.into()).collect();
    let allocations = allocation::Entity::find()
        .filter(allocation::Column::Id.is_in(ids))
        .all(conn)
        .await?;
    let client_ids: Vec<uuid::Uuid> = allocations.iter().map(|a| a.client_id).collect();
    let clients: HashMap<uuid::Uuid, String> = client::Entity::find()
        .filter(client::Column::Id.is_in(client_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    if !clients.is_empty() {
        audit::record(
            conn,
            Some(actor),
            None,
            AuditEvent {
                action: "client_names_read_by_provider",
                subject_type: "provider",
                subject_id: actor.provider_id.map(|p| p.to_string()).unwrap_or_default(),
                client: None,
                detail: Some(serde_json::json!({"clients": clients.keys().map(ToString::to_string).collect::<Vec<_>>()})),
            },
        )
        .await?;
    }
    Ok(allocations
        .into_iter()
        .map(|a| (a.id, clients.get(&a.client_id).cloned().unwrap_or_default()))
        .collect())
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
}

pub async fn answer(
    web: Web,
    PathId(id): PathId<CommitmentId>,
    WebForm(form): WebForm<AnswerForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let state = State(web.state.clone());
    match form.answer.as_str() {
        "accept" => {
            let _accepted = commitments::accept(state, actor, PathId(id)).await?;
            Ok(done("/provider/commitments", "commitment-accepted"))
        }
        "decline" => {
            let _declined = commitments::decline(state, actor, PathId(id)).await?;
            Ok(done("/provider/commitments", "commitment-declined"))
        }
        _ => Err(AppError::invalid("answer", "must be accept or decline")),
    }
}
