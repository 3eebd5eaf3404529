//! Accounts: sessions, sign-in with a password, and the life of an account (deactivate,
//! reactivate, change or reset a password). Handlers for the API and the portal both call
//! these; none of the rules live in a handler.
pub mod api_keys;
pub mod language;
pub mod lifecycle;
pub mod links;
pub mod sessions;
pub mod sign_in;

// The limits on sign-in and anonymous requests sit below the app state, which holds them.
pub use crate::throttle;

/// Deletes what can no longer be used: expired sessions and links, sign-in failures past
/// the throttling window, OpenID Connect sign-ins never finished.
pub async fn housekeeping(db: &crate::db::Db) -> crate::error::AppResult<()> {
    let conn = &db.conn;
    sessions::prune(conn).await?;
    links::prune(conn).await?;
    throttle::prune(conn).await?;
    Ok(())
}
pub mod directory;
