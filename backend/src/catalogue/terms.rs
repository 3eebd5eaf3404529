//! The money terms of catalogue entries over time — price cap, voucher value, reference
//! price, VAT, settlement methods and income rule — and the one question the ledger asks:
//! which terms were in force on a date. Every change is a version in `service_terms`, in
//! force from its `valid_from` until the next version's. A service never changed has no
//! stored version: its row's terms are its only version, since the day it was created.
//! The row's money columns always hold the terms in force today (a cache that
//! [`promote_due`] moves on when a version's day comes), so readers of "today" need not ask.
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, Display, EnumString, VariantArray};
use uuid::Uuid;

use crate::{
    db::{
        Db,
        entities::{offering, service, service_term},
    },
    domain::{
        Money, catalogue::Method, ids::ServiceId, income_rule::IncomeRule, today_in_finland,
        vat::VatRate,
    },
    error::{AppError, AppResult},
    outbox::{self, Topic},
};

/// The money terms a change may set, named as the API names them.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    AsRefStr,
    Display,
    EnumString,
    VariantArray,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Term {
    PriceCap,
    VoucherValue,
    ReferencePrice,
    VatRate,
    Methods,
    IncomeRule,
}

/// One complete set of money terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceTerms {
    pub price_cap: Option<Money>,
    pub voucher_value: Option<Money>,
    pub reference_price: Option<Money>,
    pub vat: VatRate,
    pub methods: Vec<Method>,
    pub income_rule: Option<IncomeRule>,
}

fn json<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> AppResult<T> {
    serde_json::from_value(value.clone()).map_err(AppError::internal)
}

fn rule(value: Option<&serde_json::Value>) -> AppResult<Option<IncomeRule>> {
    value
        .filter(|v| !v.is_null())
        .map(|v| IncomeRule::from_json(v).map_err(AppError::internal))
        .transpose()
}

impl ServiceTerms {
    /// The terms on a service row.
    pub fn of_service(model: &service::Model) -> AppResult<Self> {
        Ok(ServiceTerms {
            price_cap: model.price_cap_cents.map(Money::from_cents),
            voucher_value: model.voucher_value_cents.map(Money::from_cents),
            reference_price: model.reference_price_cents.map(Money::from_cents),
            vat: VatRate::from_basis_points(model.vat_basis_points),
            methods: json(&model.methods)?,
            income_rule: rule(model.income_rule.as_ref())?,
        })
    }

    fn of_version(model: &service_term::Model) -> AppResult<Self> {
        Ok(ServiceTerms {
            price_cap: model.price_cap_cents.map(Money::from_cents),
            voucher_value: model.voucher_value_cents.map(Money::from_cents),
            reference_price: model.reference_price_cents.map(Money::from_cents),
            vat: VatRate::from_basis_points(model.vat_basis_points),
            methods: json(&model.methods)?,
            income_rule: rule(model.income_rule.as_ref())?,
        })
    }

    /// The service row with these terms in its money columns: what the rules that read a
    /// service decide with (a delivery is decided with the terms of its date).
    pub fn overlay(&self, mut model: service::Model) -> service::Model {
        model.price_cap_cents = self.price_cap.map(Money::cents);
        model.voucher_value_cents = self.voucher_value.map(Money::cents);
        model.reference_price_cents = self.reference_price.map(Money::cents);
        model.vat_basis_points = self.vat.basis_points();
        model.methods = serde_json::to_value(&self.methods).unwrap_or_default();
        model.income_rule = self.income_rule.as_ref().map(IncomeRule::to_json);
        model
    }

    /// Whether a term differs between two sets.
    pub fn differs(&self, other: &ServiceTerms, term: Term) -> bool {
        match term {
            Term::PriceCap => self.price_cap != other.price_cap,
            Term::VoucherValue => self.voucher_value != other.voucher_value,
            Term::ReferencePrice => self.reference_price != other.reference_price,
            Term::VatRate => self.vat != other.vat,
            Term::Methods => self.methods != other.methods,
            Term::IncomeRule => self.income_rule != other.income_rule,
        }
    }

    /// These terms with one term taken from `from`.
    pub fn take(&mut self, from: &ServiceTerms, term: Term) {
        match term {
            Term::PriceCap => self.price_cap = from.price_cap,
            Term::VoucherValue => self.voucher_value = from.voucher_value,
            Term::ReferencePrice => self.reference_price = from.reference_price,
            Term::VatRate => self.vat = from.vat,
            Term::Methods => self.methods = from.methods.clone(),
            Term::IncomeRule => self.income_rule = from.income_rule.clone(),
        }
    }

    /// One term as JSON, for the audit log's old and new values.
    pub fn value_of(&self, term: Term) -> serde_json::Value {
        let money = |m: Option<Money>| serde_json::json!(m.map(|m| m.to_string()));
        match term {
            Term::PriceCap => money(self.price_cap),
            Term::VoucherValue => money(self.voucher_value),
            Term::ReferencePrice => money(self.reference_price),
            Term::VatRate => serde_json::json!(self.vat.percent().to_string()),
            Term::Methods => serde_json::json!(self.methods),
            Term::IncomeRule => self
                .income_rule
                .as_ref()
                .map_or(serde_json::Value::Null, IncomeRule::to_json),
        }
    }

    fn row(&self, service: Uuid, valid_from: NaiveDate, seq: i32) -> service_term::ActiveModel {
        service_term::ActiveModel {
            id: Set(Uuid::new_v4()),
            service_id: Set(service),
            valid_from: Set(valid_from),
            seq: Set(seq),
            price_cap_cents: Set(self.price_cap.map(Money::cents)),
            voucher_value_cents: Set(self.voucher_value.map(Money::cents)),
            reference_price_cents: Set(self.reference_price.map(Money::cents)),
            vat_basis_points: Set(self.vat.basis_points()),
            methods: Set(serde_json::to_value(&self.methods).unwrap_or_default()),
            income_rule: Set(self.income_rule.as_ref().map(IncomeRule::to_json)),
            ..Default::default()
        }
    }
}

/// One version: the whole terms from `valid_from` on, and which of them it changed.
#[derive(Clone, Debug)]
pub struct Version {
    pub valid_from: NaiveDate,
    pub seq: i32,
    pub terms: ServiceTerms,
    pub changed: Vec<Term>,
    pub created_at: chrono::DateTime<Utc>,
    /// Stored in `service_terms` (false for the row's own terms of a never-changed service).
    stored: bool,
}

/// Every version of one service, in the order they take effect (never empty).
#[derive(Clone, Debug)]
pub struct History {
    first: Version,
    later: Vec<Version>,
}

/// The Finnish day a service was created: its first terms hold from then.
fn created_on(model: &service::Model) -> NaiveDate {
    model
        .created_at
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive()
}

impl History {
    fn build(service: &service::Model, rows: Vec<service_term::Model>) -> AppResult<History> {
        let mut versions = rows
            .iter()
            .map(|row| {
                Ok(Version {
                    valid_from: row.valid_from,
                    seq: row.seq,
                    terms: ServiceTerms::of_version(row)?,
                    changed: json(&row.changed)?,
                    created_at: row.created_at,
                    stored: true,
                })
            })
            .collect::<AppResult<Vec<_>>>()?;
        versions.sort_by_key(|v| (v.valid_from, v.seq));
        let mut versions = versions.into_iter();
        let first = match versions.next() {
            Some(first) => first,
            None => Version {
                valid_from: created_on(service),
                seq: 0,
                terms: ServiceTerms::of_service(service)?,
                changed: Term::VARIANTS.to_vec(),
                created_at: service.created_at,
                stored: false,
            },
        };
        Ok(History {
            first,
            later: versions.collect(),
        })
    }

    /// The version in force on `date`: the last one from that day or before; before the
    /// first version, the first (a decision may reach back before the entry existed).
    pub fn version_at(&self, date: NaiveDate) -> &Version {
        self.later
            .iter()
            .rev()
            .find(|v| v.valid_from <= date)
            .unwrap_or(&self.first)
    }

    pub fn at(&self, date: NaiveDate) -> &ServiceTerms {
        &self.version_at(date).terms
    }

    /// Versions that take effect after `today`, soonest first.
    pub fn upcoming(&self, today: NaiveDate) -> impl Iterator<Item = &Version> {
        self.versions().filter(move |v| v.valid_from > today)
    }

    /// Every version, oldest first.
    pub fn versions(&self) -> impl DoubleEndedIterator<Item = &Version> {
        std::iter::once(&self.first).chain(self.later.iter())
    }

    fn is_stored(&self) -> bool {
        self.first.stored
    }

    /// The versions as periods, oldest first: changes of one day make one period (the
    /// last of them holds), which changed what any of them changed; each period ends the
    /// day before the next begins.
    pub fn periods(&self) -> Vec<Period<'_>> {
        let mut days: Vec<(&Version, Vec<Term>)> = Vec::new();
        for version in self.versions() {
            match days.last_mut() {
                Some((last, changed)) if last.valid_from == version.valid_from => {
                    *last = version;
                    changed.extend(version.changed.iter().copied());
                }
                _ => days.push((version, version.changed.clone())),
            }
        }
        let starts: Vec<NaiveDate> = days.iter().map(|(v, _)| v.valid_from).collect();
        days.into_iter()
            .enumerate()
            .map(|(i, (version, mut changed))| {
                changed.sort();
                changed.dedup();
                Period {
                    version,
                    valid_to: starts.get(i + 1).and_then(|next| next.pred_opt()),
                    changed,
                }
            })
            .collect()
    }
}

/// A span of days with one set of terms.
pub struct Period<'a> {
    pub version: &'a Version,
    /// The last day; none: until further notice.
    pub valid_to: Option<NaiveDate>,
    pub changed: Vec<Term>,
}

/// The history of one service.
pub async fn history(conn: &impl ConnectionTrait, service: &service::Model) -> AppResult<History> {
    let rows = service_term::Entity::find()
        .filter(service_term::Column::ServiceId.eq(service.id))
        .order_by_asc(service_term::Column::ValidFrom)
        .order_by_asc(service_term::Column::Seq)
        .all(conn)
        .await?;
    History::build(service, rows)
}

/// The histories of many services in one query (a catalogue page, a file of deliveries).
pub async fn histories<'a>(
    conn: &impl ConnectionTrait,
    services: impl IntoIterator<Item = &'a service::Model>,
) -> AppResult<HashMap<Uuid, History>> {
    let services: Vec<&service::Model> = services.into_iter().collect();
    let mut rows: HashMap<Uuid, Vec<service_term::Model>> = HashMap::new();
    for chunk in services.chunks(500) {
        let found = service_term::Entity::find()
            .filter(service_term::Column::ServiceId.is_in(chunk.iter().map(|s| s.id)))
            .all(conn)
            .await?;
        for row in found {
            rows.entry(row.service_id).or_default().push(row);
        }
    }
    services
        .into_iter()
        .map(|s| {
            Ok((
                s.id,
                History::build(s, rows.remove(&s.id).unwrap_or_default())?,
            ))
        })
        .collect()
}

/// The terms of a service in force on `date`.
pub async fn in_force(
    conn: &impl ConnectionTrait,
    service: ServiceId,
    date: NaiveDate,
) -> AppResult<ServiceTerms> {
    let model = service::Entity::find_by_id(Uuid::from(service))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("service"))?;
    Ok(history(conn, &model).await?.at(date).clone())
}

/// The service row with the terms in force on `date`: what a delivery of that date is
/// decided with.
pub async fn as_of(
    conn: &impl ConnectionTrait,
    service: service::Model,
    date: NaiveDate,
) -> AppResult<service::Model> {
    let terms = history(conn, &service).await?.at(date).clone();
    Ok(terms.overlay(service))
}

/// Stores a change: the whole terms in force from `valid_from` with `changed` set, after
/// any other change of that day. Later versions keep what they changed and take the rest
/// from this one, so a change holds from its date until a later change of the same term.
/// A never-changed service first gets its row's terms stored as its first version.
/// Returns the history after the change. The caller holds the service row.
pub(super) async fn add_version(
    conn: &impl ConnectionTrait,
    service: &service::Model,
    valid_from: NaiveDate,
    terms: &ServiceTerms,
    changed: &[Term],
    actor: Uuid,
) -> AppResult<History> {
    let before = history(conn, service).await?;
    let now = Utc::now();
    let today = today_in_finland();
    if !before.is_stored() {
        for v in before.versions() {
            let mut row = v.terms.row(service.id, v.valid_from, 0);
            row.changed = Set(serde_json::json!(v.changed));
            row.applied = Set(true);
            row.created_by = Set(None);
            row.created_at = Set(v.created_at);
            row.insert(conn).await?;
        }
    }
    let seq = before.versions().map(|v| v.seq).max().unwrap_or(0) + 1;
    let mut row = terms.row(service.id, valid_from, seq);
    row.changed = Set(serde_json::json!(changed));
    row.applied = Set(valid_from <= today);
    row.created_by = Set(Some(actor));
    row.created_at = Set(now);
    row.insert(conn).await?;
    // Later versions: their own changes stay, the rest follows this change.
    let mut previous = terms.clone();
    for later in before.versions().filter(|v| v.valid_from > valid_from) {
        let mut next = previous.clone();
        for term in &later.changed {
            next.take(&later.terms, *term);
        }
        if next != later.terms {
            let stored = service_term::Entity::find()
                .filter(service_term::Column::ServiceId.eq(service.id))
                .filter(service_term::Column::Seq.eq(later.seq))
                .one(conn)
                .await?
                .ok_or_else(|| AppError::internal("a version vanished"))?;
            let mut active = next.row(service.id, later.valid_from, later.seq);
            active.id = Set(stored.id);
            active.changed = Set(stored.changed.clone());
            active.applied = Set(stored.applied);
            active.created_by = Set(stored.created_by);
            active.created_at = Set(stored.created_at);
            active.update(conn).await?;
        }
        previous = next;
    }
    history(conn, service).await
}

/// Writes today's terms to the service row when they differ from what it holds, and
/// re-indexes its offerings when what search shows (the methods) changed.
pub(super) async fn refresh_row(
    conn: &impl ConnectionTrait,
    service: service::Model,
    today_terms: &ServiceTerms,
) -> AppResult<service::Model> {
    let current = ServiceTerms::of_service(&service)?;
    if &current == today_terms {
        return Ok(service);
    }
    let methods_changed = current.methods != today_terms.methods;
    let updated = today_terms.overlay(service.clone());
    let mut active = service.into_active_model();
    active.price_cap_cents = Set(updated.price_cap_cents);
    active.voucher_value_cents = Set(updated.voucher_value_cents);
    active.reference_price_cents = Set(updated.reference_price_cents);
    active.vat_basis_points = Set(updated.vat_basis_points);
    active.methods = Set(updated.methods.clone());
    active.income_rule = Set(updated.income_rule.clone());
    let model = active.update(conn).await?;
    if methods_changed {
        reindex_offerings(conn, model.id).await?;
    }
    Ok(model)
}

/// Queues every offering of a service for re-indexing (through the outbox).
pub(super) async fn reindex_offerings(conn: &impl ConnectionTrait, service: Uuid) -> AppResult<()> {
    let offerings = offering::Entity::find()
        .filter(offering::Column::ServiceId.eq(service))
        .all(conn)
        .await?;
    for o in offerings {
        outbox::enqueue(conn, Topic::SearchOffering, o.id).await?;
    }
    Ok(())
}

/// Moves every service whose next version's day has come on to it: the row takes the
/// terms in force `today` and the versions are marked applied. Run by the worker within a
/// minute of midnight and at start; running it again changes nothing.
pub async fn promote_due(db: &Db, today: NaiveDate) -> AppResult<usize> {
    let due = service_term::Entity::find()
        .filter(service_term::Column::Applied.eq(false))
        .filter(service_term::Column::ValidFrom.lte(today))
        .all(&db.conn)
        .await?;
    let mut services: Vec<Uuid> = due.iter().map(|v| v.service_id).collect();
    services.sort_unstable();
    services.dedup();
    for id in &services {
        let tx = db.begin_write().await?;
        let Some(model) = super::lock_service(db, &tx, ServiceId::from(*id)).await? else {
            continue;
        };
        let terms = history(&*tx, &model).await?.at(today).clone();
        refresh_row(&*tx, model, &terms).await?;
        service_term::Entity::update_many()
            .col_expr(
                service_term::Column::Applied,
                sea_orm::sea_query::Expr::value(true),
            )
            .filter(service_term::Column::ServiceId.eq(*id))
            .filter(service_term::Column::ValidFrom.lte(today))
            .exec(&*tx)
            .await?;
        tx.commit().await?;
    }
    Ok(services.len())
}
