//! Rows of `emails`: the email outbox.
use sea_orm::entity::prelude::*;
use valinta_emails::Kind;

use crate::domain::ids::{EmailId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "emails")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: EmailId,
    pub kind: StoredKind,
    pub user_id: Option<UserId>,
    pub address: String,
    pub name: String,
    pub lang: String,
    pub payload: Json,
    pub status: EmailStatus,
    pub attempts: i32,
    pub available_at: DateTimeUtc,
    pub claimed_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Where an email is on its way: waiting, claimed by a worker, sent, or given up on
/// after its last attempt (an administrator may send it again).
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
pub enum EmailStatus {
    Pending,
    Sending,
    Sent,
    Failed,
}

/// The emails crate's kind as a column (that crate knows no database), stored as its
/// snake_case tag (`Kind::as_str`), the same text as the payload's `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, DeriveValueType)]
#[sea_orm(
    value_type = "String",
    from_str = "StoredKind::parse",
    to_str = "StoredKind::tag"
)]
pub struct StoredKind(pub Kind);

impl StoredKind {
    fn parse(raw: &str) -> Result<Self, UnknownKind> {
        Kind::parse(raw)
            .map(Self)
            .ok_or_else(|| UnknownKind(raw.to_owned()))
    }

    fn tag(&self) -> &'static str {
        self.0.as_str()
    }
}

impl From<Kind> for StoredKind {
    fn from(kind: Kind) -> Self {
        Self(kind)
    }
}

impl std::fmt::Display for StoredKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown email kind {0:?}")]
pub struct UnknownKind(String);
