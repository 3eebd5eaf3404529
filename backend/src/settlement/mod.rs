//! Settlement: the month's unsettled, undisputed deliveries of a purchaser become one invoice
//! per provider, whose lines are the deliveries' purchaser shares. This is the only code that
//! marks deliveries invoiced; a delivery is invoiced at most once (its `invoice_id`, and a
//! unique line per delivery and kind, both say so).
pub mod answer;
pub mod asked;
pub mod bank_change;
mod bulk;
pub mod document;
pub mod export;
pub mod files;
pub mod finvoice;
pub mod lines;
pub mod preview;
pub mod routing;
pub mod row;
pub mod run;
pub mod select;
pub mod vat;

use chrono::{Datelike, Months, NaiveDate};

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    pub first_day: NaiveDate,
    /// The first day of the next month (exclusive end).
    pub next_first_day: NaiveDate,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a month like 2026-11")]
pub struct MonthError;

impl Month {
    pub fn parse(text: &str) -> Result<Month, MonthError> {
        let (y, m) = text.trim().split_once('-').ok_or(MonthError)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(MonthError);
        }
        let (y, m): (i32, u32) = (
            y.parse().map_err(|_| MonthError)?,
            m.parse().map_err(|_| MonthError)?,
        );
        let first_day = NaiveDate::from_ymd_opt(y, m, 1).ok_or(MonthError)?;
        let next_first_day = first_day
            .checked_add_months(chrono::Months::new(1))
            .ok_or(MonthError)?;
        Ok(Month {
            first_day,
            next_first_day,
        })
    }

    pub fn label(&self) -> String {
        self.first_day.format("%Y-%m").to_string()
    }

    /// The month a day falls in.
    pub fn containing(day: NaiveDate) -> Month {
        let first_day = day.with_day(1).unwrap_or(day);
        Month {
            first_day,
            next_first_day: first_day
                .checked_add_months(Months::new(1))
                .unwrap_or(first_day),
        }
    }

    /// The month `n` months before this one.
    pub fn minus(self, n: u32) -> Month {
        Month::containing(
            self.first_day
                .checked_sub_months(Months::new(n))
                .unwrap_or(self.first_day),
        )
    }

    pub fn previous(self) -> Month {
        self.minus(1)
    }

    pub fn next(self) -> Month {
        Month::containing(self.next_first_day)
    }

    /// Whole months from `earlier` to this one (0 for the same month).
    pub fn months_since(self, earlier: Month) -> u32 {
        let index = |m: Month| m.first_day.year() * 12 + m.first_day.month0() as i32;
        u32::try_from(index(self) - index(earlier)).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse() {
        let m = Month::parse("2026-11").unwrap_or_else(|_| panic!("a month"));
        assert_eq!(m.label(), "2026-11");
        assert_eq!(
            m.next_first_day,
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
        );
        let dec = Month::parse("2026-12").unwrap_or_else(|_| panic!("December"));
        assert_eq!(dec.next_first_day.format("%Y-%m").to_string(), "2027-01");
        assert_eq!(dec.next().label(), "2027-01");
        assert_eq!(m.previous().label(), "2026-10");
        assert_eq!(m.minus(11).label(), "2025-12");
        assert_eq!(dec.next().months_since(m), 2);
        let day = NaiveDate::from_ymd_opt(2026, 2, 28).unwrap_or_default();
        assert_eq!(Month::containing(day).label(), "2026-02");
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "", "2026-00"] {
            assert_eq!(Month::parse(bad), Err(MonthError), "{bad}");
        }
    }
}
