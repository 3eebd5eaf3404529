//! The client's plans as her money page lists them: the status, the decision's due day
//! while a draft, and a decided plan's spending pace (read in full through `plans::read`,
//! audited).
use crate::i18n::Translate;
use crate::{
    auth::Actor,
    domain::{catalogue::PlanStatus, ids::ClientId},
    error::AppResult,
    plans,
    web::{
        client::{
            plan::status_words,
            plan_pace::{self, PaceView},
        },
        format,
        session::Web,
    },
};

/// One of the client's plans as her money page links it.
pub struct PlanLink {
    pub id: String,
    /// "Oma suunnitelma (tarve todettu 17.11.2026)": a client with two plans tells them apart.
    pub title: String,
    pub status: String,
    pub due: Option<String>,
    pub pace: Option<PaceView>,
}

/// The client's plans for her money page; a decided one with its pace (read in full,
/// audited).
pub async fn links(web: &Web, actor: &Actor, client: ClientId) -> AppResult<Vec<PlanLink>> {
    let conn = &web.state.db.conn;
    let mut out = Vec::new();
    for p in plans::pages::of_client(&web.state.db, actor, client).await? {
        let (status, due) = status_words(web.lang, p.status, p.decision_due, p.overdue);
        let pace = if p.status == PlanStatus::Decided {
            let plan = plans::read::find(conn, actor, p.id).await?;
            let months = plans::pages::spending_by_month(conn, &plan).await?;
            plan_pace::view(web.lang, &plan, &months)
        } else {
            None
        };
        out.push(PlanLink {
            id: p.id.to_string(),
            title: web.lang.t_with(
                "plan-link-dated",
                &[("date", format::date(p.need_identified_on).into())],
            ),
            status,
            due,
            pace,
        });
    }
    Ok(out)
}
