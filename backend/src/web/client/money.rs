//! "My money": each decision with granted, reserved, spent and available as numbers and
//! a bar, what it may be used for and until when, and how an income-related voucher value
//! was set; then the commitments and their deliveries, newest first, with the client's
//! own share.
use std::collections::HashMap;

use askama::Template;
use axum::{extract::State, response::Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::ActingFor,
    catalogue,
    db::entities::{offering, provider},
    domain::{Money, catalogue::DeliveryStatus, ids::ClientId, today_in_finland},
    error::AppResult,
    ledger::Balance,
    routes::{
        commitments::{self, CommitmentOut},
        deliveries::{self, DeliveryOut},
        extract::{ApiQuery, PageQuery, PathId},
    },
    web::{
        client::{self, ClientCtx},
        format,
        i18n::Lang,
        page::{PageCtx, render},
        session::Web,
        views,
    },
};

pub struct BalanceView {
    pub granted: String,
    pub available: String,
    pub reserved: String,
    pub spent: String,
    /// Widths of the bar's parts in whole percent: spent, reserved, available.
    pub spent_pct: i64,
    pub reserved_pct: i64,
    pub available_pct: i64,
}

impl BalanceView {
    pub fn of(b: &Balance) -> Self {
        let pct = |part: Money| {
            let whole = if b.granted.cents() <= 0 {
                0
            } else {
                part.cents() * 100 / b.granted.cents()
            };
            // Within 0..=100: the bar's width classes `pct-0`..`pct-100` are all there is.
            whole.clamp(0, 100)
        };
        let spent_pct = pct(b.spent);
        let reserved_pct = pct(b.reserved);
        BalanceView {
            granted: format::euros(b.granted),
            available: format::euros(b.available),
            reserved: format::euros(b.reserved),
            spent: format::euros(b.spent),
            spent_pct,
            reserved_pct,
            available_pct: (100 - spent_pct - reserved_pct).max(0),
        }
    }
}

pub struct DeliveryRow {
    pub id: String,
    pub date: String,
    pub quantity: String,
    pub total: String,
    pub purchaser_share: String,
    pub client_share: String,
    pub status: String,
    pub can_dispute: bool,
}

pub struct CommitmentView {
    pub id: String,
    pub offering_id: String,
    pub title: String,
    pub provider: String,
    pub status: String,
    pub method: String,
    pub reserved: String,
    pub deliveries: Vec<DeliveryRow>,
    /// A recorded delivery makes the client a verified reviewer of the service.
    pub can_review: bool,
}

pub struct AllocationView {
    pub id: String,
    pub kind: String,
    pub period: String,
    pub services: String,
    pub voucher_value: Option<String>,
    /// How the voucher value was set from income, in the page's language.
    pub voucher_basis: Option<String>,
    pub balance: BalanceView,
    pub commitments: Vec<CommitmentView>,
}

#[derive(Template)]
#[template(path = "client/money.html")]
struct MoneyPage {
    page: PageCtx,
    allocations: Vec<AllocationView>,
    choices: Vec<(String, String, bool)>,
}

pub async fn show(web: Web) -> AppResult<Response> {
    let ctx = client::current(&web).await?;
    let actor = web.signed_in()?.clone();
    let lang = web.lang;
    let state = State(web.state.clone());
    let mut views_out = Vec::new();
    let decisions = client::allocations_of(&web, &actor, ctx.id).await?;
    let keys: Vec<(uuid::Uuid, ClientId)> =
        decisions.iter().map(|a| (a.id.into(), ctx.id)).collect();
    let acting = if web.acting.is_some() {
        ActingFor::Proxy
    } else {
        ActingFor::Client
    };
    let mut bases =
        catalogue::income::read(&web.state.db.conn, &actor, Some(acting), &keys).await?;
    for a in decisions {
        let listed = commitments::list_for_allocation(
            state.clone(),
            actor.clone(),
            PathId(a.id),
            ApiQuery(all()),
        )
        .await?
        .0
        .items;
        let titles = offering_titles(&web, lang, &listed).await?;
        let mut commitments_out = Vec::new();
        for c in listed {
            let delivered = deliveries::list_for_commitment(
                state.clone(),
                actor.clone(),
                PathId(c.id),
                ApiQuery(all()),
            )
            .await?
            .0
            .items;
            commitments_out.push(commitment_view(lang, &titles, c, delivered));
        }
        let ids: Vec<uuid::Uuid> = a
            .service_ids
            .iter()
            .copied()
            .map(uuid::Uuid::from)
            .collect();
        let names = views::service_names(&web.state, lang, ids).await?;
        let unit_note = a
            .voucher_value
            .map(|v| lang.t_with("voucher-value-is", &[("value", format::euros(v).into())]));
        views_out.push(AllocationView {
            id: a.id.to_string(),
            kind: views::word(lang, "funding", a.kind.as_ref()),
            period: lang.t_with(
                "allocation-period",
                &[
                    ("from", format::date(a.valid_from).into()),
                    ("to", format::date(a.valid_to).into()),
                ],
            ),
            services: if names.is_empty() {
                lang.t("allocation-any-service")
            } else {
                let mut n: Vec<String> = names.into_values().collect();
                n.sort();
                n.join(", ")
            },
            voucher_value: unit_note,
            voucher_basis: bases
                .remove(&uuid::Uuid::from(a.id))
                .map(|b| b.explanation().in_lang(lang.code()).to_owned()),
            balance: BalanceView::of(&a.balance),
            commitments: commitments_out,
        });
    }
    render(&MoneyPage {
        page: PageCtx::new(&web, "money-title").whose(&ctx.name),
        allocations: views_out,
        choices: choices_of(&ctx),
    })
}

pub fn all() -> PageQuery {
    PageQuery {
        page: None,
        per_page: Some("100".into()),
    }
}

pub fn choices_of(ctx: &ClientCtx) -> Vec<(String, String, bool)> {
    ctx.choices
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone(), *id == ctx.id))
        .collect()
}

/// "Title – Provider" for each offering the commitments name.
pub async fn offering_titles(
    web: &Web,
    lang: Lang,
    commitments: &[CommitmentOut],
) -> AppResult<HashMap<uuid::Uuid, (String, String)>> {
    let ids: Vec<uuid::Uuid> = commitments.iter().map(|c| c.offering_id.into()).collect();
    let rows = offering::Entity::find()
        .filter(offering::Column::Id.is_in(ids))
        .find_also_related(provider::Entity)
        .all(&web.state.db.conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(o, p)| {
            let title: crate::domain::LocalizedText =
                serde_json::from_value(o.title).unwrap_or_default();
            (
                o.id,
                (
                    views::pick(lang, &title),
                    p.map(|p| p.name).unwrap_or_default(),
                ),
            )
        })
        .collect())
}

fn commitment_view(
    lang: Lang,
    titles: &HashMap<uuid::Uuid, (String, String)>,
    c: CommitmentOut,
    mut delivered: Vec<DeliveryOut>,
) -> CommitmentView {
    delivered.sort_by(|a, b| b.date.cmp(&a.date).then(b.created_at.cmp(&a.created_at)));
    let today = today_in_finland();
    let (title, provider) = titles
        .get(&uuid::Uuid::from(c.offering_id))
        .cloned()
        .unwrap_or_default();
    let can_review = delivered
        .iter()
        .any(|d| d.status == DeliveryStatus::Recorded);
    CommitmentView {
        can_review,
        id: c.id.to_string(),
        offering_id: c.offering_id.to_string(),
        title,
        provider,
        status: views::word(lang, "commitment", c.status.as_ref()),
        method: views::word(lang, "method", c.method.as_ref()),
        reserved: format::euros(c.reserved),
        deliveries: delivered
            .into_iter()
            .map(|d| DeliveryRow {
                id: d.id.to_string(),
                date: format::date(d.date),
                quantity: format::quantity(d.quantity),
                total: format::euros(d.total),
                purchaser_share: format::euros(d.purchaser_share),
                client_share: format::euros(d.client_share),
                status: views::word(lang, "delivery", d.status.as_ref()),
                can_dispute: d.status == DeliveryStatus::Recorded && today <= d.dispute_until,
            })
            .collect(),
    }
}
