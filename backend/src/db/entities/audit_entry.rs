//! Rows of `audit_log`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub at: DateTimeUtc,
    pub actor_user_id: Option<Uuid>,
    pub acting_for_client_id: Option<Uuid>,
    pub client_id: Option<Uuid>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub detail: Option<Json>,
    /// The API key the act was done with, when it was.
    pub api_key_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
