//! Who a strongly identified person may sign in as: the client accounts registered with
//! their identity code (a client without an account gets one now: it is theirs, not a new
//! person) and proxies known by that code. Deactivated accounts are left out.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    db::entities::{client, user},
    domain::{PersonalId, catalogue::Role},
    error::AppResult,
    users::{self, NewUser},
    vault::Vault,
};

/// One account a person may sign in as.
pub struct Match {
    pub user: user::Model,
    /// Signing in as the client themselves (else as a proxy).
    pub as_client: bool,
}

pub async fn accounts_of(
    conn: &impl ConnectionTrait,
    vault: &Vault,
    id: &PersonalId,
) -> AppResult<Vec<Match>> {
    let hash = vault.lookup_hash(id);
    let mut found = Vec::new();
    let clients = client::Entity::find()
        .filter(client::Column::PersonalIdHash.eq(hash.as_str()))
        .order_by_asc(client::Column::CreatedAt)
        .all(conn)
        .await?;
    for registered in clients {
        let existing = user::Entity::find()
            .filter(user::Column::ClientId.eq(registered.id))
            .order_by_asc(user::Column::CreatedAt)
            .one(conn)
            .await?;
        let account = match existing {
            Some(account) => account,
            None => {
                users::insert(
                    conn,
                    NewUser {
                        email: None,
                        password_hash: None,
                        name: registered.name.clone(),
                        roles: vec![Role::Client],
                        purchaser: None,
                        provider: None,
                        client: Some(registered.id),
                    },
                )
                .await?
            }
        };
        found.push(Match {
            user: account,
            as_client: true,
        });
    }
    let proxies = user::Entity::find()
        .filter(user::Column::PersonalIdHash.eq(hash.as_str()))
        .order_by_asc(user::Column::CreatedAt)
        .all(conn)
        .await?;
    for proxy in proxies {
        if !found.iter().any(|m| m.user.id == proxy.id) {
            found.push(Match {
                user: proxy,
                as_client: false,
            });
        }
    }
    found.retain(|m| m.user.deactivated_at.is_none());
    Ok(found)
}
