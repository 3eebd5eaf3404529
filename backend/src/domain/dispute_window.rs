//! How long a client may dispute a delivery: 14 days from the later of its date and the
//! Finnish day it was recorded, so that a delivery recorded late still gives the client
//! the whole window.
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::finnish_day_of;

pub const DAYS: i64 = 14;

/// The day the window opens for a delivery dated `date` and recorded at `recorded_at`.
pub fn opens(date: NaiveDate, recorded_at: DateTime<Utc>) -> NaiveDate {
    date.max(finnish_day_of(recorded_at))
}

/// The last day the delivery may be disputed.
pub fn last_day(date: NaiveDate, recorded_at: DateTime<Utc>) -> NaiveDate {
    opens(date, recorded_at) + Duration::days(DAYS)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_late_recording_opens_the_window_on_the_day_it_was_recorded() {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        // Recorded at 23:30 UTC on 1 December: already 2 December in Finland.
        let recorded = DateTime::parse_from_rfc3339("2026-12-01T23:30:00Z")
            .expect("instant")
            .with_timezone(&Utc);
        assert_eq!(last_day(day("2026-11-20"), recorded), day("2026-12-16"));
        assert_eq!(last_day(day("2026-12-05"), recorded), day("2026-12-19"));
    }
}
