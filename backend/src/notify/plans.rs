//! Emails about personal budget plans: the decision made (the client and her proxies, in
//! the decision's transaction), the decision deadline 14 days away (the purchaser's case
//! workers, once per plan) and the goals to evaluate every three months after the decision
//! (the client and her proxies, once per period). The client is named by her first name
//! only: the rest of her matters stay in the portal.
use chrono::{Months, NaiveDate};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use valinta_emails::{Notification, PlanDecided, PlanDecisionDue, PlanEvaluationDue};

use crate::{
    db::{
        Db,
        entities::{allocation, client, plan, plan_goal},
    },
    domain::catalogue::{PlanStatus, Role},
    error::AppResult,
};

use super::{
    lookup::euros,
    queue,
    recipients::{self, Addressee},
    reminders::{once, unsent},
};

/// The reminder to decide goes out this many days before the decision is due.
pub const DECISION_DUE_DAYS: i64 = 14;
/// The goals are evaluated every this many months after the decision.
pub const EVALUATION_MONTHS: u32 = 3;

/// The first word of a name ("Matti" of "Matti Meikäläinen").
pub fn first_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// A proxy's "for whom", cut to the client's first name.
fn for_whom(to: &Addressee) -> Option<String> {
    to.on_behalf_of.as_deref().map(first_name)
}

/// The addressees greeted by their first name: a plan email carries no more of anyone's
/// name than that (the client's own copy would otherwise greet her by her full name).
fn by_first_name(to: Vec<Addressee>) -> Vec<Addressee> {
    to.into_iter()
        .map(|a| Addressee {
            name: first_name(&a.name),
            ..a
        })
        .collect()
}

/// The plan was decided: the client and every proxy hear it, with a link to the decision.
pub async fn decided(
    conn: &impl ConnectionTrait,
    model: &plan::Model,
    granted: &allocation::Model,
    decision_number: &str,
) -> AppResult<()> {
    let to = by_first_name(recipients::client_side(conn, model.client_id).await?);
    queue::send_each(conn, &to, |to| {
        Notification::PlanDecided(PlanDecided {
            on_behalf_of: for_whom(to),
            decision_number: decision_number.to_owned(),
            granted: euros(granted.granted),
            valid_from: granted.valid_from,
            valid_to: granted.valid_to,
            link: format!("/plans/{}/decision", model.id),
        })
    })
    .await
}

/// Drafts due within [`DECISION_DUE_DAYS`] (and not yet past due): their purchaser's case
/// workers are reminded once per plan.
pub(super) async fn decisions_due(db: &Db, today: NaiveDate) -> AppResult<usize> {
    let soon = today + chrono::Duration::days(DECISION_DUE_DAYS);
    let drafts = plan::Entity::find()
        .filter(plan::Column::Status.eq(PlanStatus::Draft))
        .filter(plan::Column::DecisionDue.gte(today))
        .filter(plan::Column::DecisionDue.lte(soon))
        .all(&db.conn)
        .await?;
    let keys = drafts
        .iter()
        .map(|p| format!("plan_decision_due:{}", p.id))
        .collect();
    let todo = unsent(db, keys).await?;
    let mut sent = 0;
    for p in drafts {
        let key = format!("plan_decision_due:{}", p.id);
        if !todo.contains(&key) {
            continue;
        }
        let name = client::Entity::find_by_id(p.client_id)
            .one(&db.conn)
            .await?
            .map(|c| first_name(&c.name))
            .unwrap_or_default();
        let to = by_first_name(
            recipients::purchaser_staff(&db.conn, p.purchaser_id, Role::CaseWorker).await?,
        );
        let days = u32::try_from((p.decision_due - today).num_days()).unwrap_or(0);
        let done = once(db, &key, to, |_| {
            Notification::PlanDecisionDue(PlanDecisionDue {
                client: name.clone(),
                decision_due: p.decision_due,
                days,
                link: format!("/purchaser/plans/{}", p.id),
            })
        })
        .await?;
        sent += usize::from(done);
    }
    Ok(sent)
}

/// Which three-month period after the decision `today` is in (0 before the first ends).
pub fn evaluation_period(decided_on: NaiveDate, today: NaiveDate) -> u32 {
    let mut period = 0;
    while let Some(next) =
        decided_on.checked_add_months(Months::new(EVALUATION_MONTHS * (period + 1)))
        && next <= today
    {
        period += 1;
    }
    period
}

/// Decided plans whose current three-month period has not been reminded yet: the client
/// and her proxies are asked to evaluate the goals, once per period (a period missed while
/// the worker was down is not sent late: only the current one counts).
pub(super) async fn evaluations_due(db: &Db, today: NaiveDate) -> AppResult<usize> {
    let decided = plan::Entity::find()
        .filter(plan::Column::Status.eq(PlanStatus::Decided))
        .filter(plan::Column::DecidedAt.is_not_null())
        .all(&db.conn)
        .await?;
    let mut due = Vec::new();
    for p in decided {
        let Some(at) = p.decided_at else { continue };
        let decided_on = at.with_timezone(&chrono_tz::Europe::Helsinki).date_naive();
        let period = evaluation_period(decided_on, today);
        if period > 0 {
            due.push((format!("plan_evaluation:{}:{period}", p.id), p));
        }
    }
    let todo = unsent(db, due.iter().map(|(k, _)| k.clone()).collect()).await?;
    let mut sent = 0;
    for (key, p) in due.into_iter().filter(|(k, _)| todo.contains(k)) {
        let goals = plan_goal::Entity::find()
            .filter(plan_goal::Column::PlanId.eq(p.id))
            .count(&db.conn)
            .await?;
        let to = by_first_name(recipients::client_side(&db.conn, p.client_id).await?);
        let done = once(db, &key, to, |to| {
            Notification::PlanEvaluationDue(PlanEvaluationDue {
                on_behalf_of: for_whom(to),
                goals: u32::try_from(goals).unwrap_or(u32::MAX),
                link: format!("/my/plans/{}", p.id),
            })
        })
        .await?;
        sent += usize::from(done);
    }
    Ok(sent)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_evaluation_period_counts_whole_three_months_from_the_decision() {
        let decided = d(2026, 11, 30);
        assert_eq!(evaluation_period(decided, d(2027, 2, 27)), 0);
        // 30 November + 3 months is 28 February (the month is shorter).
        assert_eq!(evaluation_period(decided, d(2027, 2, 28)), 1);
        assert_eq!(evaluation_period(decided, d(2027, 5, 29)), 1);
        assert_eq!(evaluation_period(decided, d(2027, 5, 30)), 2);
        assert_eq!(evaluation_period(decided, decided), 0);
    }

    #[test]
    fn only_the_first_name_is_told() {
        assert_eq!(first_name("Matti Meikäläinen"), "Matti");
        assert_eq!(first_name("  Aino "), "Aino");
        assert_eq!(first_name(""), "");
    }
}
