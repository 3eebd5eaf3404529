//! Rows of `client_duplicates`: a client found to be the same person as another.
use sea_orm::entity::prelude::*;

use crate::domain::ids::ClientId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "client_duplicates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_id: ClientId,
    pub same_as: ClientId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
