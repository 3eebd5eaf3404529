//! The explanations' wording, by example.
use super::*;
use crate::domain::income_rule::IncomeRuleText;

fn rule() -> IncomeRule {
    IncomeRule::parse(&IncomeRuleText {
        max_value: "32.00".into(),
        min_value: "20.00".into(),
        percent: "10".into(),
        units_per_month: "40".into(),
        income_limits: ["1300", "1900", "2400", "2900", "3300"]
            .map(String::from)
            .to_vec(),
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

fn explained(people: i64, income: &str) -> Explanation {
    let rule = rule();
    let household = HouseholdSize::parse(people).unwrap_or_else(|e| panic!("{e}"));
    let income = Money::parse_amount(income).unwrap_or_else(|e| panic!("{e}"));
    let v = rule.value(household, income);
    explain(&rule, household, income, &v, Unit::Hour)
}

#[test]
fn over_the_limit_says_by_how_much_and_what_it_takes_off() {
    let e = explained(2, "2400");
    assert_eq!(
        e.fi.replace('\u{a0}', " "),
        "Tulosi ovat 2 400,00 € kuukaudessa. Ne ylittävät 2-henkisen talouden tulorajan \
         1 900,00 € 500,00 eurolla. Ylittävästä osasta otetaan huomioon 10 % eli 50,00 € \
         kuukaudessa. Se jaetaan 40 tunnille, joten setelin suurimmasta arvosta 32,00 € \
         vähennetään 1,25 € tunnilta. Setelin arvo on 30,75 € tunnilta."
    );
    assert!(
        e.sv.replace('\u{a0}', " ")
            .contains("Sedelns värde är 30,75 € per timme."),
        "{}",
        e.sv
    );
    assert!(
        e.en.replace('\u{a0}', " ")
            .contains("The voucher is worth 30,75 € per hour."),
        "{}",
        e.en
    );
    assert!(e.en.contains("for a household of 2 people"), "{}", e.en);
}

#[test]
fn under_the_limit_says_the_highest_value() {
    let e = explained(1, "1200");
    assert!(e.fi.contains("eivät ylitä 1-henkisen talouden"), "{}", e.fi);
    assert!(e.sv.contains("för ett hushåll med 1 person."), "{}", e.sv);
    assert!(e.en.contains("highest value"), "{}", e.en);
}

#[test]
fn the_floor_and_large_households_are_said_so() {
    let e = explained(9, "20000");
    let fi = e.fi.replace('\u{a0}', " ");
    assert!(fi.contains("vähintään 5-henkisen talouden"), "{fi}");
    assert!(fi.contains("aina vähintään 20,00 €"), "{fi}");
    assert!(fi.ends_with("Setelin arvo on 20,00 € tunnilta."), "{fi}");
    assert!(e.en.contains("households of 5 or more people"), "{}", e.en);
    assert!(e.sv.contains("alltid minst"), "{}", e.sv);
}
