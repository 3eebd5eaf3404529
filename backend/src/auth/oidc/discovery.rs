//! The provider's metadata and keys, fetched lazily and kept for an hour; forgotten at once
//! when an ID token does not verify, so rotated keys are picked up on the next try.
use std::{collections::HashMap, time::Instant};

use openidconnect::{
    AdditionalClaims, Client, ClientId, ClientSecret, EmptyExtraTokenFields, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IdTokenFields, IssuerUrl, StandardErrorResponse,
    StandardTokenResponse,
    core::{
        CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
        CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreProviderMetadata,
        CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse,
        CoreTokenType,
    },
};
use serde::{Deserialize, Serialize};

use super::{Oidc, OidcError};
use crate::config::OidcClientAuth;

const KEEP_FOR: std::time::Duration = std::time::Duration::from_secs(3600);

/// Every claim beyond the standard ones, by name: the identity code is one of them.
#[derive(Clone, Default, Deserialize, Serialize)]
pub struct OtherClaims {
    #[serde(flatten)]
    pub claims: HashMap<String, serde_json::Value>,
}

/// Claim values are personal data: only their names reach a log.
impl std::fmt::Debug for OtherClaims {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.claims.keys()).finish()
    }
}

impl AdditionalClaims for OtherClaims {}

type Fields = IdTokenFields<
    OtherClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// The crate's core client, reading extra claims into [`OtherClaims`].
pub type OidcClient = Client<
    OtherClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    StandardTokenResponse<Fields, CoreTokenType>,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

pub struct Discovered {
    metadata: CoreProviderMetadata,
    at: Instant,
}

impl Oidc {
    async fn metadata(&self) -> Result<CoreProviderMetadata, OidcError> {
        if let Some(found) = self.discovered.read().await.as_ref()
            && found.at.elapsed() < KEEP_FOR
        {
            return Ok(found.metadata.clone());
        }
        let issuer = IssuerUrl::new(self.config.issuer.clone())
            .map_err(|e| OidcError::Unavailable(format!("issuer URL: {e}")))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Unavailable(format!("discovery: {e}")))?;
        *self.discovered.write().await = Some(Discovered {
            metadata: metadata.clone(),
            at: Instant::now(),
        });
        Ok(metadata)
    }

    /// Drops the remembered metadata, so the next sign-in fetches it (and the keys) anew.
    pub(super) async fn forget(&self) {
        *self.discovered.write().await = None;
    }

    /// A client for the provider as discovered, with this service's credentials.
    pub(super) async fn client(&self) -> Result<OidcClient, OidcError> {
        let metadata = self.metadata().await?;
        let secret = match &self.config.auth {
            OidcClientAuth::Secret(secret) => Some(ClientSecret::new(secret.clone())),
            OidcClientAuth::PrivateKey(_) => None,
        };
        Ok(OidcClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            secret,
        )
        .set_redirect_uri(self.redirect.clone()))
    }
}
