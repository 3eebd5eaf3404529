//! The client's monthly statement as a printable page, for the client side (`/my/...`) and
//! for the purchaser's case workers (`/purchaser/...`): both read it through
//! `statements::client::for_allocation`, as the API does, so who may see it and the audit
//! of the read live once.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};
use chrono::Months;

use crate::{
    auth::Actor,
    commitments::client_names,
    domain::{Money, ids::AllocationId, today_in_finland},
    error::AppResult,
    http::extract::PathId,
    statements::client::{ClientStatement, StatementMovement, for_allocation},
    web::{
        client::money::BalanceView,
        format,
        i18n::Lang,
        page::{PageCtx, render},
        session::Web,
        views,
    },
};

pub struct MovementRow {
    pub date: String,
    pub event: String,
    pub service: String,
    pub available: String,
    pub reserved: String,
    pub spent: String,
}

pub struct ShareRow {
    pub date: String,
    pub service: String,
    pub quantity: String,
    pub total: String,
    pub client_share: String,
}

#[derive(Template)]
#[template(path = "statement.html")]
struct StatementPage {
    page: PageCtx,
    heading: String,
    month_label: String,
    month_value: String,
    /// This page's path without the query, for the month links and the chooser.
    path: String,
    back: (String, String),
    previous: String,
    next: Option<String>,
    opening: BalanceView,
    closing: BalanceView,
    is_current: bool,
    movements: Vec<MovementRow>,
    shares: Vec<ShareRow>,
    shares_total: String,
}

/// `?month=` as sent; the API handler parses and checks it.
pub fn month_param(uri: &Uri) -> Option<String> {
    form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "month")
        .map(|(_, v)| v.into_owned())
}

/// A change to one column: `+160,00 €`, `−80,00 €`, or nothing when it did not move.
fn signed(m: Money) -> String {
    match m.cents() {
        0 => String::new(),
        c if c > 0 => format!("+{}", format::euros(m)),
        _ => format::euros(m),
    }
}

fn movement_row(lang: Lang, m: &StatementMovement) -> MovementRow {
    let mut event = views::word(lang, "entry", &m.kind);
    if let Some(reason) = &m.reason {
        event = format!(
            "{event} ({})",
            lang.t(&format!("statement-reason-{}", reason.replace('_', "-")))
        );
    }
    let title = match (&m.service_name, &m.provider_name) {
        (Some(s), Some(p)) => format!("{} – {p}", views::pick(lang, s)),
        _ => String::new(),
    };
    let service = match m.delivery_date {
        Some(d) => lang.t_with(
            "statement-service-on",
            &[("title", title.into()), ("date", format::date(d).into())],
        ),
        None => title,
    };
    MovementRow {
        date: format::date(m.date),
        event,
        service,
        available: signed(m.change.available),
        reserved: signed(m.change.reserved),
        spent: signed(m.change.spent),
    }
}

/// The statement of allocation `id` for the month in the query, if the actor may see it.
async fn read(web: &Web, actor: &Actor, id: AllocationId, uri: &Uri) -> AppResult<ClientStatement> {
    for_allocation(&web.state.db.conn, actor, id, month_param(uri).as_deref()).await
}

/// Draws statement `s` of the client named `whose`. `back` is where the page came from:
/// the client's money page or the case worker's client page.
fn draw(
    web: &Web,
    s: ClientStatement,
    uri: &Uri,
    whose: &str,
    back: (String, String),
) -> AppResult<Response> {
    let lang = web.lang;
    let next_first = s.last_day.succ_opt().unwrap_or(s.last_day);
    let previous = s
        .first_day
        .checked_sub_months(Months::new(1))
        .unwrap_or(s.first_day);
    let month_label = lang.t_with(
        "month-label",
        &[("month", s.first_day.format("%-m/%Y").to_string().into())],
    );
    render(&StatementPage {
        page: PageCtx::new(web, "statement-title").whose(whose),
        heading: lang.t_with(
            "statement-heading",
            &[
                ("kind", views::word(lang, "funding", s.kind.as_ref()).into()),
                ("month", s.first_day.format("%-m/%Y").to_string().into()),
            ],
        ),
        month_label,
        month_value: s.month.clone(),
        path: uri.path().to_owned(),
        back,
        previous: previous.format("%Y-%m").to_string(),
        next: (next_first <= today_in_finland()).then(|| next_first.format("%Y-%m").to_string()),
        opening: BalanceView::of(&s.opening),
        closing: BalanceView::of(&s.closing),
        is_current: next_first > today_in_finland(),
        movements: s.movements.iter().map(|m| movement_row(lang, m)).collect(),
        shares: s
            .own_shares
            .iter()
            .map(|o| ShareRow {
                date: format::date(o.date),
                service: format!(
                    "{} – {}",
                    views::pick(lang, &o.service_name),
                    o.provider_name
                ),
                quantity: super::amounts::with_unit(lang, o.quantity, &o.unit),
                total: format::euros(o.total),
                client_share: format::euros(o.client_share),
            })
            .collect(),
        shares_total: format::euros(s.own_shares_total),
    })
}

/// `/my/allocations/{id}/statement`: the client, or a proxy acting for them.
pub async fn for_client(
    web: Web,
    PathId(id): PathId<AllocationId>,
    uri: Uri,
) -> AppResult<Response> {
    let ctx = crate::web::client::current(&web).await?;
    let actor = web.signed_in()?.clone();
    let s = read(&web, &actor, id, &uri).await?;
    let whose = ctx
        .choices
        .iter()
        .find(|(c, _)| *c == s.client_id)
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| ctx.name.clone());
    let back = ("/my".to_owned(), web.lang.t("back-to-money"));
    draw(&web, s, &uri, &whose, back)
}

/// `/purchaser/allocations/{id}/statement`: the purchaser's case workers.
pub async fn for_case_worker(
    web: Web,
    PathId(id): PathId<AllocationId>,
    uri: Uri,
) -> AppResult<Response> {
    let (actor, _) = crate::web::purchaser::staff(&web)?;
    let s = read(&web, &actor, id, &uri).await?;
    // The read above checked that the client is one of this purchaser's.
    let names = client_names(&web.state.db.conn, &actor, [s.client_id]).await?;
    let whose = names.get(&s.client_id).cloned().unwrap_or_default();
    let back = (
        format!("/purchaser/clients/{}", s.client_id),
        web.lang.t("back-to-client"),
    );
    draw(&web, s, &uri, &whose, back)
}
