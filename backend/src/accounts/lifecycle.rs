//! The life of an account: change the password (other sessions end), ask for a reset link
//! (the same answer for any address), deactivate and reactivate (admin). Each ends access
//! from the next request on, because every request looks its session and account up again.
use std::net::IpAddr;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use valinta_emails::LinkPurpose;

use crate::{
    accounts::{
        links, sessions,
        throttle::{self, Anonymous},
    },
    audit::{self, AuditEvent},
    auth::{Actor, password},
    db::{Db, entities::user},
    domain::{EmailAddress, catalogue::Role, ids::UserId},
    error::{AppError, AppResult},
    state::AppState,
    users::{self, NewUser},
};

/// Changes the signed-in user's password; every other session of theirs ends, the one in
/// use (`current_session`) stays.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current_session: &str,
    current_password: &str,
    new_password: &str,
) -> AppResult<()> {
    if actor.api_key.is_some() {
        return Err(AppError::forbidden("an API key has no password"));
    }
    password::check_strength(new_password).map_err(|e| links::rename(e, "new_password"))?;
    let conn = &state.db.conn;
    // Guessing the current password is throttled like signing in.
    let account = user::Entity::find_by_id(actor.user_id)
        .one(conn)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    let key = account
        .email
        .clone()
        .unwrap_or_else(|| account.id.to_string());
    throttle::check_email(conn, &state.vault, &key).await?;
    let stored = account
        .password_hash
        .as_deref()
        .unwrap_or(password::DUMMY_HASH);
    if !password::verify(current_password, stored).await || account.password_hash.is_none() {
        throttle::record_failure(conn, &state.vault, &key).await?;
        return Err(AppError::invalid(
            "current_password",
            "is not your password",
        ));
    }
    let hash = password::hash(new_password).await?;
    let tx = state.db.begin_write().await?;
    let mut active = account.into_active_model();
    active.password_hash = Set(Some(hash));
    let account = active.update(&*tx).await?;
    sessions::end_all_but(&*tx, account.id, Some(current_session)).await?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "password_changed",
            subject_type: "user",
            subject_id: account.id.to_string(),
            client: None,
            detail: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sends a reset link when the address belongs to an open account with an email; the
/// caller answers the same whatever happened here.
pub async fn request_reset(state: &AppState, address: IpAddr, email: &str) -> AppResult<()> {
    state.limits.check(Anonymous::PasswordReset, address)?;
    if email.len() > 254 {
        return Ok(());
    }
    let Some(account) = users::find_by_email(&state.db.conn, email).await? else {
        return Ok(());
    };
    if account.deactivated_at.is_some() {
        return Ok(());
    }
    let tx = state.db.begin_write().await?;
    links::send(&*tx, &account, LinkPurpose::ResetPassword).await?;
    tx.commit().await?;
    Ok(())
}

/// Shuts or opens an account (admin only). Shutting ends every session at once.
pub async fn set_active(
    state: &AppState,
    actor: &Actor,
    target: UserId,
    active: bool,
) -> AppResult<user::Model> {
    actor.require_admin()?;
    if target == actor.user_id && !active {
        return Err(AppError::conflict(
            "own_account",
            "an administrator cannot deactivate their own account",
        ));
    }
    let tx = state.db.begin_write().await?;
    let account = user::Entity::find_by_id(target)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    let mut model = account.into_active_model();
    model.deactivated_at = Set(if active { None } else { Some(Utc::now()) });
    let account = model.update(&*tx).await?;
    if !active {
        sessions::end_all_but(&*tx, account.id, None).await?;
    }
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: if active {
                "user_reactivated"
            } else {
                "user_deactivated"
            },
            subject_type: "user",
            subject_id: account.id.to_string(),
            client: account.client_id,
            detail: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(account)
}

/// Creates the first administrator from the environment; a no-op when it exists.
pub async fn ensure_admin(db: &Db, email: &str, password: &str) -> anyhow::Result<()> {
    if users::find_by_email(&db.conn, email)
        .await
        .map_err(|e| anyhow::anyhow!(e.message))?
        .is_some()
    {
        return Ok(());
    }
    let email = EmailAddress::parse(email)?;
    let hash = password::hash(password)
        .await
        .map_err(|e| anyhow::anyhow!(e.message))?;
    let new = NewUser {
        email: Some(email),
        password_hash: Some(hash),
        name: "Administrator".into(),
        roles: vec![Role::Admin],
        purchaser: None,
        provider: None,
        client: None,
    };
    users::insert(&db.conn, new)
        .await
        .map_err(|e| anyhow::anyhow!(e.message))?;
    tracing::info!("created the first administrator");
    Ok(())
}
