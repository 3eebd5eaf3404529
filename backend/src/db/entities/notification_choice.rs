//! Rows of `notification_choices`: a person's choice for one optional topic.
use sea_orm::entity::prelude::*;

use valinta_emails::Topic;

use crate::domain::ids::UserId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_choices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: UserId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub topic: StoredTopic,
    pub choice: Choice,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// What a person chose for one optional topic.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    strum::AsRefStr,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
    DeriveValueType,
)]
#[strum(serialize_all = "snake_case")]
#[sea_orm(value_type = "String")]
pub enum Choice {
    On,
    Off,
    /// Deliveries only: one weekly digest instead of one email per delivery.
    Weekly,
}

impl Choice {
    pub fn parse(raw: &str) -> Option<Choice> {
        raw.parse().ok()
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The emails crate's topic as a column (that crate knows no database), stored as its
/// `as_str` name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, DeriveValueType)]
#[sea_orm(
    value_type = "String",
    from_str = "StoredTopic::parse",
    to_str = "StoredTopic::name"
)]
pub struct StoredTopic(pub Topic);

impl StoredTopic {
    fn parse(raw: &str) -> Result<Self, UnknownTopic> {
        Topic::parse(raw)
            .map(Self)
            .ok_or_else(|| UnknownTopic(raw.to_owned()))
    }

    fn name(&self) -> &'static str {
        self.0.as_str()
    }
}

impl From<Topic> for StoredTopic {
    fn from(topic: Topic) -> Self {
        Self(topic)
    }
}

// Part of the primary key, so sea-orm asks how it would come from an auto-increment
// number; it never does.
impl sea_orm::TryFromU64 for StoredTopic {
    fn try_from_u64(_: u64) -> Result<Self, DbErr> {
        Err(DbErr::ConvertFromU64("StoredTopic"))
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown notification topic {0:?}")]
pub struct UnknownTopic(String);
