//! The spending pace of a decided plan: how much has been spent per month on average since
//! the allocation's first day, and the day the money runs out if spending goes on at that
//! pace — or none when it lasts past the last day. Clients in the pilots could not foresee
//! when their budget would end; this says it in numbers.
use chrono::{Days, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::domain::Money;

/// An average month: 365.25 / 12 days.
const DAYS_PER_MONTH: Decimal = Decimal::from_parts(304_375, 0, 0, false, 4);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Pace {
    /// Spent per average month (365.25 / 12 days) since the first day, half up to the cent.
    pub monthly_average: Money,
    /// The day the money left runs out at that pace; none when it lasts past the last day
    /// (or nothing has been spent yet).
    pub runs_out_on: Option<NaiveDate>,
}

/// The pace after `spent` euros were spent from `valid_from` to `today` (both days counted),
/// with `left` euros still available or reserved. Before the first day nothing is spent
/// yet; after the last day the pace is over the whole period.
pub fn pace(
    spent: Money,
    left: Money,
    valid_from: NaiveDate,
    valid_to: NaiveDate,
    today: NaiveDate,
) -> Pace {
    let until = today.min(valid_to);
    let days = (until - valid_from).num_days() + 1;
    if days <= 0 || spent.is_zero() || spent.is_negative() {
        return Pace {
            monthly_average: Money::ZERO,
            runs_out_on: None,
        };
    }
    let days = Decimal::from(days);
    let monthly = (spent.decimal() * DAYS_PER_MONTH / days)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let monthly_average = Money::from_decimal(monthly).unwrap_or(Money::ZERO);
    // Whole days the money left lasts: on the day after them it has run out.
    // left ÷ (spent ÷ days), computed as (left × days) ÷ spent so whole results stay exact.
    let lasting = (left.decimal().max(Decimal::ZERO) * days / spent.decimal()).floor();
    let runs_out_on = u64::try_from(lasting)
        .ok()
        .and_then(|d| today.checked_add_days(Days::new(d)))
        .filter(|day| *day <= valid_to);
    Pace {
        monthly_average,
        runs_out_on,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn thirty_days_of_spending_give_the_monthly_average_and_the_day_it_runs_out() {
        // 900.00 spent over 30 days (1–30 November): 30.00 a day, 913.125 → 913.13 a month.
        // 600.00 left lasts 20 more days: it runs out on 20 December.
        let p = pace(
            m("900.00"),
            m("600.00"),
            d(2026, 11, 1),
            d(2027, 4, 30),
            d(2026, 11, 30),
        );
        assert_eq!(p.monthly_average, m("913.13"));
        assert_eq!(p.runs_out_on, Some(d(2026, 12, 20)));
    }

    #[test]
    fn money_that_lasts_past_the_last_day_runs_out_on_no_day() {
        let p = pace(
            m("100.00"),
            m("5000.00"),
            d(2026, 11, 1),
            d(2026, 12, 31),
            d(2026, 11, 10),
        );
        // 100 / 10 days × 30.4375 = 304.375 → 304.38
        assert_eq!(p.monthly_average, m("304.38"));
        assert_eq!(p.runs_out_on, None);
    }

    #[test]
    fn nothing_spent_or_not_begun_is_no_pace() {
        let none = Pace {
            monthly_average: Money::ZERO,
            runs_out_on: None,
        };
        assert_eq!(
            pace(
                Money::ZERO,
                m("10"),
                d(2026, 1, 1),
                d(2026, 12, 31),
                d(2026, 6, 1)
            ),
            none
        );
        assert_eq!(
            pace(
                m("10"),
                m("10"),
                d(2026, 7, 1),
                d(2026, 12, 31),
                d(2026, 6, 1)
            ),
            none
        );
    }

    #[test]
    fn a_fraction_of_a_day_left_is_not_a_day() {
        // 10.00 over 3 days: 3.333… a day; 10.00 left lasts 3 whole days.
        let p = pace(
            m("10.00"),
            m("10.00"),
            d(2026, 1, 1),
            d(2026, 12, 31),
            d(2026, 1, 3),
        );
        assert_eq!(p.monthly_average, m("101.46"));
        assert_eq!(p.runs_out_on, Some(d(2026, 1, 6)));
    }
}
