//! Every kind renders in every language with no missing text, and the languages have the same
//! keys: a missing translation fails here instead of reaching a reader.
#![allow(clippy::unwrap_used)]
use std::collections::BTreeSet;

use fluent_templates::fluent_bundle::FluentResource;

use super::{PortalUrl, fluent::used};
use crate::{Kind, Lang, Method, Notification, Recipient};

const FTL: [(Lang, &str); 3] = [
    (Lang::Fi, include_str!("../../locales/fi/emails.ftl")),
    (Lang::Sv, include_str!("../../locales/sv/emails.ftl")),
    (Lang::En, include_str!("../../locales/en/emails.ftl")),
];

fn portal() -> PortalUrl {
    PortalUrl::parse("http://127.0.0.1:8080").unwrap()
}

/// The message ids defined in one Fluent file.
fn keys(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_owned()))
        .collect()
}

/// Anything that shows a text was not filled in: a Fluent placeholder, an unreplaced
/// variable, or fluent-templates' own "unknown key" text.
fn leftovers(text: &str) -> Option<String> {
    if text.contains('{') || text.contains('}') {
        return Some("a brace".to_owned());
    }
    if text.contains("Unknown localization") {
        return Some("an unknown key".to_owned());
    }
    let bytes = text.as_bytes();
    bytes
        .windows(2)
        .any(|w| w[0] == b'$' && w[1].is_ascii_alphabetic())
        .then(|| "a $variable".to_owned())
}

#[test]
fn the_fluent_files_parse_and_have_the_same_keys() {
    let mut all = Vec::new();
    for (lang, source) in FTL {
        if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
            panic!("{lang:?} emails.ftl does not parse: {errors:?}");
        }
        all.push((lang, keys(source)));
    }
    let (_, fi) = &all[0];
    assert!(fi.len() > 100, "only {} keys found", fi.len());
    for (lang, other) in &all[1..] {
        let missing: Vec<_> = fi.difference(other).collect();
        let extra: Vec<_> = other.difference(fi).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has keys Finnish lacks: {extra:?}"
        );
    }
}

#[test]
fn every_kind_renders_in_every_language_with_nothing_left_unfilled() {
    let portal = portal();
    let samples = Notification::samples();
    for kind in Kind::ALL {
        assert!(samples.iter().any(|s| s.kind() == *kind), "{kind:?}");
    }
    used::take();
    for sample in &samples {
        for lang in Lang::ALL {
            for name in [None, Some("Maija")] {
                let what = format!("{:?} in {lang:?} (name {name:?})", sample.kind());
                let rendered = sample
                    .try_render(lang, name, &portal)
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                for (part, text) in [
                    ("subject", &rendered.subject),
                    ("text", &rendered.text),
                    ("html", &rendered.html),
                ] {
                    if let Some(problem) = leftovers(text) {
                        panic!("{what}: the {part} has {problem}:\n{text}");
                    }
                    assert!(!text.trim().is_empty(), "{what}: empty {part}");
                }
                let link = portal.join(sample.link()).to_string();
                assert!(rendered.text.contains(&link), "{what}: no link in text");
                assert!(
                    rendered
                        .html
                        .contains(&format!("href=\"{}\"", link.replace('&', "&#38;"))),
                    "{what}: no link in html"
                );
                assert!(rendered.html.contains(&format!("lang=\"{}\"", lang.code())));
                assert!(
                    !rendered.subject.contains('\n'),
                    "{what}: multi-line subject"
                );
                if name.is_none() {
                    assert_eq!(rendered, sample.render(lang, &portal), "{what}");
                }
            }
        }
    }
    // Units and methods the samples happen not to use, each in every language.
    for lang in Lang::ALL {
        let tr = super::fluent::Tr::new(lang);
        for unit in super::fluent::UNITS {
            for quantity in [
                rust_decimal::Decimal::ONE,
                rust_decimal::Decimal::new(25, 1),
            ] {
                let text = tr.quantity(quantity, unit).unwrap();
                assert!(leftovers(&text).is_none(), "{unit} in {lang:?}: {text}");
            }
        }
        for method in [
            Method::Voucher,
            Method::PaymentCommitment,
            Method::DirectInvoice,
        ] {
            tr.t(&format!("method-{}", method.as_str())).unwrap();
        }
    }
    // Every key in the files is used by some sample, so none can rot unseen.
    let used = used::take();
    let unused: Vec<_> = keys(FTL[0].1)
        .into_iter()
        .filter(|k| !used.contains(k))
        .collect();
    assert!(unused.is_empty(), "keys no sample renders: {unused:?}");
}

fn sample(kind: Kind) -> Notification {
    Notification::samples()
        .into_iter()
        .find(|s| s.kind() == kind)
        .unwrap()
}

#[test]
fn a_delivery_says_what_when_how_much_the_balance_and_how_to_dispute() {
    let delivery = sample(Kind::DeliveryRecorded);
    let fi = delivery.render(Lang::Fi, &portal());
    assert_eq!(fi.subject, "Palvelu on kirjattu: Kotisiivous");
    for expected in [
        "Päivä: 5.10.2026",
        "Määrä: 1,5 tuntia",
        "Hinta yhteensä: 67,50\u{a0}€",
        "Omavastuu: 7,50\u{a0}€",
        "Rahaa on nyt käytettävissä 2\u{a0}340,00\u{a0}€.",
        "viimeistään 19.10.2026",
        "Tarkista tiedot:\nhttp://127.0.0.1:8080/money/deliveries/90",
        "Viestiasetukset: http://127.0.0.1:8080/settings/notifications",
    ] {
        assert!(
            fi.text.contains(expected),
            "{expected:?} missing from:\n{}",
            fi.text
        );
    }
    let en = delivery.render(Lang::En, &portal());
    for expected in ["Quantity: 1.5 hours", "€2,340.00", "by 19 October 2026"] {
        assert!(
            en.text.contains(expected),
            "{expected:?} missing from:\n{}",
            en.text
        );
    }
    let sv = delivery.render(Lang::Sv, &portal());
    assert!(sv.text.contains("Mängd: 1,5 timmar"), "{}", sv.text);
}

#[test]
fn a_proxy_sees_whose_matter_it_is() {
    let proxied = Notification::samples()
        .into_iter()
        .find(|s| matches!(s, Notification::DeliveryRecorded(d) if d.on_behalf_of.is_some()))
        .unwrap();
    let fi = proxied.render(Lang::Fi, &portal());
    assert_eq!(
        fi.subject,
        "Palvelu on kirjattu: Kuljetus (asiakas Maija Meikäläinen)"
    );
    assert!(fi.text.contains("asiakkaan Maija Meikäläinen asioita"));
    assert!(fi.text.contains("Määrä: 1 matka"), "{}", fi.text);
    // No own share: no sentence about paying it.
    assert!(!fi.text.contains("Omavastuun maksat"));
    let en = proxied.render(Lang::En, &portal());
    assert!(en.subject.ends_with("(for Maija Meikäläinen)"));
}

#[test]
fn the_greeting_uses_the_recipients_name_when_there_is_one() {
    let recipient = Recipient {
        address: "maija@example.fi".to_owned(),
        name: "Maija".to_owned(),
        lang: Lang::Sv,
    };
    let balance = sample(Kind::BalanceLow);
    assert!(
        balance
            .render_to(&recipient, &portal())
            .text
            .starts_with("Hej Maija,\n")
    );
    assert!(
        balance
            .render(Lang::Fi, &portal())
            .text
            .starts_with("Hei,\n")
    );
    let nameless = Recipient {
        name: " ".to_owned(),
        ..recipient
    };
    assert!(
        balance
            .render_to(&nameless, &portal())
            .text
            .starts_with("Hej,\n")
    );
}

#[test]
fn mandatory_emails_say_why_they_cannot_be_turned_off() {
    let invoice = sample(Kind::InvoiceReady).render(Lang::Fi, &portal());
    assert!(invoice.text.contains("koska se koskee päätöstä tai rahaa"));
    assert!(!invoice.text.contains("/settings/notifications"));
    let reminder = sample(Kind::BalanceLow).render(Lang::En, &portal());
    assert!(
        reminder
            .text
            .contains("You can choose which messages you get.")
    );
    assert!(
        reminder
            .html
            .contains("href=\"http://127.0.0.1:8080/settings/notifications\"")
    );
}

#[test]
fn plural_forms_follow_the_count() {
    let overdue: Vec<_> = Notification::samples()
        .into_iter()
        .filter(|s| s.kind() == Kind::DeliveriesOverdue)
        .collect();
    let many = overdue[0].render(Lang::En, &portal()).text;
    let one = overdue[1].render(Lang::En, &portal()).text;
    assert!(
        many.contains("3 orders have had no services recorded for 14 days."),
        "{many}"
    );
    assert!(
        one.contains("One order has had no services recorded for 1 day."),
        "{one}"
    );
    let fi = overdue[0].render(Lang::Fi, &portal()).text;
    assert!(
        fi.contains("3 tilaukseen ei ole kirjattu toteutuneita palveluja 14 päivään."),
        "{fi}"
    );
}

#[test]
fn the_html_has_a_real_button_and_escapes_user_text() {
    let mut reported = sample(Kind::ReviewReported);
    if let Notification::ReviewReported(r) = &mut reported {
        r.reason = "<script>alert(1)</script>".to_owned();
        r.link = "/purchaser/reviews/11?a=1&b=2".to_owned();
    }
    let html = reported.render(Lang::Fi, &portal()).html;
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("href=\"http://127.0.0.1:8080/purchaser/reviews/11?a=1&#38;b=2\""));
    assert!(html.contains(">Tarkista arvio</a>"));
    assert!(!html.contains("<img"), "no external images");
}

#[test]
fn portal_links_keep_the_portals_own_path() {
    let root = portal();
    assert_eq!(root.join("/money").as_str(), "http://127.0.0.1:8080/money");
    assert_eq!(
        root.join("money?x=1#top").as_str(),
        "http://127.0.0.1:8080/money?x=1#top"
    );
    let nested = PortalUrl::parse("https://example.fi/valinta/").unwrap();
    assert_eq!(
        nested.join("/money").as_str(),
        "https://example.fi/valinta/money"
    );
    assert!(PortalUrl::parse("ftp://example.fi").is_err());
    assert!(PortalUrl::parse("not a url").is_err());
}

#[test]
fn an_unknown_unit_is_shown_as_it_came() {
    let mut delivery = sample(Kind::DeliveryRecorded);
    if let Notification::DeliveryRecorded(d) = &mut delivery {
        d.unit = "km".to_owned();
    }
    let text = delivery.try_render(Lang::Fi, None, &portal()).unwrap().text;
    assert!(text.contains("Määrä: 1,5 km"), "{text}");
}

#[test]
fn the_emergency_text_still_links_to_the_portal() {
    let rendered = super::layout::emergency("http://127.0.0.1:8080/x?a=1&b=2");
    assert!(rendered.text.contains("http://127.0.0.1:8080/x?a=1&b=2"));
    assert!(
        rendered
            .html
            .contains("href=\"http://127.0.0.1:8080/x?a=1&amp;b=2\"")
    );
}
