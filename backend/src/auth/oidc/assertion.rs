//! `private_key_jwt` (RFC 7523): instead of a shared secret, this service signs a short-lived
//! JWT with its RSA key and sends it to the token endpoint.
use chrono::Utc;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Serialize;

use super::OidcError;

pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

#[derive(Serialize)]
struct Claims<'a> {
    iss: &'a str,
    sub: &'a str,
    aud: &'a str,
    jti: String,
    iat: i64,
    exp: i64,
}

/// A client assertion for one token request: RS256, issued by and about this client, for
/// the token endpoint, valid two minutes, with a fresh id.
pub fn sign(pem: &str, client_id: &str, token_endpoint: &str) -> Result<String, OidcError> {
    let key = EncodingKey::from_rsa_pem(pem.as_bytes())
        .map_err(|_| OidcError::Unavailable("the private key is not RSA PEM".into()))?;
    let now = Utc::now().timestamp();
    let claims = Claims {
        iss: client_id,
        sub: client_id,
        aud: token_endpoint,
        jti: uuid::Uuid::new_v4().to_string(),
        iat: now,
        exp: now + 120,
    };
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &key)
        .map_err(|e| OidcError::Unavailable(format!("signing the client assertion: {e}")))
}
