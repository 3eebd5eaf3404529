//! Granting a decision (allocation) to a client: voucher or personal budget, amount,
//! period, the services it may buy and the voucher value — or, for a service whose
//! value depends on income, the household's size and income.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    allocations::grant::{self, GrantInput},
    domain::{
        catalogue::FundingKind,
        ids::{ClientId, ServiceId},
        today_in_finland,
    },
    error::{AppError, AppResult},
    http::extract::PathId,
    web::{
        format,
        page::{Choice, Field, FormErrors, PageCtx, Pairs, done, render},
        purchaser::decision_form::{self, CommonFields, Hints, Origin},
        session::{Web, WebForm},
        views,
    },
};

#[derive(Template)]
#[template(path = "purchaser/grant.html")]
struct GrantPage {
    page: PageCtx,
    id: String,
    fields: Vec<Field>,
    errors: FormErrors,
}

async fn draw(web: &Web, id: ClientId, form: &Pairs, errors: FormErrors) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let client = crate::clients::read::one(&web.state.db.conn, &actor, id).await?;
    let catalogue = views::whole_catalogue(&web.state, pid).await?;
    let ticked = form.many("service_ids");
    let service_options = catalogue
        .iter()
        .map(|s| {
            Choice::new(
                s.id.to_string(),
                views::pick(lang, &s.name),
                ticked.contains(&s.id.to_string()),
            )
        })
        .collect();
    let common = CommonFields::new(
        lang,
        form,
        Hints {
            granted: "field-euros-hint",
            voucher_value: "field-voucher-value-hint",
        },
    );
    let mut fields = vec![
        common.kind,
        common.granted.required(),
        common.valid_from,
        common.valid_to,
        Field::new("grace_days", "text", lang.t("field-grace-days"))
            .value(form.one("grace_days"))
            .inputmode("numeric")
            .hint(lang.t("field-grace-days-hint")),
        Field::new("service_ids", "checks", lang.t("field-allocation-services"))
            .options(service_options)
            .hint(lang.t("field-allocation-services-hint")),
        common.voucher_value,
        Field::new("household_size", "text", lang.t("field-household-size"))
            .value(form.one("household_size"))
            .inputmode("numeric")
            .hint(lang.t("field-income-instead-hint")),
        Field::new("monthly_income", "text", lang.t("field-monthly-income"))
            .value(form.one("monthly_income"))
            .inputmode("decimal"),
    ];
    errors.apply(&mut fields);
    render(&GrantPage {
        page: PageCtx::new(web, "grant-title").whose(&client.name),
        id: id.to_string(),
        fields,
        errors,
    })
}

pub async fn new(web: Web, PathId(id): PathId<ClientId>) -> AppResult<Response> {
    let today = today_in_finland();
    let end = today
        .checked_add_months(chrono::Months::new(12))
        .unwrap_or(today);
    let prefill = Pairs(vec![
        ("kind".into(), "voucher".into()),
        ("valid_from".into(), today.to_string()),
        ("valid_to".into(), end.to_string()),
    ]);
    draw(&web, id, &prefill, FormErrors::default()).await
}

/// The parts of the form that are choices and whole numbers rather than text.
struct Typed {
    kind: FundingKind,
    service_ids: Vec<ServiceId>,
    grace_days: Option<i64>,
    household_size: Option<i64>,
}

/// The decision as typed on the form, for the rules to check.
fn typed(form: &Pairs) -> AppResult<Typed> {
    let kind = decision_form::chosen_kind(form)
        .ok_or_else(|| AppError::invalid("kind", "choose voucher or personal budget"))?;
    let service_ids = form
        .many("service_ids")
        .iter()
        .map(|s| {
            s.parse::<ServiceId>()
                .map_err(|_| AppError::invalid("service_ids", "is not a service"))
        })
        .collect::<AppResult<Vec<_>>>()?;
    let household_size = Some(form.one("household_size"))
        .filter(|v| !v.trim().is_empty())
        .map(|v| {
            v.trim().parse::<i64>().map_err(|_| {
                AppError::invalid("household_size", "must be a whole number of people")
            })
        })
        .transpose()?;
    Ok(Typed {
        kind,
        service_ids,
        grace_days: form.whole_number("grace_days")?,
        household_size,
    })
}

/// Posting the form shows the confirmation (every rule checked, nothing written); "edit"
/// returns to the form; "confirm" grants.
pub async fn create(
    web: Web,
    PathId(id): PathId<ClientId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let form = Pairs(pairs);
    let step = form.one("step");
    if step == "edit" {
        return draw(&web, id, &form, FormErrors::default()).await;
    }
    let optional =
        |name: &str| Some(format::decimal_input(&form.one(name))).filter(|v| !v.is_empty());
    let (granted, voucher, income) = (
        format::decimal_input(&form.one("granted")),
        optional("voucher_value"),
        optional("monthly_income"),
    );
    let (valid_from, valid_to) = (form.one("valid_from"), form.one("valid_to"));
    let outcome = async {
        let t = typed(&form)?;
        let input = GrantInput {
            kind: t.kind,
            granted: &granted,
            valid_from: &valid_from,
            valid_to: &valid_to,
            service_ids: t.service_ids,
            voucher_value: voucher.as_deref(),
            grace_days: t.grace_days,
            household_size: t.household_size,
            monthly_income: income.as_deref(),
        };
        grant::prepare(&web.state.db.conn, &actor, id, &input).await
    }
    .await;
    let new = match outcome {
        Ok(new) => new,
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            return draw(&web, id, &form, errors).await;
        }
    };
    if step != "confirm" {
        let services = views::whole_catalogue(&web.state, pid)
            .await?
            .iter()
            .filter(|s| new.services.contains(&s.id))
            .map(|s| views::pick(web.lang, &s.name))
            .collect();
        return decision_form::confirmation(&web, Origin::Client(id), &form, &new, services).await;
    }
    grant::grant(&web.state.db, &actor, new).await?;
    Ok(done(
        &format!("/purchaser/clients/{id}"),
        "allocation-granted",
    ))
}
