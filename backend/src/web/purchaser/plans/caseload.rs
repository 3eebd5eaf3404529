//! The caseload: the purchaser's plans with the client's name, status, the day the need
//! was identified and the day the decision is due; overdue drafts first and said so in
//! words; filtered by status and paged with links.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};

use crate::{
    domain::{catalogue::PlanStatus, today_in_finland},
    error::AppResult,
    plans::caseload::{self, CaseloadFilter},
    web::{
        format,
        page::{Choice, PageCtx, render},
        pager::{self, Pager},
        session::Web,
    },
};

pub struct Row {
    pub id: String,
    pub client: String,
    pub status: String,
    pub need: String,
    pub due: String,
    pub overdue: bool,
    /// Still a draft: the one to continue (a client has one at a time).
    pub draft: bool,
}

#[derive(Template)]
#[template(path = "purchaser/plans.html")]
struct CaseloadPage {
    page: PageCtx,
    filters: Vec<Choice>,
    found: String,
    rows: Vec<Row>,
    pager: Pager,
}

/// `?status=open|decided`; anything else is every plan.
fn filter_of(uri: &Uri) -> (CaseloadFilter, &'static str) {
    let asked = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "status")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    match asked.as_str() {
        "open" => (CaseloadFilter::Open, "open"),
        "decided" => (CaseloadFilter::Decided, "decided"),
        _ => (CaseloadFilter::All, ""),
    }
}

pub async fn list(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, pid) = super::case_worker(&web)?;
    let lang = web.lang;
    let (filter, chosen) = filter_of(&uri);
    let listed = caseload::list(
        &web.state.db,
        &actor,
        pid,
        filter,
        Some(pager::requested(&uri)),
    )
    .await?;
    let today = today_in_finland();
    let rows = listed
        .items
        .iter()
        .map(|p| Row {
            id: p.id.to_string(),
            client: p.client_name.clone(),
            status: super::status_word(lang, p.status),
            need: format::date(p.need_identified_on),
            due: super::due_words(lang, p.decision_due, p.overdue, today),
            overdue: p.overdue,
            draft: p.status == PlanStatus::Draft,
        })
        .collect();
    let filters = [
        ("", "plan-staff-filter-all"),
        ("open", "plan-staff-filter-open"),
        ("decided", "plan-staff-filter-decided"),
    ]
    .into_iter()
    .map(|(value, key)| Choice::new(value, lang.t(key), value == chosen))
    .collect();
    render(&CaseloadPage {
        page: PageCtx::new(&web, "plan-staff-caseload-title"),
        filters,
        found: lang.t_with(
            "plan-staff-caseload-found",
            &[("count", listed.total.into())],
        ),
        pager: Pager::of(lang, &uri, &listed),
        rows,
    })
}

/// One client's plans for her page: status, the need, and the day due (late in words).
pub async fn rows_of_client(
    web: &Web,
    actor: &crate::auth::Actor,
    client: crate::domain::ids::ClientId,
) -> AppResult<Vec<Row>> {
    let lang = web.lang;
    let today = today_in_finland();
    let listed = caseload::of_client(&web.state.db, actor, client).await?;
    Ok(listed
        .into_iter()
        .map(|p| Row {
            id: p.id.to_string(),
            client: p.client_name,
            status: super::status_word(lang, p.status),
            need: format::date(p.need_identified_on),
            due: super::due_words(lang, p.decision_due, p.overdue, today),
            overdue: p.overdue,
            draft: p.status == PlanStatus::Draft,
        })
        .collect())
}
