//! A catalogue entry's money terms over time as a table: one row per period, with what
//! held, from when until when, whether it is in force now or coming, and what changed.
use crate::i18n::Translate;
use chrono::NaiveDate;

use crate::{
    catalogue::terms::{History, ServiceTerms, Term},
    domain::{Money, catalogue::Method},
    web::{format, i18n::Lang, views},
};

pub struct TermsRow {
    pub from: String,
    pub to: String,
    /// "in force now", "coming" or nothing for the past.
    pub state: String,
    pub voucher_value: String,
    pub price_cap: String,
    pub reference_price: String,
    pub vat: String,
    pub methods: String,
    pub income_rule: String,
    pub changed: String,
}

fn money_text(m: Option<Money>) -> String {
    m.map(format::euros).unwrap_or_else(|| "–".into())
}

fn methods_text(lang: Lang, methods: &[Method]) -> String {
    methods
        .iter()
        .map(|m| views::word(lang, "method", m.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "32,00 € → 20,00 €, 10 % over the limit / 40": the rule in one line.
fn rule_text(lang: Lang, terms: &ServiceTerms) -> String {
    match &terms.income_rule {
        None => "–".into(),
        Some(r) => lang.t_with(
            "income-rule-summary",
            &[
                ("max", format::euros(r.max_value()).into()),
                ("min", format::euros(r.min_value()).into()),
                (
                    "percent",
                    r.percent().normalize().to_string().replace('.', ",").into(),
                ),
                (
                    "units",
                    r.units_per_month()
                        .normalize()
                        .to_string()
                        .replace('.', ",")
                        .into(),
                ),
                (
                    "limits",
                    r.income_limits()
                        .iter()
                        .map(|l| format::euros(*l))
                        .collect::<Vec<_>>()
                        .join(" / ")
                        .into(),
                ),
            ],
        ),
    }
}

fn term_label(lang: Lang, term: Term) -> String {
    lang.t(match term {
        Term::PriceCap => "field-price-cap",
        Term::VoucherValue => "field-voucher-value",
        Term::ReferencePrice => "field-reference-price",
        Term::VatRate => "col-vat",
        Term::Methods => "field-methods",
        Term::IncomeRule => "income-rule-heading",
    })
}

pub fn rows(lang: Lang, history: &History, today: NaiveDate) -> Vec<TermsRow> {
    let in_force = history.version_at(today).valid_from;
    history
        .periods()
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let t = &p.version.terms;
            let from = p.version.valid_from;
            TermsRow {
                from: format::date(from),
                to: p.valid_to.map(format::date).unwrap_or_default(),
                state: if from == in_force {
                    lang.t("terms-in-force")
                } else if from > today {
                    lang.t("terms-coming")
                } else {
                    String::new()
                },
                voucher_value: money_text(t.voucher_value),
                price_cap: money_text(t.price_cap),
                reference_price: money_text(t.reference_price),
                vat: format!(
                    "{}\u{a0}%",
                    t.vat.percent().normalize().to_string().replace('.', ",")
                ),
                methods: methods_text(lang, &t.methods),
                income_rule: rule_text(lang, t),
                changed: if i == 0 {
                    lang.t("terms-first")
                } else {
                    p.changed
                        .iter()
                        .map(|term| term_label(lang, *term))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            }
        })
        .collect()
}
