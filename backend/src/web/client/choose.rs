//! Choosing an offering: the client (or their proxy) asks the provider for a commitment,
//! paid from one of their decisions, optionally reserving money for it.
use askama::Template;
use axum::{extract::State, response::Response};
use serde::Deserialize;
use strum::VariantArray;

use crate::{
    domain::{
        Money,
        catalogue::Method,
        ids::{AllocationId, OfferingId},
    },
    error::{AppError, AppResult},
    routes::{
        commitments::{self, CommitmentIn},
        extract::{ApiJson, DecimalText, PathId},
    },
    web::{
        client::{self, ClientCtx},
        format,
        page::{Choice, Field, FormErrors, PageCtx, done, rename_field, render},
        public::compare::allocation_label,
        session::{Web, WebForm},
        views,
    },
};

#[derive(Template)]
#[template(path = "client/choose.html")]
struct ChoosePage {
    page: PageCtx,
    id: String,
    title: String,
    provider: String,
    price: String,
    voucher_value: Option<String>,
    fields: Vec<Field>,
    errors: FormErrors,
    has_allocations: bool,
}

#[derive(Deserialize, Default)]
pub struct ChooseForm {
    #[serde(default)]
    allocation: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    reserve: String,
}

async fn draw(
    web: &Web,
    ctx: &ClientCtx,
    id: OfferingId,
    form: &ChooseForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = web.lang;
    let actor = web.signed_in()?;
    let (offering, service) = crate::web::public::offering::with_service(web, None, id).await?;
    let methods: Vec<Method> = serde_json::from_value(service.methods.clone()).unwrap_or_default();
    let allocations = client::allocations_of(web, actor, ctx.id).await?;
    let allocation_options = allocations
        .iter()
        .map(|a| {
            Choice::new(
                a.id.to_string(),
                allocation_label(lang, a),
                form.allocation == a.id.to_string(),
            )
        })
        .collect();
    let method_options = Method::VARIANTS
        .iter()
        .filter(|m| methods.contains(m))
        .map(|m| {
            Choice::new(
                m.to_string(),
                views::word(lang, "method", m.as_ref()),
                form.method == m.to_string(),
            )
        })
        .collect();
    let mut fields = vec![
        Field::new("allocation", "select", lang.t("choose-allocation"))
            .options(allocation_options)
            .required(),
        Field::new("method", "select", lang.t("choose-method"))
            .options(method_options)
            .hint(lang.t("choose-method-hint"))
            .required(),
        Field::new("reserve", "text", lang.t("choose-reserve"))
            .value(form.reserve.clone())
            .inputmode("decimal")
            .hint(lang.t("choose-reserve-hint")),
    ];
    errors.apply(&mut fields);
    render(&ChoosePage {
        page: PageCtx::new(web, "choose-title").whose(&ctx.name),
        id: id.to_string(),
        title: views::pick(lang, &offering.title),
        provider: offering.provider.name.clone(),
        price: views::price_per_unit(lang, offering.unit_price, &service.unit),
        voucher_value: service
            .voucher_value_cents
            .map(|c| views::price_per_unit(lang, Money::from_cents(c), &service.unit)),
        fields,
        errors,
        has_allocations: !allocations.is_empty(),
    })
}

pub async fn show(web: Web, PathId(id): PathId<OfferingId>) -> AppResult<Response> {
    let ctx = client::current(&web).await?;
    draw(
        &web,
        &ctx,
        id,
        &ChooseForm::default(),
        FormErrors::default(),
    )
    .await
}

pub async fn submit(
    web: Web,
    PathId(id): PathId<OfferingId>,
    WebForm(form): WebForm<ChooseForm>,
) -> AppResult<Response> {
    let ctx = client::current(&web).await?;
    let actor = web.signed_in()?.clone();
    let outcome = request(&web, actor, id, &form).await;
    match outcome {
        Ok(()) => Ok(done("/my", "commitment-requested")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, &ctx, id, &form, errors).await
        }
    }
}

async fn request(
    web: &Web,
    actor: crate::auth::Actor,
    id: OfferingId,
    form: &ChooseForm,
) -> AppResult<()> {
    let allocation: AllocationId = form
        .allocation
        .parse()
        .map_err(|_| AppError::invalid("allocation", "choose a decision"))?;
    let method: Method = form.method.parse().map_err(|_| {
        AppError::invalid("method", format!("must be one of {}", Method::allowed()))
    })?;
    let reserve = Some(form.reserve.trim())
        .filter(|r| !r.is_empty())
        .map(|r| DecimalText(format::decimal_input(r)));
    let input = CommitmentIn {
        offering_id: id,
        method,
        reserve,
    };
    let _created = commitments::create(
        State(web.state.clone()),
        actor,
        PathId(allocation),
        ApiJson(input),
    )
    .await
    .map_err(|e| rename_field(e, "allocation_id", "allocation"))?;
    Ok(())
}
