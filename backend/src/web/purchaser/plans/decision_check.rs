//! The confirmation before a plan's decision grants money: in plain words what will be
//! granted, to whom, for which services and for how long, every rule checked and nothing
//! written yet. The typed values travel on in hidden fields; "change" returns to the form
//! and the link back to the plan changes nothing.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    domain::ids::PlanId,
    error::AppResult,
    plans::decision::DecisionPreview,
    web::{
        format,
        page::{PageCtx, Pairs, render},
        session::Web,
        views,
    },
};

#[derive(Template)]
#[template(path = "purchaser/plan_decision_check.html")]
struct CheckPage {
    page: PageCtx,
    id: String,
    what: String,
    facts: Vec<(String, String)>,
    /// Every typed value, to post again with the confirmation.
    carried: Vec<(String, String)>,
}

pub async fn draw(
    web: &Web,
    id: PlanId,
    form: &Pairs,
    preview: &DecisionPreview,
) -> AppResult<Response> {
    let (actor, _) = super::case_worker(web)?;
    let lang = web.lang;
    let new = &preview.allocation;
    let (client, _) =
        crate::auth::access::load_client(&web.state.db.conn, &actor, new.client).await?;
    let kind = views::word(lang, "funding", new.kind.as_ref());
    let (from, to) = (format::date(new.valid_from), format::date(new.valid_to));
    let services: Vec<String> = preview
        .services
        .iter()
        .map(|name| views::pick(lang, name))
        .collect();
    let what = lang.t_with(
        "plan-staff-check-what",
        &[
            ("name", client.name.as_str().into()),
            ("amount", format::euros(new.granted).as_str().into()),
            ("kind", kind.as_str().into()),
            ("from", from.as_str().into()),
            ("to", to.as_str().into()),
        ],
    );
    let mut facts = vec![
        (lang.t("plan-staff-col-client"), client.name.clone()),
        (lang.t("field-funding-kind"), kind),
        (lang.t("field-granted"), format::euros(new.granted)),
        (lang.t("grant-check-period"), format!("{from} – {to}")),
        (
            lang.t("plan-staff-check-services"),
            if services.is_empty() {
                lang.t("plan-staff-check-any-service")
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
        page: PageCtx::new(web, "plan-staff-check-title").whose(&client.name),
        id: id.to_string(),
        what,
        facts,
        carried,
    })
}
