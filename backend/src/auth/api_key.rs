//! API keys for a provider's sites (an office, or its ERP): `vk_<prefix>_<secret>`, shown
//! once when made and stored only as a SHA-256 hash. A key acts as its provider's staff on
//! the delivery endpoints only ([`allows`]); anything else is refused with 403. Revoking
//! works at once: every request looks the key up again. Making and revoking keys, which the
//! audit log records, is `accounts::api_keys`'.
use axum::http::Method;
use chrono::{Duration, Utc};
use rand::Rng;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::{
    db::{Db, entities::api_key},
    domain::{catalogue::Role, ids::ApiKeyId},
    error::{AppError, AppResult},
};

use super::{Actor, token};

const KEY_START: &str = "vk_";
const PREFIX_LEN: usize = 8;
/// Lower-case letters and digits without look-alikes (l, o, 0, 1): people read prefixes.
const PREFIX_CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
/// `token::new_token`: 32 random bytes, base64url without padding.
const SECRET_LEN: usize = 43;
/// `last_used_at` is written at most this often per key, not on every request of a busy ERP.
const LAST_USED_PRECISION_SECONDS: i64 = 60;

/// The endpoints a key may call: record, void and read deliveries, upload them in bulk,
/// and read the provider's commitments to find what to record them on.
const ALLOWED: &[(&str, &str)] = &[
    ("POST", "/api/v1/commitments/{id}/deliveries"),
    ("GET", "/api/v1/commitments/{id}/deliveries"),
    ("GET", "/api/v1/commitments/{id}"),
    ("GET", "/api/v1/deliveries/{id}"),
    ("POST", "/api/v1/deliveries/{id}/void"),
    ("GET", "/api/v1/providers/{id}/deliveries"),
    ("GET", "/api/v1/providers/{id}/commitments"),
    ("POST", "/api/v1/providers/{id}/deliveries/upload"),
];

/// The key an actor acts with: recorded in the audit log with every act.
#[derive(Clone, Debug)]
pub struct ApiKeyRef {
    pub id: ApiKeyId,
    pub site: String,
}

/// A new key: its text (given to the user once), the prefix shown in lists, and the hash
/// that is stored.
pub struct IssuedKey {
    pub text: String,
    pub prefix: String,
    pub hash: String,
}

pub fn issue() -> IssuedKey {
    let mut rng = rand::rngs::OsRng;
    let prefix: String = (0..PREFIX_LEN)
        .map(|_| char::from(PREFIX_CHARS[rng.gen_range(0..PREFIX_CHARS.len())]))
        .collect();
    let text = format!("{KEY_START}{prefix}_{}", token::new_token());
    IssuedKey {
        hash: token::hash(&text),
        prefix,
        text,
    }
}

/// Whether a bearer token is checked as an API key. Only the exact shape `issue` makes
/// qualifies: a sign-in token is random base64url (43 characters) and may itself begin with
/// `vk_`, but it can never have a key's 55-character shape, so it is always looked up as a
/// session and a key is never looked up as one.
pub fn is_key(token: &str) -> bool {
    well_formed(token)
}

/// Whether the text has exactly the shape `issue` makes; anything else is no key.
pub fn well_formed(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(KEY_START) else {
        return false;
    };
    let (Some(prefix), Some(secret)) = (rest.get(..PREFIX_LEN), rest.get(PREFIX_LEN..)) else {
        return false;
    };
    let Some(secret) = secret.strip_prefix('_') else {
        return false;
    };
    prefix.bytes().all(|b| PREFIX_CHARS.contains(&b))
        && secret.len() == SECRET_LEN
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether a key may call this route (`MatchedPath`, the route's template).
pub fn allows(method: &Method, route: Option<&str>) -> bool {
    route.is_some_and(|route| {
        ALLOWED
            .iter()
            .any(|(m, r)| *m == method.as_str() && *r == route)
    })
}

/// The actor a live key acts as: its provider's staff, named by its site, acting through
/// the user who made the key (whose id the ledger records as the one who acted).
pub async fn actor_for(
    db: &Db,
    text: &str,
    method: &Method,
    route: Option<&str>,
) -> AppResult<Actor> {
    if !well_formed(text) {
        return Err(AppError::unauthorized());
    }
    let key = api_key::Entity::find()
        .filter(api_key::Column::KeyHash.eq(token::hash(text)))
        .filter(api_key::Column::RevokedAt.is_null())
        .one(&db.conn)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    if !allows(method, route) {
        return Err(AppError::forbidden(
            "an API key may only record, void and read deliveries and read commitments; sign in for anything else",
        )
        .with_code("api_key_scope"));
    }
    touch(db, &key).await?;
    Ok(Actor {
        user_id: key.created_by,
        name: key.site.clone(),
        roles: vec![Role::ProviderStaff],
        purchaser_id: None,
        provider_id: Some(key.provider_id),
        client_id: None,
        locale: "fi".into(),
        locale_chosen: false,
        api_key: Some(ApiKeyRef {
            id: key.id,
            site: key.site,
        }),
        session_acting_for: None,
    })
}

/// Notes when the key was last used, to the minute (so staff see which keys are alive).
async fn touch(db: &Db, key: &api_key::Model) -> AppResult<()> {
    let now = Utc::now();
    let fresh = key
        .last_used_at
        .is_some_and(|at| now - at < Duration::seconds(LAST_USED_PRECISION_SECONDS));
    if fresh {
        return Ok(());
    }
    let tx = db.begin_write().await?;
    let mut active = key.clone().into_active_model();
    active.last_used_at = Set(Some(now));
    active.update(&*tx).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_keys_are_well_formed_and_distinct() {
        let a = issue();
        let b = issue();
        assert!(well_formed(&a.text), "{}", a.text);
        assert!(a.text.starts_with(&format!("vk_{}_", a.prefix)));
        assert_ne!(a.text, b.text);
        assert_ne!(a.hash, b.hash);
        assert!(!a.hash.contains(&a.text), "the hash is not the key");
    }

    #[test]
    fn other_shapes_are_not_keys() {
        let good = issue().text;
        for bad in [
            "",
            "vk_",
            "vk_abcdefgh",
            "vk_abcdefgh_short",
            "vk_ABCDEFGH_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            &good[..good.len() - 1],
            &format!("{good}x"),
            &good.replace("vk_", "vx_"),
        ] {
            assert!(!well_formed(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_sign_in_token_that_begins_with_vk_is_still_a_sign_in_token() {
        // 43 base64url characters, as `token::new_token` makes, that happen to start "vk_".
        let session = format!("vk_{}", &token::new_token()[3..]);
        assert_eq!(session.len(), token::new_token().len());
        assert!(!is_key(&session), "{session}");
        assert!(!is_key("vk_abcdefgh_short"));
        assert!(is_key(&issue().text));
        // However a sign-in token comes out, it is never routed to the key check.
        for _ in 0..1000 {
            assert!(!is_key(&token::new_token()));
        }
    }

    #[test]
    fn keys_reach_only_the_delivery_endpoints() {
        assert!(allows(
            &Method::POST,
            Some("/api/v1/commitments/{id}/deliveries")
        ));
        assert!(!allows(
            &Method::DELETE,
            Some("/api/v1/commitments/{id}/deliveries")
        ));
        assert!(!allows(
            &Method::POST,
            Some("/api/v1/providers/{id}/offerings")
        ));
        assert!(!allows(
            &Method::POST,
            Some("/api/v1/providers/{id}/api-keys")
        ));
        assert!(!allows(&Method::GET, None));
    }
}
