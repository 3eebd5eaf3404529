//! The demand-gap report for a purchaser's staff: what clients searched for in its area
//! and did not find, most asked first, 50 a page. The same rows and numbers as the API's
//! report (both read `reports::demand_gaps`).
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};

use crate::{
    error::AppResult,
    reports::demand_gaps,
    web::{
        format,
        page::{PageCtx, render},
        pager::{self, Pager},
        session::Web,
        views,
    },
};

pub struct GapRow {
    pub query: String,
    pub municipality: String,
    pub count: i64,
    pub first_seen: String,
    pub last_seen: String,
}

#[derive(Template)]
#[template(path = "purchaser/demand_gaps.html")]
struct GapsPage {
    page: PageCtx,
    rows: Vec<GapRow>,
    total: u64,
    pager: Pager,
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let lang = web.lang;
    let listed = demand_gaps::page(&web.state.db, &actor, pid, pager::requested(&uri)).await?;
    let rows = listed
        .items
        .iter()
        .map(|g| GapRow {
            query: g.query.clone(),
            municipality: if g.municipality.is_empty() {
                lang.t("gaps-anywhere")
            } else {
                views::municipality(lang, &g.municipality)
            },
            count: g.count,
            first_seen: format::date(crate::domain::finnish_day_of(g.first_seen)),
            last_seen: format::date(crate::domain::finnish_day_of(g.last_seen)),
        })
        .collect();
    render(&GapsPage {
        page: PageCtx::new(&web, "gaps-title"),
        rows,
        total: listed.total,
        pager: Pager::of(lang, &uri, &listed),
    })
}
