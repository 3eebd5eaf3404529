//! The provider's offerings: list (archived ones too), create, edit and archive. The
//! offering rules (approval, price cap, area) are the API's; this page only asks.
use crate::i18n::Translate;
use std::collections::BTreeSet;

use askama::Template;
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use strum::VariantArray;

use crate::{
    db::entities::{approval, purchaser, purchaser_municipality, service},
    domain::{
        LocalizedText,
        catalogue::Accessibility,
        ids::{OfferingId, ProviderId, ServiceId},
    },
    error::{AppError, AppResult},
    http::extract::{DecimalText, PathId},
    offerings::{self, OfferingIn, OfferingOut, OfferingPatch},
    web::{
        format,
        i18n::Lang,
        page::{Choice, Field, FormErrors, PageCtx, Pairs, done, rename_field, render},
        session::{Web, WebForm},
        views,
    },
};

use super::prices::{self, PricesView};

/// Service languages offered on the form; the API takes any two-letter code.
const LANGUAGES: [&str; 10] = ["fi", "sv", "en", "se", "ru", "et", "ar", "so", "fa", "uk"];

pub struct OfferingRow {
    pub id: String,
    pub title: String,
    pub price: String,
    pub archived: bool,
}

#[derive(Template)]
#[template(path = "provider/offerings.html")]
struct ListPage {
    page: PageCtx,
    rows: Vec<OfferingRow>,
    can_create: bool,
}

#[derive(Template)]
#[template(path = "provider/offering_form.html")]
struct FormPage {
    page: PageCtx,
    action: String,
    fields: Vec<Field>,
    errors: FormErrors,
    archive_action: Option<String>,
    /// When editing: the price history and changes to come.
    prices: Option<PricesView>,
}

pub async fn list(web: Web) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let lang = web.lang;
    let listed = crate::offerings::read::own_of_provider(&web.state.db.conn, &actor, id).await?;
    let rows = listed
        .iter()
        .map(|o| OfferingRow {
            id: o.id.to_string(),
            title: views::pick(
                lang,
                &serde_json::from_value::<crate::domain::LocalizedText>(o.title.clone())
                    .unwrap_or_default(),
            ),
            price: format::euros(o.unit_price),
            archived: o.archived,
        })
        .collect();
    let approved = approval::Entity::find()
        .filter(approval::Column::ProviderId.eq(id))
        .all(&web.state.db.conn)
        .await?;
    render(&ListPage {
        page: PageCtx::new(&web, "offerings-title"),
        rows,
        can_create: !approved.is_empty(),
    })
}

/// What the form shows: the services the provider is approved for, and the
/// municipalities of those purchasers.
async fn choices(
    web: &Web,
    provider: ProviderId,
) -> AppResult<(Vec<(String, String)>, BTreeSet<String>)> {
    let lang = web.lang;
    let conn = &web.state.db.conn;
    let approved = approval::Entity::find()
        .filter(approval::Column::ProviderId.eq(provider))
        .all(conn)
        .await?;
    let services = service::Entity::find()
        .filter(service::Column::Id.is_in(approved.iter().map(|a| a.service_id)))
        .all(conn)
        .await?;
    let purchasers = purchaser::Entity::find()
        .filter(purchaser::Column::Id.is_in(approved.iter().map(|a| a.purchaser_id)))
        .all(conn)
        .await?;
    let area = purchaser_municipality::Entity::find()
        .filter(
            purchaser_municipality::Column::PurchaserId
                .is_in(approved.iter().map(|a| a.purchaser_id)),
        )
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.municipality)
        .collect();
    let mut options: Vec<(String, String)> = services
        .iter()
        .map(|s| {
            let name: LocalizedText = serde_json::from_value(s.name.clone()).unwrap_or_default();
            let owner = purchasers
                .iter()
                .find(|p| p.id == s.purchaser_id)
                .map(|p| p.name.as_str())
                .unwrap_or_default();
            (
                s.id.to_string(),
                format!("{} – {owner}", views::pick(lang, &name)),
            )
        })
        .collect();
    options.sort_by(|a, b| a.1.cmp(&b.1));
    Ok((options, area))
}

fn checks(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    chosen: &[String],
) -> Field {
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = chosen.contains(&value);
            Choice::new(value, text, selected)
        })
        .collect();
    Field::new(name, "checks", label).options(options)
}

fn form_fields(
    lang: Lang,
    form: &Pairs,
    services: Option<Vec<(String, String)>>,
    area: &BTreeSet<String>,
) -> Vec<Field> {
    let mut fields = Vec::new();
    if let Some(services) = services {
        let chosen = form.one("service_id");
        let options = std::iter::once(Choice::new("", lang.t("choose-one"), chosen.is_empty()))
            .chain(services.into_iter().map(|(v, l)| {
                let s = v == chosen;
                Choice::new(v, l, s)
            }))
            .collect();
        fields.push(
            Field::new("service_id", "select", lang.t("field-service"))
                .options(options)
                .required(),
        );
    }
    fields.extend([
        Field::new("title_fi", "text", lang.t("field-title-fi"))
            .value(form.one("title_fi"))
            .required(),
        Field::new("title_sv", "text", lang.t("field-title-sv")).value(form.one("title_sv")),
        Field::new("title_en", "text", lang.t("field-title-en")).value(form.one("title_en")),
        Field::new("description_fi", "textarea", lang.t("field-description-fi"))
            .value(form.one("description_fi"))
            .required(),
        Field::new("description_sv", "textarea", lang.t("field-description-sv"))
            .value(form.one("description_sv")),
        Field::new("description_en", "textarea", lang.t("field-description-en"))
            .value(form.one("description_en")),
        Field::new("unit_price", "text", lang.t("field-unit-price"))
            .value(form.one("unit_price"))
            .inputmode("decimal")
            .hint(lang.t("field-unit-price-hint"))
            .required(),
        checks(
            "municipalities",
            lang.t("field-municipalities"),
            area.iter()
                .map(|m| (m.clone(), views::municipality(lang, m)))
                .collect(),
            &form.many("municipalities"),
        ),
        checks(
            "languages",
            lang.t("field-languages"),
            LANGUAGES
                .iter()
                .map(|l| (l.to_string(), views::word(lang, "language", l)))
                .collect(),
            &form.many("languages"),
        ),
        checks(
            "accessibility",
            lang.t("field-accessibility"),
            Accessibility::VARIANTS
                .iter()
                .map(|a| (a.to_string(), views::word(lang, "access", a.as_ref())))
                .collect(),
            &form.many("accessibility"),
        ),
        Field::new("address", "text", lang.t("field-address"))
            .value(form.one("address"))
            .autocomplete("street-address"),
    ]);
    fields
}

fn localized(form: &Pairs, prefix: &str) -> LocalizedText {
    let opt =
        |lang: &str| Some(form.one(&format!("{prefix}_{lang}"))).filter(|t| !t.trim().is_empty());
    LocalizedText {
        fi: form.one(&format!("{prefix}_fi")),
        sv: opt("sv"),
        en: opt("en"),
    }
}

fn accessibility_of(form: &Pairs) -> AppResult<Vec<Accessibility>> {
    form.many("accessibility")
        .iter()
        .map(|a| {
            a.parse()
                .map_err(|_| AppError::invalid("accessibility", "is not a known feature"))
        })
        .collect()
}

/// The API names the localised fields as a whole; the form has one box per language. The
/// day a price changes is `price_from` on the form (a decision's `valid_from` means else).
fn form_error(e: AppError) -> AppError {
    rename_field(
        rename_field(
            rename_field(e, "title", "title_fi"),
            "description",
            "description_fi",
        ),
        "valid_from",
        "price_from",
    )
}

async fn draw_form(
    web: &Web,
    form: &Pairs,
    editing: Option<OfferingId>,
    errors: FormErrors,
) -> AppResult<Response> {
    let (_, provider) = super::staff(web)?;
    let (services, area) = choices(web, provider).await?;
    let mut fields = form_fields(web.lang, form, editing.is_none().then_some(services), &area);
    if editing.is_some() {
        // Next to the price it changes.
        let at = fields
            .iter()
            .position(|f| f.name == "unit_price")
            .map_or(fields.len(), |i| i + 1);
        fields.insert(at, prices::from_field(web.lang, form));
    }
    errors.apply(&mut fields);
    let prices = match editing {
        Some(id) => Some(prices::of(web, id).await?),
        None => None,
    };
    let (title, action, archive_action) = match editing {
        Some(id) => (
            "offering-edit-title",
            format!("/provider/offerings/{id}"),
            Some(format!("/provider/offerings/{id}/archive")),
        ),
        None => (
            "offering-new-title",
            "/provider/offerings/new".to_owned(),
            None,
        ),
    };
    render(&FormPage {
        page: PageCtx::new(web, title),
        action,
        fields,
        errors,
        archive_action,
        prices,
    })
}

pub async fn new(web: Web) -> AppResult<Response> {
    let prefill = Pairs(vec![("languages".into(), "fi".into())]);
    draw_form(&web, &prefill, None, FormErrors::default()).await
}

pub async fn create(
    web: Web,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, provider) = super::staff(&web)?;
    let form = Pairs(pairs);
    let outcome = async {
        let service_id: ServiceId = form
            .one("service_id")
            .parse()
            .map_err(|_| AppError::invalid("service_id", "choose a service"))?;
        let input = OfferingIn {
            service_id,
            title: localized(&form, "title"),
            description: localized(&form, "description"),
            unit_price: DecimalText(format::decimal_input(&form.one("unit_price"))),
            municipalities: form.many("municipalities"),
            languages: form.many("languages"),
            accessibility: accessibility_of(&form)?,
            address: Some(form.one("address")).filter(|a| !a.trim().is_empty()),
            location: None,
        };
        offerings::write::create(&web.state.db, &actor, provider, input).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(done("/provider/offerings", "offering-saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, form_error(e))?;
            draw_form(&web, &form, None, errors).await
        }
    }
}

fn pairs_of(o: &OfferingOut) -> Pairs {
    let mut pairs = vec![
        ("title_fi".to_owned(), o.title.fi.clone()),
        (
            "title_sv".to_owned(),
            o.title.sv.clone().unwrap_or_default(),
        ),
        (
            "title_en".to_owned(),
            o.title.en.clone().unwrap_or_default(),
        ),
        ("description_fi".to_owned(), o.description.fi.clone()),
        (
            "description_sv".to_owned(),
            o.description.sv.clone().unwrap_or_default(),
        ),
        (
            "description_en".to_owned(),
            o.description.en.clone().unwrap_or_default(),
        ),
        ("unit_price".to_owned(), format::decimal_field(o.unit_price)),
        ("address".to_owned(), o.address.clone().unwrap_or_default()),
    ];
    pairs.extend(
        o.municipalities
            .iter()
            .map(|m| ("municipalities".to_owned(), m.clone())),
    );
    pairs.extend(
        o.languages
            .iter()
            .map(|l| ("languages".to_owned(), l.clone())),
    );
    pairs.extend(
        o.accessibility
            .iter()
            .map(|a| ("accessibility".to_owned(), a.to_string())),
    );
    Pairs(pairs)
}

pub async fn edit(web: Web, PathId(id): PathId<OfferingId>) -> AppResult<Response> {
    let (actor, provider) = super::staff(&web)?;
    let listing = offerings::read::listing(&web.state.db.conn, Some(&actor), id).await?;
    let offering = OfferingOut::of_listing(&web.state.db.conn, &listing).await?;
    if offering.provider_id != provider {
        return Err(AppError::not_found("offering"));
    }
    draw_form(&web, &pairs_of(&offering), Some(id), FormErrors::default()).await
}

pub async fn update(
    web: Web,
    PathId(id): PathId<OfferingId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let form = Pairs(pairs);
    let outcome = async {
        let patch = OfferingPatch {
            title: Some(localized(&form, "title")),
            description: Some(localized(&form, "description")),
            unit_price: Some(DecimalText(format::decimal_input(&form.one("unit_price")))),
            valid_from: Some(form.one("price_from")).filter(|v| !v.trim().is_empty()),
            municipalities: Some(form.many("municipalities")),
            languages: Some(form.many("languages")),
            accessibility: Some(accessibility_of(&form)?),
            address: Some(form.one("address")),
            location: None,
        };
        offerings::write::update(&web.state.db, &actor, id, patch).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(done("/provider/offerings", "offering-saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, form_error(e))?;
            draw_form(&web, &form, Some(id), errors).await
        }
    }
}

pub async fn archive(
    web: Web,
    PathId(id): PathId<OfferingId>,
    WebForm(_): WebForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let _archived = offerings::write::archive(&web.state.db, &actor, id).await?;
    Ok(done("/provider/offerings", "offering-archived"))
}
