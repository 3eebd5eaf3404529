//! An offering's prices over time on its edit page: the day a new price starts (empty:
//! today), the history (price, from, to) and a change still to come. Which price holds on
//! which day is `crate::prices`'s rule; clients with open commitments are emailed there.
use crate::i18n::Translate;
use crate::{
    domain::{ids::OfferingId, today_in_finland},
    error::AppResult,
    prices::history,
    web::{
        format,
        i18n::Lang,
        page::{Field, Pairs},
        session::Web,
    },
};

pub struct PriceRow {
    pub price: String,
    pub from: String,
    /// Empty for the latest price.
    pub to: String,
}

pub struct PricesView {
    pub rows: Vec<PriceRow>,
    /// "Hinta muuttuu 1.1.2027 alkaen: 50,00 €", for each change still to come.
    pub upcoming: Vec<String>,
}

/// The form control for the first day of a new price; the form posts it as `price_from`.
pub fn from_field(lang: Lang, form: &Pairs) -> Field {
    Field::new("price_from", "date", lang.t("field-price-from"))
        .value(form.one("price_from"))
        .hint(lang.t("field-price-from-hint"))
}

pub async fn of(web: &Web, offering: OfferingId) -> AppResult<PricesView> {
    let lang = web.lang;
    let prices = history::of(&web.state.db.conn, offering).await?;
    let upcoming = prices
        .upcoming(today_in_finland())
        .map(|(from, price)| {
            lang.t_with(
                "price-changes-on",
                &[
                    ("date", format::date(from).into()),
                    ("price", format::euros(price).into()),
                ],
            )
        })
        .collect();
    let rows = prices
        .versions()
        .into_iter()
        .rev()
        .map(|v| PriceRow {
            price: format::euros(v.unit_price),
            from: format::date(v.valid_from),
            to: v.valid_to.map(format::date).unwrap_or_default(),
        })
        .collect();
    Ok(PricesView { rows, upcoming })
}
