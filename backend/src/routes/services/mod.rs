//! The purchaser's service catalogue over HTTP: what may be bought, in which unit, how it
//! is settled, and its money terms (voucher value, price cap, reference price, VAT, income
//! rule) over time. The rules are in `catalogue/`; these handlers parse and answer.
pub mod archive;
pub mod create;
pub mod edit;
pub mod read;
pub mod voucher_value;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    catalogue::terms::{History, ServiceTerms, Term},
    db::entities::service,
    domain::{
        LocalizedText, Money,
        catalogue::{Method, Unit},
        ids::{PurchaserId, ServiceId},
        income_rule::{IncomeRule, IncomeRuleText},
    },
    error::{AppError, AppResult, field},
    routes::{common::from_json, extract::DecimalText},
};

pub use create::{ServiceIn, create};
pub use read::list;

/// An income-related voucher value rule as sent: amounts as strings or numbers.
#[derive(Clone, Deserialize, utoipa::ToSchema)]
pub struct IncomeRuleIn {
    /// The value per unit at or under the income limit, e.g. "32.00".
    pub max_value: DecimalText,
    /// The value never goes below this, e.g. "20.00".
    pub min_value: DecimalText,
    /// The share of the monthly income over the limit that lowers the value, 0–100.
    pub percent: DecimalText,
    /// How many units a month the reduction is spread over (> 0).
    pub units_per_month: DecimalText,
    /// Monthly income limits by household size 1, 2, 3, …; the last applies to larger
    /// households.
    pub income_limits: Vec<DecimalText>,
}

impl IncomeRuleIn {
    /// The validated rule; a bad part is a 422 naming it, e.g. `income_rule.income_limits[2]`.
    pub fn parse(&self) -> AppResult<IncomeRule> {
        let text = IncomeRuleText {
            max_value: self.max_value.0.clone(),
            min_value: self.min_value.0.clone(),
            percent: self.percent.0.clone(),
            units_per_month: self.units_per_month.0.clone(),
            income_limits: self.income_limits.iter().map(|l| l.0.clone()).collect(),
        };
        IncomeRule::parse(&text)
            .map_err(|e| AppError::invalid(&format!("income_rule.{}", e.field), e.message))
    }
}

pub(crate) fn optional_money(name: &str, value: &Option<DecimalText>) -> AppResult<Option<Money>> {
    value
        .as_ref()
        .map(|v| field(name, Money::parse_positive(&v.0)))
        .transpose()
}

/// One version of the money terms, as answered.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TermsOut {
    pub valid_from: NaiveDate,
    /// The last day these terms are in force; none: until further notice.
    pub valid_to: Option<NaiveDate>,
    pub methods: Vec<Method>,
    #[schema(value_type = Option<String>)]
    pub voucher_value: Option<Money>,
    #[schema(value_type = Option<String>)]
    pub price_cap: Option<Money>,
    #[schema(value_type = Option<String>)]
    pub reference_price: Option<Money>,
    pub vat_rate: String,
    pub income_rule: Option<IncomeRuleText>,
    /// The terms this version changed (all of them for the first).
    pub changed: Vec<Term>,
    /// When the change was made.
    pub recorded_at: DateTime<Utc>,
}

fn terms_out(
    terms: &ServiceTerms,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
    changed: Vec<Term>,
    recorded_at: DateTime<Utc>,
) -> TermsOut {
    TermsOut {
        valid_from,
        valid_to,
        methods: terms.methods.clone(),
        voucher_value: terms.voucher_value,
        price_cap: terms.price_cap,
        reference_price: terms.reference_price,
        vat_rate: terms.vat.percent().to_string(),
        income_rule: terms.income_rule.as_ref().map(IncomeRule::to_text),
        changed,
        recorded_at,
    }
}

/// The versions as periods, oldest first (see `History::periods`).
pub fn periods(history: &History) -> Vec<TermsOut> {
    history
        .periods()
        .into_iter()
        .map(|p| {
            terms_out(
                &p.version.terms,
                p.version.valid_from,
                p.valid_to,
                p.changed,
                p.version.created_at,
            )
        })
        .collect()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ServiceOut {
    pub id: ServiceId,
    pub purchaser_id: PurchaserId,
    pub code: String,
    pub name: LocalizedText,
    pub unit: Unit,
    pub social_care: bool,
    /// The money terms in force today: methods, voucher value, price cap, reference price,
    /// VAT and income rule.
    pub methods: Vec<Method>,
    #[schema(value_type = Option<String>)]
    pub voucher_value: Option<Money>,
    #[schema(value_type = Option<String>)]
    pub price_cap: Option<Money>,
    #[schema(value_type = Option<String>)]
    pub reference_price: Option<Money>,
    /// VAT in percent ("0" for exempt social care).
    pub vat_rate: String,
    pub income_rule: Option<IncomeRuleText>,
    pub rulebook: Vec<String>,
    /// Archived: no new offerings, commitments or decisions; running commitments go on.
    pub archived: bool,
    pub archived_at: Option<DateTime<Utc>>,
    /// Changes of the money terms that take effect later, soonest first.
    pub upcoming: Vec<TermsOut>,
}

impl ServiceOut {
    pub fn build(model: &service::Model, history: &History, today: NaiveDate) -> AppResult<Self> {
        let now = history.at(today);
        Ok(ServiceOut {
            id: model.id.into(),
            purchaser_id: model.purchaser_id.into(),
            code: model.code.clone(),
            name: from_json(&model.name)?,
            unit: model.unit.parse().map_err(AppError::internal)?,
            social_care: model.social_care,
            methods: now.methods.clone(),
            voucher_value: now.voucher_value,
            price_cap: now.price_cap,
            reference_price: now.reference_price,
            vat_rate: now.vat.percent().to_string(),
            income_rule: now.income_rule.as_ref().map(IncomeRule::to_text),
            rulebook: from_json(&model.rulebook)?,
            archived: model.archived_at.is_some(),
            archived_at: model.archived_at,
            upcoming: periods(history)
                .into_iter()
                .filter(|p| p.valid_from > today)
                .collect(),
        })
    }

    /// The answer for one service, reading its history.
    pub async fn load(
        conn: &impl sea_orm::ConnectionTrait,
        model: &service::Model,
    ) -> AppResult<Self> {
        let history = crate::catalogue::terms::history(conn, model).await?;
        Self::build(model, &history, crate::domain::today_in_finland())
    }
}
