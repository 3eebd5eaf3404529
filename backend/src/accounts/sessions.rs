//! Sessions: a token handed to the person once (bearer header or the portal's cookie),
//! stored only as a hash, ending at its expiry, at sign-out, when the password changes
//! or when the account is deactivated.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    auth::token,
    db::entities::{api_token, user},
    domain::ids::{ClientId, UserId},
    error::AppResult,
    state::AppState,
};

/// A session just opened: the token is given to the person and never stored.
pub struct Opened {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Opens a session for a user whose identity was just proven (password or strong
/// identification), optionally already acting for one client (a proxy who chose).
pub async fn open(
    state: &AppState,
    user: &user::Model,
    acting_for: Option<ClientId>,
) -> AppResult<Opened> {
    let token = token::new_token();
    let expires_at = Utc::now() + Duration::hours(state.config.token_ttl_hours);
    api_token::ActiveModel {
        token_hash: Set(token::hash(&token)),
        user_id: Set(user.id),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        acting_for: Set(acting_for),
    }
    .insert(&state.db.conn)
    .await?;
    Ok(Opened { token, expires_at })
}

/// Ends one session: the token stops working at once.
pub async fn end(conn: &impl ConnectionTrait, presented: &str) -> AppResult<()> {
    api_token::Entity::delete_by_id(token::hash(presented))
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends every session of the user but the one presented (if any).
pub async fn end_all_but(
    conn: &impl ConnectionTrait,
    user: UserId,
    keep: Option<&str>,
) -> AppResult<()> {
    let mut delete = api_token::Entity::delete_many().filter(api_token::Column::UserId.eq(user));
    if let Some(keep) = keep {
        delete = delete.filter(api_token::Column::TokenHash.ne(token::hash(keep)));
    }
    delete.exec(conn).await?;
    Ok(())
}

/// Remembers for whom a proxy acts in this session.
pub async fn set_acting_for(
    conn: &impl ConnectionTrait,
    presented: &str,
    client: Option<ClientId>,
) -> AppResult<()> {
    api_token::Entity::update_many()
        .col_expr(
            api_token::Column::ActingFor,
            sea_orm::sea_query::Expr::value(client),
        )
        .filter(api_token::Column::TokenHash.eq(token::hash(presented)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Deletes expired sessions (they already answer 401; this keeps the table small).
pub async fn prune(conn: &impl ConnectionTrait) -> AppResult<u64> {
    Ok(api_token::Entity::delete_many()
        .filter(api_token::Column::ExpiresAt.lt(Utc::now()))
        .exec(conn)
        .await?
        .rows_affected)
}
