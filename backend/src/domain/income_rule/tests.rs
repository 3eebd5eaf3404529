//! The income rule's parser and formula: edges by example, the rest by property.
use proptest::prelude::*;

use super::*;

fn text(max: &str, min: &str, percent: &str, units: &str, limits: &[&str]) -> IncomeRuleText {
    IncomeRuleText {
        max_value: max.into(),
        min_value: min.into(),
        percent: percent.into(),
        units_per_month: units.into(),
        income_limits: limits.iter().map(|l| (*l).to_owned()).collect(),
    }
}

/// The example rule: 32.00 at most, 20.00 at least, 10 % over the limit spread over 40
/// units a month, limits for households of 1 to 5.
fn example() -> IncomeRule {
    IncomeRule::parse(&text(
        "32.00",
        "20.00",
        "10",
        "40",
        &["1300", "1900", "2400", "2900", "3300"],
    ))
    .unwrap_or_else(|e| panic!("{e}"))
}

fn money(text: &str) -> Money {
    Money::parse_amount(text).unwrap_or_else(|e| panic!("{e}"))
}

fn people(n: i64) -> HouseholdSize {
    HouseholdSize::parse(n).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn income_over_the_limit_lowers_the_value() {
    // 2 400 − 1 900 = 500 over; 10 % is 50 a month; over 40 hours 1.25 an hour.
    let v = example().value(people(2), money("2400"));
    assert_eq!(v.value, money("30.75"));
    assert_eq!(v.limit, money("1900"));
    assert_eq!(v.excess, money("500"));
    assert_eq!(v.monthly_reduction, Decimal::new(5000, 2));
    assert_eq!(v.reduction_per_unit, Decimal::new(125, 2));
    assert!(!v.floored);
    assert_eq!(v.household_at_least, None);
}

#[test]
fn at_and_just_below_the_limit_the_value_is_the_highest() {
    for income in ["1900.00", "1899.99", "0"] {
        let v = example().value(people(2), money(income));
        assert_eq!(v.value, money("32.00"), "{income}");
        assert_eq!(v.excess, Money::ZERO, "{income}");
    }
}

#[test]
fn just_above_the_limit_cents_round_half_up() {
    // 50 % spread over one unit: each cent over the limit takes half a cent off.
    let rule = IncomeRule::parse(&text("32.00", "0", "50", "1", &["1900"]))
        .unwrap_or_else(|e| panic!("{e}"));
    // 31.995 → 32.00 (half up), 31.99 exactly, 31.985 → 31.99.
    assert_eq!(
        rule.value(people(1), money("1900.01")).value,
        money("32.00")
    );
    assert_eq!(
        rule.value(people(1), money("1900.02")).value,
        money("31.99")
    );
    assert_eq!(
        rule.value(people(1), money("1900.03")).value,
        money("31.99")
    );
    assert_eq!(
        rule.value(people(1), money("1900.05")).value,
        money("31.98")
    );
}

#[test]
fn the_largest_household_of_the_table_and_larger_ones_share_the_last_limit() {
    let rule = example();
    let five = rule.value(people(5), money("3500"));
    assert_eq!(five.limit, money("3300"));
    assert_eq!(five.household_at_least, None);
    let nine = rule.value(people(9), money("3500"));
    assert_eq!(nine.limit, money("3300"));
    assert_eq!(nine.value, five.value);
    assert_eq!(nine.household_at_least, Some(5));
}

#[test]
fn the_value_never_goes_below_the_floor() {
    // 10 000 − 1 300 = 8 700 over: 870 a month, 21.75 an hour, 10.25 left: floored at 20.
    let v = example().value(people(1), money("10000"));
    assert_eq!(v.value, money("20.00"));
    assert!(v.floored);
    assert_eq!(v.reduction_per_unit, Decimal::new(2175, 2));
    // Exactly at the floor is not "floored".
    let rule = IncomeRule::parse(&text("32.00", "20.00", "100", "1", &["1000"]))
        .unwrap_or_else(|e| panic!("{e}"));
    let at = rule.value(people(1), money("1012.00"));
    assert_eq!((at.value, at.floored), (money("20.00"), false));
}

#[test]
fn a_rule_names_the_exact_field_at_fault() {
    let field = |t: IncomeRuleText| IncomeRule::parse(&t).map(|_| ()).map_err(|e| e.field);
    let good = || text("32.00", "20.00", "10", "40", &["1300", "1900", "2400"]);
    assert_eq!(field(good()), Ok(()));
    let mut t = good();
    t.income_limits[2] = "24.001".into();
    assert_eq!(field(t), Err("income_limits[2]".into()));
    let mut t = good();
    t.income_limits[1] = "-5".into();
    assert_eq!(field(t), Err("income_limits[1]".into()));
    let mut t = good();
    t.income_limits.clear();
    assert_eq!(field(t), Err("income_limits".into()));
    let mut t = good();
    t.min_value = "33".into();
    assert_eq!(field(t), Err("min_value".into()));
    let mut t = good();
    t.min_value = "-1".into();
    assert_eq!(field(t), Err("min_value".into()));
    let mut t = good();
    t.max_value = "0".into();
    assert_eq!(field(t), Err("max_value".into()));
    let mut t = good();
    t.max_value = "32.001".into();
    assert_eq!(field(t), Err("max_value".into()));
    for bad in ["101", "-1", "10.001", "ten", ""] {
        let mut t = good();
        t.percent = bad.into();
        assert_eq!(field(t), Err("percent".into()), "{bad}");
    }
    for bad in ["0", "-40", "abc", "1e3"] {
        let mut t = good();
        t.units_per_month = bad.into();
        assert_eq!(field(t), Err("units_per_month".into()), "{bad}");
    }
    // The edges that are allowed: min = max, min 0, percent 0 and 100.
    assert_eq!(field(text("20", "20", "0", "1", &["0"])), Ok(()));
    assert_eq!(field(text("20", "0", "100", "0.5", &["0"])), Ok(()));
}

#[test]
fn household_sizes_are_whole_people_from_one() {
    assert!(HouseholdSize::parse(0).is_err());
    assert!(HouseholdSize::parse(-1).is_err());
    assert!(HouseholdSize::parse(100).is_err());
    assert_eq!(HouseholdSize::parse(99).map(HouseholdSize::people), Ok(99));
}

#[test]
fn a_rule_survives_storage() {
    let rule = example();
    assert_eq!(IncomeRule::from_json(&rule.to_json()), Ok(rule));
}

/// Round half up of `num / den` (den > 0), for the oracle below.
fn round_half_up(num: i128, den: i128) -> i128 {
    (2 * num + den).div_euclid(2 * den)
}

prop_compose! {
    fn rules()(
        min in 0i64..5_000,
        extra in 0i64..5_000,
        percent_hundredths in 0i64..=10_000,
        units_hundredths in 1i64..500_000,
        limits in prop::collection::vec(0i64..1_000_000, 1..8),
    ) -> (IncomeRule, [i64; 4], Vec<i64>) {
        let max = (min + extra).max(1);
        let min = min.min(max);
        let t = IncomeRuleText {
            max_value: Money::from_cents(max).to_string(),
            min_value: Money::from_cents(min).to_string(),
            percent: Decimal::new(percent_hundredths, 2).to_string(),
            units_per_month: Decimal::new(units_hundredths, 2).to_string(),
            income_limits: limits.iter().map(|c| Money::from_cents(*c).to_string()).collect(),
        };
        let rule = IncomeRule::parse(&t).unwrap_or_else(|e| panic!("{e}"));
        (rule, [max, min, percent_hundredths, units_hundredths], limits)
    }
}

proptest! {
    #[test]
    fn the_value_never_rises_with_income(
        (rule, _, _) in rules(),
        size in 1i64..12,
        a in 0i64..2_000_000,
        b in 0i64..2_000_000,
    ) {
        let (low, high) = (a.min(b), a.max(b));
        let household = people(size);
        let at_low = rule.value(household, Money::from_cents(low)).value;
        let at_high = rule.value(household, Money::from_cents(high)).value;
        prop_assert!(at_high <= at_low, "{high} gives {at_high}, {low} gives {at_low}");
    }

    #[test]
    fn the_value_stays_within_min_and_max(
        (rule, _, _) in rules(),
        size in 1i64..12,
        income in 0i64..100_000_000_000,
    ) {
        let v = rule.value(people(size), Money::from_cents(income)).value;
        prop_assert!(v >= rule.min_value() && v <= rule.max_value());
    }

    /// The value is the exact formula in whole cents, rounded half up, computed here with
    /// integer fractions instead of decimals.
    #[test]
    fn the_value_is_the_exact_formula_rounded_half_up_to_cents(
        (rule, [max, min, percent, units], limits) in rules(),
        size in 1i64..12,
        income in 0i64..100_000_000,
    ) {
        let index = usize::try_from(size - 1).unwrap_or(0).min(limits.len() - 1);
        let excess = i128::from((income - limits[index]).max(0));
        // value in cents = max − excess × (percent/100) / 100 / (units/100)
        //                = (max × 100 × units − excess × percent) / (100 × units)
        let den = 100 * i128::from(units);
        let num = i128::from(max) * den - excess * i128::from(percent);
        let expected = round_half_up(num, den).clamp(i128::from(min), i128::from(max));
        let v = rule.value(people(size), Money::from_cents(income)).value;
        prop_assert_eq!(i128::from(v.cents()), expected);
    }

    #[test]
    fn households_beyond_the_table_use_the_last_limit(
        (rule, _, limits) in rules(),
        beyond in 0i64..20,
        income in 0i64..2_000_000,
    ) {
        let last = i64::try_from(limits.len()).unwrap_or(1);
        let income = Money::from_cents(income);
        let largest = rule.value(people(last), income);
        let larger = rule.value(people((last + beyond).min(99)), income);
        prop_assert_eq!(larger.value, largest.value);
        prop_assert_eq!(larger.limit, Money::from_cents(limits[limits.len() - 1]));
    }

    #[test]
    fn parse_never_panics(
        max in "\\PC{0,12}", min in "\\PC{0,12}", percent in "\\PC{0,8}",
        units in "\\PC{0,8}", limits in prop::collection::vec("\\PC{0,12}", 0..4),
    ) {
        let _ = IncomeRule::parse(&IncomeRuleText {
            max_value: max, min_value: min, percent, units_per_month: units, income_limits: limits,
        });
    }
}
