//! Grace days: how long after an allocation's period providers may still record deliveries
//! dated inside it, before the unspent money expires.
use chrono::{Days, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GraceDays(u16);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a whole number of days from 0 to 365")]
pub struct GraceDaysError;

impl GraceDays {
    pub const NONE: GraceDays = GraceDays(0);
    pub const MAX: i64 = 365;

    pub fn parse(days: i64) -> Result<Self, GraceDaysError> {
        u16::try_from(days)
            .ok()
            .filter(|d| i64::from(*d) <= Self::MAX)
            .map(GraceDays)
            .ok_or(GraceDaysError)
    }

    /// As stored; a value outside the range (which the database never holds) counts as none.
    pub fn from_stored(days: i32) -> Self {
        Self::parse(i64::from(days)).unwrap_or(Self::NONE)
    }

    pub fn days(self) -> i32 {
        i32::from(self.0)
    }

    /// The last day deliveries dated inside a period ending `valid_to` are taken.
    pub fn last_day(self, valid_to: NaiveDate) -> NaiveDate {
        valid_to
            .checked_add_days(Days::new(u64::from(self.0)))
            .unwrap_or(NaiveDate::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grace_is_zero_to_a_year() {
        assert_eq!(GraceDays::parse(0), Ok(GraceDays::NONE));
        assert_eq!(GraceDays::parse(365).map(GraceDays::days), Ok(365));
        assert_eq!(GraceDays::parse(366), Err(GraceDaysError));
        assert_eq!(GraceDays::parse(-1), Err(GraceDaysError));
    }

    #[test]
    fn the_last_day_counts_the_grace_after_the_period() {
        let end = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
        let last = GraceDays::parse(30)
            .unwrap_or(GraceDays::NONE)
            .last_day(end);
        assert_eq!(
            last,
            NaiveDate::from_ymd_opt(2027, 1, 30).unwrap_or_default()
        );
        assert_eq!(GraceDays::NONE.last_day(end), end);
    }
}
