//! Pricing the plan: budget lines of service × quantity per month × months × unit price,
//! each rounded half up to the cent, and the estimate as their exact sum. The unit price is
//! the catalogue's reference price unless the case worker gives one; the median of the live
//! offerings' prices is shown beside it as a hint.
use chrono::{DateTime, Utc};
use rust_decimal::{Decimal, RoundingStrategy};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{offering, plan_budget_line, service},
    },
    domain::{
        Money, Quantity,
        catalogue::PlanStatus,
        ids::{BudgetLineId, PlanId, ServiceId},
    },
};

use super::{
    PlanError, PlanResult,
    access::{self, require_case_worker},
    invalid,
};

/// The longest a plan is priced for, in months.
const MAX_MONTHS: i64 = 60;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BudgetLineView {
    pub id: BudgetLineId,
    pub plan_id: PlanId,
    pub service_id: ServiceId,
    pub quantity_per_month: Quantity,
    pub months: i32,
    pub unit_price: Money,
    /// `round_half_up(quantity_per_month × months × unit_price, 2)`.
    pub amount: Money,
    /// The median of the live offerings' prices for the service, as a hint; none when no
    /// provider offers it.
    pub median_offering_price: Option<Money>,
    pub created_at: DateTime<Utc>,
}

/// A budget line as typed: quantity and price as text for the domain's parsers.
pub struct NewLine<'a> {
    pub service: ServiceId,
    pub quantity_per_month: &'a str,
    pub months: i64,
    pub unit_price: Option<&'a str>,
}

/// `round_half_up(quantity_per_month × months × unit_price, 2)`.
pub fn line_amount(
    quantity_per_month: Quantity,
    months: i32,
    unit_price: Money,
) -> PlanResult<Money> {
    let exact = quantity_per_month.decimal() * Decimal::from(months) * unit_price.decimal();
    let rounded = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    Money::from_decimal(rounded).map_err(|e| invalid("quantity_per_month", e))
}

/// The median of prices, rounded half up to the cent (the mean of the middle two for an
/// even count); none for no prices.
pub fn median(mut prices: Vec<Money>) -> Option<Money> {
    prices.sort();
    let n = prices.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return Some(prices[n / 2]);
    }
    let mean = (prices[n / 2 - 1].decimal() + prices[n / 2].decimal()) / Decimal::TWO;
    Money::from_decimal(mean.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)).ok()
}

/// The median price of the live (not archived) offerings of a service.
pub async fn median_offering_price(
    conn: &impl ConnectionTrait,
    service: ServiceId,
) -> PlanResult<Option<Money>> {
    let prices = offering::Entity::find()
        .filter(offering::Column::ServiceId.eq(service.0))
        .filter(offering::Column::Archived.eq(false))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| o.unit_price)
        .collect();
    Ok(median(prices))
}

/// A case worker adds a line to a draft plan (decided: 409). The service must be a live
/// entry of the purchaser's catalogue; without a unit price it must have a reference price.
pub async fn add(
    db: &Db,
    actor: &Actor,
    plan: PlanId,
    new: NewLine<'_>,
) -> PlanResult<BudgetLineView> {
    let (model, acting) = access::load(&db.conn, actor, plan, "plan_read").await?;
    require_case_worker(acting, "price a plan")?;
    if model.status != PlanStatus::Draft {
        return Err(PlanError::WrongStatus {
            status: model.status,
        });
    }
    let entry = service::Entity::find_by_id(new.service)
        .one(&db.conn)
        .await?
        .filter(|s| s.purchaser_id == model.purchaser_id && s.archived_at.is_none())
        .ok_or_else(|| {
            invalid(
                "service_id",
                "must be a live service of this purchaser's catalogue",
            )
        })?;
    let quantity =
        Quantity::parse(new.quantity_per_month).map_err(|e| invalid("quantity_per_month", e))?;
    if !(1..=MAX_MONTHS).contains(&new.months) {
        return Err(invalid(
            "months",
            format!("must be a whole number from 1 to {MAX_MONTHS}"),
        ));
    }
    let months = i32::try_from(new.months).map_err(|_| invalid("months", "is too large"))?;
    let unit_price = match new.unit_price.map(str::trim).filter(|p| !p.is_empty()) {
        Some(raw) => Money::parse_positive(raw).map_err(|e| invalid("unit_price", e))?,
        None => entry
            .reference_price
            .filter(|p| !p.is_zero())
            .ok_or_else(|| {
                invalid(
                    "unit_price",
                    "is required: the service has no reference price",
                )
            })?,
    };
    let amount = line_amount(quantity, months, unit_price)?;
    let tx = db.begin_write().await?;
    let line = plan_budget_line::ActiveModel {
        id: Set(BudgetLineId::new()),
        plan_id: Set(plan),
        service_id: Set(new.service),
        quantity_per_month: Set(quantity),
        months: Set(months),
        unit_price: Set(unit_price),
        amount: Set(amount),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await?;
    super::answers::touch(&*tx, model).await?;
    tx.commit().await?;
    let hint = median_offering_price(&db.conn, new.service).await?;
    Ok(view(line, hint))
}

fn view(line: plan_budget_line::Model, hint: Option<Money>) -> BudgetLineView {
    BudgetLineView {
        id: line.id,
        plan_id: line.plan_id,
        service_id: line.service_id,
        quantity_per_month: line.quantity_per_month,
        months: line.months,
        unit_price: line.unit_price,
        amount: line.amount,
        median_offering_price: hint,
        created_at: line.created_at,
    }
}

/// The plan's lines, oldest first, with the price hints.
pub async fn lines_of(
    conn: &impl ConnectionTrait,
    plan: PlanId,
) -> PlanResult<Vec<BudgetLineView>> {
    let lines = plan_budget_line::Entity::find()
        .filter(plan_budget_line::Column::PlanId.eq(plan))
        .order_by_asc(plan_budget_line::Column::CreatedAt)
        .order_by_asc(plan_budget_line::Column::Id)
        .all(conn)
        .await?;
    let mut views = Vec::with_capacity(lines.len());
    for line in lines {
        let hint = median_offering_price(conn, line.service_id).await?;
        views.push(view(line, hint));
    }
    Ok(views)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn a_line_is_rounded_half_up_to_the_cent() {
        let q = Quantity::parse("7.5").unwrap();
        assert_eq!(line_amount(q, 12, m("33.33")).unwrap(), m("2999.70"));
        // 0.125 × 1 × 0.10 = 0.0125 → 0.01; 0.5 × 1 × 0.01 = 0.005 → 0.01 (half up)
        assert_eq!(
            line_amount(Quantity::parse("0.5").unwrap(), 1, m("0.01")).unwrap(),
            m("0.01")
        );
        assert_eq!(
            line_amount(Quantity::parse("0.125").unwrap(), 1, m("0.10")).unwrap(),
            m("0.01")
        );
        assert_eq!(
            line_amount(Quantity::parse("1.333").unwrap(), 3, m("10.05")).unwrap(),
            m("40.19")
        );
    }

    #[test]
    fn the_median_takes_the_middle_or_the_mean_of_the_middle_two() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![m("50"), m("40"), m("45")]), Some(m("45")));
        assert_eq!(median(vec![m("40.00"), m("45.01")]), Some(m("42.51")));
    }
}
