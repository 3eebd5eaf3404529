//! Quantity of a delivered service: positive, at most three decimals ("1.5" hours).
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quantity(Decimal);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    #[error("must be a decimal number, like \"1.5\"")]
    NotANumber,
    #[error("must be greater than zero")]
    NotPositive,
    #[error("must have at most three decimals")]
    TooManyDecimals,
    #[error("is too large")]
    TooLarge,
}

const MAX_QUANTITY: i64 = 100_000;

impl Quantity {
    pub fn parse(text: &str) -> Result<Self, QuantityError> {
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.contains(['e', 'E']) {
            return Err(QuantityError::NotANumber);
        }
        let value: Decimal = trimmed.parse().map_err(|_| QuantityError::NotANumber)?;
        let value = value.normalize();
        if value <= Decimal::ZERO {
            return Err(QuantityError::NotPositive);
        }
        if value.scale() > 3 {
            return Err(QuantityError::TooManyDecimals);
        }
        if value > Decimal::from(MAX_QUANTITY) {
            return Err(QuantityError::TooLarge);
        }
        Ok(Quantity(value))
    }

    /// As [`Quantity::parse`], but zero is allowed too (a case worker finding nothing was
    /// delivered).
    pub fn parse_non_negative(text: &str) -> Result<Self, QuantityError> {
        match text.trim().parse::<Decimal>() {
            Ok(value) if value.is_zero() && !text.contains(['e', 'E']) => {
                Ok(Quantity(Decimal::ZERO))
            }
            _ => Self::parse(text),
        }
    }

    pub fn from_milli(milli: i64) -> Self {
        Quantity(Decimal::new(milli, 3).normalize())
    }

    pub fn milli(self) -> i64 {
        i64::try_from((self.0 * Decimal::ONE_THOUSAND).trunc()).unwrap_or(i64::MAX)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

/// A quantity in the API's documents: a decimal as a string, e.g. `"2"` or `"1.5"`.
impl utoipa::PartialSchema for Quantity {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(r"^-?[0-9]+(\.[0-9]+)?$"))
            .description(Some(
                "A quantity in the unit's terms, as a string, e.g. \"1.5\".",
            ))
            .examples([serde_json::json!("1.5")])
            .into()
    }
}

impl utoipa::ToSchema for Quantity {}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(Quantity::parse("1.5").map(Quantity::milli), Ok(1500));
        assert_eq!(Quantity::parse("0"), Err(QuantityError::NotPositive));
        assert_eq!(Quantity::parse("-2"), Err(QuantityError::NotPositive));
        assert_eq!(
            Quantity::parse("0.0001"),
            Err(QuantityError::TooManyDecimals)
        );
        assert_eq!(Quantity::parse("x"), Err(QuantityError::NotANumber));
    }

    proptest! {
        #[test]
        fn milli_round_trips(milli in 1i64..100_000_000) {
            let q = Quantity::from_milli(milli);
            prop_assert_eq!(Quantity::parse(&q.to_string()), Ok(q));
            prop_assert_eq!(q.milli(), milli);
        }
    }
}
