//! A calendar day as people type it: `2026-11-22` (ISO 8601), spaces around allowed.
use chrono::NaiveDate;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a date like 2026-11-22")]
pub struct DayError;

pub fn parse_day(text: &str) -> Result<NaiveDate, DayError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| DayError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_in_iso_form_only() {
        assert_eq!(
            parse_day(" 2026-02-28 "),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap_or_default())
        );
        for bad in ["2026-02-30", "28.2.2026", "", "2026-2", "=SUM(A1)"] {
            assert_eq!(parse_day(bad), Err(DayError), "{bad}");
        }
    }
}
