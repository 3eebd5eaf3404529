//! How many days after the delivery date a purchaser expects a delivery to be recorded:
//! the pilots found the balance is right only when providers record on time.
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
