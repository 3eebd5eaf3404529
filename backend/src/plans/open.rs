//! Opening a plan: a case worker records the day the need was identified, and the decision
//! is due three calendar months later (the pilots' deadline).
use chrono::{Months, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    audit,
    auth::{Actor, access},
    db::{Db, entities::plan, unique},
    domain::{
        catalogue::PlanStatus,
        day::parse_day,
        ids::{ClientId, PlanId},
        today_in_finland,
    },
};

use super::{PlanError, PlanResult, access::require_case_worker, invalid};

/// Three calendar months after the need; past the end of a shorter month the last day of it
/// (31 October → 31 January, 30 November → 28 or 29 February).
pub fn decision_due(need_identified_on: NaiveDate) -> NaiveDate {
    // chrono clamps to the month's end; out of range only past year 262143.
    need_identified_on
        .checked_add_months(Months::new(3))
        .unwrap_or(NaiveDate::MAX)
}

/// A case worker of the client's purchaser opens a draft plan; others who may see the
/// client get 403, anyone else 404. While the client has a draft, it is the one to continue:
/// opening again is refused with its id (the database's one-draft index decides a race).
pub async fn open(
    db: &Db,
    actor: &Actor,
    client: ClientId,
    need_identified_on: &str,
) -> PlanResult<plan::Model> {
    let (client_row, acting) = access::load_client(&db.conn, actor, client).await?;
    require_case_worker(acting, "open a plan")?;
    let need = parse_day(need_identified_on).map_err(|e| invalid("need_identified_on", e))?;
    if need > today_in_finland() {
        return Err(invalid("need_identified_on", "must not be in the future"));
    }
    let now = Utc::now();
    let tx = db.begin_write().await?;
    if let Some(draft) = draft_of(&*tx, client).await? {
        return Err(PlanError::DraftExists(draft));
    }
    let id = PlanId::new();
    let model = plan::ActiveModel {
        id: Set(id),
        client_id: Set(client),
        purchaser_id: Set(client_row.purchaser_id),
        status: Set(PlanStatus::Draft),
        status_reason: Set(None),
        need_identified_on: Set(need),
        decision_due: Set(decision_due(need)),
        allocation_id: Set(None),
        decision_number: Set(None),
        decision_text: Set(None),
        decided_at: Set(None),
        status_changed_by: Set(None),
        status_changed_at: Set(None),
        created_by: Set(actor.user_id),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&*tx)
    .await;
    let model = match model {
        Ok(model) => model,
        Err(err) if unique::is_violation(&err) => {
            drop(tx);
            return Err(match draft_of(&db.conn, client).await? {
                Some(draft) => PlanError::DraftExists(draft),
                None => err.into(),
            });
        }
        Err(err) => return Err(err.into()),
    };
    audit::record_read(
        &*tx,
        actor,
        Some(acting),
        "plan_opened",
        "plan",
        id.0,
        client,
    )
    .await?;
    tx.commit().await?;
    Ok(model)
}

/// The client's draft plan, if she has one.
async fn draft_of(conn: &impl ConnectionTrait, client: ClientId) -> PlanResult<Option<PlanId>> {
    let draft = plan::Entity::find()
        .filter(plan::Column::ClientId.eq(client))
        .filter(plan::Column::Status.eq(PlanStatus::Draft))
        .one(conn)
        .await?;
    Ok(draft.map(|p| p.id))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_decision_is_due_three_months_later_clamped_to_the_months_end() {
        assert_eq!(decision_due(d(2026, 10, 31)), d(2027, 1, 31));
        assert_eq!(decision_due(d(2026, 11, 30)), d(2027, 2, 28));
        assert_eq!(decision_due(d(2027, 11, 30)), d(2028, 2, 29));
        assert_eq!(decision_due(d(2026, 3, 15)), d(2026, 6, 15));
        assert_eq!(decision_due(d(2026, 12, 31)), d(2027, 3, 31));
    }
}
