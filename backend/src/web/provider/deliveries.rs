//! Recording what was delivered: a short form that shows the commitment's reservation
//! before and after (computed by the ledger's own rules), and the month's list (voiding is
//! in `void`).
use askama::Template;
use axum::{extract::State, http::Uri, response::Response};
use sea_orm::EntityTrait;
use serde::Deserialize;

use crate::{
    db::entities::commitment,
    domain::{
        Money, Quantity,
        catalogue::{CommitmentStatus, DeliveryStatus},
        ids::CommitmentId,
        today_in_finland,
    },
    error::{AppError, AppResult, field},
    ledger::deliveries::preview,
    routes::{
        commitments,
        deliveries::{self, DeliveryIn},
        extract::{ApiJson, DecimalText, PathId},
        providers::{self, MonthQuery},
    },
    web::{
        client::money::offering_titles,
        format,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

pub struct PreviewView {
    pub total: String,
    pub purchaser_share: String,
    pub client_share: String,
    pub reserved_after: String,
    pub available_after: String,
    pub overdraws: bool,
}

#[derive(Template)]
#[template(path = "provider/deliver.html")]
struct DeliverPage {
    page: PageCtx,
    id: String,
    title: String,
    method: String,
    reserved_before: String,
    preview: Option<PreviewView>,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default, Clone)]
pub struct DeliverForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    unit_price: String,
    #[serde(default)]
    reference: String,
    /// "check" shows the effect first; "record" records.
    #[serde(default)]
    step: String,
}

/// A reference for a delivery typed in the portal, unique enough that a double
/// submission of the same form is recognised and charged once.
fn fresh_reference() -> String {
    let token = crate::auth::token::new_token();
    format!(
        "WEB-{}",
        token
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(10)
            .collect::<String>()
            .to_uppercase()
    )
}

async fn draw(
    web: &Web,
    id: CommitmentId,
    form: &DeliverForm,
    show_preview: bool,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, _) = super::staff(web)?;
    let lang = web.lang;
    let out = commitments::get(State(web.state.clone()), actor, PathId(id))
        .await?
        .0;
    if out.status != CommitmentStatus::Accepted {
        return Err(AppError::conflict(
            "wrong_status",
            "deliveries are recorded on accepted commitments",
        ));
    }
    let titles = offering_titles(web, lang, std::slice::from_ref(&out)).await?;
    let model = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    let preview = if show_preview {
        let quantity = field(
            "quantity",
            Quantity::parse(&format::decimal_input(&form.quantity)),
        );
        let price = field(
            "unit_price",
            Money::parse_positive(&format::decimal_input(&form.unit_price)),
        );
        match (quantity, price) {
            (Ok(q), Ok(p)) => {
                let p = preview(&web.state.db.conn, &model, q, p).await?;
                Some(PreviewView {
                    total: format::euros(p.split.total),
                    purchaser_share: format::euros(p.split.purchaser_share),
                    client_share: format::euros(p.split.client_share),
                    reserved_after: format::euros(p.reserved_after),
                    available_after: format::euros(p.available_after),
                    overdraws: p.overdraws,
                })
            }
            _ => None,
        }
    } else {
        None
    };
    let mut fields = vec![
        Field::new("date", "date", lang.t("field-delivery-date"))
            .value(form.date.clone())
            .required(),
        Field::new("quantity", "text", lang.t("field-quantity"))
            .value(form.quantity.clone())
            .inputmode("decimal")
            .hint(lang.t("field-quantity-hint"))
            .required(),
        Field::new("unit_price", "text", lang.t("field-unit-price"))
            .value(form.unit_price.clone())
            .inputmode("decimal")
            .required(),
        Field::new("reference", "text", lang.t("field-reference"))
            .value(form.reference.clone())
            .hint(lang.t("field-reference-hint"))
            .required(),
    ];
    errors.apply(&mut fields);
    render(&DeliverPage {
        page: PageCtx::new(web, "deliver-title"),
        id: id.to_string(),
        title: titles
            .get(&uuid::Uuid::from(out.offering_id))
            .map(|t| t.0.clone())
            .unwrap_or_default(),
        method: views::word(lang, "method", out.method.as_ref()),
        reserved_before: format::euros(out.reserved),
        preview,
        fields,
        errors,
    })
}

pub async fn new(web: Web, PathId(id): PathId<CommitmentId>) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let out = commitments::get(State(web.state.clone()), actor, PathId(id))
        .await?
        .0;
    let offering =
        crate::db::entities::offering::Entity::find_by_id(uuid::Uuid::from(out.offering_id))
            .one(&web.state.db.conn)
            .await?
            .ok_or_else(|| AppError::not_found("offering"))?;
    let form = DeliverForm {
        date: today_in_finland().to_string(),
        quantity: String::new(),
        unit_price: format::decimal_field(Money::from_cents(offering.unit_price_cents)),
        reference: fresh_reference(),
        step: String::new(),
    };
    draw(&web, id, &form, false, FormErrors::default()).await
}

pub async fn record(
    web: Web,
    PathId(id): PathId<CommitmentId>,
    WebForm(form): WebForm<DeliverForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    if form.step == "check" {
        return draw(&web, id, &form, true, FormErrors::default()).await;
    }
    let input = DeliveryIn {
        date: form.date.trim().to_owned(),
        quantity: DecimalText(format::decimal_input(&form.quantity)),
        unit_price: DecimalText(format::decimal_input(&form.unit_price)),
        reference: form.reference.clone(),
    };
    match deliveries::record(State(web.state.clone()), actor, PathId(id), ApiJson(input)).await {
        Ok(_) => Ok(done("/provider/deliveries", "delivery-recorded")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, id, &form, true, errors).await
        }
    }
}

pub struct DeliveryRow {
    pub id: String,
    pub date: String,
    pub title: String,
    pub quantity: String,
    pub total: String,
    pub purchaser_share: String,
    pub client_share: String,
    pub reference: String,
    pub status: String,
    pub can_void: bool,
}

#[derive(Template)]
#[template(path = "provider/deliveries.html")]
struct MonthPage {
    page: PageCtx,
    month_label: String,
    previous: String,
    next: String,
    rows: Vec<DeliveryRow>,
    total: String,
    open: Vec<(String, String)>,
}

pub async fn by_month(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, provider) = super::staff(&web)?;
    let lang = web.lang;
    let month = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "month")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| today_in_finland().format("%Y-%m").to_string());
    let (first, next) = providers::parse_month(&month)?;
    let state = State(web.state.clone());
    let query = MonthQuery {
        month: Some(month.clone()),
        page: None,
        per_page: Some("100".into()),
    };
    let listed = providers::deliveries(
        state.clone(),
        actor.clone(),
        PathId(provider),
        crate::routes::extract::ApiQuery(query),
    )
    .await?
    .0
    .items;
    let commitments_all = providers::commitments(
        state,
        actor,
        PathId(provider),
        crate::routes::extract::ApiQuery(crate::web::client::money::all()),
    )
    .await?
    .0
    .items;
    let titles = offering_titles(&web, lang, &commitments_all).await?;
    let title_of = |cid: CommitmentId| {
        commitments_all
            .iter()
            .find(|c| c.id == cid)
            .and_then(|c| titles.get(&uuid::Uuid::from(c.offering_id)))
            .map(|t| t.0.clone())
            .unwrap_or_default()
    };
    let sum = listed
        .iter()
        .filter(|d| d.status == DeliveryStatus::Recorded)
        .fold(Money::from_cents(0), |acc, d| acc + d.total);
    let rows = listed
        .iter()
        .map(|d| DeliveryRow {
            id: d.id.to_string(),
            date: format::date(d.date),
            title: title_of(d.commitment_id),
            quantity: format::quantity(d.quantity),
            total: format::euros(d.total),
            purchaser_share: format::euros(d.purchaser_share),
            client_share: format::euros(d.client_share),
            reference: d.reference.clone(),
            status: views::word(lang, "delivery", d.status.as_ref()),
            can_void: d.status == DeliveryStatus::Recorded,
        })
        .collect();
    let open = commitments_all
        .iter()
        .filter(|c| c.status == CommitmentStatus::Accepted)
        .map(|c| {
            (
                c.id.to_string(),
                titles
                    .get(&uuid::Uuid::from(c.offering_id))
                    .map(|t| t.0.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let prev_month = first
        .checked_sub_months(chrono::Months::new(1))
        .unwrap_or(first);
    render(&MonthPage {
        page: PageCtx::new(&web, "deliveries-title"),
        month_label: lang.t_with(
            "month-label",
            &[("month", first.format("%-m/%Y").to_string().into())],
        ),
        previous: prev_month.format("%Y-%m").to_string(),
        next: next.format("%Y-%m").to_string(),
        rows,
        total: format::euros(sum),
        open,
    })
}
