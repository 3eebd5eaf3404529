//! The one decision form. A case worker grants money to a client in two places — from the
//! client's page, or as the decision of her personal budget plan — and both ask the same
//! questions in the same order, with the same words, and show the same confirmation before
//! anything is written: in plain words what will be granted, to whom, for which services and
//! for how long, every rule checked. The typed values travel on in hidden fields; "change"
//! returns to the form and the link back changes nothing.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use strum::VariantArray;

use crate::{
    auth::access,
    domain::{
        catalogue::FundingKind,
        ids::{ClientId, PlanId},
    },
    error::AppResult,
    ledger::grant::NewAllocation,
    web::{
        format,
        i18n::Lang,
        page::{Choice, Field, PageCtx, Pairs, render},
        session::Web,
        views,
    },
};

/// Where the decision is made, which says where the form posts and where "back" leads.
#[derive(Clone, Copy, Debug)]
pub enum Origin {
    /// A grant from the client's page.
    Client(ClientId),
    /// The decision of a plan.
    Plan(PlanId),
}

impl Origin {
    fn action(self) -> String {
        match self {
            Self::Client(id) => format!("/purchaser/clients/{id}/allocations"),
            Self::Plan(id) => format!("/purchaser/plans/{id}/decision"),
        }
    }

    fn back(self) -> String {
        match self {
            Self::Client(id) => format!("/purchaser/clients/{id}"),
            Self::Plan(id) => format!("/purchaser/plans/{id}"),
        }
    }

    fn back_key(self) -> &'static str {
        match self {
            Self::Client(_) => "back-to-client",
            Self::Plan(_) => "plan-staff-back-to-plan",
        }
    }

    fn cancel_key(self) -> &'static str {
        match self {
            Self::Client(_) => "grant-check-cancel",
            Self::Plan(_) => "plan-staff-check-cancel",
        }
    }
}

/// The questions every decision asks, in the order both forms show them: the kind, the sum,
/// the period and the voucher value. The hints differ only where the plan has an estimate
/// to grant by default.
pub struct CommonFields {
    pub kind: Field,
    pub granted: Field,
    pub valid_from: Field,
    pub valid_to: Field,
    pub voucher_value: Field,
}

/// Which hints the sum and the voucher value carry.
#[derive(Clone, Copy, Debug)]
pub struct Hints {
    pub granted: &'static str,
    pub voucher_value: &'static str,
}

impl CommonFields {
    pub fn new(lang: Lang, form: &Pairs, hints: Hints) -> Self {
        let kind = form.one("kind");
        let kinds = FundingKind::VARIANTS
            .iter()
            .map(|k| {
                let label = views::word(lang, "funding", k.as_ref());
                Choice::new(k.to_string(), label, kind == k.to_string())
            })
            .collect();
        Self {
            kind: Field::new("kind", "select", lang.t("field-funding-kind"))
                .options(kinds)
                .required(),
            granted: Field::new("granted", "text", lang.t("field-granted"))
                .value(form.one("granted"))
                .inputmode("decimal")
                .hint(lang.t(hints.granted)),
            valid_from: Field::new("valid_from", "date", lang.t("field-valid-from"))
                .value(form.one("valid_from"))
                .required(),
            valid_to: Field::new("valid_to", "date", lang.t("field-valid-to"))
                .value(form.one("valid_to"))
                .required(),
            voucher_value: Field::new("voucher_value", "text", lang.t("field-voucher-value"))
                .value(form.one("voucher_value"))
                .inputmode("decimal")
                .hint(lang.t(hints.voucher_value)),
        }
    }
}

/// The kind as chosen on the form, or `None` when the choice is not one of ours.
pub fn chosen_kind(form: &Pairs) -> Option<FundingKind> {
    form.one("kind").parse().ok()
}

#[derive(Template)]
#[template(path = "purchaser/decision_check.html")]
struct CheckPage {
    page: PageCtx,
    action: String,
    back: String,
    back_key: &'static str,
    cancel_key: &'static str,
    what: String,
    facts: Vec<(String, String)>,
    /// Every typed value, to post again with the confirmation.
    carried: Vec<(String, String)>,
}

/// The confirmation of a decision checked by every rule and not yet written: `services` are
/// the names of the services it allows (none: any the decision's kind allows).
pub async fn confirmation(
    web: &Web,
    origin: Origin,
    form: &Pairs,
    new: &NewAllocation,
    services: Vec<String>,
) -> AppResult<Response> {
    let actor = web.signed_in()?;
    let lang = web.lang;
    let (client, _) = access::load_client(&web.state.db.conn, actor, new.client).await?;
    let kind = views::word(lang, "funding", new.kind.as_ref());
    let (from, to) = (format::date(new.valid_from), format::date(new.valid_to));
    let what = lang.t_with(
        "grant-check-what",
        &[
            ("name", client.name.as_str().into()),
            ("amount", format::euros(new.granted).as_str().into()),
            ("kind", kind.as_str().into()),
            ("from", from.as_str().into()),
            ("to", to.as_str().into()),
        ],
    );
    let mut facts = vec![
        (lang.t("col-client"), client.name.clone()),
        (lang.t("field-funding-kind"), kind),
        (lang.t("field-granted"), format::euros(new.granted)),
        (lang.t("grant-check-period"), format!("{from} – {to}")),
        (
            lang.t("field-grace-days"),
            new.grace_days.days().to_string(),
        ),
        (
            lang.t("grant-check-services"),
            if services.is_empty() {
                lang.t("grant-check-any-service")
            } else {
                services.join(", ")
            },
        ),
    ];
    if let Some(value) = new.voucher_value {
        facts.push((lang.t("field-voucher-value"), format::euros(value)));
    }
    let carried = form
        .0
        .iter()
        .filter(|(k, _)| k != "csrf" && k != "step")
        .cloned()
        .collect();
    render(&CheckPage {
        page: PageCtx::new(web, "grant-check-title").whose(&client.name),
        action: origin.action(),
        back: origin.back(),
        back_key: origin.back_key(),
        cancel_key: origin.cancel_key(),
        what,
        facts,
        carried,
    })
}
