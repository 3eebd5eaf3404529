//! Rows of `mandates`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ClientId, MandateId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "mandates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: MandateId,
    pub proxy_user_id: UserId,
    pub client_id: ClientId,
    pub relation: String,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    /// The last day (Finnish time) the mandate holds; none: until revoked.
    pub valid_until: Option<Date>,
    pub revoked_by: Option<UserId>,
    pub revoke_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The filter for mandates in force today: not revoked, and not past their last day.
/// Kept with the table, because everyone who reads mandates (access, recipients of
/// emails, the mandates area) must read them the same way.
pub fn live() -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(Column::RevokedAt.is_null())
        .add(
            sea_orm::Condition::any()
                .add(Column::ValidUntil.is_null())
                .add(Column::ValidUntil.gte(crate::domain::today_in_finland())),
        )
}
