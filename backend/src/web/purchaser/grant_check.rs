//! The confirmation before a decision grants money: what will be granted, in plain words —
//! to whom, how much, for which period and services, the voucher value (also when it is
//! computed from income) — after every rule has been checked and before anything is
//! written. The typed values travel on in hidden fields; "change" returns to the form and
//! the link back to the client changes nothing.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    auth::access,
    domain::ids::ClientId,
    error::AppResult,
    ledger::grant::NewAllocation,
    web::{
        format,
        page::{PageCtx, Pairs, render},
        session::Web,
        views,
    },
};

#[derive(Template)]
#[template(path = "purchaser/grant_check.html")]
struct CheckPage {
    page: PageCtx,
    id: String,
    client: String,
    what: String,
    facts: Vec<(String, String)>,
    /// Every typed value, to post again with the confirmation.
    carried: Vec<(String, String)>,
}

pub async fn draw(
    web: &Web,
    id: ClientId,
    form: &Pairs,
    new: &NewAllocation,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let (client, _) = access::load_client(&web.state.db.conn, &actor, id).await?;
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
    let services: Vec<String> = views::whole_catalogue(&web.state, pid)
        .await?
        .iter()
        .filter(|s| new.services.contains(&s.id))
        .map(|s| views::pick(lang, &s.name))
        .collect();
    let mut facts = vec![
        (lang.t("field-funding-kind"), kind),
        (lang.t("field-granted"), format::euros(new.granted)),
        (lang.t("grant-check-period"), format!("{from} – {to}")),
        (
            lang.t("field-grace-days"),
            new.grace_days.days().to_string(),
        ),
    ];
    if !services.is_empty() {
        facts.push((lang.t("field-allocation-services"), services.join(", ")));
    }
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
        id: id.to_string(),
        client: client.name,
        what,
        facts,
        carried,
    })
}
