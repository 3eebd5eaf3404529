//! One catalogue entry for its catalogue manager: the history of its money terms (what
//! held when, what is in force now, what is coming), a form to change it — the name and
//! rulebook at once, money terms from a chosen day — and archiving, after a confirmation.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use sea_orm::EntityTrait;
use strum::VariantArray;

use crate::{
    catalogue::input::IncomeRuleIn,
    catalogue::{
        self,
        edit::{ServiceEdit, TermChanges},
        terms::{self, History, ServiceTerms},
    },
    db::entities::service,
    db::json::from_json,
    domain::{
        LocalizedText, Money, catalogue::Method, ids::ServiceId, today_in_finland, vat::VatRate,
    },
    error::{AppError, AppResult, field},
    http::extract::PathId,
    web::{
        format,
        i18n::Lang,
        page::{Choice, Field, FormErrors, PageCtx, Pairs, done, rename_field, render},
        session::{Web, WebForm},
        views,
    },
};

use super::{
    catalogue_form::{income_fields, income_rule_in, income_values, rename_income_errors},
    terms_view::{TermsRow, rows},
};

#[derive(Template)]
#[template(path = "purchaser/service.html")]
struct ServicePage {
    page: PageCtx,
    id: String,
    code: String,
    archived: Option<String>,
    rows: Vec<TermsRow>,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Template)]
#[template(path = "purchaser/service_archive.html")]
struct ArchivePage {
    page: PageCtx,
    id: String,
    name: String,
    code: String,
    archived: Option<String>,
}

/// The entry, for its own catalogue manager only (another purchaser's: not found).
async fn entry(web: &Web, id: ServiceId) -> AppResult<(service::Model, History)> {
    let actor = web.signed_in()?;
    let conn = &web.state.db.conn;
    let model = service::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("service"))?;
    catalogue::require_manager(actor, &model).map_err(AppError::from)?;
    let history = terms::history(conn, &model).await?;
    Ok((model, history))
}

/// The form as the entry stands today.
fn current_values(model: &service::Model, terms: &ServiceTerms) -> AppResult<Pairs> {
    let name: LocalizedText = from_json(&model.name)?;
    let rulebook: Vec<String> = from_json(&model.rulebook)?;
    let money = |m: Option<Money>| m.map(format::decimal_field).unwrap_or_default();
    let mut pairs = vec![
        ("name_fi".to_owned(), name.fi),
        ("name_sv".into(), name.sv.unwrap_or_default()),
        ("name_en".into(), name.en.unwrap_or_default()),
        ("rulebook".into(), rulebook.join("\n")),
        ("valid_from".into(), today_in_finland().to_string()),
        ("voucher_value".into(), money(terms.voucher_value)),
        ("price_cap".into(), money(terms.price_cap)),
        ("reference_price".into(), money(terms.reference_price)),
        (
            "vat_rate".into(),
            terms
                .vat
                .percent()
                .normalize()
                .to_string()
                .replace('.', ","),
        ),
    ];
    pairs.extend(
        terms
            .methods
            .iter()
            .map(|m| ("methods".into(), m.to_string())),
    );
    pairs.extend(income_values(terms.income_rule.as_ref()));
    Ok(Pairs(pairs))
}

fn form_fields(lang: Lang, form: &Pairs) -> Vec<Field> {
    let chosen = form.many("methods");
    let methods = Method::VARIANTS
        .iter()
        .map(|m| {
            Choice::new(
                m.to_string(),
                views::word(lang, "method", m.as_ref()),
                chosen.contains(&m.to_string()),
            )
        })
        .collect();
    let mut fields = vec![
        Field::new("name_fi", "text", lang.t("field-name-fi"))
            .value(form.one("name_fi"))
            .required(),
        Field::new("name_sv", "text", lang.t("field-name-sv")).value(form.one("name_sv")),
        Field::new("name_en", "text", lang.t("field-name-en")).value(form.one("name_en")),
        Field::new("rulebook", "textarea", lang.t("field-rulebook"))
            .value(form.one("rulebook"))
            .hint(lang.t("field-rulebook-hint")),
        Field::new("valid_from", "date", lang.t("field-terms-valid-from"))
            .value(form.one("valid_from"))
            .hint(lang.t("field-terms-valid-from-hint"))
            .required(),
        Field::new("voucher_value", "text", lang.t("field-voucher-value"))
            .value(form.one("voucher_value"))
            .inputmode("decimal"),
        Field::new("price_cap", "text", lang.t("field-price-cap"))
            .value(form.one("price_cap"))
            .inputmode("decimal"),
        Field::new("reference_price", "text", lang.t("field-reference-price"))
            .value(form.one("reference_price"))
            .inputmode("decimal"),
        Field::new("vat_rate", "text", lang.t("field-vat-rate"))
            .value(form.one("vat_rate"))
            .hint(lang.t("field-vat-rate-hint"))
            .inputmode("decimal"),
        Field::new("methods", "checks", lang.t("field-methods")).options(methods),
    ];
    fields.extend(income_fields(lang, form));
    fields
}

async fn draw(
    web: &Web,
    id: ServiceId,
    form: Option<&Pairs>,
    errors: FormErrors,
) -> AppResult<Response> {
    let (model, history) = entry(web, id).await?;
    let lang = web.lang;
    let today = today_in_finland();
    let name: LocalizedText = from_json(&model.name)?;
    let current = current_values(&model, history.at(today))?;
    let mut fields = form_fields(lang, form.unwrap_or(&current));
    errors.apply(&mut fields);
    render(&ServicePage {
        page: PageCtx::new(web, "service-title").titled(name.get(lang.code()).to_owned()),
        id: id.to_string(),
        code: model.code.clone(),
        archived: model.archived_at.map(format::moment),
        rows: rows(lang, &history, today),
        fields,
        errors,
    })
}

pub async fn show(web: Web, PathId(id): PathId<ServiceId>) -> AppResult<Response> {
    draw(&web, id, None, FormErrors::default()).await
}

/// A money field as typed: empty removes the term.
fn money_field(form: &Pairs, name: &str) -> AppResult<Option<Money>> {
    let raw = form.one(name);
    if raw.trim().is_empty() {
        return Ok(None);
    }
    field(name, Money::parse_positive(&format::decimal_input(&raw))).map(Some)
}

/// What the form changes, compared with the entry as it stands (money terms: as they
/// stand on the chosen day).
fn edit_of(form: &Pairs, model: &service::Model, history: &History) -> AppResult<ServiceEdit> {
    let opt = |name: &str| Some(form.one(name)).filter(|t| !t.trim().is_empty());
    let name = LocalizedText {
        fi: form.one("name_fi"),
        sv: opt("name_sv"),
        en: opt("name_en"),
    };
    let name = field("name_fi", LocalizedText::parse(name, 200))?;
    let rulebook: Vec<String> = form
        .one("rulebook")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let valid_from = crate::error::field(
        "valid_from",
        crate::domain::day::parse_day(&form.one("valid_from")),
    )?;
    let base = history.at(valid_from);
    let mut methods = form
        .many("methods")
        .iter()
        .map(|m| {
            m.parse::<Method>()
                .map_err(|_| AppError::invalid("methods", "is not a method"))
        })
        .collect::<AppResult<Vec<_>>>()?;
    methods.sort();
    methods.dedup();
    let income_rule = income_rule_in(form)
        .as_ref()
        .map(IncomeRuleIn::parse)
        .transpose()?;
    let vat_text = format::decimal_input(&form.one("vat_rate"));
    let vat = if vat_text.is_empty() && model.social_care {
        VatRate::EXEMPT
    } else {
        field("vat_rate", VatRate::parse(&vat_text))?
    };
    let changed = |new, old| (new != old).then_some(new);
    let terms = TermChanges {
        voucher_value: changed(money_field(form, "voucher_value")?, base.voucher_value),
        price_cap: changed(money_field(form, "price_cap")?, base.price_cap),
        reference_price: changed(money_field(form, "reference_price")?, base.reference_price),
        vat: (vat != base.vat).then_some(vat),
        methods: (methods != base.methods).then_some(methods),
        income_rule: (income_rule != base.income_rule).then_some(income_rule),
    };
    let current_name: LocalizedText = from_json(&model.name)?;
    let current_rulebook: Vec<String> = from_json(&model.rulebook)?;
    let money = !terms.is_empty();
    Ok(ServiceEdit {
        name: (name != current_name).then_some(name),
        rulebook: (rulebook != current_rulebook).then_some(rulebook),
        terms,
        valid_from: money.then_some(valid_from),
    })
}

pub async fn update(
    web: Web,
    PathId(id): PathId<ServiceId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let form = Pairs(pairs);
    let outcome: AppResult<bool> = async {
        let (model, history) = entry(&web, id).await?;
        let change = edit_of(&form, &model, &history)?;
        if change.name.is_none() && change.rulebook.is_none() && change.terms.is_empty() {
            return Ok(false);
        }
        let actor = web.signed_in()?;
        catalogue::edit::edit(&web.state.db, actor, id, change)
            .await
            .map_err(AppError::from)?;
        Ok(true)
    }
    .await;
    let here = format!("/purchaser/catalogue/{id}");
    match outcome {
        Ok(true) => Ok(done(&here, "service-changed")),
        Ok(false) => Ok(done(&here, "service-unchanged")),
        Err(e) => {
            let e = rename_income_errors(rename_field(e, "name", "name_fi"));
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, id, Some(&form), errors).await
        }
    }
}

pub async fn confirm_archive(web: Web, PathId(id): PathId<ServiceId>) -> AppResult<Response> {
    let (model, _) = entry(&web, id).await?;
    let name: LocalizedText = from_json(&model.name)?;
    render(&ArchivePage {
        page: PageCtx::new(&web, "service-archive-title"),
        id: id.to_string(),
        name: name.get(web.lang.code()).to_owned(),
        code: model.code,
        archived: model.archived_at.map(format::moment),
    })
}

pub async fn archive(
    web: Web,
    PathId(id): PathId<ServiceId>,
    WebForm(_): WebForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let actor = web.signed_in()?;
    catalogue::archive::archive(&web.state.db, actor, id)
        .await
        .map_err(AppError::from)?;
    Ok(done(
        &format!("/purchaser/catalogue/{id}"),
        "service-archived",
    ))
}
