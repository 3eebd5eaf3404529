//! Password hashing with argon2, off the async threads (it is deliberately slow), and never
//! more at once than there are cores: each hash takes 19 MiB and a core for tens of
//! milliseconds, so a burst of sign-ins queues here instead of growing the process.
use std::sync::OnceLock;

use tokio::sync::Semaphore;

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng},
};

use crate::error::{AppError, AppResult};

pub const MIN_PASSWORD_CHARS: usize = 10;

pub fn check_strength(password: &str) -> AppResult<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid(
            "password",
            format!("must be at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if password.chars().count() > 256 {
        return Err(AppError::invalid(
            "password",
            "must be at most 256 characters",
        ));
    }
    Ok(())
}

/// One permit per core: more hashes at once would only share the cores and add memory.
fn hashing_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Semaphore::new(cores.clamp(1, 8))
    })
}

pub async fn hash(password: &str) -> AppResult<String> {
    let password = password.to_owned();
    let _slot = hashing_slots()
        .acquire()
        .await
        .map_err(AppError::internal)?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::internal(format!("argon2: {e}")))
    })
    .await
    .map_err(AppError::internal)?
}

pub async fn verify(password: &str, stored: &str) -> bool {
    let (password, stored) = (password.to_owned(), stored.to_owned());
    let Ok(_slot) = hashing_slots().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash that verifies nothing, so that unknown emails take as long as wrong passwords.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2c0KZz5Ch0kOVeiQBBGHvUNMo8Ptz3bpaJtnhpKgaHQ";
