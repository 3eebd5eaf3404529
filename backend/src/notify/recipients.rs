//! Who receives a notification: a provider's staff, a client and the proxies holding a
//! mandate for them, or a purchaser's staff in one role. Each in the language they chose.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use valinta_emails::Lang;

use crate::{
    db::entities::{client, mandate, user},
    domain::{
        catalogue::Role,
        ids::{ClientId, ProviderId, PurchaserId, UserId},
    },
    error::AppResult,
};

/// One person an email goes to.
#[derive(Clone, Debug)]
pub struct Addressee {
    /// None for a client who has an email address but no account.
    pub user_id: Option<UserId>,
    pub address: String,
    pub name: String,
    pub lang: Lang,
    /// Set when the addressee acts for a client: the client's name, so a proxy sees whose
    /// matter it is ("for Aino").
    pub on_behalf_of: Option<String>,
}

impl Addressee {
    /// The user's address, if they have one (someone who signs in only with strong
    /// identification may have none) and their account is open.
    pub fn of(user: user::Model, on_behalf_of: Option<String>) -> Option<Addressee> {
        if user.deactivated_at.is_some() {
            return None;
        }
        Some(Addressee {
            user_id: Some(user.id),
            lang: Lang::parse(&user.locale).unwrap_or_default(),
            address: user.email?,
            name: user.name,
            on_behalf_of,
        })
    }
}

pub async fn provider_staff(
    conn: &impl ConnectionTrait,
    provider: ProviderId,
) -> AppResult<Vec<Addressee>> {
    Ok(user::Entity::find()
        .filter(user::Column::ProviderId.eq(provider))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|u| Addressee::of(u, None))
        .collect())
}

pub async fn purchaser_staff(
    conn: &impl ConnectionTrait,
    purchaser: PurchaserId,
    role: Role,
) -> AppResult<Vec<Addressee>> {
    Ok(user::Entity::find()
        .filter(user::Column::PurchaserId.eq(purchaser))
        .all(conn)
        .await?
        .into_iter()
        .filter(|u| {
            serde_json::from_value::<Vec<Role>>(u.roles.clone())
                .map(|roles| roles.contains(&role))
                .unwrap_or(false)
        })
        .filter_map(|u| Addressee::of(u, None))
        .collect())
}

/// The client (their account, or the address the case worker recorded) and every proxy
/// whose mandate is in force.
pub async fn client_side(
    conn: &impl ConnectionTrait,
    client_id: ClientId,
) -> AppResult<Vec<Addressee>> {
    let Some(client) = client::Entity::find_by_id(client_id).one(conn).await? else {
        return Ok(Vec::new());
    };
    let mut to: Vec<Addressee> = user::Entity::find()
        .filter(user::Column::ClientId.eq(client_id))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|u| Addressee::of(u, None))
        .collect();
    if to.is_empty()
        && let Some(address) = client.email.clone().filter(|a| !a.trim().is_empty())
    {
        to.push(Addressee {
            user_id: None,
            address,
            name: client.name.clone(),
            lang: Lang::default(),
            on_behalf_of: None,
        });
    }
    let proxies: Vec<UserId> = mandate::Entity::find()
        .filter(mandate::Column::ClientId.eq(client_id))
        .filter(crate::db::entities::mandate::live())
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.proxy_user_id)
        .collect();
    if !proxies.is_empty() {
        let users = user::Entity::find()
            .filter(user::Column::Id.is_in(proxies))
            .all(conn)
            .await?;
        to.extend(
            users
                .into_iter()
                .filter_map(|u| Addressee::of(u, Some(client.name.clone()))),
        );
    }
    Ok(to)
}
