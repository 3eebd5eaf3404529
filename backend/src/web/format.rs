//! Numbers and dates the Finnish way in every language: `1 234,50 €`, `22.11.2026`.
use chrono::NaiveDate;
use num_format::{Locale, ToFormattedString};

use crate::domain::{Money, Quantity};

/// `1 234,50 €`, grouped with no-break spaces so an amount never wraps mid-number.
pub fn euros(money: Money) -> String {
    let cents = money.cents();
    let sign = if cents < 0 { "−" } else { "" };
    let abs = cents.unsigned_abs();
    let whole = (abs / 100).to_formatted_string(&Locale::fi);
    format!("{sign}{whole},{:02}\u{a0}€", abs % 100)
}

/// `22.11.2026`.
pub fn date(date: NaiveDate) -> String {
    date.format("%-d.%-m.%Y").to_string()
}

/// A moment in Finnish time, to the minute: `22.11.2026 14.05`.
pub fn moment(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Helsinki)
        .format("%-d.%-m.%Y %H.%M")
        .to_string()
}

/// A quantity with a decimal comma and no trailing zeros: `1,5`, `2`.
pub fn quantity(quantity: Quantity) -> String {
    quantity.to_string().replace('.', ",")
}

/// A decimal typed the Finnish way (`12,50`, `1 234,5`) made ready for the domain parser,
/// which reads a point; what is left invalid the parser reports against the field.
pub fn decimal_input(raw: &str) -> String {
    raw.trim()
        .replace(['\u{a0}', ' ', '€'], "")
        .replace(',', ".")
}

/// An amount as a form field shows it for editing: `12,50`.
pub fn decimal_field(money: Money) -> String {
    money.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_with_a_decimal_comma() {
        let m = |s: &str| Money::parse_amount(s).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(euros(m("1234.50")), "1\u{a0}234,50\u{a0}€");
        assert_eq!(euros(m("0.05")), "0,05\u{a0}€");
        assert_eq!(euros(m("1234567")), "1\u{a0}234\u{a0}567,00\u{a0}€");
    }

    #[test]
    fn dates_have_no_leading_zeros() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap_or_default();
        assert_eq!(date(d), "2.1.2026");
    }

    #[test]
    fn finnish_decimals_reach_the_parser_as_points() {
        assert_eq!(decimal_input(" 1 234,50 € "), "1234.50");
        assert_eq!(decimal_input("12.5"), "12.5");
    }
}
