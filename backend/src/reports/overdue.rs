//! Overdue recording for one purchaser as its staff read it: the purchaser's own number
//! of days applied to `recording::overdue`.
use chrono::{DateTime, Utc};
use sea_orm::EntityTrait;
use serde::Serialize;

use crate::{
    auth::Actor,
    db::{Db, entities::purchaser},
    domain::{ids::PurchaserId, recording::RecordingDays},
    error::{AppError, AppResult},
    recording::{self, OverdueProvider},
};

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = OverdueRecordingOut)]
pub struct OverdueRecording {
    /// The purchaser's setting the report applies.
    pub recording_days: i64,
    pub as_of: DateTime<Utc>,
    /// Providers with silent commitments or late deliveries, most cases first.
    pub items: Vec<OverdueProvider>,
}

impl OverdueRecording {
    /// Accepted orders with nothing recorded in time, over every provider.
    pub fn silent_orders(&self) -> u64 {
        self.items.iter().map(|p| p.silent_commitments).sum()
    }
}

/// The report as at now; any of the purchaser's staff may read it.
pub async fn report(db: &Db, actor: &Actor, pid: PurchaserId) -> AppResult<OverdueRecording> {
    actor.require_any_staff(pid)?;
    let model = purchaser::Entity::find_by_id(pid)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let days = RecordingDays::from_stored(model.recording_days);
    let now = Utc::now();
    Ok(OverdueRecording {
        recording_days: days.days(),
        as_of: now,
        items: recording::overdue(&db.conn, pid, days, now).await?,
    })
}
