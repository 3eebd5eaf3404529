//! Single-use links sent by email: a new account's "choose your password" (valid a week)
//! and "forgot my password" (valid 30 minutes). The token is in the email only; the
//! database keeps its hash. Using a link sets the password, marks the link used and ends
//! every session of the account, so whoever held the old password is out.
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, Set,
};
use valinta_emails::LinkPurpose;

use crate::{
    accounts::sessions,
    audit::{self, AuditEvent},
    auth::{password, token},
    db::{
        Db,
        entities::{account_link, user},
    },
    error::{AppError, AppResult},
    notify,
};

/// A reset link lives half an hour: long enough to open the email, short enough that an
/// old email in a shared mailbox is no key.
pub const RESET_MINUTES: u32 = 30;
/// A new account's link lives a week: the person may not read email every day.
pub const SET_MINUTES: u32 = 7 * 24 * 60;

fn minutes(purpose: LinkPurpose) -> u32 {
    match purpose {
        LinkPurpose::SetPassword => SET_MINUTES,
        LinkPurpose::ResetPassword => RESET_MINUTES,
    }
}

/// Makes a link for the user and queues its email, in the caller's transaction.
pub async fn send(
    conn: &impl ConnectionTrait,
    to: &user::Model,
    purpose: LinkPurpose,
) -> AppResult<()> {
    if to.email.is_none() || to.deactivated_at.is_some() {
        return Ok(());
    }
    let text = token::new_token();
    let valid = minutes(purpose);
    account_link::ActiveModel {
        token_hash: Set(token::hash(&text)),
        user_id: Set(to.id),
        purpose: Set(purpose.into()),
        expires_at: Set(Utc::now() + Duration::minutes(i64::from(valid))),
        used_at: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?;
    notify::account::link(conn, to, purpose, &text, valid).await
}

/// Why a link did not set the password.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// Used, expired or unknown, or its account is closed: the person asks for a new one.
    #[error("the link is used, expired or unknown; ask for a new one")]
    Unusable,
    /// The new password was refused (naming the field), or a failure on our side.
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<DbErr> for LinkError {
    fn from(err: DbErr) -> Self {
        LinkError::App(err.into())
    }
}

impl From<LinkError> for AppError {
    fn from(err: LinkError) -> Self {
        match err {
            LinkError::Unusable => AppError::malformed(err.to_string())
                .with_code("invalid_token")
                .with_field("token", "is used, expired or unknown"),
            LinkError::App(e) => e,
        }
    }
}

/// Whether a link can still be used (for showing its form), without using it.
pub async fn is_usable(conn: &impl ConnectionTrait, presented: &str) -> AppResult<bool> {
    Ok(live(conn, presented).await?.is_some())
}

async fn live(
    conn: &impl ConnectionTrait,
    presented: &str,
) -> AppResult<Option<account_link::Model>> {
    if presented.is_empty() || presented.len() > 100 {
        return Ok(None);
    }
    Ok(account_link::Entity::find_by_id(token::hash(presented))
        .filter(account_link::Column::UsedAt.is_null())
        .filter(account_link::Column::ExpiresAt.gt(Utc::now()))
        .one(conn)
        .await?)
}

/// Sets the password through a link: once, before it expires, for an open account.
pub async fn use_link(db: &Db, presented: &str, new_password: &str) -> Result<(), LinkError> {
    password::check_strength(new_password).map_err(|e| rename(e, "new_password"))?;
    let hash = password::hash(new_password).await?;
    let tx = db.begin_write().await?;
    let link = live(&*tx, presented).await?.ok_or(LinkError::Unusable)?;
    // Marking it used only where it is still unused makes a second, simultaneous use fail.
    let marked = account_link::Entity::update_many()
        .col_expr(
            account_link::Column::UsedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(account_link::Column::TokenHash.eq(link.token_hash.clone()))
        .filter(account_link::Column::UsedAt.is_null())
        .exec(&*tx)
        .await?;
    if marked.rows_affected != 1 {
        return Err(LinkError::Unusable);
    }
    let account = user::Entity::find_by_id(link.user_id)
        .one(&*tx)
        .await?
        .filter(|u| u.deactivated_at.is_none())
        .ok_or(LinkError::Unusable)?;
    let mut active = account.into_active_model();
    active.password_hash = Set(Some(hash));
    let account = active.update(&*tx).await?;
    sessions::end_all_but(&*tx, account.id, None).await?;
    audit::record(
        &*tx,
        None,
        None,
        AuditEvent {
            action: "password_set_by_link",
            subject_type: "user",
            subject_id: account.id.to_string(),
            client: None,
            detail: Some(serde_json::json!({"purpose": link.purpose.0.as_str()})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes links that can no longer be used (the worker calls this now and then).
pub async fn prune(conn: &impl ConnectionTrait) -> AppResult<u64> {
    let day_ago = Utc::now() - Duration::days(1);
    Ok(account_link::Entity::delete_many()
        .filter(account_link::Column::ExpiresAt.lt(day_ago))
        .exec(conn)
        .await?
        .rows_affected)
}

/// A case worker never chooses anyone's password: the person gets a link to choose it.
pub fn not_set_by_staff() -> AppError {
    AppError::invalid(
        "password",
        "is not set by a case worker; the person gets an email link to choose their own",
    )
}

/// The password rules name `password`; here the field is another.
pub fn rename(mut e: AppError, to: &str) -> AppError {
    if let Some(message) = e.fields.remove("password") {
        e.fields.insert(to.to_owned(), message);
    }
    e
}
