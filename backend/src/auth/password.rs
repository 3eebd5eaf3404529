//! Password hashing with argon2, on a small pool of its own: one thread per core (at most
//! 8). Each hash takes 19 MiB and a core for tens of milliseconds; a burst of sign-ins
//! queues here instead of growing the process. The pool is fixed so that the memory a hash
//! frees is reused by the next one on the same thread: spread over the runtime's many
//! blocking threads, each thread's allocator arena kept its own 19 MiB and a burst of 200
//! sign-ins grew the server past 500 MB.
use std::sync::OnceLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng},
};
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error::{AppError, AppResult};

fn hashing_pool() -> Option<&'static ThreadPool> {
    static POOL: OnceLock<Option<ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        ThreadPoolBuilder::new()
            .num_threads(cores.clamp(1, 8))
            .thread_name(|i| format!("argon2-{i}"))
            .build()
            .map_err(|e| tracing::error!("cannot start the password-hashing threads: {e}"))
            .ok()
    })
    .as_ref()
}

/// Runs `work` on the hashing pool and waits for it without blocking the async threads.
async fn on_pool<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    let pool = hashing_pool().ok_or_else(|| AppError::internal("no password-hashing threads"))?;
    let (done, answer) = tokio::sync::oneshot::channel();
    pool.spawn(move || {
        let _ = done.send(work());
    });
    answer.await.map_err(AppError::internal)
}

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

pub async fn hash(password: &str) -> AppResult<String> {
    let password = password.to_owned();
    on_pool(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::internal(format!("argon2: {e}")))
    })
    .await?
}

pub async fn verify(password: &str, stored: &str) -> bool {
    let (password, stored) = (password.to_owned(), stored.to_owned());
    on_pool(move || {
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
