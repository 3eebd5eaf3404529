//! Numbers, money, dates and months written the way each language writes them.
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::Lang;

/// The thousands separator and the space before "€" in Finnish and Swedish: a no-break space,
/// so that a mail client never wraps "1 234,50 €" across lines. One character everywhere.
pub const NBSP: char = '\u{a0}';

/// Euros with two decimals: fi/sv `1 234,50 €`, en `€1,234.50`.
pub fn money(lang: Lang, amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let digits = format!("{:.2}", rounded.abs());
    let (whole, cents) = digits.split_once('.').unwrap_or((digits.as_str(), "00"));
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Fi | Lang::Sv => format!("{sign}{},{cents}{NBSP}€", group(whole, NBSP)),
        Lang::En => format!("{sign}€{}.{cents}", group(whole, ',')),
    }
}

/// A quantity with trailing zeros trimmed: fi/sv `1,5`, en `1.5`.
pub fn quantity(lang: Lang, value: Decimal) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Fi | Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A day: fi/sv `1.10.2026`, en `1 October 2026`.
pub fn date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Fi | Lang::Sv => format!("{}.{}.{}", day.day(), day.month(), day.year()),
        Lang::En => format!(
            "{} {} {}",
            day.day(),
            month_name(lang, day.month()),
            day.year()
        ),
    }
}

/// A billing month given as `YYYY-MM`: fi `lokakuu 2026`, sv `oktober 2026`, en `October 2026`.
/// Anything else is shown as it came, rather than hiding what the backend sent.
pub fn month(lang: Lang, year_month: &str) -> String {
    let parsed = year_month.trim().split_once('-').and_then(|(y, m)| {
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        (1..=12).contains(&month).then_some((year, month))
    });
    match parsed {
        Some((year, month)) => format!("{} {year}", month_name(lang, month)),
        None => year_month.to_owned(),
    }
}

fn month_name(lang: Lang, month: u32) -> &'static str {
    const FI: [&str; 12] = [
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ];
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Fi => &FI,
        Lang::Sv => &SV,
        Lang::En => &EN,
    };
    let index = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
    names.get(index).copied().unwrap_or("")
}

/// Inserts `separator` between groups of three digits, counting from the right.
fn group(digits: &str, separator: char) -> String {
    let count = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + count / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (count - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_is_written_the_way_each_language_writes_it() {
        assert_eq!(money(Lang::Fi, d("1234.5")), "1\u{a0}234,50\u{a0}€");
        assert_eq!(money(Lang::Sv, d("1234.5")), "1\u{a0}234,50\u{a0}€");
        assert_eq!(money(Lang::En, d("1234.5")), "€1,234.50");
        assert_eq!(money(Lang::Fi, d("0")), "0,00\u{a0}€");
        assert_eq!(money(Lang::En, d("999.999")), "€1,000.00");
        assert_eq!(money(Lang::En, d("1234567.891")), "€1,234,567.89");
        assert_eq!(money(Lang::Fi, d("-45.5")), "-45,50\u{a0}€");
        assert_eq!(money(Lang::Fi, d("-0.001")), "0,00\u{a0}€");
        assert_eq!(money(Lang::En, d("100")), "€100.00");
    }

    #[test]
    fn dates_and_months_are_written_per_language() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(date(Lang::Fi, day), "1.10.2026");
        assert_eq!(date(Lang::Sv, day), "1.10.2026");
        assert_eq!(date(Lang::En, day), "1 October 2026");
        assert_eq!(month(Lang::Fi, "2026-10"), "lokakuu 2026");
        assert_eq!(month(Lang::Sv, "2026-10"), "oktober 2026");
        assert_eq!(month(Lang::En, "2026-10"), "October 2026");
        assert_eq!(month(Lang::Fi, "2026-13"), "2026-13");
    }

    #[test]
    fn quantities_lose_their_trailing_zeros() {
        assert_eq!(quantity(Lang::Fi, d("1.50")), "1,5");
        assert_eq!(quantity(Lang::Sv, d("2.000")), "2");
        assert_eq!(quantity(Lang::En, d("1.50")), "1.5");
        assert_eq!(quantity(Lang::En, d("10")), "10");
        assert_eq!(quantity(Lang::En, d("100.00")), "100");
    }
}
