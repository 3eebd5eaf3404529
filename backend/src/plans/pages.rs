//! What the portal's plan pages read beside the [`PlanView`]: the plans of one client (for
//! her money page), the names of the client and of whoever wrote into a plan, and the money
//! spent month by month with what was left at each month's end (the pace chart). Every
//! read of a plan goes through `access` and is audited; the helpers that take a `PlanView`
//! only add to a plan already read.
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::{Actor, access},
    db::{
        Db,
        entities::{client, ledger_entry, user},
    },
    domain::{
        Money,
        catalogue::{EntryKind, PlanStatus},
        finnish_day_of,
        ids::{ClientId, PlanId, UserId},
        today_in_finland,
    },
};

use super::{
    PlanError, PlanResult, PlanView,
    read::{is_overdue, plans_of_client},
};

/// One of a client's plans, as her money page lists it.
#[derive(Clone, Debug)]
pub struct PlanSummary {
    pub id: PlanId,
    pub status: PlanStatus,
    pub need_identified_on: NaiveDate,
    pub decision_due: NaiveDate,
    pub overdue: bool,
}

/// The client's plans, newest first (anyone who may not see her: 404), audited as a list.
pub async fn of_client(db: &Db, actor: &Actor, client: ClientId) -> PlanResult<Vec<PlanSummary>> {
    access::load_client(&db.conn, actor, client)
        .await
        .map_err(|_| PlanError::NotFound)?;
    let today = today_in_finland();
    let plans = plans_of_client(db, actor, client).await?;
    Ok(plans
        .iter()
        .map(|p| PlanSummary {
            id: p.id,
            status: p.status,
            need_identified_on: p.need_identified_on,
            decision_due: p.decision_due,
            overdue: is_overdue(p, today),
        })
        .collect())
}

/// The name of a plan's client (the caller has read the plan).
pub async fn client_name(conn: &impl ConnectionTrait, id: ClientId) -> PlanResult<String> {
    Ok(client::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(|c| c.name)
        .unwrap_or_default())
}

/// The names of everyone who wrote an answer, a goal or an evaluation into the plan.
pub async fn writer_names(
    conn: &impl ConnectionTrait,
    plan: &PlanView,
) -> PlanResult<HashMap<UserId, String>> {
    let mut ids: Vec<uuid::Uuid> = plan
        .answer_history
        .iter()
        .map(|a| a.written_by_user)
        .chain(plan.goals.iter().flat_map(|g| {
            std::iter::once(g.created_by).chain(g.evaluations.iter().map(|e| e.created_by))
        }))
        .map(uuid::Uuid::from)
        .collect();
    ids.sort();
    ids.dedup();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

/// One calendar month of a decided plan's money.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthSpending {
    /// The month's first day.
    pub month: NaiveDate,
    /// Taken from the balance in the month (deliveries less any returned).
    pub spent: Money,
    /// Not yet spent at the month's end (or today): available plus reserved, as the pace
    /// counts it — reserved money is still the client's until a delivery spends it.
    pub left: Money,
}

/// The months of the plan's allocation from its first one to this one (or its last), with
/// what was spent in each (by the Finnish day the money moved, as the client's statement
/// counts it) and what was left.
pub async fn spending_by_month(
    conn: &impl ConnectionTrait,
    plan: &PlanView,
) -> PlanResult<Vec<MonthSpending>> {
    let Some(a) = &plan.allocation else {
        return Ok(Vec::new());
    };
    let entries = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::AllocationId.eq(uuid::Uuid::from(a.id)))
        .order_by_asc(ledger_entry::Column::Seq)
        .all(conn)
        .await?;
    let moves: Vec<(NaiveDate, Money, Money)> = entries
        .iter()
        .map(|e| {
            // A grant is the money of the whole period: it counts from the first day, even
            // when the decision was made later.
            let day = match e.kind {
                EntryKind::Grant => a.valid_from,
                _ => finnish_day_of(e.created_at),
            };
            (day, e.spent_delta, e.available_delta + e.reserved_delta)
        })
        .collect();
    Ok(months(
        &moves,
        a.valid_from,
        a.valid_to.min(today_in_finland()),
    ))
}

/// Folds the money's movements `(day, spent, left)` into months from `from` to `until`.
fn months(
    moves: &[(NaiveDate, Money, Money)],
    from: NaiveDate,
    until: NaiveDate,
) -> Vec<MonthSpending> {
    let first = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let last = first(until);
    let mut month = first(from);
    // Whatever moved before the first month (a grant made ahead) counts into what is left.
    let mut left: Money = moves
        .iter()
        .filter(|(d, _, _)| first(*d) < month)
        .map(|(_, _, l)| *l)
        .sum();
    let mut out = Vec::new();
    // Ten years at most: a decision is never longer, and the loop must end.
    while month <= last && out.len() < 120 {
        let mut spent = Money::ZERO;
        for (_, s, l) in moves.iter().filter(|(d, _, _)| first(*d) == month) {
            spent = spent + *s;
            left = left + *l;
        }
        out.push(MonthSpending { month, spent, left });
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn spending_falls_in_the_month_it_moved_and_what_is_left_follows() {
        let moves = [
            (d(2026, 10, 30), Money::ZERO, m("1000.00")),
            (d(2026, 11, 3), Money::ZERO, Money::ZERO),
            (d(2026, 11, 20), m("100.00"), m("-100.00")),
            (d(2027, 1, 2), m("50.00"), m("-50.00")),
        ];
        let got = months(&moves, d(2026, 11, 1), d(2027, 1, 15));
        let want = [
            (d(2026, 11, 1), "100.00", "900.00"),
            (d(2026, 12, 1), "0.00", "900.00"),
            (d(2027, 1, 1), "50.00", "850.00"),
        ];
        assert_eq!(got.len(), 3, "{got:?}");
        for (g, (month, spent, left)) in got.iter().zip(want) {
            assert_eq!((g.month, g.spent, g.left), (month, m(spent), m(left)));
        }
    }
}
