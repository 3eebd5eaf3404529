//! Secrets in the configuration (`VALINTA_SECRET_KEY`, `SMTP_URL`, `MEILISEARCH_KEY`, the
//! admin password, `DATABASE_URL`): a wrapper whose `Debug` never shows the value, so a
//! `{:?}` of the config or the state in a log or a panic cannot leak one.
use std::{fmt, ops::Deref};

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value, for the one place that needs it (connecting, deriving keys).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Read through to the text so the settings' checks and `Option::as_deref` work as on a
/// `String`; only `Debug` (and the absence of `Display`) differ.
impl Deref for Secret {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(\"[redacted]\")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("hunter2-hunter2-hunter2-hunter2-x");
        let shown = format!("{secret:?} {:?} {:#?}", Some(&secret), vec![secret.clone()]);
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(secret.expose(), "hunter2-hunter2-hunter2-hunter2-x");
        assert_eq!(
            Some(secret).as_deref(),
            Some("hunter2-hunter2-hunter2-hunter2-x")
        );
    }
}
