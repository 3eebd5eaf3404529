//! Monthly statements, read-only views over the books: a client's allocation in one month
//! (from the append-only ledger entries, never from today's balance columns) and a
//! provider's deliveries and invoices of one month. Months are Finnish calendar months.
pub mod client;
pub mod names;
pub mod provider;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::{
    domain::today_in_finland,
    error::{AppError, AppResult},
    settlement::Month,
};

/// The instant a Finnish day begins: a money movement at 00:30 Finnish time on the 1st
/// belongs to the new month, although it is still the previous day in UTC.
pub fn start_of_finnish_day(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(NaiveTime::MIN);
    chrono_tz::Europe::Helsinki
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

/// The Finnish calendar day of an instant.
pub use crate::domain::finnish_day_of as finnish_date;

/// The month a statement covers: `YYYY-MM`, this month when left out; a month that has not
/// begun has nothing to state (400 naming `month`, as other query parameters).
pub fn statement_month(raw: Option<&str>) -> AppResult<Month> {
    let today = today_in_finland();
    let this_month = today.format("%Y-%m").to_string();
    let text = raw
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .unwrap_or(&this_month);
    let month = Month::parse(text).map_err(|e| AppError::bad_parameter("month", e))?;
    if month.first_day > today {
        return Err(AppError::bad_parameter(
            "month",
            "must not be in the future",
        ));
    }
    Ok(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_days_begin_at_finnish_midnight() {
        let Some(day) = NaiveDate::from_ymd_opt(2026, 11, 1) else {
            panic!("a date")
        };
        // Winter time: UTC+2.
        assert_eq!(
            start_of_finnish_day(day).to_rfc3339(),
            "2026-10-31T22:00:00+00:00"
        );
        let Some(summer) = NaiveDate::from_ymd_opt(2026, 7, 1) else {
            panic!("a date")
        };
        assert_eq!(
            start_of_finnish_day(summer).to_rfc3339(),
            "2026-06-30T21:00:00+00:00"
        );
        assert_eq!(finnish_date(start_of_finnish_day(day)), day);
    }

    #[test]
    fn statement_months_are_strict_and_not_in_the_future() {
        assert!(statement_month(Some("2026-1")).is_err());
        assert!(statement_month(Some("2999-01")).is_err());
        let Ok(this) = statement_month(None) else {
            panic!("this month")
        };
        assert_eq!(this.label(), today_in_finland().format("%Y-%m").to_string());
        assert!(statement_month(Some("2020-02")).is_ok());
    }
}
