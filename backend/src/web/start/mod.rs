//! Staff start pages: after sign-in, and on `/` while signed in, each staff member sees
//! what waits for each of their roles (counted over every row) with links to the lists.
//! Clients keep their own landing (`/my`); a visitor gets the public front page.
use crate::i18n::Translate;
use askama::Template;
use axum::response::{IntoResponse, Redirect, Response};

use crate::{
    auth::{Actor, address::ClientAddress},
    domain::catalogue::Role,
    error::{AppError, AppResult},
    reports::to_do::{self, Work},
    web::{
        i18n::{Arg, Lang},
        page::{PageCtx, render},
        session::Web,
    },
};

/// The roles whose people start on `/start` rather than on the public search.
const STAFF_ROLES: [Role; 6] = [
    Role::ProviderStaff,
    Role::CaseWorker,
    Role::CatalogueManager,
    Role::Finance,
    Role::Admin,
    Role::Moderator,
];

/// Whether `actor` is staff and not also a client or proxy (whose money page comes first).
pub fn is_staff(actor: &Actor) -> bool {
    !(actor.has(Role::Client) || actor.has(Role::Proxy))
        && STAFF_ROLES.iter().any(|r| actor.has(*r))
}

/// `/`: staff go to their start page; everyone else sees the front page.
pub async fn root(web: Web, address: ClientAddress) -> AppResult<Response> {
    match &web.actor {
        Some(actor) if is_staff(actor) => Ok(Redirect::to("/start").into_response()),
        _ => crate::web::public::home::show(web, address).await,
    }
}

/// One thing to do: its count in words, and the list it links to.
pub struct Item {
    pub text: String,
    pub href: String,
    /// Something waits (a count above zero): drawn stronger, and said so in words.
    pub waiting: bool,
}

/// One role's part of the page.
pub struct Part {
    pub id: &'static str,
    pub heading: String,
    pub items: Vec<Item>,
}

#[derive(Template)]
#[template(path = "start/start.html")]
struct StartPage {
    page: PageCtx,
    parts: Vec<Part>,
}

fn item(lang: Lang, key: &str, count: u64, href: impl Into<String>) -> Item {
    Item {
        text: lang.t_with(key, &[("count", Arg::from(count))]),
        href: href.into(),
        waiting: count > 0,
    }
}

fn parts(lang: Lang, work: Work) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut part = |id, key: &str, items| {
        parts.push(Part {
            id,
            heading: lang.t(key),
            items,
        })
    };
    if let Some(w) = work.provider {
        part(
            "provider",
            "start-provider-heading",
            vec![
                item(
                    lang,
                    "start-orders-waiting",
                    w.orders_waiting,
                    "/provider/commitments",
                ),
                item(
                    lang,
                    "start-orders-to-record",
                    w.orders_to_record,
                    "/provider/deliveries",
                ),
                item(
                    lang,
                    "start-provider-disputes",
                    w.disputes_open,
                    "/provider/disputes",
                ),
            ],
        );
    }
    if let Some(w) = work.case {
        part(
            "case",
            "start-case-heading",
            vec![
                item(lang, "start-clients", w.clients, "/purchaser/clients"),
                item(lang, "plan-staff-start-link", 0, "/purchaser/plans"),
                item(
                    lang,
                    "start-disputes-to-decide",
                    w.disputes_to_decide,
                    "/purchaser/disputes",
                ),
                item(
                    lang,
                    "start-overdue-providers",
                    w.providers_overdue,
                    "/purchaser/recording",
                ),
                item(
                    lang,
                    "start-silent-orders",
                    w.orders_silent,
                    "/purchaser/recording",
                ),
                item(lang, "start-demand-gaps-link", 0, "/purchaser/demand-gaps"),
            ],
        );
    }
    if let Some(w) = work.finance {
        let month = w.month.label();
        let label = w.month.first_day.format("%-m/%Y").to_string();
        let settle = format!("/purchaser/settlement?month={month}");
        parts.push(Part {
            id: "finance",
            heading: lang.t_with(
                "start-finance-heading",
                &[("month", Arg::from(label.as_str()))],
            ),
            items: vec![
                item(
                    lang,
                    "start-deliveries-to-invoice",
                    w.deliveries_waiting,
                    settle.clone(),
                ),
                item(
                    lang,
                    "start-providers-to-invoice",
                    w.providers_waiting,
                    settle.clone(),
                ),
                Item {
                    waiting: false,
                    ..item(lang, "start-invoices-made", w.invoices, settle)
                },
                item(lang, "start-finance-report", 0, "/purchaser/finance"),
            ],
        });
    }
    if let Some(w) = work.catalogue {
        parts.push(Part {
            id: "catalogue",
            heading: lang.t("start-catalogue-heading"),
            items: vec![
                Item {
                    waiting: false,
                    ..item(lang, "start-services", w.services, "/purchaser/catalogue")
                },
                item(
                    lang,
                    "start-applications-waiting",
                    w.applications_waiting,
                    "/purchaser/applications",
                ),
                Item {
                    waiting: false,
                    ..item(
                        lang,
                        "start-demand-gaps",
                        w.demand_gaps,
                        "/purchaser/demand-gaps",
                    )
                },
            ],
        });
    }
    if let Some(w) = work.admin {
        parts.push(Part {
            id: "admin",
            heading: lang.t("start-admin-heading"),
            items: vec![Item {
                waiting: false,
                text: lang.t_with(
                    "start-users",
                    &[
                        ("count", Arg::from(w.users)),
                        ("n", Arg::from(w.active_users)),
                    ],
                ),
                href: "/admin/users".into(),
            }],
        });
    }
    parts
}

/// `/start`: what waits for each of the person's roles.
pub async fn show(web: Web) -> AppResult<Response> {
    let actor = web.signed_in()?;
    if !is_staff(actor) {
        return Err(AppError::forbidden("the start page is for staff"));
    }
    let work = to_do::for_actor(&web.state.db, actor).await?;
    let mut parts = parts(web.lang, work);
    if actor.has(Role::Moderator) {
        parts.push(Part {
            id: "moderation",
            heading: web.lang.t("start-moderation-heading"),
            items: vec![item(
                web.lang,
                "start-moderation-link",
                0,
                "/purchaser/reviews",
            )],
        });
    }
    render(&StartPage {
        page: PageCtx::new(&web, "start-title"),
        parts,
    })
}
