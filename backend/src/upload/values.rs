//! The values of one row of a delivery file, parsed the way Finnish spreadsheets write
//! them: dates `2026-11-22` or `22.11.2026`, decimals `12,50` or `12.50`. Each error names
//! the column, as the API names the field.
use chrono::NaiveDate;

use crate::{
    domain::{Money, Quantity, ids::CommitmentId, text::parse_text},
    error::{AppError, AppResult, field},
    ledger::deliveries::NewDelivery,
};

/// A row's five cells as text, `None` where the row ended early.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawRow {
    /// The line in the file (the header is line 1), as people see it in a spreadsheet.
    pub line: u64,
    pub commitment: Option<String>,
    pub date: Option<String>,
    pub quantity: Option<String>,
    pub unit_price: Option<String>,
    pub reference: Option<String>,
}

/// A date as ISO `YYYY-MM-DD` or Finnish `D.M.YYYY` (leading zeros optional).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    let mut parts = text.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let number = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(number(y)? as i32, number(m)?, number(d)?)
}

/// A decimal with a comma or a point, spaces as thousands separators and an optional
/// euro sign, made ready for the domain parsers (which read a point).
pub fn decimal_text(raw: &str) -> String {
    raw.trim()
        .replace(['\u{a0}', '\u{202f}', ' ', '€'], "")
        .replace(',', ".")
}

fn cell<'a>(value: &'a Option<String>, name: &str) -> AppResult<&'a str> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Err(AppError::invalid(name, "is missing on this row")),
        Some(text) => Ok(text),
    }
}

/// The row as a delivery to record, or the first column at fault.
pub fn parse_row(row: &RawRow) -> AppResult<NewDelivery> {
    let commitment = cell(&row.commitment, "commitment")?
        .parse::<CommitmentId>()
        .map_err(|_| AppError::invalid("commitment", "is not a commitment id"))?;
    let date = parse_date(cell(&row.date, "date")?)
        .ok_or_else(|| AppError::invalid("date", "must be a date like 2026-11-22 or 22.11.2026"))?;
    let quantity = field(
        "quantity",
        Quantity::parse(&decimal_text(cell(&row.quantity, "quantity")?)),
    )?;
    let unit_price = field(
        "unit_price",
        Money::parse_positive(&decimal_text(cell(&row.unit_price, "unit_price")?)),
    )?;
    let reference = field(
        "reference",
        parse_text(cell(&row.reference, "reference")?, 100),
    )?;
    Ok(NewDelivery {
        commitment,
        date,
        quantity,
        unit_price,
        reference,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_are_read_in_iso_and_finnish_forms() {
        assert_eq!(parse_date("2026-11-22"), ymd(2026, 11, 22));
        assert_eq!(parse_date("22.11.2026"), ymd(2026, 11, 22));
        assert_eq!(parse_date(" 2.1.2026 "), ymd(2026, 1, 2));
        assert_eq!(parse_date("02.01.2026"), ymd(2026, 1, 2));
        for bad in [
            "",
            "31.2.2026",
            "2026-13-01",
            "22.11.26",
            "22.11.2026.",
            "1.1.+202",
            "x.y.zzzz",
            "22/11/2026",
            "022.11.2026",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn finnish_decimals_become_points() {
        assert_eq!(decimal_text(" 1 234,50 € "), "1234.50");
        assert_eq!(decimal_text("12,5"), "12.5");
        assert_eq!(decimal_text("12.50"), "12.50");
    }

    #[test]
    fn a_row_names_the_column_at_fault() {
        let good = RawRow {
            line: 2,
            commitment: Some(uuid::Uuid::new_v4().to_string()),
            date: Some("1.11.2026".into()),
            quantity: Some("1,5".into()),
            unit_price: Some("45,00".into()),
            reference: Some("ERP-1".into()),
        };
        let Ok(parsed) = parse_row(&good) else {
            panic!("a good row")
        };
        assert_eq!(parsed.quantity.milli(), 1500);
        assert_eq!(parsed.unit_price.cents(), 4500);
        type Change = fn(&mut RawRow);
        let cases: [(Change, &str); 6] = [
            (|r| r.commitment = Some("C-1".into()), "commitment"),
            (|r| r.date = Some("31.2.2026".into()), "date"),
            (|r| r.quantity = Some("0".into()), "quantity"),
            (|r| r.unit_price = Some("4,5,0".into()), "unit_price"),
            (|r| r.reference = None, "reference"),
            (|r| r.date = Some("  ".into()), "date"),
        ];
        for (change, column) in cases {
            let mut row = good.clone();
            change(&mut row);
            let Err(e) = parse_row(&row) else {
                panic!("{row:?} should be refused")
            };
            assert!(e.fields.contains_key(column), "{row:?}: {e}");
        }
    }

    proptest! {
        #[test]
        fn any_real_date_reads_back_in_both_forms(days in 0i64..80_000) {
            let Some(start) = ymd(1900, 1, 1) else { panic!() };
            let date = start + chrono::Duration::days(days);
            let finnish = date.format("%-d.%-m.%Y").to_string();
            let iso = date.format("%Y-%m-%d").to_string();
            prop_assert_eq!(parse_date(&finnish), Some(date));
            prop_assert_eq!(parse_date(&iso), Some(date));
        }

        #[test]
        fn any_text_is_a_date_or_none_without_panicking(text in "\\PC{0,20}") {
            let _ = parse_date(&text);
        }

        #[test]
        fn a_decimal_comma_means_the_same_as_a_point(cents in 1i64..10_000_000) {
            let point = format!("{}.{:02}", cents / 100, cents % 100);
            let comma = point.replace('.', ",");
            let Ok(money) = Money::parse_positive(&decimal_text(&comma)) else {
                panic!("{comma}")
            };
            prop_assert_eq!(money.cents(), cents);
        }
    }
}
