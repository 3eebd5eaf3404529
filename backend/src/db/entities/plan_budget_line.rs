//! Rows of `plan_budget_lines`: service × quantity per month × months × unit price.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money, Quantity,
    ids::{BudgetLineId, PlanId, ServiceId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_budget_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: BudgetLineId,
    pub plan_id: PlanId,
    pub service_id: ServiceId,
    #[sea_orm(column_name = "quantity_per_month_milli")]
    pub quantity_per_month: Quantity,
    pub months: i32,
    #[sea_orm(column_name = "unit_price_cents")]
    pub unit_price: Money,
    #[sea_orm(column_name = "amount_cents")]
    pub amount: Money,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
