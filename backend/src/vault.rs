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
            Ok(text) => {
                warn_if_readable_by_others(&path);
                text.trim().to_owned()
            }
            Err(_) => {
                std::fs::create_dir_all(data_dir)
                    .with_context(|| format!("cannot create {}", data_dir.display()))?;
                let mut bytes = [0u8; 32];
                OsRng.fill_bytes(&mut bytes);
                let secret = STANDARD.encode(bytes);
                write_private(&path, &secret)
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

    /// A client's stable pseudonym on invoices: a keyed hash, so lines group by client
    /// without an identity leaving the system.
    pub fn client_pseudonym(&self, client: uuid::Uuid) -> String {
        let hash = self.sign("client-pseudonym", &client.to_string());
        format!("A-{}", hash[..8].to_uppercase())
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

/// Only the owner may read the key file. The mode is given when the file is created, so
/// there is no moment in which it exists readable by others (as a chmod afterwards would
/// leave); `create_new` refuses to write through a file or link someone put there first.
fn write_private(path: &Path, secret: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(secret.as_bytes())?;
    file.sync_all()
}

/// Whether a key file's permissions let anyone but its owner read or change it.
#[cfg(unix)]
fn open_to_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn open_to_others(_path: &Path) -> bool {
    false
}

/// An existing key file others can read is left as it is (changing it could lock out the
/// service account that shares it) but said at every start, until someone fixes it.
fn warn_if_readable_by_others(path: &Path) -> bool {
    let open = open_to_others(path);
    if open {
        tracing::warn!(
            path = %path.display(),
            "the secret key file is readable by other users; run `chmod 600` on it"
        );
    }
    open
}

/// The keys stay out of every `{:?}` (of the state, say).
impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault { keys: [redacted] }")
    }
}

/// HMAC accepts keys of any length, so construction cannot fail.
fn unreachable_hmac() -> Hmac<Sha256> {
    unreachable!("HMAC-SHA256 accepts any key length")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod file_tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_generated_key_file_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(None, dir.path()).unwrap();
        let path = dir.path().join("secret.key");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
        assert!(!warn_if_readable_by_others(&path));
        // Opening again reads the same key.
        let again = Vault::open(None, dir.path()).unwrap();
        assert_eq!(vault.sign("t", "m"), again.sign("t", "m"));
    }

    #[cfg(unix)]
    #[test]
    fn a_key_file_others_can_read_is_noticed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.key");
        std::fs::write(&path, "an-existing-secret-of-32-characters-or-more").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(warn_if_readable_by_others(&path));
        Vault::open(None, dir.path()).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(!warn_if_readable_by_others(&path));
    }

    #[test]
    fn debug_shows_no_key() {
        let vault = Vault::from_secret("0123456789abcdef0123456789abcdef").unwrap();
        let shown = format!("{vault:?}");
        assert_eq!(shown, "Vault { keys: [redacted] }");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
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
