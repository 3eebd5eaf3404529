//! Rows of `clients`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ClientId, PurchaserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "clients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ClientId,
    pub purchaser_id: PurchaserId,
    pub name: String,
    pub personal_id_cipher: String,
    pub personal_id_hash: String,
    pub personal_id_masked: String,
    pub municipality: String,
    pub email: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
