//! Rows of `account_links`: single-use links sent by email (set or reset a password).
use sea_orm::entity::prelude::*;

use valinta_emails::LinkPurpose;

use crate::domain::ids::UserId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "account_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: UserId,
    pub purpose: StoredPurpose,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The emails crate's link purpose as a column (that crate knows no database), stored as
/// its snake_case name (`LinkPurpose::as_str`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, DeriveValueType)]
#[sea_orm(
    value_type = "String",
    from_str = "StoredPurpose::parse",
    to_str = "StoredPurpose::name"
)]
pub struct StoredPurpose(pub LinkPurpose);

impl StoredPurpose {
    fn parse(raw: &str) -> Result<Self, UnknownPurpose> {
        LinkPurpose::parse(raw)
            .map(Self)
            .ok_or_else(|| UnknownPurpose(raw.to_owned()))
    }

    fn name(&self) -> &'static str {
        self.0.as_str()
    }
}

impl From<LinkPurpose> for StoredPurpose {
    fn from(purpose: LinkPurpose) -> Self {
        Self(purpose)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown account link purpose {0:?}")]
pub struct UnknownPurpose(String);
