//! The purchaser's figures on its plans, for its case workers and finance staff: how fast a
//! need becomes a decision (the median days, the share decided within the three months the
//! law gives), what is overdue now, the goals by life area and how they are evaluated. Only
//! counts and averages: no client is named, so reading the report reads no one's data.
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::entities::{goal_evaluation, plan, plan_goal},
    domain::{
        catalogue::{GoalArea, PlanStatus, Role},
        ids::{GoalId, PurchaserId},
        today_in_finland,
    },
    error::AppError,
};

use super::{PlanResult, read::is_overdue};

/// The period as typed: need identified on or after `from`, on or before `to` (either open).
#[derive(Clone, Copy, Debug, Default)]
pub struct PeriodText<'a> {
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// The goals of one life area.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AreaFigures {
    pub area: GoalArea,
    pub goals: u64,
    /// Goals evaluated at least once.
    pub evaluated: u64,
    /// The mean of each evaluated goal's latest progress (1–5), one decimal; none when no
    /// goal of the area is evaluated.
    #[schema(value_type = Option<String>, example = "3.5")]
    pub average_latest_progress: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PlanReport {
    pub purchaser_id: PurchaserId,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Plans whose need was identified in the period (cancelled ones included).
    pub plans: u64,
    /// Of them, decided (closed ones were decided before they closed).
    pub decided: u64,
    pub cancelled: u64,
    /// Days from the need to the decision, the median over the decided plans (the mean of
    /// the two middle ones for an even count); none before any decision.
    #[schema(value_type = Option<String>, example = "40")]
    pub median_days_to_decision: Option<Decimal>,
    /// Decided on or before the day the decision was due.
    pub decided_in_time: u64,
    /// `decided_in_time` out of the plans whose timeliness is known (the decided ones and
    /// the drafts already overdue), as a percentage with one decimal.
    #[schema(value_type = Option<String>, example = "66.7")]
    pub decided_in_time_percent: Option<Decimal>,
    /// Drafts past their due day today.
    pub overdue_now: u64,
    /// Every life area, in a fixed order, even those without goals.
    pub goals_by_area: Vec<AreaFigures>,
    pub evaluations: u64,
}

/// Case workers and finance staff of the purchaser; everyone else is told it does not exist.
fn require_reader(actor: &Actor, pid: PurchaserId) -> PlanResult<()> {
    let own = actor.purchaser_id == Some(pid);
    if own && (actor.has(Role::CaseWorker) || actor.has(Role::Finance)) {
        Ok(())
    } else {
        Err(AppError::not_found("purchaser").into())
    }
}

fn parse_day(name: &str, raw: Option<&str>) -> PlanResult<Option<NaiveDate>> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::bad_parameter(name, "must be a date YYYY-MM-DD").into()),
    }
}

/// The report over the plans whose need was identified in the period.
pub async fn report(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    pid: PurchaserId,
    period: PeriodText<'_>,
) -> PlanResult<PlanReport> {
    require_reader(actor, pid)?;
    let from = parse_day("from", period.from)?;
    let to = parse_day("to", period.to)?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(AppError::bad_parameter("to", "must not be before from").into());
    }
    let mut select = plan::Entity::find().filter(plan::Column::PurchaserId.eq(pid));
    if let Some(f) = from {
        select = select.filter(plan::Column::NeedIdentifiedOn.gte(f));
    }
    if let Some(t) = to {
        select = select.filter(plan::Column::NeedIdentifiedOn.lte(t));
    }
    let plans = select.all(conn).await?;
    let goals = plan_goal::Entity::find()
        .filter(plan_goal::Column::PlanId.is_in(plans.iter().map(|p| p.id)))
        .all(conn)
        .await?;
    let evaluations = goal_evaluation::Entity::find()
        .filter(goal_evaluation::Column::GoalId.is_in(goals.iter().map(|g| g.id)))
        .order_by_asc(goal_evaluation::Column::CreatedAt)
        .order_by_asc(goal_evaluation::Column::Id)
        .all(conn)
        .await?;
    let mut report = timeliness(pid, &plans, today_in_finland());
    report.from = from;
    report.to = to;
    report.goals_by_area = by_area(&goals, &evaluations);
    report.evaluations = evaluations.len() as u64;
    Ok(report)
}

/// The plans' counts and how fast they were decided, as at `today`.
fn timeliness(pid: PurchaserId, plans: &[plan::Model], today: NaiveDate) -> PlanReport {
    let mut days = Vec::new();
    let mut in_time = 0u64;
    for p in plans {
        let Some(decided_at) = p.decided_at else {
            continue;
        };
        let decided_on = decided_at
            .with_timezone(&chrono_tz::Europe::Helsinki)
            .date_naive();
        days.push((decided_on - p.need_identified_on).num_days());
        in_time += u64::from(decided_on <= p.decision_due);
    }
    let overdue_now = plans.iter().filter(|p| is_overdue(p, today)).count() as u64;
    let known = days.len() as u64 + overdue_now;
    PlanReport {
        purchaser_id: pid,
        from: None,
        to: None,
        plans: plans.len() as u64,
        decided: days.len() as u64,
        cancelled: plans
            .iter()
            .filter(|p| p.status == PlanStatus::Cancelled)
            .count() as u64,
        median_days_to_decision: median(days),
        decided_in_time: in_time,
        decided_in_time_percent: (known > 0).then(|| {
            one_decimal(Decimal::from(in_time) * Decimal::ONE_HUNDRED / Decimal::from(known))
        }),
        overdue_now,
        goals_by_area: Vec::new(),
        evaluations: 0,
    }
}

/// The middle value, or the mean of the two middle ones.
fn median(mut values: Vec<i64>) -> Option<Decimal> {
    values.sort_unstable();
    let n = values.len();
    if n == 0 {
        return None;
    }
    let middle = if n % 2 == 1 {
        Decimal::from(values[n / 2])
    } else {
        (Decimal::from(values[n / 2 - 1]) + Decimal::from(values[n / 2])) / Decimal::TWO
    };
    Some(middle.normalize())
}

/// Goals, evaluated goals and the average latest progress per life area. `evaluations`
/// come oldest first, so the last one seen of a goal is its latest.
fn by_area(goals: &[plan_goal::Model], evaluations: &[goal_evaluation::Model]) -> Vec<AreaFigures> {
    let latest: HashMap<GoalId, i32> = evaluations
        .iter()
        .map(|e| (e.goal_id, e.progress))
        .collect();
    let mut areas: BTreeMap<GoalArea, (u64, Vec<i32>)> = BTreeMap::new();
    for goal in goals {
        let entry = areas.entry(goal.area).or_default();
        entry.0 += 1;
        if let Some(progress) = latest.get(&goal.id) {
            entry.1.push(*progress);
        }
    }
    <GoalArea as strum::VariantArray>::VARIANTS
        .iter()
        .map(|area| {
            let (count, progress) = areas.remove(area).unwrap_or_default();
            let average = (!progress.is_empty()).then(|| {
                let sum: i64 = progress.iter().map(|p| i64::from(*p)).sum();
                one_decimal(Decimal::from(sum) / Decimal::from(progress.len() as u64))
            });
            AreaFigures {
                area: *area,
                goals: count,
                evaluated: progress.len() as u64,
                average_latest_progress: average,
            }
        })
        .collect()
}

/// Rounded half up to one decimal, and always shown with it ("4.0").
fn one_decimal(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(1);
    rounded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_and_of_an_even_the_mean_of_two() {
        assert_eq!(median(vec![100, 20, 40]), Some(Decimal::from(40)));
        assert_eq!(median(vec![20, 41]), Some(Decimal::new(305, 1)));
        assert_eq!(median(Vec::new()), None);
    }

    #[test]
    fn one_decimal_rounds_half_up_and_keeps_the_decimal() {
        assert_eq!(one_decimal(Decimal::from(4)).to_string(), "4.0");
        assert_eq!(one_decimal(Decimal::new(6666, 2)).to_string(), "66.7");
        assert_eq!(one_decimal(Decimal::new(325, 2)).to_string(), "3.3");
        assert_eq!(one_decimal(Decimal::new(35, 2)).to_string(), "0.4");
    }
}
