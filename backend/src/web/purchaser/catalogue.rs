//! The catalogue: services with their names in three languages, unit, voucher value,
//! price cap, settlement methods and rulebook, each linking to its own page (terms over
//! time, changes, archiving); and adding a service.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use strum::VariantArray;

use crate::{
    catalogue::input::ServiceIn,
    domain::{
        LocalizedText,
        catalogue::{Method, Role, Unit},
    },
    error::{AppError, AppResult},
    http::extract::DecimalText,
    web::{
        format,
        page::{Choice, Field, FormErrors, PageCtx, Pairs, done, rename_field, render},
        session::{Web, WebForm},
        views,
    },
};

use super::catalogue_form::{income_fields, income_rule_in, rename_income_errors};

pub struct ServiceRow {
    pub id: String,
    pub code: String,
    /// "Archived 7.12.2026", or empty.
    pub archived: String,
    /// "Depends on income", or empty.
    pub income_related: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub unit: String,
    pub social_care: String,
    pub voucher_value: String,
    pub price_cap: String,
    pub vat_rate: String,
    pub methods: String,
    pub rulebook: Vec<String>,
}

#[derive(Template)]
#[template(path = "purchaser/catalogue.html")]
struct CataloguePage {
    page: PageCtx,
    rows: Vec<ServiceRow>,
    fields: Vec<Field>,
    errors: FormErrors,
}

async fn draw(web: &Web, form: &Pairs, errors: FormErrors) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    actor.require_staff(pid, Role::CatalogueManager)?;
    let lang = web.lang;
    let listed = views::whole_catalogue(&web.state, pid).await?;
    let money =
        |m: Option<crate::domain::Money>| m.map(format::euros).unwrap_or_else(|| "–".into());
    let rows = listed
        .iter()
        .map(|s| ServiceRow {
            id: s.id.to_string(),
            code: s.code.clone(),
            archived: s
                .archived_at
                .map(|at| {
                    lang.t_with(
                        "catalogue-archived",
                        &[("date", format::date(at.date_naive()).into())],
                    )
                })
                .unwrap_or_default(),
            income_related: if s.income_rule.is_some() {
                lang.t("voucher-value-income-related")
            } else {
                String::new()
            },
            name_fi: s.name.fi.clone(),
            name_sv: s.name.sv.clone().unwrap_or_default(),
            name_en: s.name.en.clone().unwrap_or_default(),
            unit: views::word(lang, "unit", s.unit.as_ref()),
            social_care: lang.t(if s.social_care { "yes" } else { "no" }),
            voucher_value: money(s.voucher_value),
            price_cap: money(s.price_cap),
            vat_rate: format!("{} %", s.vat_rate.replace('.', ",")),
            methods: s
                .methods
                .iter()
                .map(|m| views::word(lang, "method", m.as_ref()))
                .collect::<Vec<_>>()
                .join(", "),
            rulebook: s.rulebook.clone(),
        })
        .collect();
    let unit_chosen = form.one("unit");
    let units = Unit::VARIANTS
        .iter()
        .map(|u| {
            Choice::new(
                u.to_string(),
                views::word(lang, "unit", u.as_ref()),
                unit_chosen == u.to_string(),
            )
        })
        .collect();
    let chosen_methods = form.many("methods");
    let methods = Method::VARIANTS
        .iter()
        .map(|m| {
            Choice::new(
                m.to_string(),
                views::word(lang, "method", m.as_ref()),
                chosen_methods.contains(&m.to_string()),
            )
        })
        .collect();
    let mut fields = vec![
        Field::new("code", "text", lang.t("field-service-code"))
            .value(form.one("code"))
            .required(),
        Field::new("name_fi", "text", lang.t("field-name-fi"))
            .value(form.one("name_fi"))
            .required(),
        Field::new("name_sv", "text", lang.t("field-name-sv")).value(form.one("name_sv")),
        Field::new("name_en", "text", lang.t("field-name-en")).value(form.one("name_en")),
        Field::new("unit", "select", lang.t("field-unit"))
            .options(units)
            .required(),
        Field::new("social_care", "checkbox", lang.t("field-social-care"))
            .value(form.one("social_care")),
        Field::new("methods", "checks", lang.t("field-methods")).options(methods),
        Field::new("voucher_value", "text", lang.t("field-voucher-value"))
            .value(form.one("voucher_value"))
            .inputmode("decimal"),
        Field::new("price_cap", "text", lang.t("field-price-cap"))
            .value(form.one("price_cap"))
            .inputmode("decimal"),
        Field::new("vat_rate", "text", lang.t("field-vat-rate"))
            .value(form.one("vat_rate"))
            .hint(lang.t("field-vat-rate-hint"))
            .inputmode("decimal"),
        Field::new("reference_price", "text", lang.t("field-reference-price"))
            .value(form.one("reference_price"))
            .inputmode("decimal"),
        Field::new("rulebook", "textarea", lang.t("field-rulebook"))
            .value(form.one("rulebook"))
            .hint(lang.t("field-rulebook-hint")),
    ];
    fields.extend(income_fields(lang, form));
    errors.apply(&mut fields);
    render(&CataloguePage {
        page: PageCtx::new(web, "catalogue-title"),
        rows,
        fields,
        errors,
    })
}

pub async fn show(web: Web) -> AppResult<Response> {
    let prefill = Pairs(vec![
        ("social_care".into(), "yes".into()),
        ("methods".into(), "voucher".into()),
    ]);
    draw(&web, &prefill, FormErrors::default()).await
}

fn decimal(raw: String) -> Option<DecimalText> {
    Some(raw)
        .filter(|r| !r.trim().is_empty())
        .map(|r| DecimalText(format::decimal_input(&r)))
}

pub async fn create(
    web: Web,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let form = Pairs(pairs);
    let outcome = async {
        let unit: Unit = form
            .one("unit")
            .parse()
            .map_err(|_| AppError::invalid("unit", "choose a unit"))?;
        let methods = form
            .many("methods")
            .iter()
            .map(|m| {
                m.parse::<Method>()
                    .map_err(|_| AppError::invalid("methods", "is not a method"))
            })
            .collect::<AppResult<Vec<_>>>()?;
        let opt = |name: &str| Some(form.one(name)).filter(|t| !t.trim().is_empty());
        let input = ServiceIn {
            code: form.one("code"),
            name: LocalizedText {
                fi: form.one("name_fi"),
                sv: opt("name_sv"),
                en: opt("name_en"),
            },
            unit,
            social_care: form.one("social_care") == "yes",
            methods,
            voucher_value: decimal(form.one("voucher_value")),
            price_cap: decimal(form.one("price_cap")),
            vat_rate: decimal(form.one("vat_rate")),
            reference_price: decimal(form.one("reference_price")),
            income_rule: income_rule_in(&form),
            rulebook: form
                .one("rulebook")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        };
        crate::catalogue::create::create(&web.state.db, &actor, pid, input).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(done("/purchaser/catalogue", "service-added")),
        Err(e) => {
            let e = rename_income_errors(rename_field(e, "name", "name_fi"));
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, &form, errors).await
        }
    }
}
