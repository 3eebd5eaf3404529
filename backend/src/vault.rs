//! Protects identity codes: AES-256-GCM at rest, and a keyed hash (HMAC-SHA256) that finds
//! a client by code without decrypting anything. Both keys derive from one secret (HKDF).
use std::path::Path;

use aes_gcm::{
    Aes256Gcm, KeyInit, Nonce,
    aead::{Aead, AeadCore, OsRng},
};
use anyhow::Context;
use base64::{Engine, engine::general_purpose::STANDARD};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::domain::PersonalId;

pub struct Vault {
    cipher: Aes256Gcm,
    hash_key: [u8; 32],
    /// Signs browser-bound values (CSRF tokens); never used for identity codes.
    signing_key: [u8; 32],
}

impl Vault {
    pub fn from_secret(secret: &str) -> anyhow::Result<Self> {
        let hk = Hkdf::<Sha256>::new(Some(b"valinta"), secret.as_bytes());
        let mut enc_key = [0u8; 32];
        let mut hash_key = [0u8; 32];
        hk.expand(b"personal-id-encryption", &mut enc_key)
            .map_err(|_| anyhow::anyhow!("key derivation failed"))?;
        hk.expand(b"personal-id-lookup", &mut hash_key)
            .map_err(|_| anyhow::anyhow!("key derivation failed"))?;
        let mut signing_key = [0u8; 32];
        hk.expand(b"web-form-signing", &mut signing_key)
            .map_err(|_| anyhow::anyhow!("key derivation failed"))?;
        let cipher = Aes256Gcm::new_from_slice(&enc_key).context("bad encryption key")?;
        Ok(Vault {
            cipher,
            hash_key,
            signing_key,
        })
    }

    /// The configured secret, or one generated once under the data directory (SQLite only).
    pub fn open(secret: Option<&str>, data_dir: &Path) -> anyhow::Result<Self> {
        if let Some(secret) = secret {
            return Self::from_secret(secret);
        }
        let path = data_dir.join("secret.key");
        let secret = match std::fs::read_to_string(&path) {
            Ok(text) => text.trim().to_owned(),
            Err(_) => {
                std::fs::create_dir_all(data_dir)
                    .with_context(|| format!("cannot create {}", data_dir.display()))?;
                let mut bytes = [0u8; 32];
                OsRng.fill_bytes(&mut bytes);
                let secret = STANDARD.encode(bytes);
                std::fs::write(&path, &secret)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                secret
            }
        };
        Self::from_secret(&secret)
    }

    pub fn encrypt(&self, id: &PersonalId) -> anyhow::Result<String> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let ciphertext = self
            .cipher
            .encrypt(&nonce, id.expose().as_bytes())
            .map_err(|_| anyhow::anyhow!("encryption failed"))?;
        let mut out = nonce.to_vec();
        out.extend(ciphertext);
        Ok(STANDARD.encode(out))
    }

    pub fn decrypt(&self, stored: &str) -> anyhow::Result<PersonalId> {
        let bytes = STANDARD
            .decode(stored)
            .context("stored identity code is not base64")?;
        if bytes.len() < 12 {
            anyhow::bail!("stored identity code is too short");
        }
        let (nonce, ciphertext) = bytes.split_at(12);
        let plain = self
            .cipher
            .decrypt(Nonce::from_slice(nonce), ciphertext)
            .map_err(|_| anyhow::anyhow!("identity code does not decrypt with this key"))?;
        let text = String::from_utf8(plain).context("identity code is not text")?;
        PersonalId::parse(&text).map_err(|e| anyhow::anyhow!("stored identity code: {e}"))
    }

    /// The keyed hash of the code's canonical form, so every way of writing one person's
    /// code finds the same person.
    pub fn lookup_hash(&self, id: &PersonalId) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.hash_key)
            .unwrap_or_else(|_| unreachable_hmac());
        mac.update(id.canonical().as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// A keyed signature of `purpose` and `message`, as hex; the web forms' CSRF tokens.
    pub fn sign(&self, purpose: &str, message: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.signing_key)
            .unwrap_or_else(|_| unreachable_hmac());
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(message.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Checks a signature from [`Vault::sign`] in constant time.
    pub fn verify(&self, purpose: &str, message: &str, signature: &str) -> bool {
        let Ok(bytes) = (0..signature.len())
            .step_by(2)
            .map(|i| {
                signature
                    .get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or(())
            })
            .collect::<Result<Vec<u8>, ()>>()
        else {
            return false;
        };
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.signing_key)
            .unwrap_or_else(|_| unreachable_hmac());
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(message.as_bytes());
        mac.verify_slice(&bytes).is_ok()
    }
}

/// HMAC accepts keys of any length, so construction cannot fail.
fn unreachable_hmac() -> Hmac<Sha256> {
    unreachable!("HMAC-SHA256 accepts any key length")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypts_round_trip_and_hashes_deterministically() {
        let vault = Vault::from_secret("a test secret that is long enough!!")
            .unwrap_or_else(|e| panic!("{e}"));
        let id = PersonalId::parse("131052-308T").unwrap_or_else(|e| panic!("{e}"));
        let stored = vault.encrypt(&id).unwrap_or_else(|e| panic!("{e}"));
        assert!(!stored.contains("308T"));
        assert_eq!(vault.decrypt(&stored).ok(), Some(id.clone()));
        assert_eq!(vault.lookup_hash(&id), vault.lookup_hash(&id));
        let other = Vault::from_secret("another secret that is long enough!")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(vault.lookup_hash(&id), other.lookup_hash(&id));
        assert!(other.decrypt(&stored).is_err());
    }
}
