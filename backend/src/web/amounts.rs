//! Delivered quantities in words with their unit ("1 tunti", "2 tuntia"), and the service
//! (its title and unit) that commitments buy, read for a whole page at once.
use crate::i18n::Translate;
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    commitments::Commitment,
    db::entities::{commitment, offering, service},
    domain::{
        Quantity,
        ids::{CommitmentId, OfferingId, ServiceId},
    },
    error::AppResult,
};

use super::{
    client::money::offering_titles,
    format,
    i18n::{Arg, Lang},
    session::Web,
    views,
};

/// "1 tunti", "1,5 tuntia", "2 timmar", "1 hour": the unit word agrees with the number
/// through Fluent's plural selector (`amount-<unit>` with a number `count`), so each
/// language's own plural rules decide. A unit without such a message shows its word.
pub fn with_unit(lang: Lang, quantity: Quantity, unit: &str) -> String {
    let amount = format::quantity(quantity);
    if unit.is_empty() {
        return amount;
    }
    let key = format!("amount-{}", unit.replace('_', "-"));
    let args = [
        ("count", Arg::Number(quantity.to_string())),
        ("amount", Arg::Text(amount.clone())),
    ];
    lang.try_t_with(&key, &args)
        .unwrap_or_else(|| format!("{amount} {}", views::word(lang, "unit", unit)))
}

/// A whole number of units ("3 tuntia") the same way.
pub fn whole_units(lang: Lang, count: i64, unit: &str) -> String {
    with_unit(lang, Quantity::from_milli(count.saturating_mul(1000)), unit)
}

/// The unit of each offering's catalogue service.
pub async fn units_by_offering(
    conn: &impl ConnectionTrait,
    offerings: &[OfferingId],
) -> AppResult<HashMap<OfferingId, String>> {
    let mut found = HashMap::new();
    for chunk in offerings.chunks(500) {
        let listed = offering::Entity::find()
            .filter(offering::Column::Id.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        let units: HashMap<ServiceId, String> = service::Entity::find()
            .filter(service::Column::Id.is_in(listed.iter().map(|o| o.service_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|s| (s.id, s.unit.to_string()))
            .collect();
        found.extend(listed.into_iter().filter_map(|o| {
            let unit = units.get(&o.service_id).cloned();
            unit.map(|u| (o.id, u))
        }));
    }
    Ok(found)
}

/// What a commitment buys, for a page about its deliveries.
pub struct Bought {
    /// The offering's title in the page's language.
    pub title: String,
    pub unit: String,
}

/// The offering title and unit of each commitment, in a few queries for a whole page.
pub async fn services_by_commitment(
    web: &Web,
    commitments: &[CommitmentId],
) -> AppResult<HashMap<CommitmentId, Bought>> {
    let conn = &web.state.db.conn;
    let mut models = Vec::new();
    for chunk in commitments.chunks(500) {
        models.extend(
            commitment::Entity::find()
                .filter(commitment::Column::Id.is_in(chunk.iter().copied()))
                .all(conn)
                .await?,
        );
    }
    let outs = models
        .iter()
        .map(Commitment::from_model)
        .collect::<AppResult<Vec<_>>>()?;
    let titles = offering_titles(web, web.lang, &outs).await?;
    let offerings: Vec<OfferingId> = models.iter().map(|c| c.offering_id).collect();
    let units = units_by_offering(conn, &offerings).await?;
    Ok(models
        .into_iter()
        .map(|c| {
            let offering = c.offering_id;
            let bought = Bought {
                title: titles
                    .get(&offering)
                    .map(|t| t.0.clone())
                    .unwrap_or_default(),
                unit: units.get(&offering).cloned().unwrap_or_default(),
            };
            (c.id, bought)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn one_takes_the_singular_and_everything_else_the_plural() {
        assert_eq!(with_unit(Lang::Fi, q("1"), "hour"), "1 tunti");
        assert_eq!(with_unit(Lang::Fi, q("2"), "hour"), "2 tuntia");
        assert_eq!(with_unit(Lang::Fi, q("1.5"), "hour"), "1,5 tuntia");
        assert_eq!(with_unit(Lang::Sv, q("2"), "hour"), "2 timmar");
        assert_eq!(with_unit(Lang::En, q("1"), "visit"), "1 visit");
        assert_eq!(with_unit(Lang::En, q("3"), "visit"), "3 visits");
        assert_eq!(with_unit(Lang::Fi, q("2"), ""), "2");
    }
}

#[cfg(test)]
mod fluent_plurals {
    use super::*;

    #[test]
    fn units_agree_with_the_number_in_each_language() {
        let q = |milli| Quantity::from_milli(milli);
        for (lang, milli, unit, shown) in [
            (Lang::Fi, 1000, "hour", "1 tunti"),
            (Lang::Fi, 2000, "hour", "2 tuntia"),
            (Lang::Fi, 1500, "hour", "1,5 tuntia"),
            (Lang::Fi, 3000, "visit", "3 käyntiä"),
            (Lang::Sv, 1000, "hour", "1 timme"),
            (Lang::Sv, 2000, "hour", "2 timmar"),
            (Lang::Sv, 2000, "trip", "2 resor"),
            (Lang::En, 1000, "hour", "1 hour"),
            (Lang::En, 2000, "hour", "2 hours"),
            (Lang::En, 1500, "day", "1,5 days"),
        ] {
            assert_eq!(
                with_unit(lang, q(milli), unit),
                shown,
                "{lang:?} {milli} {unit}"
            );
        }
        assert_eq!(whole_units(Lang::Sv, 1, "session"), "1 gång");
        assert_eq!(whole_units(Lang::Fi, 0, "hour"), "0 tuntia");
        assert_eq!(with_unit(Lang::Fi, q(2000), ""), "2");
    }
}
