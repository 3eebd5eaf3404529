//! Recording what was delivered: a short form that shows the commitment's reservation
//! before and after (computed by the ledger's own rules), and the month's list (voiding is
//! in `void`).
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};
use sea_orm::EntityTrait;
use serde::Deserialize;

use crate::{
    commitments::{self, read::ProviderFilter},
    db::entities::commitment,
    deliveries::{
        self,
        record::{self, DeliveryText},
    },
    domain::{
        Money, Quantity,
        catalogue::{CommitmentStatus, DeliveryStatus, Unit},
        ids::CommitmentId,
        quantity::QuantityError,
        today_in_finland,
    },
    error::{AppError, AppResult, field},
    http::extract::PathId,
    ledger::deliveries::preview,
    settlement::Month,
    web::{
        amounts, format,
        i18n::{Arg, Lang},
        page::{Field, FormErrors, PageCtx, done, render},
        pager::{self, Pager},
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
    /// Whose delivery this is: the provider records for many clients.
    client: String,
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

/// The unit the commitment's service is counted in: the amount field takes its words.
async fn unit_of(web: &Web, offering: crate::domain::ids::OfferingId) -> AppResult<Unit> {
    let units = amounts::units_by_offering(&web.state.db.conn, &[offering]).await?;
    units
        .get(&offering)
        .and_then(|u| u.parse().ok())
        .ok_or_else(|| AppError::internal("an offering without a known unit"))
}

/// "2 tuntia" in this language for `unit`: the example the hint gives, which the field
/// must then accept as it is.
fn example(lang: Lang, unit: Unit) -> String {
    amounts::whole_units(lang, 2, unit.as_ref())
}

/// The amount as typed ("2 tuntia", "1,5"), or the field's error in words that repeat
/// what the field takes.
fn typed_quantity(lang: Lang, text: &str, unit: Unit) -> Result<Quantity, FormErrors> {
    Quantity::parse_typed(text, unit).map_err(|e| {
        let mut errors = FormErrors::default();
        errors.add_app(lang, AppError::invalid("quantity", &e));
        let args = [
            ("amount", Arg::from(example(lang, unit).as_str())),
            (
                "unit",
                Arg::from(crate::web::views::word(lang, "unit", unit.as_ref()).as_str()),
            ),
        ];
        let key = match e {
            QuantityError::WrongUnit(_) => "staff-quantity-wrong-unit",
            _ => "staff-quantity-error",
        };
        errors
            .fields
            .insert("quantity".into(), lang.t_with(key, &args));
        errors
    })
}

async fn draw(
    web: &Web,
    id: CommitmentId,
    form: &DeliverForm,
    show_preview: bool,
    mut errors: FormErrors,
) -> AppResult<Response> {
    let (actor, _) = super::staff(web)?;
    let lang = web.lang;
    let out = commitments::read::find(&web.state.db.conn, id).await?;
    actor.require_provider(out.provider_id, "commitment")?;
    if out.status != CommitmentStatus::Accepted {
        return Err(AppError::conflict(
            "wrong_status",
            "deliveries are recorded on accepted commitments",
        ));
    }
    let parties =
        commitments::parties_of(&web.state.db.conn, &actor, std::slice::from_ref(&out)).await?;
    let model = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    let unit = unit_of(web, out.offering_id).await?;
    let preview = if show_preview {
        let quantity = typed_quantity(lang, &form.quantity, unit);
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
            (quantity, price) => {
                // The preview cannot be computed: say which amount is wrong, as the record
                // step would, rather than showing nothing.
                if let Err(wrong) = quantity {
                    errors.summary = errors.summary.or(wrong.summary);
                    errors.fields.extend(wrong.fields);
                }
                if let Err(err) = price {
                    errors.add_app(lang, err);
                }
                None
            }
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
            .hint(lang.t_with(
                "staff-quantity-hint",
                &[("amount", Arg::from(example(lang, unit).as_str()))],
            ))
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
        page: PageCtx::new(web, "deliver-title").whose(parties.client(out.client_id)),
        id: id.to_string(),
        client: parties.client(out.client_id).to_owned(),
        title: views::pick(lang, &parties.offering(out.offering_id).title),
        method: views::word(lang, "method", out.method.as_ref()),
        reserved_before: format::euros(out.reserved),
        preview,
        fields,
        errors,
    })
}

pub async fn new(web: Web, PathId(id): PathId<CommitmentId>) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let out = commitments::read::find(&web.state.db.conn, id).await?;
    actor.require_provider(out.provider_id, "commitment")?;
    let offering = crate::db::entities::offering::Entity::find_by_id(out.offering_id)
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    let form = DeliverForm {
        date: today_in_finland().to_string(),
        quantity: String::new(),
        unit_price: format::decimal_field(offering.unit_price),
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
    let found = commitments::read::find(&web.state.db.conn, id).await?;
    actor.require_provider(found.provider_id, "commitment")?;
    let unit = unit_of(&web, found.offering_id).await?;
    let quantity = match typed_quantity(web.lang, &form.quantity, unit) {
        Ok(quantity) => quantity.to_string(),
        Err(errors) => return draw(&web, id, &form, true, errors).await,
    };
    let unit_price = format::decimal_input(&form.unit_price);
    let text = DeliveryText {
        date: &form.date,
        quantity: &quantity,
        unit_price: &unit_price,
        reference: &form.reference,
    };
    match record::record(&web.state.db, &actor, id, &text).await {
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
    /// Whose delivery it is.
    pub client: String,
    pub title: String,
    pub quantity: String,
    pub total: String,
    pub purchaser_share: String,
    pub client_share: String,
    pub reference: String,
    pub status: String,
    pub can_void: bool,
}

/// An accepted order a delivery can be recorded on: for whom and what.
pub struct OpenRow {
    pub id: String,
    pub client: String,
    pub title: String,
    /// "Record for Matti Meikäläinen: Home care".
    pub label: String,
}

#[derive(Template)]
#[template(path = "provider/deliveries.html")]
struct MonthPage {
    page: PageCtx,
    month_label: String,
    previous: String,
    next: String,
    rows: Vec<DeliveryRow>,
    /// The month's total over all its deliveries, on every page of the list.
    total: String,
    pager: Pager,
    open: Vec<OpenRow>,
}

pub async fn by_month(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, provider) = super::staff(&web)?;
    let lang = web.lang;
    let raw = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "month")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| today_in_finland().format("%Y-%m").to_string());
    let month = Month::parse(&raw).map_err(|e| AppError::bad_parameter("month", e))?;
    let db = &web.state.db;
    let listed =
        deliveries::read::for_provider_month(db, &actor, provider, month, pager::requested(&uri))
            .await?;
    let total = deliveries::read::provider_month_total(&db.conn, provider, month).await?;
    let accepted =
        commitments::read::for_provider(db, &actor, provider, ProviderFilter::Accepted, None)
            .await?
            .items;
    let delivered_on =
        commitments::read::by_ids(&db.conn, listed.items.iter().map(|d| d.commitment_id)).await?;
    let mut named = accepted.clone();
    named.extend(delivered_on);
    let parties = commitments::parties_of(&db.conn, &actor, &named).await?;
    let offering_of = |id: CommitmentId| {
        named
            .iter()
            .find(|c| c.id == id)
            .map(|c| views::pick(lang, &parties.offering(c.offering_id).title))
            .unwrap_or_default()
    };
    let rows = listed
        .items
        .iter()
        .map(|d| DeliveryRow {
            id: d.id.to_string(),
            date: format::date(d.date),
            client: parties.client(d.client_id).to_owned(),
            title: offering_of(d.commitment_id),
            quantity: format::quantity(d.quantity),
            total: format::euros(d.total),
            purchaser_share: format::euros(d.purchaser_share),
            client_share: format::euros(d.client_share),
            reference: d.reference.clone(),
            status: views::word(lang, "delivery", d.status.as_ref()),
            can_void: d.status == DeliveryStatus::Recorded,
        })
        .collect();
    let mut open: Vec<OpenRow> = accepted
        .iter()
        .map(|c| {
            let client = parties.client(c.client_id).to_owned();
            let title = views::pick(lang, &parties.offering(c.offering_id).title);
            OpenRow {
                id: c.id.to_string(),
                label: lang.t_with(
                    "record-for-client",
                    &[
                        ("client", client.as_str().into()),
                        ("title", title.as_str().into()),
                    ],
                ),
                client,
                title,
            }
        })
        .collect();
    open.sort_by(|a, b| a.client.cmp(&b.client).then(a.title.cmp(&b.title)));
    let first = month.first_day;
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
        next: month.next_first_day.format("%Y-%m").to_string(),
        rows,
        total: format::euros(total),
        pager: Pager::of(lang, &uri, &listed),
        open,
    })
}
