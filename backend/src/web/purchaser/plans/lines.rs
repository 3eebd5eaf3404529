//! Pricing the plan: the case worker adds a budget line — a service of the purchaser's
//! catalogue, a quantity a month, for how many months, at a unit price (left empty: the
//! service's reference price). Each service's reference price and the median of the live
//! offerings' prices are shown beside the choice. Decimals are typed the Finnish way.
use crate::i18n::Translate;
use axum::response::Response;

use crate::{
    catalogue::view::ServiceOut,
    domain::ids::{PlanId, ServiceId},
    error::AppResult,
    http::extract::PathId,
    plans::{
        self,
        budget::{NewLine, median_offering_price},
    },
    web::{
        format,
        page::{Choice, Field, FormErrors, Pairs, done},
        session::{Web, WebForm},
        views,
    },
};

use super::show::{Refusal, Refused, draw};

/// The service's name with its reference price and the median of the providers' prices.
async fn service_label(web: &Web, s: &ServiceOut) -> AppResult<String> {
    let lang = web.lang;
    let mut label = views::pick(lang, &s.name);
    if let Some(price) = s.reference_price {
        label.push_str(" – ");
        label.push_str(&lang.t_with(
            "plan-staff-reference-price",
            &[(
                "price",
                views::price_per_unit(lang, price, s.unit.as_ref()).into(),
            )],
        ));
    }
    if let Some(median) = median_offering_price(&web.state.db.conn, s.id).await? {
        label.push_str(" · ");
        label.push_str(&lang.t_with(
            "plan-staff-median",
            &[("price", format::euros(median).into())],
        ));
    }
    Ok(label)
}

/// The line form's controls with what was typed and the errors.
pub async fn fields(
    web: &Web,
    catalogue: &[ServiceOut],
    typed: &[(String, String)],
    errors: &FormErrors,
) -> AppResult<Vec<Field>> {
    let lang = web.lang;
    let form = Pairs(typed.to_vec());
    let chosen = form.one("service_id");
    let mut options = vec![Choice::new(
        "",
        lang.t("plan-staff-choose-service"),
        chosen.is_empty(),
    )];
    for s in catalogue.iter().filter(|s| !s.archived) {
        let id = s.id.to_string();
        let selected = chosen == id;
        options.push(Choice::new(id, service_label(web, s).await?, selected));
    }
    let mut fields = vec![
        Field::new("service_id", "select", lang.t("plan-staff-field-service"))
            .options(options)
            .hint(lang.t("plan-staff-field-service-hint"))
            .required(),
        Field::new(
            "quantity_per_month",
            "text",
            lang.t("plan-staff-field-quantity"),
        )
        .value(form.one("quantity_per_month"))
        .inputmode("decimal")
        .hint(lang.t("plan-staff-field-quantity-hint"))
        .required(),
        Field::new("months", "text", lang.t("plan-staff-field-months"))
            .value(form.one("months"))
            .inputmode("numeric")
            .hint(lang.t("plan-staff-field-months-hint"))
            .required(),
        Field::new("unit_price", "text", lang.t("plan-staff-field-unit-price"))
            .value(form.one("unit_price"))
            .inputmode("decimal")
            .hint(lang.t("plan-staff-field-unit-price-hint")),
    ];
    errors.apply(&mut fields);
    Ok(fields)
}

/// Adds the line; a refusal redraws the plan with the form filled in and the field named.
pub async fn add(
    web: Web,
    PathId(id): PathId<PlanId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, pid) = super::case_worker(&web)?;
    let form = Pairs(pairs);
    let quantity = format::decimal_input(&form.one("quantity_per_month"));
    let price = format::decimal_input(&form.one("unit_price"));
    let outcome = async {
        let service: ServiceId = form
            .one("service_id")
            .trim()
            .parse()
            .map_err(|_| plans::invalid("service_id", "choose a service"))?;
        let months = form
            .one("months")
            .trim()
            .parse::<i64>()
            .map_err(|_| plans::invalid("months", "must be a whole number of months"))?;
        let new = NewLine {
            service,
            quantity_per_month: &quantity,
            months,
            unit_price: Some(price.as_str()).filter(|p| !p.is_empty()),
        };
        plans::budget::add(&web.state.db, &actor, id, new).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(done(
            &format!("/purchaser/plans/{id}"),
            "plan-staff-line-added",
        )),
        Err(e) => {
            let errors = super::form_errors(web.lang, e)?;
            let catalogue = views::whole_catalogue(&web.state, pid).await?;
            let kept: Vec<(String, String)> =
                form.0.into_iter().filter(|(k, _)| k != "csrf").collect();
            let fields = fields(&web, &catalogue, &kept, &errors).await?;
            let refusal = Refusal {
                summary: errors,
                form: Refused::Line(fields),
            };
            draw(&web, id, Some(refusal)).await
        }
    }
}
