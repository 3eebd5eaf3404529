//! From an authorization code to a personal identity code: the token request (with this
//! service's credentials and the PKCE verifier), the ID token's checks, and the claim.
use openidconnect::{
    AuthorizationCode, Nonce, OAuth2TokenResponse, PkceCodeVerifier, RequestTokenError,
    SubjectIdentifier, TokenResponse, core::CoreGenderClaim,
};

use super::{
    Oidc, OidcError, assertion,
    discovery::{OidcClient, OtherClaims},
};
use crate::{config::OidcClientAuth, domain::PersonalId};

impl Oidc {
    pub(super) async fn identify(
        &self,
        code: AuthorizationCode,
        pkce_verifier: String,
        nonce: Nonce,
    ) -> Result<PersonalId, OidcError> {
        let client = self.client().await?;
        let mut request = client
            .exchange_code(code)
            .map_err(|e| OidcError::Unavailable(format!("token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier));
        if let OidcClientAuth::PrivateKey(pem) = &self.config.auth {
            let signed = assertion::sign(
                pem,
                &self.config.client_id,
                client.token_uri().map(|u| u.as_str()).unwrap_or_default(),
            )?;
            request = request
                .add_extra_param("client_assertion_type", assertion::ASSERTION_TYPE)
                .add_extra_param("client_assertion", signed);
        }
        let tokens = request
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::Request(e) => {
                    OidcError::Unavailable(format!("token request: {e}"))
                }
                RequestTokenError::ServerResponse(_) => {
                    OidcError::Rejected("the provider refused the code")
                }
                _ => OidcError::Rejected("the token response could not be read"),
            })?;
        let id_token = tokens
            .id_token()
            .ok_or(OidcError::Rejected("no ID token"))?;
        let verifier = client.id_token_verifier();
        let claims = match id_token.claims(&verifier, &nonce) {
            Ok(claims) => claims,
            Err(e) => {
                tracing::warn!(error = %e, "an ID token did not verify");
                // Perhaps the provider rotated its keys: fetch them again next time.
                self.forget().await;
                return Err(OidcError::Rejected("the ID token did not verify"));
            }
        };
        let text = match text_claim(claims.additional_claims(), &self.config.identity_claim) {
            Some(text) => text,
            None => {
                self.code_at_userinfo(&client, &tokens, claims.subject())
                    .await?
            }
        };
        PersonalId::parse(&text).map_err(|_| OidcError::Rejected("not a personal identity code"))
    }
}

impl Oidc {
    /// The identity code from the userinfo endpoint, for the person the ID token names.
    async fn code_at_userinfo(
        &self,
        client: &OidcClient,
        tokens: &impl OAuth2TokenResponse,
        subject: &SubjectIdentifier,
    ) -> Result<String, OidcError> {
        let info = client
            .user_info(tokens.access_token().clone(), Some(subject.clone()))
            .map_err(|_| OidcError::Rejected("no identity code in the ID token"))?
            .request_async::<OtherClaims, _, CoreGenderClaim>(&self.http)
            .await
            .map_err(|e| OidcError::Unavailable(format!("userinfo: {e}")))?;
        text_claim(info.additional_claims(), &self.config.identity_claim)
            .ok_or(OidcError::Rejected("no identity code from the provider"))
    }
}

fn text_claim(claims: &OtherClaims, name: &str) -> Option<String> {
    claims
        .claims
        .get(name)
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}
