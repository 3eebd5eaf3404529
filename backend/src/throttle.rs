//! Sign-in that resists guessing and flooding.
//!
//! - Per email: after [`MAX_FAILURES`] failed sign-ins within [`WINDOW`] minutes, sign-in
//!   for that email answers 429 until the oldest of them leaves the window. Failures are
//!   kept in the database (by a keyed hash of the email typed), so the limit holds across
//!   instances and restarts, and it is the same for a known and an unknown email: the
//!   answer never tells whether an account exists.
//! - Per address: anonymous requests that cost something (a sign-in, a password-reset
//!   email, a review report, a provider sign-up, a counted search miss) each have a rate per
//!   client address, kept in memory by `governor` (each instance limits what reaches it).
use std::{net::IpAddr, num::NonZeroU32, time::Duration as StdDuration};

use chrono::{Duration, Utc};
use governor::{
    DefaultKeyedRateLimiter, Quota, RateLimiter,
    clock::{Clock, DefaultClock},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::{
    db::entities::sign_in_failure,
    domain::ids::SignInFailureId,
    error::{AppError, AppResult},
    vault::Vault,
};

pub const MAX_FAILURES: u64 = 5;
/// Minutes a failed sign-in counts against its email.
pub const WINDOW: i64 = 15;

fn email_key(vault: &Vault, email: &str) -> String {
    vault.sign("sign-in-email", &email.trim().to_lowercase())
}

fn too_many_attempts(wait: StdDuration) -> AppError {
    AppError::too_many(
        "too_many_attempts",
        "too many sign-in attempts; wait a while and try again",
    )
    .retry_after(wait)
}

/// Refuses before any password is checked when the email has failed too often lately.
pub async fn check_email(conn: &impl ConnectionTrait, vault: &Vault, email: &str) -> AppResult<()> {
    let since = Utc::now() - Duration::minutes(WINDOW);
    let recent = sign_in_failure::Entity::find()
        .filter(sign_in_failure::Column::EmailKey.eq(email_key(vault, email)))
        .filter(sign_in_failure::Column::At.gt(since))
        .order_by_desc(sign_in_failure::Column::At)
        .limit(MAX_FAILURES)
        .all(conn)
        .await?;
    if (recent.len() as u64) < MAX_FAILURES {
        return Ok(());
    }
    // The oldest of the last five leaves the window first; then one more try is allowed.
    let oldest = recent.last().map_or_else(Utc::now, |f| f.at);
    let wait = (oldest + Duration::minutes(WINDOW) - Utc::now())
        .to_std()
        .unwrap_or(StdDuration::from_secs(1));
    Err(too_many_attempts(wait))
}

pub async fn record_failure(
    conn: &impl ConnectionTrait,
    vault: &Vault,
    email: &str,
) -> AppResult<()> {
    sign_in_failure::ActiveModel {
        id: Set(SignInFailureId(uuid::Uuid::now_v7())),
        email_key: Set(email_key(vault, email)),
        at: Set(Utc::now()),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A successful sign-in forgives the email's earlier failures.
pub async fn clear(conn: &impl ConnectionTrait, vault: &Vault, email: &str) -> AppResult<()> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::EmailKey.eq(email_key(vault, email)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Forgets failures older than the window (the worker calls this now and then).
pub async fn prune(conn: &impl ConnectionTrait) -> AppResult<u64> {
    let before = Utc::now() - Duration::minutes(WINDOW);
    Ok(sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::At.lt(before))
        .exec(conn)
        .await?
        .rows_affected)
}

/// The kinds of anonymous request limited per address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anonymous {
    SignIn,
    PasswordReset,
    ReviewReport,
    ProviderSignUp,
    SearchMiss,
}

/// Requests per minute per address, by kind; sign-in's is configurable
/// (`VALINTA_SIGN_IN_PER_MINUTE`) for a site where many people share one address.
#[derive(Clone, Copy, Debug)]
pub struct Rates {
    pub sign_in_per_minute: u32,
}

impl Default for Rates {
    fn default() -> Self {
        Rates {
            sign_in_per_minute: 30,
        }
    }
}

/// One keyed rate limiter per kind of anonymous request.
pub struct PerAddress {
    sign_in: DefaultKeyedRateLimiter<IpAddr>,
    password_reset: DefaultKeyedRateLimiter<IpAddr>,
    review_report: DefaultKeyedRateLimiter<IpAddr>,
    provider_sign_up: DefaultKeyedRateLimiter<IpAddr>,
    search_miss: DefaultKeyedRateLimiter<IpAddr>,
}

fn per_minute(n: u32) -> DefaultKeyedRateLimiter<IpAddr> {
    let n = NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN);
    RateLimiter::keyed(Quota::per_minute(n))
}

impl PerAddress {
    pub fn new(rates: Rates) -> Self {
        PerAddress {
            sign_in: per_minute(rates.sign_in_per_minute),
            password_reset: per_minute(5),
            review_report: per_minute(10),
            provider_sign_up: per_minute(10),
            search_miss: per_minute(30),
        }
    }

    fn limiter(&self, kind: Anonymous) -> &DefaultKeyedRateLimiter<IpAddr> {
        match kind {
            Anonymous::SignIn => &self.sign_in,
            Anonymous::PasswordReset => &self.password_reset,
            Anonymous::ReviewReport => &self.review_report,
            Anonymous::ProviderSignUp => &self.provider_sign_up,
            Anonymous::SearchMiss => &self.search_miss,
        }
    }

    /// How long the address must wait before another request of this kind, if it must.
    pub fn wait(&self, kind: Anonymous, address: IpAddr) -> Option<StdDuration> {
        self.limiter(kind)
            .check_key(&address)
            .err()
            .map(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    /// Refuses with 429 and `Retry-After` when the address is over its rate.
    pub fn check(&self, kind: Anonymous, address: IpAddr) -> AppResult<()> {
        match self.wait(kind, address) {
            None => Ok(()),
            Some(wait) if kind == Anonymous::SignIn => Err(too_many_attempts(wait)),
            Some(wait) => Err(AppError::too_many(
                "too_many_requests",
                "too many requests from this address; wait a while and try again",
            )
            .retry_after(wait)),
        }
    }

    /// Forgets addresses that are back under their rate (keeps memory bounded).
    pub fn prune(&self) {
        for kind in [
            Anonymous::SignIn,
            Anonymous::PasswordReset,
            Anonymous::ReviewReport,
            Anonymous::ProviderSignUp,
            Anonymous::SearchMiss,
        ] {
            self.limiter(kind).retain_recent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_over_its_rate_waits_and_another_address_does_not() {
        let limits = PerAddress::new(Rates {
            sign_in_per_minute: 3,
        });
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        for _ in 0..3 {
            assert!(limits.check(Anonymous::SignIn, a).is_ok());
        }
        let refused = limits.check(Anonymous::SignIn, a).err();
        assert_eq!(refused.as_ref().map(|e| e.code), Some("too_many_attempts"));
        assert!(refused.and_then(|e| e.retry_after).is_some_and(|s| s >= 1));
        assert!(limits.check(Anonymous::SignIn, b).is_ok());
        // Kinds are counted apart.
        assert!(limits.check(Anonymous::ReviewReport, a).is_ok());
    }
}
