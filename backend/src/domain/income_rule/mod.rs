//! The income-related voucher value (tulosidonnainen palveluseteli): the purchaser's rule,
//! parsed and validated at the edge, and the one formula that turns a household's size and
//! monthly income into a voucher value per unit:
//! `max_value − max(0, income − limit) × percent / 100 / units_per_month`, kept within
//! `[min_value, max_value]` and rounded half up to cents.
use rust_decimal::{Decimal, RoundingStrategy, prelude::ToPrimitive};
use serde::{Deserialize, Serialize};

use super::Money;

#[cfg(test)]
mod tests;

/// The rule as sent and as stored: decimals as text, so the parser decides what they mean.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct IncomeRuleText {
    /// The voucher value per unit at or under the income limit, e.g. "32.00".
    pub max_value: String,
    /// The value never goes below this, e.g. "20.00".
    pub min_value: String,
    /// The share of the income over the limit that lowers the value, e.g. "10".
    pub percent: String,
    /// How many units a month the reduction is spread over, e.g. "40".
    pub units_per_month: String,
    /// Monthly income limits by household size 1, 2, 3, …; the last one applies to
    /// larger households too.
    pub income_limits: Vec<String>,
}

/// A validated rule: `max_value ≥ min_value ≥ 0`, `percent` 0–100, `units_per_month > 0`,
/// at least one income limit, money with at most two decimals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomeRule {
    max_value: Money,
    min_value: Money,
    percent: Decimal,
    units_per_month: Decimal,
    income_limits: Vec<Money>,
}

/// Which part of the rule is wrong (`max_value`, `income_limits[2]`, …) and why.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field} {message}")]
pub struct IncomeRuleError {
    pub field: String,
    pub message: String,
}

fn wrong(field: impl Into<String>, message: impl ToString) -> IncomeRuleError {
    IncomeRuleError {
        field: field.into(),
        message: message.to_string(),
    }
}

/// Income limits a rule may list: household sizes far beyond any real table.
const MAX_LIMITS: usize = 30;

/// A plain decimal with at most two decimals, within `[low, high]`.
fn decimal(text: &str, low: Decimal, high: Decimal) -> Option<Decimal> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.contains(['e', 'E']) {
        return None;
    }
    let value: Decimal = trimmed.parse().ok()?;
    let value = value.normalize();
    (value.scale() <= 2 && value >= low && value <= high).then_some(value)
}

impl IncomeRule {
    pub fn parse(text: &IncomeRuleText) -> Result<Self, IncomeRuleError> {
        let max_value =
            Money::parse_positive(&text.max_value).map_err(|e| wrong("max_value", e))?;
        let min_value = Money::parse_amount(&text.min_value).map_err(|e| wrong("min_value", e))?;
        if min_value > max_value {
            return Err(wrong("min_value", "must not be greater than max_value"));
        }
        let percent =
            decimal(&text.percent, Decimal::ZERO, Decimal::ONE_HUNDRED).ok_or_else(|| {
                wrong(
                    "percent",
                    "must be a percentage from 0 to 100, at most two decimals",
                )
            })?;
        let units_per_month = decimal(
            &text.units_per_month,
            Decimal::new(1, 2),
            Decimal::from(10_000),
        )
        .ok_or_else(|| {
            wrong(
                "units_per_month",
                "must be a number of units greater than 0 (up to 10000, at most two decimals)",
            )
        })?;
        if text.income_limits.is_empty() {
            return Err(wrong(
                "income_limits",
                "must list at least one income limit (the first is for a household of one)",
            ));
        }
        if text.income_limits.len() > MAX_LIMITS {
            return Err(wrong(
                "income_limits",
                format!(
                    "must list at most {MAX_LIMITS} limits; the last applies to larger households"
                ),
            ));
        }
        let income_limits = text
            .income_limits
            .iter()
            .enumerate()
            .map(|(i, limit)| {
                Money::parse_amount(limit).map_err(|e| wrong(format!("income_limits[{i}]"), e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(IncomeRule {
            max_value,
            min_value,
            percent,
            units_per_month,
            income_limits,
        })
    }

    /// The rule as text, for storage and for answers.
    pub fn to_text(&self) -> IncomeRuleText {
        IncomeRuleText {
            max_value: self.max_value.to_string(),
            min_value: self.min_value.to_string(),
            percent: self.percent.to_string(),
            units_per_month: self.units_per_month.to_string(),
            income_limits: self.income_limits.iter().map(ToString::to_string).collect(),
        }
    }

    /// Reads a stored rule (`to_text` as JSON).
    pub fn from_json(value: &serde_json::Value) -> Result<Self, IncomeRuleError> {
        let text: IncomeRuleText =
            serde_json::from_value(value.clone()).map_err(|e| wrong("income_rule", e))?;
        Self::parse(&text)
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self.to_text()).unwrap_or(serde_json::Value::Null)
    }

    pub fn max_value(&self) -> Money {
        self.max_value
    }

    pub fn min_value(&self) -> Money {
        self.min_value
    }

    pub fn percent(&self) -> Decimal {
        self.percent
    }

    pub fn units_per_month(&self) -> Decimal {
        self.units_per_month
    }

    pub fn income_limits(&self) -> &[Money] {
        &self.income_limits
    }

    /// The income limit of a household this size: the last one listed for larger ones.
    pub fn limit_for(&self, household: HouseholdSize) -> Money {
        let index = usize::from(household.0).saturating_sub(1);
        self.income_limits
            .get(index)
            .or(self.income_limits.last())
            .copied()
            .unwrap_or(Money::ZERO)
    }

    /// The voucher value per unit for this household and monthly income, with the figures
    /// that explain it.
    pub fn value(&self, household: HouseholdSize, monthly_income: Money) -> Valuation {
        let limit = self.limit_for(household);
        let excess = if monthly_income > limit {
            monthly_income - limit
        } else {
            Money::ZERO
        };
        let monthly_reduction = excess.decimal() * self.percent / Decimal::ONE_HUNDRED;
        let per_unit = monthly_reduction / self.units_per_month;
        let unfloored = (self.max_value.decimal() - per_unit)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let floored = unfloored < self.min_value.decimal();
        let value = unfloored
            .max(self.min_value.decimal())
            .min(self.max_value.decimal());
        Valuation {
            value: cents_of(value),
            limit,
            excess,
            monthly_reduction: monthly_reduction
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
            reduction_per_unit: self.max_value.decimal() - unfloored,
            floored,
            household_at_least: (usize::from(household.0) > self.income_limits.len())
                .then_some(self.income_limits.len()),
        }
    }
}

/// A value already within `[min_value, max_value]` and rounded to cents, as `Money`.
fn cents_of(value: Decimal) -> Money {
    Money::from_cents((value * Decimal::ONE_HUNDRED).trunc().to_i64().unwrap_or(0))
}

/// What the formula found, for the value and its plain-language explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valuation {
    /// The voucher value per unit.
    pub value: Money,
    /// The income limit used.
    pub limit: Money,
    /// How much the income is over the limit (zero at or under it).
    pub excess: Money,
    /// `excess × percent / 100`, rounded to cents for showing.
    pub monthly_reduction: Decimal,
    /// What the income took off one unit's value before the floor (`max_value` minus the
    /// rounded value before the floor); may exceed what the floor lets it take.
    pub reduction_per_unit: Decimal,
    /// The value hit the floor `min_value`.
    pub floored: bool,
    /// Set to the table's length when the household is larger than the table, whose last
    /// limit then applies.
    pub household_at_least: Option<usize>,
}

/// The number of people in a household: 1 to 99.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct HouseholdSize(u8);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a whole number of people from 1 to 99")]
pub struct HouseholdSizeError;

impl HouseholdSize {
    pub fn parse(people: i64) -> Result<Self, HouseholdSizeError> {
        u8::try_from(people)
            .ok()
            .filter(|n| (1..=99).contains(n))
            .map(HouseholdSize)
            .ok_or(HouseholdSizeError)
    }

    pub fn people(self) -> u8 {
        self.0
    }
}
