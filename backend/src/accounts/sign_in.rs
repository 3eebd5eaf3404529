//! Signing in with an email and a password, for the API and the portal alike. The order
//! matters: the address's rate and the email's recent failures are checked before any
//! password is hashed, so a flood costs the server nothing but a look-up, and every refusal
//! reads the same whether or not the account exists.
use std::net::IpAddr;

use crate::{
    accounts::{
        sessions::{self, Opened},
        throttle::{self, Anonymous},
    },
    auth::password,
    db::entities::user,
    error::{AppError, AppResult},
    state::AppState,
    users,
};

pub struct SignedIn {
    pub session: Opened,
    pub user: user::Model,
}

pub async fn with_password(
    state: &AppState,
    address: IpAddr,
    email: &str,
    password: &str,
) -> AppResult<SignedIn> {
    state.limits.check(Anonymous::SignIn, address)?;
    if email.len() > 254 || password.len() > 256 {
        return Err(AppError::unauthorized());
    }
    let conn = &state.db.conn;
    throttle::check_email(conn, &state.vault, email).await?;
    let found = users::find_by_email(conn, email).await?;
    // Verify against a dummy hash for unknown emails and accounts without a password, so
    // timing does not reveal which accounts exist.
    let stored = found
        .as_ref()
        .and_then(|u| u.password_hash.as_deref())
        .unwrap_or(password::DUMMY_HASH);
    let ok = password::verify(password, stored).await;
    match found {
        // A deactivated account fails exactly like a wrong password.
        Some(user) if ok && user.deactivated_at.is_none() => {
            throttle::clear(conn, &state.vault, email).await?;
            let session = sessions::open(state, &user, None).await?;
            Ok(SignedIn { session, user })
        }
        _ => {
            throttle::record_failure(conn, &state.vault, email).await?;
            Err(AppError::unauthorized())
        }
    }
}
