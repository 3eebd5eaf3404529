//! Creating sign-in accounts (staff, provider staff, clients, proxies) and the first admin.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    db::entities::user,
    domain::{
        EmailAddress,
        catalogue::Role,
        ids::{ClientId, ProviderId, PurchaserId, UserId},
    },
    error::{AppError, AppResult},
};

pub struct NewUser {
    /// None for someone who signs in only with strong identification.
    pub email: Option<EmailAddress>,
    /// None until the person sets a password through an emailed link, or never.
    pub password_hash: Option<String>,
    pub name: String,
    pub roles: Vec<Role>,
    pub purchaser: Option<PurchaserId>,
    pub provider: Option<ProviderId>,
    pub client: Option<ClientId>,
}

pub async fn insert(conn: &impl ConnectionTrait, new: NewUser) -> AppResult<user::Model> {
    let roles = serde_json::to_value(&new.roles).map_err(AppError::internal)?;
    user::ActiveModel {
        id: Set(UserId::new()),
        email: Set(new.email.map(|e| e.as_str().to_owned())),
        password_hash: Set(new.password_hash),
        name: Set(new.name),
        roles: Set(roles),
        purchaser_id: Set(new.purchaser),
        provider_id: Set(new.provider),
        client_id: Set(new.client),
        locale: Set("fi".into()),
        locale_chosen: Set(false),
        created_at: Set(Utc::now()),
        personal_id_cipher: Set(None),
        personal_id_hash: Set(None),
        personal_id_masked: Set(None),
        deactivated_at: Set(None),
    }
    .insert(conn)
    .await
    .map_err(|e| AppError::from_unique(e, "email", "is already in use"))
}

pub async fn find_by_email(
    conn: &impl ConnectionTrait,
    email: &str,
) -> AppResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .one(conn)
        .await?)
}
