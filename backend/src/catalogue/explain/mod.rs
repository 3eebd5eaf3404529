//! How an income-related voucher value was set, in plain language (selkokieli) in Finnish,
//! Swedish and English, for the client, her proxies and the case worker. Money is written
//! the Finnish way in every language (`2 400,00 €`), as everywhere in the portal.
use num_format::{Locale, ToFormattedString};
use rust_decimal::{Decimal, RoundingStrategy, prelude::ToPrimitive};
use serde::Serialize;

use crate::domain::{
    Money,
    catalogue::Unit,
    income_rule::{HouseholdSize, IncomeRule, Valuation},
};

/// The explanation in each language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Explanation {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Explanation {
    /// The text in a language code (`fi`, `sv`, `en`); Finnish for any other.
    pub fn in_lang(&self, code: &str) -> &str {
        match code {
            "sv" => &self.sv,
            "en" => &self.en,
            _ => &self.fi,
        }
    }
}

/// `2 400,00 €`, grouped with no-break spaces.
fn euros(amount: Decimal) -> String {
    format!("{}\u{a0}€", amount_only(amount))
}

/// `2 400,00` without the sign of the currency (Finnish "2 400,00 eurolla").
fn amount_only(amount: Decimal) -> String {
    let cents = (amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        * Decimal::ONE_HUNDRED)
        .to_i128()
        .unwrap_or(0);
    let sign = if cents < 0 { "−" } else { "" };
    let abs = cents.unsigned_abs();
    let whole = u64::try_from(abs / 100)
        .unwrap_or(u64::MAX)
        .to_formatted_string(&Locale::fi);
    format!("{sign}{whole},{:02}", abs % 100)
}

fn money(m: Money) -> String {
    euros(m.decimal())
}

/// A plain number with a decimal comma and no trailing zeros: `40`, `7,5`.
fn number(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// Per unit and "spread over N units" in each language.
struct UnitWords {
    fi_per: &'static str,
    fi_over: &'static str,
    sv_one: &'static str,
    sv_many: &'static str,
    en_one: &'static str,
    en_many: &'static str,
}

fn words(unit: Unit) -> UnitWords {
    let w = |fi_per, fi_over, sv_one, sv_many, en_one, en_many| UnitWords {
        fi_per,
        fi_over,
        sv_one,
        sv_many,
        en_one,
        en_many,
    };
    match unit {
        Unit::Hour => w("tunnilta", "tunnille", "timme", "timmar", "hour", "hours"),
        Unit::Day => w("päivältä", "päivälle", "dag", "dagar", "day", "days"),
        Unit::Visit => w(
            "käynniltä",
            "käynnille",
            "besök",
            "besök",
            "visit",
            "visits",
        ),
        Unit::Trip => w("matkalta", "matkalle", "resa", "resor", "trip", "trips"),
        Unit::Month => w(
            "kuukaudelta",
            "kuukaudelle",
            "månad",
            "månader",
            "month",
            "months",
        ),
        Unit::Session => w(
            "kerralta", "kerralle", "gång", "gånger", "session", "sessions",
        ),
        Unit::Piece => w(
            "kappaleelta",
            "kappaleelle",
            "styck",
            "stycken",
            "piece",
            "pieces",
        ),
    }
}

/// The explanation of `valuation`, which `rule` gave for this household and income.
pub fn explain(
    rule: &IncomeRule,
    household: HouseholdSize,
    income: Money,
    valuation: &Valuation,
    unit: Unit,
) -> Explanation {
    let u = words(unit);
    let people = household.people();
    let units = rule.units_per_month();
    let one_unit = units == Decimal::ONE;
    let f = Figures {
        income: money(income),
        limit: money(valuation.limit),
        excess: money(valuation.excess),
        excess_plain: amount_only(valuation.excess.decimal()),
        percent: number(rule.percent()),
        monthly: euros(valuation.monthly_reduction),
        units: number(units),
        reduction: euros(valuation.reduction_per_unit),
        max: money(rule.max_value()),
        min: money(rule.min_value()),
        value: money(valuation.value),
    };
    let over = !valuation.excess.is_zero();
    Explanation {
        fi: finnish(&f, &u, people, valuation, over),
        sv: swedish(&f, &u, people, valuation, over, one_unit),
        en: english(&f, &u, people, valuation, over, one_unit),
    }
}

struct Figures {
    income: String,
    limit: String,
    excess: String,
    excess_plain: String,
    percent: String,
    monthly: String,
    units: String,
    reduction: String,
    max: String,
    min: String,
    value: String,
}

fn finnish(f: &Figures, u: &UnitWords, people: u8, v: &Valuation, over: bool) -> String {
    let household = match v.household_at_least {
        Some(n) => format!("vähintään {n}-henkisen talouden"),
        None => format!("{people}-henkisen talouden"),
    };
    let mut text = format!("Tulosi ovat {} kuukaudessa. ", f.income);
    if !over {
        text += &format!(
            "Ne eivät ylitä {household} tulorajaa {}. Siksi saat setelin suurimman arvon. ",
            f.limit
        );
    } else {
        text += &format!(
            "Ne ylittävät {household} tulorajan {} {} eurolla. \
             Ylittävästä osasta otetaan huomioon {} % eli {} kuukaudessa. ",
            f.limit, f.excess_plain, f.percent, f.monthly
        );
        if v.floored {
            text += &format!(
                "Se jaetaan {} {}, joten vähennys olisi {} {}. \
                 Setelin arvo on kuitenkin aina vähintään {}. ",
                f.units, u.fi_over, f.reduction, u.fi_per, f.min
            );
        } else {
            text += &format!(
                "Se jaetaan {} {}, joten setelin suurimmasta arvosta {} vähennetään {} {}. ",
                f.units, u.fi_over, f.max, f.reduction, u.fi_per
            );
        }
    }
    text + &format!("Setelin arvo on {} {}.", f.value, u.fi_per)
}

fn swedish(
    f: &Figures,
    u: &UnitWords,
    people: u8,
    v: &Valuation,
    over: bool,
    one_unit: bool,
) -> String {
    let household = match (v.household_at_least, people) {
        (Some(n), _) => format!("för hushåll med {n} eller fler personer"),
        (None, 1) => "för ett hushåll med 1 person".to_owned(),
        (None, n) => format!("för ett hushåll med {n} personer"),
    };
    let units_word = if one_unit { u.sv_one } else { u.sv_many };
    let mut text = format!("Dina inkomster är {} i månaden. ", f.income);
    if !over {
        text += &format!(
            "De överstiger inte inkomstgränsen {} {household}. \
             Därför får du sedelns högsta värde. ",
            f.limit
        );
    } else {
        text += &format!(
            "De överstiger inkomstgränsen {} {household} med {}. \
             Av den överstigande delen räknas {} %, alltså {} i månaden. ",
            f.limit, f.excess, f.percent, f.monthly
        );
        if v.floored {
            text += &format!(
                "Det fördelas på {} {units_word}, så avdraget skulle vara {} per {}. \
                 Men sedelns värde är alltid minst {}. ",
                f.units, f.reduction, u.sv_one, f.min
            );
        } else {
            text += &format!(
                "Det fördelas på {} {units_word}, så från sedelns högsta värde {} dras {} av per {}. ",
                f.units, f.max, f.reduction, u.sv_one
            );
        }
    }
    text + &format!("Sedelns värde är {} per {}.", f.value, u.sv_one)
}

fn english(
    f: &Figures,
    u: &UnitWords,
    people: u8,
    v: &Valuation,
    over: bool,
    one_unit: bool,
) -> String {
    let household = match (v.household_at_least, people) {
        (Some(n), _) => format!("for households of {n} or more people"),
        (None, 1) => "for a household of 1 person".to_owned(),
        (None, n) => format!("for a household of {n} people"),
    };
    let units_word = if one_unit { u.en_one } else { u.en_many };
    let mut text = format!("Your income is {} a month. ", f.income);
    if !over {
        text += &format!(
            "That is not over the income limit of {} {household}. \
             So you get the voucher's highest value. ",
            f.limit
        );
    } else {
        text += &format!(
            "That is {} over the income limit of {} {household}. \
             {} % of the part over the limit counts, which is {} a month. ",
            f.excess, f.limit, f.percent, f.monthly
        );
        if v.floored {
            text += &format!(
                "That is spread over {} {units_word}, so {} per {} would be taken off. \
                 But the voucher is always worth at least {}. ",
                f.units, f.reduction, u.en_one, f.min
            );
        } else {
            text += &format!(
                "That is spread over {} {units_word}, so {} per {} is taken off the voucher's \
                 highest value of {}. ",
                f.units, f.reduction, u.en_one, f.max
            );
        }
    }
    text + &format!("The voucher is worth {} per {}.", f.value, u.en_one)
}

#[cfg(test)]
mod tests;
