//! Ordering an offering: the client (or her proxy) asks the provider for it, paid from one of
//! her decisions, with the day she would like it to start, how much she wishes and a message.
//! The form opens only when a decision can pay for the service; otherwise the page says
//! plainly why and what to do, instead of a form that would fail on submit.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use sea_orm::EntityTrait;
use serde::Deserialize;
use strum::VariantArray;

use crate::{
    commitments::order::{self, OrderError, OrderText},
    domain::{
        catalogue::Method,
        ids::{AllocationId, OfferingId},
        order::{MESSAGE_MAX_CHARS, OrderDetailsError, OrderDetailsText},
    },
    error::{AppError, AppResult},
    http::extract::PathId,
    offerings::{coverage::Coverage, read::listing},
    web::{
        client::ClientCtx,
        format,
        i18n::Lang,
        page::{Choice, Field, FormErrors, PageCtx, done, rename_field, render},
        public::coverage_view::{self, CoverageView, decision_label},
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
    coverage: Option<CoverageView>,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ChooseForm {
    #[serde(default)]
    allocation: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    reserve: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    message: String,
}

/// The client side and the offering's coverage; a page for clients and proxies only.
async fn coverage_of(
    web: &Web,
    id: OfferingId,
    picked: Option<uuid::Uuid>,
) -> AppResult<(
    ClientCtx,
    crate::offerings::read::Listing,
    Coverage,
    CoverageView,
)> {
    let listing = listing(&web.state.db.conn, web.actor.as_ref(), id).await?;
    match coverage_view::for_offering(web, &listing.offering, &listing.service, picked).await? {
        Some((ctx, coverage, view)) => Ok((ctx, listing, coverage, view)),
        // Not a client side user: the same refusal as every client page gives.
        None => Err(crate::web::client::current(web)
            .await
            .err()
            .unwrap_or_else(|| {
                AppError::forbidden("these pages are for clients and their proxies")
            })),
    }
}

/// The payment methods her usable decisions allow here, each explained in plain words in
/// the hint; with one allowed it is chosen already, as there is nothing to choose.
fn method_field(lang: Lang, coverage: &Coverage, form: &ChooseForm) -> Field {
    let allowed: Vec<Method> = Method::VARIANTS
        .iter()
        .copied()
        .filter(|m| coverage.usable().any(|f| f.methods.contains(m)))
        .collect();
    let only = allowed.len() == 1;
    let mut options = Vec::new();
    if !only {
        options.push(Choice::new(
            "",
            lang.t("choose-one"),
            form.method.is_empty(),
        ));
    }
    options.extend(allowed.iter().map(|m| {
        let code = m.to_string();
        let selected = form.method == code || (only && form.method.is_empty());
        Choice::new(code, views::word(lang, "method", m.as_ref()), selected)
    }));
    let explained: Vec<String> = allowed
        .iter()
        .map(|m| {
            lang.t(&format!(
                "ordering-method-{}-explained",
                m.as_ref().replace('_', "-")
            ))
        })
        .collect();
    Field::new("method", "select", lang.t("choose-method"))
        .options(options)
        .hint(explained.join(" "))
        .required()
}

fn detail_fields(lang: Lang, unit: &str, form: &ChooseForm) -> Vec<Field> {
    vec![
        Field::new("start_date", "date", lang.t("ordering-start-date"))
            .value(form.start_date.clone())
            .hint(lang.t("ordering-start-date-hint")),
        Field::new("quantity", "text", lang.t("ordering-quantity"))
            .value(form.quantity.clone())
            .inputmode("decimal")
            .hint(lang.t_with(
                "ordering-quantity-hint",
                &[("unit", views::word(lang, "unit", unit).into())],
            )),
        Field::new("message", "textarea", lang.t("ordering-message"))
            .value(form.message.clone())
            .hint(lang.t_with(
                "ordering-message-hint",
                &[("max", MESSAGE_MAX_CHARS.into())],
            )),
        Field::new("reserve", "text", lang.t("choose-reserve"))
            .value(form.reserve.clone())
            .inputmode("decimal")
            .hint(lang.t("choose-reserve-hint")),
    ]
}

async fn draw(
    web: &Web,
    id: OfferingId,
    form: &ChooseForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = web.lang;
    let picked = form.allocation.parse().ok();
    let (ctx, listing, coverage, view) = coverage_of(web, id, picked).await?;
    let unit = listing.service.unit.to_string();
    let usable: Vec<_> = coverage.usable().collect();
    let only_one = usable.len() == 1;
    let options = usable
        .iter()
        .map(|f| {
            let value = f.allocation.id.to_string();
            let selected = form.allocation == value || (form.allocation.is_empty() && only_one);
            Choice::new(value, decision_label(lang, &f.allocation), selected)
        })
        .collect();
    let mut fields = vec![
        Field::new("allocation", "select", lang.t("choose-allocation"))
            .options(options)
            .required(),
        method_field(lang, &coverage, form),
    ];
    fields.extend(detail_fields(lang, &unit, form));
    errors.apply(&mut fields);
    let title = views::pick(
        lang,
        &serde_json::from_value(listing.offering.title.clone()).unwrap_or_default(),
    );
    render(&ChoosePage {
        page: PageCtx::new(web, "choose-title").whose(&ctx.name),
        id: id.to_string(),
        title,
        provider: listing.provider.name.clone(),
        price: views::price_per_unit(lang, listing.offering.unit_price, &unit),
        voucher_value: listing
            .service
            .voucher_value
            .map(|c| views::price_per_unit(lang, c, &unit)),
        coverage: Some(view),
        fields,
        errors,
    })
}

pub async fn show(web: Web, PathId(id): PathId<OfferingId>) -> AppResult<Response> {
    draw(&web, id, &ChooseForm::default(), FormErrors::default()).await
}

pub async fn submit(
    web: Web,
    PathId(id): PathId<OfferingId>,
    WebForm(form): WebForm<ChooseForm>,
) -> AppResult<Response> {
    match request(&web, id, &form).await {
        Ok(()) => Ok(done("/my", "commitment-requested")),
        Err(e) => {
            let errors = form_errors(web.lang, e)?;
            draw(&web, id, &form, errors).await
        }
    }
}

async fn request(web: &Web, id: OfferingId, form: &ChooseForm) -> Result<(), OrderError> {
    let actor = web.signed_in()?;
    // The order is for the client whose matters the page shows (a proxy's chosen client).
    let ctx = crate::web::client::current(web).await?;
    let allocation: AllocationId = form
        .allocation
        .parse()
        .map_err(|_| AppError::invalid("allocation", "choose a decision"))?;
    // A decision of another client this proxy acts for is refused like one not chosen:
    // the order is always for the client whose matters the page shows.
    let owner = crate::db::entities::allocation::Entity::find_by_id(allocation)
        .one(&web.state.db.conn)
        .await?
        .map(|a| a.client_id);
    if owner != Some(ctx.id) {
        return Err(AppError::invalid("allocation", "choose a decision").into());
    }
    let method: Method = form.method.parse().map_err(|_| {
        AppError::invalid("method", format!("must be one of {}", Method::allowed()))
    })?;
    let reserve = format::decimal_input(&form.reserve);
    let quantity = format::decimal_input(&form.quantity);
    let order = OrderText {
        offering: id,
        method,
        reserve: Some(reserve.as_str()),
        details: OrderDetailsText {
            start_date: Some(form.start_date.as_str()),
            quantity: Some(quantity.as_str()),
            message: Some(form.message.as_str()),
        },
        goals: &[],
    };
    order::place(&web.state.db, actor, allocation, order).await?;
    Ok(())
}

/// The refusal in the form's words: a detail she typed is named precisely at its field.
fn form_errors(lang: Lang, error: OrderError) -> AppResult<FormErrors> {
    match error {
        OrderError::Details(detail) => {
            let text = match &detail {
                OrderDetailsError::NotADate => lang.t("ordering-error-start-date"),
                OrderDetailsError::StartInThePast(today) => lang.t_with(
                    "ordering-error-start-past",
                    &[("date", format::date(*today).into())],
                ),
                OrderDetailsError::StartAfterAllocation(last) => lang.t_with(
                    "ordering-error-start-after",
                    &[("date", format::date(*last).into())],
                ),
                OrderDetailsError::Quantity(_) => lang.t("ordering-error-quantity"),
                OrderDetailsError::Message(crate::domain::text::TextError::Control) => {
                    lang.t("ordering-error-message-control")
                }
                OrderDetailsError::Message(_) => lang.t_with(
                    "ordering-error-message-long",
                    &[("max", MESSAGE_MAX_CHARS.into())],
                ),
            };
            Ok(FormErrors {
                summary: Some(lang.t("error-check-form")),
                fields: [(detail.field().to_owned(), text)].into_iter().collect(),
            })
        }
        OrderError::Refused(e) => {
            FormErrors::from_app(lang, rename_field(e, "allocation_id", "allocation"))
        }
    }
}
