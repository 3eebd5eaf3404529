//! Quantity of a delivered service: positive, at most three decimals ("1.5" hours).
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;
use strum::VariantArray;

use super::catalogue::Unit;

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
    #[error("is in another unit: this service is counted in {0}s")]
    WrongUnit(Unit),
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

/// The words a person may type after the number, by unit: Finnish, Swedish and English,
/// singular and plural, and the usual abbreviations. Lower case, compared without a
/// trailing full stop.
fn unit_words(unit: Unit) -> &'static [&'static str] {
    match unit {
        Unit::Hour => &[
            "tunti", "tuntia", "t", "h", "timme", "timmar", "tim", "hour", "hours", "hr", "hrs",
        ],
        Unit::Day => &[
            "päivä",
            "päivää",
            "pv",
            "vrk",
            "dag",
            "dagar",
            "dygn",
            "day",
            "days",
            "d",
        ],
        Unit::Visit => &["käynti", "käyntiä", "besök", "visit", "visits"],
        Unit::Trip => &["matka", "matkaa", "resa", "resor", "trip", "trips"],
        Unit::Month => &[
            "kuukausi",
            "kuukautta",
            "kk",
            "månad",
            "månader",
            "mån",
            "month",
            "months",
        ],
        Unit::Session => &[
            "kerta", "kertaa", "krt", "gång", "gånger", "session", "sessions", "time", "times",
        ],
        Unit::Piece => &[
            "kpl",
            "kappale",
            "kappaletta",
            "st",
            "styck",
            "stycken",
            "pcs",
            "pc",
            "piece",
            "pieces",
        ],
    }
}

impl Quantity {
    /// An amount as a person types it into a form for a service sold in `unit`: a number
    /// with a decimal comma or point, optionally followed by the unit's word in Finnish,
    /// Swedish or English ("2 tuntia", "1,5 timmar", "2 hours", "3"). The word of another
    /// unit ("2 matkaa" for hours) is refused rather than ignored: the amount would
    /// mean something else.
    pub fn parse_typed(text: &str, unit: Unit) -> Result<Self, QuantityError> {
        let text = text.trim().replace('\u{a0}', " ");
        let split = text.find(|c: char| c.is_alphabetic()).unwrap_or(text.len());
        let (number, word) = text.split_at(split);
        let word = word.trim().trim_end_matches('.').to_lowercase();
        if !word.is_empty() && !unit_words(unit).contains(&word.as_str()) {
            let known = Unit::VARIANTS
                .iter()
                .any(|u| unit_words(*u).contains(&word.as_str()));
            return Err(if known {
                QuantityError::WrongUnit(unit)
            } else {
                QuantityError::NotANumber
            });
        }
        let number: String = number
            .trim()
            .chars()
            .filter(|c| *c != ' ')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        Self::parse(&number)
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

    #[test]
    fn the_forms_hint_is_accepted() {
        for (text, unit, milli) in [
            ("2 tuntia", Unit::Hour, 2000),
            ("2 timmar", Unit::Hour, 2000),
            ("2 hours", Unit::Hour, 2000),
            ("1,5 tuntia", Unit::Hour, 1500),
            ("1.5 h", Unit::Hour, 1500),
            ("1 Tunti", Unit::Hour, 1000),
            ("3", Unit::Trip, 3000),
            ("3\u{a0}matkaa", Unit::Trip, 3000),
            ("2 st.", Unit::Piece, 2000),
            ("1 000,25 kpl", Unit::Piece, 1_000_250),
        ] {
            assert_eq!(
                Quantity::parse_typed(text, unit).map(Quantity::milli),
                Ok(milli),
                "{text}"
            );
        }
    }

    #[test]
    fn another_units_word_or_any_other_word_is_refused() {
        assert_eq!(
            Quantity::parse_typed("2 matkaa", Unit::Hour),
            Err(QuantityError::WrongUnit(Unit::Hour))
        );
        assert_eq!(
            Quantity::parse_typed("2 hours", Unit::Day),
            Err(QuantityError::WrongUnit(Unit::Day))
        );
        for bad in [
            "kaksi tuntia",
            "2 apples",
            "tuntia",
            "",
            "2 tuntia 3",
            "1e3",
        ] {
            assert!(Quantity::parse_typed(bad, Unit::Hour).is_err(), "{bad}");
        }
        assert_eq!(
            Quantity::parse_typed("0 tuntia", Unit::Hour),
            Err(QuantityError::NotPositive)
        );
    }

    proptest! {

        #[test]
        fn a_number_with_any_word_of_its_unit_reads_as_the_number(
            milli in 1i64..100_000_000,
            unit_index in 0usize..7,
            word_index in 0usize..16,
            comma in any::<bool>(),
            upper in any::<bool>(),
        ) {
            let unit = Unit::VARIANTS[unit_index];
            let words = unit_words(unit);
            let word = words[word_index % words.len()];
            let q = Quantity::from_milli(milli);
            let number = if comma { q.to_string().replace('.', ",") } else { q.to_string() };
            let word = if upper { word.to_uppercase() } else { word.to_owned() };
            prop_assert_eq!(Quantity::parse_typed(&format!("{number} {word}"), unit), Ok(q));
            prop_assert_eq!(Quantity::parse_typed(&number, unit), Ok(q));
        }

        #[test]
        fn another_units_word_is_never_taken(
            milli in 1i64..100_000,
            unit_index in 0usize..7,
            other_index in 0usize..7,
            word_index in 0usize..16,
        ) {
            let (unit, other) = (Unit::VARIANTS[unit_index], Unit::VARIANTS[other_index]);
            prop_assume!(unit != other);
            let words = unit_words(other);
            let word = words[word_index % words.len()];
            let text = format!("{} {word}", Quantity::from_milli(milli));
            prop_assert_eq!(Quantity::parse_typed(&text, unit), Err(QuantityError::WrongUnit(unit)));
        }

        #[test]
        fn any_text_is_answered_without_panic(text in "\\PC{0,20}", unit_index in 0usize..7) {
            let _ = Quantity::parse_typed(&text, Unit::VARIANTS[unit_index]);
        }
        #[test]
        fn milli_round_trips(milli in 1i64..100_000_000) {
            let q = Quantity::from_milli(milli);
            prop_assert_eq!(Quantity::parse(&q.to_string()), Ok(q));
            prop_assert_eq!(q.milli(), milli);
        }
    }
}
