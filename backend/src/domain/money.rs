//! Money: euros as `rust_decimal`, at most two decimals, never floats.
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};
use std::fmt;

use super::quantity::Quantity;

/// An amount of euros with at most two decimals. It may be negative only where a
/// ledger movement says so; amounts people enter are parsed with [`Money::parse_amount`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("must be a decimal number of euros, like \"45.00\"")]
    NotANumber,
    #[error("must have at most two decimals")]
    TooManyDecimals,
    #[error("must not be negative")]
    Negative,
    #[error("must be greater than zero")]
    NotPositive,
    #[error("is too large")]
    TooLarge,
}

/// Larger than any budget a purchaser grants; keeps cents well inside `i64`.
const MAX_EUROS: i64 = 1_000_000_000;

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn from_cents(cents: i64) -> Self {
        Money(Decimal::new(cents, 2))
    }

    /// Cents for storage: both databases sum integers exactly.
    pub fn cents(self) -> i64 {
        // Every Money has at most two decimals and is bounded, so this is exact.
        let scaled = (self.0 * Decimal::ONE_HUNDRED).trunc();
        i64::try_from(scaled).unwrap_or(i64::MAX)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Parses an amount as people and integrations send it: `"45.00"`, `"45"`, `45.5`.
    pub fn parse(text: &str) -> Result<Self, MoneyError> {
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.contains(['e', 'E']) {
            return Err(MoneyError::NotANumber);
        }
        let value: Decimal = trimmed.parse().map_err(|_| MoneyError::NotANumber)?;
        Self::from_decimal(value)
    }

    pub fn from_decimal(value: Decimal) -> Result<Self, MoneyError> {
        let value = value.normalize();
        if value.scale() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        if value.abs() > Decimal::from(MAX_EUROS) {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(value))
    }

    /// A non-negative amount, such as a price, a reservation or a grant.
    pub fn parse_amount(text: &str) -> Result<Self, MoneyError> {
        let money = Self::parse(text)?;
        if money.0.is_sign_negative() && !money.0.is_zero() {
            return Err(MoneyError::Negative);
        }
        Ok(money)
    }

    /// A strictly positive amount, such as a unit price or a granted budget.
    pub fn parse_positive(text: &str) -> Result<Self, MoneyError> {
        let money = Self::parse_amount(text)?;
        if money.0.is_zero() {
            return Err(MoneyError::NotPositive);
        }
        Ok(money)
    }

    /// `round_half_up(quantity × unit_price, 2)`: the one rule for a line total.
    pub fn line_total(quantity: Quantity, unit_price: Money) -> Money {
        let exact = quantity.decimal() * unit_price.0;
        Money(exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other { self } else { other }
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl std::ops::Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Money {
    /// Always two decimals, as the API contract writes money: `"45.00"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut value = self.0;
        value.rescale(2);
        write!(f, "{value}")
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

/// Money in the API's documents: one schema for every amount instead of an annotation on
/// each field. Amounts travel as strings so that no JSON parser turns them into floats.
impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(r"^-?[0-9]+\.[0-9]{2}$"))
            .description(Some(
                "Euros with two decimals, as a string (never a float), e.g. \"45.00\".",
            ))
            .examples([serde_json::json!("45.00")])
            .into()
    }
}

impl utoipa::ToSchema for Money {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_contract_forms() {
        assert_eq!(Money::parse("45.00").map(|m| m.cents()), Ok(4500));
        assert_eq!(Money::parse("45").map(|m| m.cents()), Ok(4500));
        assert_eq!(Money::parse(" 0.5 ").map(|m| m.cents()), Ok(50));
        assert_eq!(Money::parse("1.005"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Money::parse("abc"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse("1e3"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_amount("-1"), Err(MoneyError::Negative));
        assert_eq!(Money::parse_positive("0.00"), Err(MoneyError::NotPositive));
        assert_eq!(Money::parse("10000000000"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn displays_two_decimals() {
        assert_eq!(Money::from_cents(4500).to_string(), "45.00");
        assert_eq!(Money::from_cents(5).to_string(), "0.05");
        assert_eq!(Money::from_cents(-1234).to_string(), "-12.34");
    }

    #[test]
    fn line_total_rounds_half_up() {
        let q = |s: &str| Quantity::parse(s).unwrap_or_else(|e| panic!("{e}"));
        // 1.5 × 33.33 = 49.995 → 50.00
        assert_eq!(
            Money::line_total(q("1.5"), Money::from_cents(3333)).cents(),
            5000
        );
        // 0.333 × 10.00 = 3.33
        assert_eq!(
            Money::line_total(q("0.333"), Money::from_cents(1000)).cents(),
            333
        );
        // 0.125 × 0.10 = 0.0125 → 0.01
        assert_eq!(
            Money::line_total(q("0.125"), Money::from_cents(10)).cents(),
            1
        );
    }

    proptest! {
        #[test]
        fn cents_round_trip_through_text(cents in -100_000_000_000i64..100_000_000_000i64) {
            let money = Money::from_cents(cents);
            prop_assert_eq!(Money::parse(&money.to_string()), Ok(money));
            prop_assert_eq!(money.cents(), cents);
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,40}") {
            let _ = Money::parse(&text);
        }

        #[test]
        fn line_total_is_within_half_a_cent(milli in 1i64..1_000_000, cents in 1i64..10_000_000) {
            let quantity = Quantity::from_milli(milli);
            let price = Money::from_cents(cents);
            let exact = quantity.decimal() * price.decimal();
            let diff = (Money::line_total(quantity, price).decimal() - exact).abs();
            prop_assert!(diff <= Decimal::new(5, 3));
        }
    }
}
