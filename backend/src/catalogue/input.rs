//! A catalogue entry as a catalogue manager writes it: the fields as sent, and parsing
//! its money terms (amounts, income rule, methods) into validated values.
use serde::Deserialize;

use crate::{
    domain::{
        LocalizedText, Money,
        catalogue::{Method, Unit},
        income_rule::{IncomeRule, IncomeRuleText},
    },
    error::{AppError, AppResult, field},
    http::extract::DecimalText,
};

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

pub fn optional_money(name: &str, value: &Option<DecimalText>) -> AppResult<Option<Money>> {
    value
        .as_ref()
        .map(|v| field(name, Money::parse_positive(&v.0)))
        .transpose()
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ServiceIn {
    pub code: String,
    pub name: LocalizedText,
    pub unit: Unit,
    pub social_care: bool,
    pub methods: Vec<Method>,
    pub voucher_value: Option<DecimalText>,
    pub price_cap: Option<DecimalText>,
    /// VAT in percent, e.g. "25.5". Social-care services are VAT-exempt and leave it out
    /// (or send 0); any other service must state the rate in force for it.
    pub vat_rate: Option<DecimalText>,
    #[serde(default)]
    pub rulebook: Vec<String>,
    /// The price a budget is estimated with (the purchaser's price list).
    #[serde(default)]
    pub reference_price: Option<DecimalText>,
    /// An income-related voucher value: decisions for this service then give the
    /// household's size and income instead of a voucher value.
    #[serde(default)]
    pub income_rule: Option<IncomeRuleIn>,
}

/// Settlement methods as a set: sorted, each once.
pub fn method_set(methods: &[Method]) -> Vec<Method> {
    let mut methods = methods.to_vec();
    methods.sort();
    methods.dedup();
    methods
}
