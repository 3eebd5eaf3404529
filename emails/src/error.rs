//! The crate's errors, each saying what is wrong in words an operator can act on.
use crate::Lang;

/// A setting that cannot be used; the message names the setting.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "SMTP_URL is not a usable SMTP address ({reason}); expected e.g. smtp://user:password@host:587?tls=required or smtps://host:465"
    )]
    SmtpUrl { reason: String },
    #[error("the email outbox folder {folder} cannot be created: {reason}")]
    Folder { folder: String, reason: String },
    #[error("the portal address {url:?} is not an http(s) URL: {reason}")]
    PortalUrl { url: String, reason: String },
}

/// A message that cannot be built; the message names the part that is wrong.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("the sender address {address:?} is not a valid email address: {reason}")]
    From { address: String, reason: String },
    #[error("the recipient address {address:?} is not a valid email address: {reason}")]
    To { address: String, reason: String },
    #[error("the message cannot be built: {0}")]
    Message(String),
}

/// Why a send failed, and so whether to try again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth retrying later: 4xx replies, network trouble, timeouts, TLS trouble, disk errors.
    #[error("temporary failure: {0}")]
    Temporary(String),
    /// Retrying will not help: the server refused the message for good (5xx).
    #[error("permanent failure: {0}")]
    Permanent(String),
}

impl SendError {
    pub fn is_temporary(&self) -> bool {
        matches!(self, SendError::Temporary(_))
    }
}

/// A text that could not be produced. The tests make this impossible for the shipped texts.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RenderError {
    #[error("translation {key:?} in {lang:?} failed: {reason}")]
    Lookup {
        lang: Lang,
        key: String,
        reason: String,
    },
    #[error("email template failed: {0}")]
    Template(String),
}
