//! Rows of `users`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ClientId, ProviderId, PurchaserId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: UserId,
    /// None for someone who signs in only with strong identification.
    pub email: Option<String>,
    /// None until a password is set (or never, for strong identification only).
    pub password_hash: Option<String>,
    pub name: String,
    pub roles: Json,
    pub purchaser_id: Option<PurchaserId>,
    pub provider_id: Option<ProviderId>,
    pub client_id: Option<ClientId>,
    pub locale: String,
    /// The user chose `locale` (else it follows the browser's `Accept-Language`).
    pub locale_chosen: bool,
    pub created_at: DateTimeUtc,
    /// A proxy known by identity code (a client's code is on the client).
    pub personal_id_cipher: Option<String>,
    pub personal_id_hash: Option<String>,
    pub personal_id_masked: Option<String>,
    /// Set while the account is shut: no sign-in, no session.
    pub deactivated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
