//! How many days after the delivery date a purchaser expects a delivery to be recorded:
//! the pilots found the balance is right only when providers record on time. Older
//! deliveries are refused unless late recording was opened for their commitment.
use chrono::{Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordingDays(u8);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a whole number of days from 1 to 90")]
pub struct RecordingDaysError;

impl RecordingDays {
    /// Two weeks unless the purchaser sets otherwise.
    pub const DEFAULT: RecordingDays = RecordingDays(14);
    pub const MAX: i64 = 90;

    pub fn parse(days: i64) -> Result<Self, RecordingDaysError> {
        u8::try_from(days)
            .ok()
            .filter(|d| (1..=Self::MAX).contains(&i64::from(*d)))
            .map(RecordingDays)
            .ok_or(RecordingDaysError)
    }

    /// As stored; a value outside the range (which the database never holds) falls back
    /// to the default rather than failing a report.
    pub fn from_stored(days: i32) -> Self {
        Self::parse(i64::from(days)).unwrap_or(Self::DEFAULT)
    }

    pub fn days(self) -> i64 {
        i64::from(self.0)
    }

    pub fn stored(self) -> i32 {
        i32::from(self.0)
    }

    /// The oldest delivery date that may be recorded today without late recording.
    pub fn oldest_on_time(self, today: NaiveDate) -> NaiveDate {
        today - Duration::days(self.days())
    }

    /// Whether a delivery of `date` may be recorded `today`: within the window, or while
    /// late recording opened for its commitment lasts (`late_until`, inclusive).
    pub fn admits(
        self,
        date: NaiveDate,
        today: NaiveDate,
        late_until: Option<NaiveDate>,
    ) -> Result<(), LateDelivery> {
        let oldest = self.oldest_on_time(today);
        if date >= oldest || late_until.is_some_and(|until| today <= until) {
            return Ok(());
        }
        Err(LateDelivery {
            days: self.days(),
            oldest,
        })
    }
}

/// A delivery older than the recording window, with no late recording open.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "is more than {days} days ago (the oldest date that can be recorded today is {oldest}); \
     a case worker can open late recording for this commitment"
)]
pub struct LateDelivery {
    pub days: i64,
    pub oldest: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_edges() {
        assert_eq!(RecordingDays::parse(0), Err(RecordingDaysError));
        assert_eq!(RecordingDays::parse(1).map(RecordingDays::days), Ok(1));
        assert_eq!(RecordingDays::parse(90).map(RecordingDays::days), Ok(90));
        assert_eq!(RecordingDays::parse(91), Err(RecordingDaysError));
        assert_eq!(RecordingDays::parse(256 + 14), Err(RecordingDaysError));
        assert_eq!(RecordingDays::from_stored(-3), RecordingDays::DEFAULT);
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn the_window_holds_its_last_day_and_refuses_the_one_before() {
        let days = RecordingDays::DEFAULT;
        let today = day("2026-12-15");
        assert_eq!(days.admits(day("2026-12-01"), today, None), Ok(()));
        let refused = days.admits(day("2026-11-30"), today, None);
        assert_eq!(
            refused,
            Err(LateDelivery {
                days: 14,
                oldest: day("2026-12-01")
            })
        );
        // Late recording opened until today admits it; one that ended yesterday does not.
        assert_eq!(days.admits(day("2026-11-01"), today, Some(today)), Ok(()));
        assert!(
            days.admits(day("2026-11-01"), today, Some(day("2026-12-14")))
                .is_err()
        );
    }

    proptest! {
        #[test]
        fn accepted_exactly_from_1_to_90(days in any::<i64>()) {
            let parsed = RecordingDays::parse(days);
            prop_assert_eq!(parsed.is_ok(), (1..=90).contains(&days));
            if let Ok(d) = parsed {
                prop_assert_eq!(d.days(), days);
            }
        }
    }
}
