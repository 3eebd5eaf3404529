//! Rows of `audit_log`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ApiKeyId, ClientId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub at: DateTimeUtc,
    pub actor_user_id: Option<UserId>,
    pub acting_for_client_id: Option<ClientId>,
    pub client_id: Option<ClientId>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub detail: Option<Json>,
    /// The API key the act was done with, when it was.
    pub api_key_id: Option<ApiKeyId>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
