//! The decision in plain language, in Finnish, Swedish and English: what was granted, for
//! which services, for how long, how to use it, and how to appeal (an oikaisuvaatimus within
//! 30 days). Short sentences, one matter each, as the pilots asked for ready plain-language
//! decision texts.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{Money, catalogue::FundingKind, localized::LocalizedText};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DecisionText {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

/// What the text tells.
pub struct DecisionFacts<'a> {
    pub number: &'a str,
    pub kind: FundingKind,
    pub granted: Money,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub services: &'a [LocalizedText],
    pub purchaser_name: &'a str,
}

/// Euros as people read them: "2 999,70 €" in Finnish and Swedish, "€2,999.70" in English.
fn euros(amount: Money, lang: &str) -> String {
    let text = amount.to_string();
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let sep = if lang == "en" { ',' } else { '\u{a0}' };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    match lang {
        "en" => format!("€{grouped}.{cents}"),
        _ => format!("{grouped},{cents}\u{a0}€"),
    }
}

fn date(day: NaiveDate, lang: &str) -> String {
    match lang {
        "en" => day.format("%-d %B %Y").to_string(),
        _ => day.format("%-d.%-m.%Y").to_string(),
    }
}

fn services(names: &[LocalizedText], lang: &str) -> String {
    names
        .iter()
        .map(|n| n.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The three texts.
pub fn compose(f: &DecisionFacts<'_>) -> DecisionText {
    let fi = {
        let what = match f.kind {
            FundingKind::PersonalBudget => "henkilökohtaisen budjetin",
            FundingKind::Voucher => "palvelusetelin",
        };
        format!(
            "Päätös {num}.\n\
             Saat {what}. Sen arvo on {amount}.\n\
             Voit käyttää sen näihin palveluihin: {svc}.\n\
             Päätös on voimassa {from}–{to}.\n\
             Näin käytät sitä: valitse Valinnassa palveluntuottaja ja tilaa palvelu. \
             Valinnassa näet aina, paljonko rahaa on jäljellä ja mihin se riittää.\n\
             Jos et ole tyytyväinen päätökseen, voit hakea siihen muutosta. \
             Tee kirjallinen oikaisuvaatimus 30 päivän kuluessa siitä, kun sait tiedon \
             päätöksestä. Lähetä se päätöksen tekijälle: {who}. \
             Työntekijäsi auttaa sinua tarvittaessa.",
            num = f.number,
            amount = euros(f.granted, "fi"),
            svc = services(f.services, "fi"),
            from = date(f.valid_from, "fi"),
            to = date(f.valid_to, "fi"),
            who = f.purchaser_name,
        )
    };
    let sv = {
        let what = match f.kind {
            FundingKind::PersonalBudget => "en personlig budget",
            FundingKind::Voucher => "en servicesedel",
        };
        format!(
            "Beslut {num}.\n\
             Du får {what}. Dess värde är {amount}.\n\
             Du kan använda den för de här tjänsterna: {svc}.\n\
             Beslutet gäller {from}–{to}.\n\
             Så här använder du den: välj en serviceproducent i Valinta och beställ tjänsten. \
             I Valinta ser du alltid hur mycket pengar som finns kvar och hur länge de räcker.\n\
             Om du inte är nöjd med beslutet kan du söka ändring. \
             Gör ett skriftligt omprövningsyrkande inom 30 dagar från att du fick veta om \
             beslutet. Skicka det till den som fattade beslutet: {who}. \
             Din handläggare hjälper dig vid behov.",
            num = f.number,
            amount = euros(f.granted, "sv"),
            svc = services(f.services, "sv"),
            from = date(f.valid_from, "sv"),
            to = date(f.valid_to, "sv"),
            who = f.purchaser_name,
        )
    };
    let en = {
        let what = match f.kind {
            FundingKind::PersonalBudget => "a personal budget",
            FundingKind::Voucher => "a service voucher",
        };
        format!(
            "Decision {num}.\n\
             You get {what}. It is worth {amount}.\n\
             You can use it for these services: {svc}.\n\
             The decision is valid from {from} to {to}.\n\
             How to use it: choose a provider in Valinta and order the service. \
             In Valinta you always see how much money is left and how long it lasts.\n\
             If you are not satisfied with the decision, you can appeal. \
             Make a written request for a review (oikaisuvaatimus) within 30 days of \
             receiving the decision. Send it to the one who made the decision: {who}. \
             Your case worker will help you if you need.",
            num = f.number,
            amount = euros(f.granted, "en"),
            svc = services(f.services, "en"),
            from = date(f.valid_from, "en"),
            to = date(f.valid_to, "en"),
            who = f.purchaser_name,
        )
    };
    DecisionText { fi, sv, en }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_text_says_what_for_how_long_and_how_to_appeal_in_three_languages() {
        let names = [LocalizedText {
            fi: "Kotihoito".into(),
            sv: Some("Hemvård".into()),
            en: None,
        }];
        let text = compose(&DecisionFacts {
            number: "2026-0001",
            kind: FundingKind::PersonalBudget,
            granted: Money::parse("2999.70").unwrap(),
            valid_from: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            valid_to: NaiveDate::from_ymd_opt(2027, 11, 30).unwrap(),
            services: &names,
            purchaser_name: "Keski-Uusimaa",
        });
        assert!(text.fi.contains("2\u{a0}999,70\u{a0}€"), "{}", text.fi);
        assert!(text.fi.contains("1.12.2026–30.11.2027"), "{}", text.fi);
        assert!(text.fi.contains("oikaisuvaatimus 30 päivän"), "{}", text.fi);
        assert!(text.sv.contains("Hemvård") && text.sv.contains("30 dagar"));
        assert!(text.en.contains("€2,999.70") && text.en.contains("Kotihoito"));
        assert!(
            text.en.contains("1 December 2026 to 30 November 2027"),
            "{}",
            text.en
        );
    }
}
