//! Rows of `sign_in_failures`: one per failed sign-in, by a keyed hash of the email typed.
use sea_orm::entity::prelude::*;

use crate::domain::ids::SignInFailureId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_failures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SignInFailureId,
    pub email_key: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
