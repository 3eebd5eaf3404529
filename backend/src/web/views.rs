//! Words for the domain's codes (units, methods, accessibility, languages,
//! municipalities, statuses) in the user's language, shared by all pages.
use super::i18n::{Arg, Lang};
use crate::domain::Money;
use crate::i18n::Translate;

use super::format;

/// "Helsinki" for "091" (in Swedish "Helsingfors"), from the embedded list of every
/// municipality; a code the list lacks shows as itself.
pub fn municipality(lang: Lang, code: &str) -> String {
    match crate::domain::municipality::named(code) {
        Some(m) if lang == Lang::Sv => m.sv.to_owned(),
        Some(m) => m.fi.to_owned(),
        None => code.to_owned(),
    }
}

pub fn municipalities(lang: Lang, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| municipality(lang, c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A code from one of the catalogue vocabularies: `unit-hour`, `method-voucher`, ...
pub fn word(lang: Lang, vocabulary: &str, code: &str) -> String {
    lang.try_t(&format!("{vocabulary}-{}", code.replace('_', "-")))
        .unwrap_or_else(|| code.to_owned())
}

pub fn words(lang: Lang, vocabulary: &str, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| word(lang, vocabulary, c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "45,00 € / tunti".
pub fn price_per_unit(lang: Lang, price: Money, unit: &str) -> String {
    lang.t_with(
        "price-per-unit",
        &[
            ("price", format::euros(price).into()),
            ("unit", word(lang, "unit", unit).into()),
        ],
    )
}

/// "4,5 / 5 (12 arviota)" or "Ei vielä arvioita".
pub fn rating(lang: Lang, average: Option<&str>, count: u64) -> String {
    match average {
        Some(avg) => lang.t_with(
            "rating-summary",
            &[
                ("average", avg.replace('.', ",").into()),
                ("count", Arg::from(count)),
            ],
        ),
        None => lang.t("rating-none"),
    }
}

/// The text of a localised value in this language, else Finnish.
pub fn pick(lang: Lang, text: &crate::domain::LocalizedText) -> String {
    let chosen = match lang {
        Lang::Fi => None,
        Lang::Sv => text.sv.as_deref(),
        Lang::En => text.en.as_deref(),
    };
    chosen.unwrap_or(&text.fi).to_owned()
}

/// Catalogue service names by id, for facet labels and lists.
pub async fn service_names(
    state: &crate::state::AppState,
    lang: Lang,
    ids: impl IntoIterator<Item = crate::domain::ids::ServiceId>,
) -> crate::error::AppResult<std::collections::HashMap<String, String>> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let rows = crate::db::entities::service::Entity::find()
        .filter(crate::db::entities::service::Column::Id.is_in(ids))
        .all(&state.db.conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let name: crate::domain::LocalizedText =
                serde_json::from_value(s.name).unwrap_or_default();
            (s.id.to_string(), pick(lang, &name))
        })
        .collect())
}

/// Every entry of a purchaser's catalogue (forms offer them all, never just a page).
pub async fn whole_catalogue(
    state: &crate::state::AppState,
    purchaser: crate::domain::ids::PurchaserId,
) -> crate::error::AppResult<Vec<crate::catalogue::view::ServiceOut>> {
    let listed = crate::catalogue::listing::services_of(&state.db.conn, purchaser, None).await?;
    crate::catalogue::view::service_outs(&listed)
}

/// What the client told the provider with an order, in one line: "Alkaen 10.12.2026 ·
/// 10 tuntia · Viesti: Soittakaa ensin." (`None` when she told nothing).
pub fn order_wish(
    lang: Lang,
    order: &crate::commitments::Commitment,
    unit: &str,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(day) = order.start_date {
        parts.push(lang.t_with("order-wish-start", &[("date", format::date(day).into())]));
    }
    if let Some(q) = order.quantity {
        parts.push(lang.t_with(
            "order-wish-quantity",
            &[("amount", super::amounts::with_unit(lang, q, unit).into())],
        ));
    }
    if let Some(message) = &order.message {
        parts.push(lang.t_with("order-wish-message", &[("text", message.as_str().into())]));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
