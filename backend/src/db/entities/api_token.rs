//! Rows of `api_tokens`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ClientId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "api_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: UserId,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// The client a proxy acts for in this session.
    pub acting_for: Option<ClientId>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
