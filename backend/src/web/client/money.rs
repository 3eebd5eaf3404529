//! "My money": each decision with granted, reserved, spent, expired and available as
//! numbers and a bar, what it may be used for and until when, and how an income-related
//! voucher value was set; then the commitments and their deliveries, newest first, with the
//! client's own share and, under each table, what happened to a row (voided, disputed,
//! corrected; see `delivery_notes`).
use crate::i18n::Translate;
use std::collections::HashMap;

use askama::Template;
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    audit,
    auth::ActingFor,
    catalogue,
    commitments::{self, Commitment},
    db::entities::{dispute, offering, provider},
    deliveries::{self, Delivery},
    disputes::lists as disputes_read,
    domain::{
        Money,
        catalogue::{CommitmentStatus, DeliveryStatus},
        ids::{AllocationId, ClientId, OfferingId},
        today_in_finland,
    },
    error::AppResult,
    ledger::Balance,
    web::{
        amounts,
        client::{
            self, ClientCtx,
            delivery_notes::{self, DeliveryRow},
        },
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
    /// Unspent money that expired after the period and its grace days; shown when any.
    pub expired: Option<String>,
    /// Widths of the bar's parts in whole percent: spent, reserved, expired, available.
    pub spent_pct: i64,
    pub reserved_pct: i64,
    pub expired_pct: i64,
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
        let expired_pct = pct(b.expired).min(100 - spent_pct - reserved_pct);
        BalanceView {
            granted: format::euros(b.granted),
            available: format::euros(b.available),
            reserved: format::euros(b.reserved),
            spent: format::euros(b.spent),
            expired: (b.expired.cents() > 0).then(|| format::euros(b.expired)),
            spent_pct,
            reserved_pct,
            expired_pct: expired_pct.max(0),
            available_pct: (100 - spent_pct - reserved_pct - expired_pct).max(0),
        }
    }
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
    /// Some row has a note to list under the table.
    pub noted: bool,
    /// A recorded delivery makes the client a verified reviewer of the service.
    pub can_review: bool,
    /// Waiting for the provider: the client side may cancel it.
    pub can_cancel: bool,
    /// Accepted: the client side may close it (what is reserved returns).
    pub can_close: bool,
    /// What she told the provider with the order (start date, quantity, message).
    pub wish: Option<String>,
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
    /// With grace days: the last day deliveries of the period can still be recorded.
    pub open_until: Option<String>,
    pub commitments: Vec<CommitmentView>,
}

#[derive(Template)]
#[template(path = "client/money.html")]
struct MoneyPage {
    page: PageCtx,
    allocations: Vec<AllocationView>,
    plans: Vec<client::plan_links::PlanLink>,
    choices: Vec<(String, String, bool)>,
}

pub async fn show(web: Web) -> AppResult<Response> {
    let ctx = client::current(&web).await?;
    let actor = web.signed_in()?.clone();
    let lang = web.lang;
    let decisions = client::allocations_of(&web, &actor, ctx.id).await?;
    let keys: Vec<(AllocationId, ClientId)> = decisions.iter().map(|a| (a.id, ctx.id)).collect();
    let acting = if web.acting.is_some() {
        ActingFor::Proxy
    } else {
        ActingFor::Client
    };
    let mut bases =
        catalogue::income::read(&web.state.db.conn, &actor, Some(acting), &keys).await?;
    // Everything the page shows is read first, so that the disputes of all its deliveries
    // come in one query.
    let conn = &web.state.db.conn;
    let mut loaded = Vec::new();
    for a in decisions {
        let listed = commitments::read::for_allocation(conn, &actor, a.id, None)
            .await?
            .items;
        // One query for the whole decision, not one per order.
        let mut by_order = deliveries::read::for_allocation(conn, &actor, a.id).await?;
        let delivered: Vec<Vec<Delivery>> = listed
            .iter()
            .map(|c| by_order.remove(&c.id).unwrap_or_default())
            .collect();
        loaded.push((a, listed, delivered));
    }
    let delivery_ids: Vec<uuid::Uuid> = loaded
        .iter()
        .flat_map(|(_, _, ds)| ds.iter().flatten().map(|d| d.id.into()))
        .collect();
    let disputes = disputes_read::disputes_by_delivery(conn, &delivery_ids).await?;
    audit::record_list(
        &web.state.db,
        &actor,
        "disputes_listed",
        "dispute",
        disputes.values().map(|d| (d.id.0, d.client_id)),
    )
    .await?;
    let offering_ids: Vec<OfferingId> = loaded
        .iter()
        .flat_map(|(_, cs, _)| cs.iter().map(|c| c.offering_id))
        .collect();
    let units = amounts::units_by_offering(conn, &offering_ids).await?;
    let mut views_out = Vec::new();
    for (a, listed, delivered) in loaded {
        let titles = offering_titles(&web, lang, &listed).await?;
        let commitments_out = listed
            .into_iter()
            .zip(delivered)
            .map(|(c, delivered)| {
                let unit = units.get(&c.offering_id).cloned().unwrap_or_default();
                commitment_view(lang, &titles, c, delivered, &unit, &disputes)
            })
            .collect();
        let names = views::service_names(&web.state, lang, a.service_ids.iter().copied()).await?;
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
                .remove(&a.id)
                .map(|b| b.explanation().in_lang(lang.code()).to_owned()),
            balance: BalanceView::of(&a.balance),
            open_until: (a.grace_days > 0).then(|| {
                lang.t_with(
                    "grace-open-until",
                    &[("date", format::date(a.open_until).into())],
                )
            }),
            commitments: commitments_out,
        });
    }
    render(&MoneyPage {
        page: PageCtx::new(&web, "money-title").whose(&ctx.name),
        allocations: views_out,
        plans: client::plan_links::links(&web, &actor, ctx.id).await?,
        choices: choices_of(&ctx),
    })
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
    commitments: &[Commitment],
) -> AppResult<HashMap<OfferingId, (String, String)>> {
    let ids: Vec<OfferingId> = commitments.iter().map(|c| c.offering_id).collect();
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
    titles: &HashMap<OfferingId, (String, String)>,
    c: Commitment,
    mut delivered: Vec<Delivery>,
    unit: &str,
    disputes: &HashMap<uuid::Uuid, dispute::Model>,
) -> CommitmentView {
    delivered.sort_by(|a, b| b.date.cmp(&a.date).then(b.created_at.cmp(&a.created_at)));
    let today = today_in_finland();
    let (title, provider) = titles.get(&c.offering_id).cloned().unwrap_or_default();
    let can_review = delivered
        .iter()
        .any(|d| d.status == DeliveryStatus::Recorded);
    let deliveries: Vec<DeliveryRow> = delivered
        .iter()
        .map(|d| {
            let cx = delivery_notes::Context {
                lang,
                today,
                unit,
                dispute: disputes.get(&uuid::Uuid::from(d.id)),
            };
            delivery_notes::row(d, &cx)
        })
        .collect();
    CommitmentView {
        wish: views::order_wish(lang, &c, unit),
        can_review,
        can_cancel: c.status == CommitmentStatus::Requested,
        can_close: c.status == CommitmentStatus::Accepted,
        id: c.id.to_string(),
        offering_id: c.offering_id.to_string(),
        title,
        provider,
        status: views::word(lang, "commitment", c.status.as_ref()),
        method: views::word(lang, "method", c.method.as_ref()),
        reserved: format::euros(c.reserved),
        noted: deliveries.iter().any(|d| !d.notes.is_empty()),
        deliveries,
    }
}
