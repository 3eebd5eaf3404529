//! The money terms of catalogue entries over time — price cap, voucher value, reference
//! price, VAT, settlement methods and income rule — and the one question the ledger asks:
//! which terms were in force on a date. Every change is a version in `service_terms`, in
//! force from its `valid_from` until the next version's. A service never changed has no
//! stored version: its row's terms are its only version, since the day it was created.
//! The row's money columns always hold the terms in force today (a cache that
//! [`promote_due`] moves on when a version's day comes), so readers of "today" need not ask.
mod history;
mod store;

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, Display, EnumString, VariantArray};

use crate::{
    db::entities::{service, service_term},
    domain::{
        Money,
        catalogue::Method,
        ids::{ServiceId, ServiceTermId},
        income_rule::IncomeRule,
        vat::VatRate,
    },
    error::{AppError, AppResult},
};

pub use history::{History, Period, Version};
pub use store::promote_due;
pub(super) use store::{add_version, refresh_row, reindex_offerings};

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

pub(super) fn json<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> AppResult<T> {
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
            price_cap: model.price_cap,
            voucher_value: model.voucher_value,
            reference_price: model.reference_price,
            vat: VatRate::from_basis_points(model.vat_basis_points),
            methods: json(&model.methods)?,
            income_rule: rule(model.income_rule.as_ref())?,
        })
    }

    pub(super) fn of_version(model: &service_term::Model) -> AppResult<Self> {
        Ok(ServiceTerms {
            price_cap: model.price_cap,
            voucher_value: model.voucher_value,
            reference_price: model.reference_price,
            vat: VatRate::from_basis_points(model.vat_basis_points),
            methods: json(&model.methods)?,
            income_rule: rule(model.income_rule.as_ref())?,
        })
    }

    /// The service row with these terms in its money columns: what the rules that read a
    /// service decide with (a delivery is decided with the terms of its date).
    pub fn overlay(&self, mut model: service::Model) -> service::Model {
        model.price_cap = self.price_cap;
        model.voucher_value = self.voucher_value;
        model.reference_price = self.reference_price;
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

    fn row(
        &self,
        service: ServiceId,
        valid_from: NaiveDate,
        seq: i32,
    ) -> service_term::ActiveModel {
        service_term::ActiveModel {
            id: Set(ServiceTermId::new()),
            service_id: Set(service),
            valid_from: Set(valid_from),
            seq: Set(seq),
            price_cap: Set(self.price_cap),
            voucher_value: Set(self.voucher_value),
            reference_price: Set(self.reference_price),
            vat_basis_points: Set(self.vat.basis_points()),
            methods: Set(serde_json::to_value(&self.methods).unwrap_or_default()),
            income_rule: Set(self.income_rule.as_ref().map(IncomeRule::to_json)),
            ..Default::default()
        }
    }
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
) -> AppResult<HashMap<ServiceId, History>> {
    let services: Vec<&service::Model> = services.into_iter().collect();
    let mut rows: HashMap<ServiceId, Vec<service_term::Model>> = HashMap::new();
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
    let model = service::Entity::find_by_id(service)
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
