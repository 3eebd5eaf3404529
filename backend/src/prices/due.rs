//! Prices that came into force: the worker brings each offering's shown price (and its
//! search document) up to the version in force today, within a minute of the day turning.
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::{
    db::{
        Db,
        entities::{offering, offering_price},
    },
    domain::ids::OfferingId,
    error::AppResult,
    outbox::{self, Topic},
};

use super::history;

/// How far back the regular pass looks for versions that began; the pass at start looks
/// at every offering, so a worker that was down longer still catches up.
const LOOK_BACK_DAYS: i64 = 31;

/// Updates offerings whose price in force today differs from the one shown. With
/// `everything` every offering is checked, else those with a version begun lately.
pub async fn apply_due(db: &Db, today: NaiveDate, everything: bool) -> AppResult<usize> {
    let mut recent =
        offering_price::Entity::find().filter(offering_price::Column::ValidFrom.lte(today));
    if !everything {
        recent = recent
            .filter(offering_price::Column::ValidFrom.gt(today - Duration::days(LOOK_BACK_DAYS)));
    }
    let mut ids: Vec<OfferingId> = recent
        .all(&db.conn)
        .await?
        .into_iter()
        .map(|p| p.offering_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let histories = history::of_many(&db.conn, &ids).await?;
    let mut changed = 0;
    for (id, prices) in histories {
        let Some(price) = prices.in_force(today) else {
            continue;
        };
        let tx = db.begin_write().await?;
        let Some(current) = offering::Entity::find_by_id(id).one(&*tx).await? else {
            continue;
        };
        if current.unit_price == price {
            continue;
        }
        let mut active = current.into_active_model();
        active.unit_price = Set(price);
        active.updated_at = Set(Utc::now());
        active.update(&*tx).await?;
        outbox::enqueue(&*tx, Topic::SearchOffering, id).await?;
        tx.commit().await?;
        changed += 1;
    }
    Ok(changed)
}
