//! The price history of one offering and the rule for which price is in force on a day.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    db::entities::offering_price,
    domain::{Money, ids::OfferingId},
    error::AppResult,
};

/// One price and the days it holds: from `valid_from` to `valid_to` (inclusive; none for
/// the latest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PriceVersion {
    #[schema(example = "45.00")]
    pub unit_price: Money,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// An offering's prices, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PriceHistory {
    versions: Vec<(NaiveDate, Money)>,
}

impl PriceHistory {
    pub fn new(mut versions: Vec<(NaiveDate, Money)>) -> Self {
        versions.sort_by_key(|(from, _)| *from);
        PriceHistory { versions }
    }

    /// The price in force on `day`: the latest that began on or before it. The first price
    /// also covers the days before it began (deliveries of an offering listed late).
    pub fn in_force(&self, day: NaiveDate) -> Option<Money> {
        self.versions
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .or(self.versions.first())
            .map(|(_, price)| *price)
    }

    /// Prices that begin after `day`.
    pub fn upcoming(&self, day: NaiveDate) -> impl Iterator<Item = (NaiveDate, Money)> + '_ {
        self.versions
            .iter()
            .copied()
            .filter(move |(from, _)| *from > day)
    }

    /// Every version with the last day it held.
    pub fn versions(&self) -> Vec<PriceVersion> {
        self.versions
            .iter()
            .enumerate()
            .map(|(i, (from, price))| PriceVersion {
                unit_price: *price,
                valid_from: *from,
                valid_to: self
                    .versions
                    .get(i + 1)
                    .and_then(|(next, _)| next.pred_opt()),
            })
            .collect()
    }
}

/// The price history of one offering.
pub async fn of(conn: &impl ConnectionTrait, offering: OfferingId) -> AppResult<PriceHistory> {
    Ok(of_many(conn, &[offering])
        .await?
        .remove(&offering)
        .unwrap_or_default())
}

/// The price histories of many offerings, keyed by offering.
pub async fn of_many(
    conn: &impl ConnectionTrait,
    offerings: &[OfferingId],
) -> AppResult<HashMap<OfferingId, PriceHistory>> {
    let mut versions: HashMap<OfferingId, Vec<(NaiveDate, Money)>> = HashMap::new();
    for chunk in offerings.chunks(500) {
        let rows = offering_price::Entity::find()
            .filter(offering_price::Column::OfferingId.is_in(chunk.iter().copied()))
            .order_by_asc(offering_price::Column::ValidFrom)
            .all(conn)
            .await?;
        for row in rows {
            versions
                .entry(row.offering_id)
                .or_default()
                .push((row.valid_from, row.unit_price));
        }
    }
    Ok(versions
        .into_iter()
        .map(|(id, v)| (id, PriceHistory::new(v)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn history() -> PriceHistory {
        PriceHistory::new(vec![
            (day("2027-01-01"), Money::from_cents(4800)),
            (day("2026-06-01"), Money::from_cents(4500)),
        ])
    }

    #[test]
    fn the_price_in_force_is_the_latest_begun() {
        let h = history();
        assert_eq!(h.in_force(day("2026-12-31")), Some(Money::from_cents(4500)));
        assert_eq!(h.in_force(day("2027-01-01")), Some(Money::from_cents(4800)));
        assert_eq!(h.in_force(day("2030-01-01")), Some(Money::from_cents(4800)));
        // Before the first price: the first price.
        assert_eq!(h.in_force(day("2026-01-01")), Some(Money::from_cents(4500)));
        assert_eq!(PriceHistory::default().in_force(day("2026-01-01")), None);
    }

    #[test]
    fn each_version_ends_the_day_before_the_next_begins() {
        let v = history().versions();
        assert_eq!(v[0].valid_to, Some(day("2026-12-31")));
        assert_eq!(v[1].valid_to, None);
        assert_eq!(
            history().upcoming(day("2026-12-06")).collect::<Vec<_>>(),
            vec![(day("2027-01-01"), Money::from_cents(4800))]
        );
    }
}
