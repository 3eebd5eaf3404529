//! Rating aggregates: per offering a row of star counts over its visible reviews, rebuilt
//! from the reviews themselves on every change (never incremented, so it cannot drift), and
//! per provider the sum over its offerings. A rebuild enqueues the offering's re-index in
//! the same transaction, so the search order follows within a second.
use chrono::Utc;
use rust_decimal::{Decimal, RoundingStrategy};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, QueryFilter, QuerySelect,
    Set,
    sea_query::{LockType, OnConflict, Query},
};

use crate::{
    db::entities::{offering, offering_rating, review},
    domain::ids::{OfferingId, ProviderId},
    outbox::{self, Topic},
};

/// How many visible reviews gave 1, 2, 3, 4 and 5 stars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Aggregate {
    pub counts: [u64; 5],
}

fn non_negative(n: i32) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Aggregate {
    pub fn of_row(row: &offering_rating::Model) -> Self {
        Aggregate {
            counts: [
                row.stars_1,
                row.stars_2,
                row.stars_3,
                row.stars_4,
                row.stars_5,
            ]
            .map(non_negative),
        }
    }

    pub fn count(&self) -> u64 {
        self.counts.iter().sum()
    }

    pub fn star_total(&self) -> u64 {
        self.counts
            .iter()
            .zip(1u64..)
            .map(|(n, stars)| n * stars)
            .sum()
    }

    /// The mean, rounded half up to one decimal; `None` without reviews.
    pub fn average(&self) -> Option<Decimal> {
        let count = self.count();
        (count > 0).then(|| {
            (Decimal::from(self.star_total()) / Decimal::from(count))
                .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        })
    }

    /// The exact mean, for the Bayesian score search sorts by.
    pub fn mean(&self) -> Option<f64> {
        let count = self.count();
        #[allow(clippy::cast_precision_loss)] // counts far below 2^52
        (count > 0).then(|| self.star_total() as f64 / count as f64)
    }

    pub fn score(&self) -> f64 {
        valinta_search::rating::bayesian_score(
            self.mean(),
            u32::try_from(self.count()).unwrap_or(u32::MAX),
        )
    }

    pub fn add(&mut self, other: &Aggregate) {
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
    }
}

/// Rebuilds one offering's aggregate from its visible reviews and enqueues its re-index.
pub async fn refresh(
    conn: &impl ConnectionTrait,
    offering_id: OfferingId,
) -> Result<Aggregate, DbErr> {
    // Two reviews of one offering committing at once must not each count only their own:
    // on PostgreSQL the offering's row serializes the rebuilds, and the count below (a new
    // statement under READ COMMITTED) then sees every review committed before. The lock is
    // NO KEY UPDATE: a review's insert already holds KEY SHARE on the offering (its foreign
    // key), which FOR UPDATE would deadlock against. SQLite serializes all writes anyway.
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        offering::Entity::find_by_id(offering_id)
            .lock(LockType::NoKeyUpdate)
            .one(conn)
            .await?;
    }
    let rows: Vec<(i16, i64)> = review::Entity::find()
        .select_only()
        .column(review::Column::Stars)
        .column_as(review::Column::Id.count(), "n")
        .filter(review::Column::OfferingId.eq(offering_id))
        .filter(review::Column::HiddenAt.is_null())
        .group_by(review::Column::Stars)
        .into_tuple()
        .all(conn)
        .await?;
    let mut aggregate = Aggregate::default();
    for (stars, n) in rows {
        if let Some(slot) = usize::try_from(stars - 1)
            .ok()
            .and_then(|i| aggregate.counts.get_mut(i))
        {
            *slot = u64::try_from(n).unwrap_or(0);
        }
    }
    let column = |n: u64| Set(i32::try_from(n).unwrap_or(i32::MAX));
    let row = offering_rating::ActiveModel {
        offering_id: Set(offering_id),
        review_count: column(aggregate.count()),
        star_total: column(aggregate.star_total()),
        stars_1: column(aggregate.counts[0]),
        stars_2: column(aggregate.counts[1]),
        stars_3: column(aggregate.counts[2]),
        stars_4: column(aggregate.counts[3]),
        stars_5: column(aggregate.counts[4]),
        updated_at: Set(Utc::now()),
    };
    offering_rating::Entity::insert(row)
        .on_conflict(
            OnConflict::column(offering_rating::Column::OfferingId)
                .update_columns([
                    offering_rating::Column::ReviewCount,
                    offering_rating::Column::StarTotal,
                    offering_rating::Column::Stars1,
                    offering_rating::Column::Stars2,
                    offering_rating::Column::Stars3,
                    offering_rating::Column::Stars4,
                    offering_rating::Column::Stars5,
                    offering_rating::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(conn)
        .await?;
    outbox::enqueue(conn, Topic::SearchOffering, offering_id).await?;
    Ok(aggregate)
}

/// One offering's aggregate as stored.
pub async fn of_offering(
    conn: &impl ConnectionTrait,
    offering_id: OfferingId,
) -> Result<Aggregate, DbErr> {
    Ok(offering_rating::Entity::find_by_id(offering_id)
        .one(conn)
        .await?
        .map(|r| Aggregate::of_row(&r))
        .unwrap_or_default())
}

/// A provider's aggregate: the sum over all its offerings, archived ones too, so that
/// re-listing a service does not wipe the provider's record.
pub async fn of_provider(
    conn: &impl ConnectionTrait,
    provider_id: ProviderId,
) -> Result<Aggregate, DbErr> {
    let rows = offering_rating::Entity::find()
        .filter(
            offering_rating::Column::OfferingId.in_subquery(
                Query::select()
                    .column(offering::Column::Id)
                    .from(offering::Entity)
                    .and_where(offering::Column::ProviderId.eq(provider_id))
                    .to_owned(),
            ),
        )
        .all(conn)
        .await?;
    let mut total = Aggregate::default();
    for row in &rows {
        total.add(&Aggregate::of_row(row));
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_rounds_half_up_to_one_decimal() {
        // 4 + 5 + 4 + 4 = 17 / 4 = 4.25 -> 4.3
        let a = Aggregate {
            counts: [0, 0, 0, 3, 1],
        };
        assert_eq!(a.average(), Some(Decimal::new(43, 1)));
        assert_eq!(a.count(), 4);
        assert_eq!(a.star_total(), 17);
        assert_eq!(Aggregate::default().average(), None);
    }

    #[test]
    fn more_good_reviews_score_above_one_perfect_review() {
        let many = Aggregate {
            counts: [0, 0, 0, 10, 40],
        };
        let one = Aggregate {
            counts: [0, 0, 0, 0, 1],
        };
        assert!(many.score() > one.score());
        assert!(one.score() > Aggregate::default().score());
    }
}
