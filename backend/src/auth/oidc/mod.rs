//! Strong identification through an OpenID Connect provider (a bank-ID broker or
//! Suomi.fi): the authorization code flow with PKCE, `state` and `nonce`, the ID token
//! checked by the `openidconnect` crate, and the person found by their identity code.
mod assertion;
mod discovery;
mod flow;
mod identify;
pub mod people;

use std::time::Duration;

use openidconnect::{RedirectUrl, reqwest};
use tokio::sync::RwLock;

use crate::config::OidcConfig;

pub use flow::Proven;

/// Why a strong sign-in did not go through; each becomes its own page.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider could not be reached or answered nonsense: try again later (503).
    #[error("the identity provider is unavailable: {0}")]
    Unavailable(String),
    /// A callback that is not a live flow of ours, or a token that does not check out (400).
    #[error("the sign-in could not be completed: {0}")]
    Rejected(&'static str),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// The configured provider, discovered on first use and remembered for a while, so the
/// server starts (and password sign-in works) while the provider is down.
pub struct Oidc {
    config: OidcConfig,
    redirect: RedirectUrl,
    http: reqwest::Client,
    discovered: RwLock<Option<discovery::Discovered>>,
}

impl Oidc {
    /// `public_url` is the portal's address as browsers reach it; the provider sends the
    /// person back to `{public_url}/auth/oidc/callback`.
    pub fn new(config: OidcConfig, public_url: &str) -> anyhow::Result<Oidc> {
        let redirect = RedirectUrl::new(format!(
            "{}/auth/oidc/callback",
            public_url.trim_end_matches('/')
        ))?;
        let http = reqwest::Client::builder()
            // Following redirects would let a provider's answer point us anywhere (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Oidc {
            config,
            redirect,
            http,
            discovered: RwLock::new(None),
        })
    }
}
