//! Incoming commitments: accept or decline a request; record deliveries on accepted ones.
use askama::Template;
use axum::{http::Uri, response::Response};
use serde::Deserialize;

use crate::{
    commitments::{
        self, Commitment,
        act::{self, Answer},
        read::{self, ProviderFilter},
    },
    domain::{
        catalogue::CommitmentStatus,
        ids::{CommitmentId, OfferingId},
    },
    error::{AppError, AppResult},
    http::extract::PathId,
    web::{
        format,
        page::{PageCtx, done, render},
        pager::{self, Pager},
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
    /// The client's start date, quantity and message, for deciding whether to accept.
    pub wish: Option<String>,
}

#[derive(Template)]
#[template(path = "provider/commitments.html")]
struct CommitmentsPage {
    page: PageCtx,
    /// Every order still waiting for an answer, whatever page the full list is on.
    waiting: Vec<CommitmentRow>,
    rows: Vec<CommitmentRow>,
    pager: Pager,
}

/// The rows of `listed`, each naming its client and what was ordered.
pub(super) async fn rows_of(
    web: &Web,
    actor: &crate::auth::Actor,
    listed: &[Commitment],
) -> AppResult<Vec<CommitmentRow>> {
    let lang = web.lang;
    let parties = commitments::parties_of(&web.state.db.conn, actor, listed).await?;
    let offerings: Vec<OfferingId> = listed.iter().map(|c| c.offering_id).collect();
    let units = crate::web::amounts::units_by_offering(&web.state.db.conn, &offerings).await?;
    Ok(listed
        .iter()
        .map(|c| CommitmentRow {
            id: c.id.to_string(),
            created: format::date(c.created_at.date_naive()),
            client: parties.client(c.client_id).to_owned(),
            title: views::pick(lang, &parties.offering(c.offering_id).title),
            method: views::word(lang, "method", c.method.as_ref()),
            reserved: format::euros(c.reserved),
            status: views::word(lang, "commitment", c.status.as_ref()),
            requested: c.status == CommitmentStatus::Requested,
            accepted: c.status == CommitmentStatus::Accepted,
            wish: views::order_wish(
                lang,
                c,
                units
                    .get(&c.offering_id)
                    .map(String::as_str)
                    .unwrap_or_default(),
            ),
        })
        .collect())
}

pub async fn list(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let db = &web.state.db;
    let waiting = read::for_provider(db, &actor, id, ProviderFilter::Requested, None).await?;
    let listed = read::for_provider(
        db,
        &actor,
        id,
        ProviderFilter::All,
        Some(pager::requested(&uri)),
    )
    .await?;
    render(&CommitmentsPage {
        page: PageCtx::new(&web, "commitments-title"),
        waiting: rows_of(&web, &actor, &waiting.items).await?,
        rows: rows_of(&web, &actor, &listed.items).await?,
        pager: Pager::of(web.lang, &uri, &listed),
    })
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
    let (answer, message) = match form.answer.as_str() {
        "accept" => (Answer::Accept, "commitment-accepted"),
        "decline" => (Answer::Decline, "commitment-declined"),
        _ => return Err(AppError::invalid("answer", "must be accept or decline")),
    };
    act::answer(&web.state.db, &actor, id, answer).await?;
    Ok(done("/provider/commitments", message))
}
