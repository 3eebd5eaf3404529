//! Where composed messages go: an SMTP server (production) or a local folder of `.eml` files
//! (the default, for development and tests). The outbox worker only sees `send` and whether a
//! failure is worth retrying.
use std::{path::Path, time::Duration};

use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::{ConfigError, SendError, folder::FolderTransport};

/// Long enough for a slow relay, short enough that a hung server cannot hold the worker.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

pub enum Transport {
    Smtp(SmtpTransport),
    Folder(FolderTransport),
}

pub struct SmtpTransport {
    inner: AsyncSmtpTransport<Tokio1Executor>,
    /// The address without credentials, for logs and the status page.
    described: String,
}

impl Transport {
    /// `smtp_url` set: SMTP (`smtp://user:pass@host:587?tls=required` for STARTTLS,
    /// `smtps://host:465` for implicit TLS, `smtp://127.0.0.1:2525` in plain text for tests).
    /// Not set: one `<id>.eml` per message in `folder`, created if missing.
    pub fn from_config(smtp_url: Option<&str>, folder: &Path) -> Result<Transport, ConfigError> {
        match smtp_url.map(str::trim).filter(|url| !url.is_empty()) {
            Some(raw) => SmtpTransport::from_url(raw).map(Transport::Smtp),
            None => FolderTransport::new(folder).map(Transport::Folder),
        }
    }

    pub async fn send(&self, message: &Message) -> Result<(), SendError> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await,
            Transport::Folder(folder) => folder.send(message).await,
        }
    }

    /// "SMTP smtp://host:587" (never the password) or "folder ./data/outbox".
    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(smtp) => format!("SMTP {}", smtp.described),
            Transport::Folder(folder) => format!("folder {}", folder.path().display()),
        }
    }
}

impl SmtpTransport {
    fn from_url(raw: &str) -> Result<SmtpTransport, ConfigError> {
        let error = |reason: String| ConfigError::SmtpUrl { reason };
        // Checked here first so the error says what is wrong without echoing a password.
        let url = url::Url::parse(raw).map_err(|e| error(e.to_string()))?;
        let default_port = match (url.scheme(), tls_mode(&url).as_deref()) {
            ("smtps", _) => 465,
            ("smtp", None) => 25,
            ("smtp", Some("required" | "opportunistic")) => 587,
            ("smtp", Some(other)) => {
                return Err(error(format!(
                    "tls={other} is not one of required, opportunistic"
                )));
            }
            (scheme, _) => {
                return Err(error(format!(
                    "the scheme {scheme}:// is not smtp or smtps"
                )));
            }
        };
        let host = url
            .host_str()
            .filter(|host| !host.is_empty())
            .ok_or_else(|| error("it has no host".to_owned()))?;
        // A password never crosses the network in the clear: `smtp://user:pass@host:587`
        // means STARTTLS (required) unless the URL says otherwise. Without credentials
        // (a relay on the same host, the tests' server on loopback) plain SMTP stays plain.
        let secured;
        let raw =
            if url.scheme() == "smtp" && tls_mode(&url).is_none() && !url.username().is_empty() {
                let mut with_tls = url.clone();
                with_tls.query_pairs_mut().append_pair("tls", "required");
                secured = with_tls.to_string();
                secured.as_str()
            } else {
                raw
            };
        let url = url::Url::parse(raw).map_err(|e| error(e.to_string()))?;
        let inner = AsyncSmtpTransport::<Tokio1Executor>::from_url(raw)
            .map_err(|e| error(e.to_string()))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let port = url
            .port()
            .unwrap_or(match (url.scheme(), tls_mode(&url).as_deref()) {
                ("smtp", Some(_)) => 587,
                _ => default_port,
            });
        let tls = tls_mode(&url)
            .map(|mode| format!("?tls={mode}"))
            .unwrap_or_default();
        Ok(SmtpTransport {
            inner,
            described: format!("{}://{host}:{port}{tls}", url.scheme()),
        })
    }

    async fn send(&self, message: &Message) -> Result<(), SendError> {
        self.inner
            .send_raw(message.envelope(), &message.formatted())
            .await
            .map(|_| ())
            .map_err(|error| {
                // Only a 5xx reply is final; everything else (4xx, refused or reset connections,
                // timeouts, TLS trouble) may well work on the next try.
                if error.is_permanent() {
                    SendError::Permanent(error.to_string())
                } else {
                    SendError::Temporary(error.to_string())
                }
            })
    }
}

fn tls_mode(url: &url::Url) -> Option<String> {
    url.query_pairs()
        .find(|(key, _)| key == "tls")
        .map(|(_, value)| value.into_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn describe(url: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        Transport::from_config(Some(url), dir.path())
            .unwrap()
            .describe()
    }

    #[tokio::test]
    async fn describe_never_shows_the_password() {
        assert_eq!(
            describe("smtp://mailer:s3cret@mail.example.fi:587?tls=required"),
            "SMTP smtp://mail.example.fi:587?tls=required"
        );
        assert_eq!(
            describe("smtps://u:p@mail.example.fi"),
            "SMTP smtps://mail.example.fi:465"
        );
        assert_eq!(
            describe("smtp://127.0.0.1:2525"),
            "SMTP smtp://127.0.0.1:2525"
        );
        // Credentials without a TLS mode: STARTTLS is required, never plain text.
        assert_eq!(
            describe("smtp://mailer:s3cret@mail.example.fi:587"),
            "SMTP smtp://mail.example.fi:587?tls=required"
        );
    }

    #[tokio::test]
    async fn a_bad_smtp_url_names_the_setting() {
        let dir = tempfile::tempdir().unwrap();
        for bad in [
            "mail.example.fi:587",
            "http://mail.example.fi",
            "smtp://mail.example.fi?tls=maybe",
            "smtp://",
        ] {
            let error = Transport::from_config(Some(bad), dir.path())
                .err()
                .unwrap_or_else(|| panic!("{bad} was accepted"));
            assert!(error.to_string().contains("SMTP_URL"), "{error}");
        }
    }

    #[tokio::test]
    async fn no_smtp_url_means_the_folder_which_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("outbox").join("nested");
        for url in [None, Some("  ")] {
            let transport = Transport::from_config(url, &folder).unwrap();
            assert!(matches!(transport, Transport::Folder(_)));
            assert!(transport.describe().starts_with("folder "));
        }
        assert!(folder.is_dir());
    }
}
