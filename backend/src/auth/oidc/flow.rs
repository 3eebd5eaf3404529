//! One sign-in under way: the authorization request, and the callback that ends it. The
//! flow's row is keyed by the hash of its `state`, and the callback deletes it as it reads
//! it, so a replayed or forged callback finds nothing.
use chrono::{Duration, Utc};
use openidconnect::{
    AuthenticationFlow, AuthorizationCode, CsrfToken, Nonce, PkceCodeChallenge, Scope,
    core::CoreResponseType,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{Oidc, OidcError};
use crate::{auth::token, db::entities::oidc_flow, domain::PersonalId};

/// How long a person has at the provider before the flow is forgotten.
const FLOW_LIFETIME_MINUTES: i64 = 10;

/// A person the provider vouched for, and where they were going.
pub struct Proven {
    pub personal_id: PersonalId,
    pub next: String,
}

impl Oidc {
    /// Starts a flow and answers the provider's URL to send the browser to. `next` must
    /// already be a safe local path (or empty).
    pub async fn start(
        &self,
        conn: &impl ConnectionTrait,
        next: &str,
    ) -> Result<String, OidcError> {
        let client = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let scopes = self
            .config
            .scopes
            .iter()
            // The crate asks for `openid` itself.
            .filter(|s| s.as_str() != "openid")
            .map(|s| Scope::new(s.clone()));
        let (url, state, nonce) = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scopes(scopes)
            .set_pkce_challenge(challenge)
            .url();
        let now = Utc::now();
        // Flows abandoned at the provider are swept as new ones start.
        oidc_flow::Entity::delete_many()
            .filter(oidc_flow::Column::ExpiresAt.lt(now))
            .exec(conn)
            .await?;
        oidc_flow::ActiveModel {
            state_hash: Set(token::hash(state.secret())),
            nonce: Set(nonce.secret().clone()),
            pkce_verifier: Set(verifier.secret().clone()),
            next_path: Set(next.to_owned()),
            expires_at: Set(now + Duration::minutes(FLOW_LIFETIME_MINUTES)),
            created_at: Set(now),
        }
        .insert(conn)
        .await?;
        Ok(url.to_string())
    }

    /// Ends the flow `state` names (whatever happens next, it cannot be used again).
    pub async fn abandon(&self, conn: &impl ConnectionTrait, state: &str) -> Result<(), OidcError> {
        oidc_flow::Entity::delete_by_id(token::hash(state))
            .exec(conn)
            .await?;
        Ok(())
    }

    /// Completes the flow: the code for tokens, the ID token checked, the identity code read.
    pub async fn finish(
        &self,
        conn: &impl ConnectionTrait,
        state: &str,
        code: &str,
    ) -> Result<Proven, OidcError> {
        let flow = oidc_flow::Entity::delete_by_id(token::hash(state))
            .exec_with_returning(conn)
            .await?
            .ok_or(OidcError::Rejected("no such sign-in under way"))?;
        if flow.expires_at < Utc::now() {
            return Err(OidcError::Rejected("the sign-in expired"));
        }
        let personal_id = self
            .identify(
                AuthorizationCode::new(code.to_owned()),
                flow.pkce_verifier,
                Nonce::new(flow.nonce),
            )
            .await?;
        Ok(Proven {
            personal_id,
            next: flow.next_path,
        })
    }
}
