//! Every setting, from flags and the environment, parsed and validated once at start.
use std::{net::SocketAddr, path::PathBuf};

use anyhow::{Context, bail};
use clap::Args;

use crate::secret::Secret;

/// Settings shared by every command that touches the database.
#[derive(Args, Clone, Debug)]
pub struct DbArgs {
    /// Folder for the embedded SQLite database, the secret key and local files.
    #[arg(long, env = "VALINTA_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// PostgreSQL in production (`postgres://user:pass@host/db`); SQLite under the data directory when unset.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<Secret>,
    /// Key for encrypting identity codes and hashing them for look-up: 32+ characters.
    /// Required with PostgreSQL (every instance must share it); generated under the data directory otherwise.
    #[arg(long, env = "VALINTA_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<Secret>,
}

/// Which search engine: Meilisearch when `MEILISEARCH_URL` is set, else the embedded index.
#[derive(Args, Clone, Debug)]
pub struct SearchArgs {
    /// Meilisearch in production (`http://meili:7700`); the embedded index when unset.
    #[arg(long, env = "MEILISEARCH_URL")]
    pub meilisearch_url: Option<String>,
    /// Meilisearch API key (a key allowed to manage the index).
    #[arg(long, env = "MEILISEARCH_KEY", hide_env_values = true)]
    pub meilisearch_key: Option<Secret>,
    /// Name of the Meilisearch index.
    #[arg(long, env = "MEILISEARCH_INDEX", default_value = "offerings")]
    pub meilisearch_index: String,
}

/// Where emails go and how the sender behaves.
#[derive(Args, Clone, Debug)]
pub struct EmailArgs {
    /// SMTP server, e.g. `smtp://user:pass@host:587?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host:465`; without it emails are written to the outbox folder.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<Secret>,
    /// The sender of every email.
    #[arg(
        long,
        env = "VALINTA_MAIL_FROM",
        default_value = "Valinta <noreply@valinta.invalid>"
    )]
    pub mail_from: String,
    /// The portal's address as people reach it, for the links in emails (default: the
    /// address the server listens on).
    #[arg(long, env = "VALINTA_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// The local outbox folder (default: `outbox` under the data directory).
    #[arg(long, env = "VALINTA_OUTBOX_DIR")]
    pub outbox_dir: Option<PathBuf>,
    /// First retry delay after a temporary failure, in milliseconds (doubling each time).
    #[arg(
        long,
        env = "VALINTA_EMAIL_RETRY_MS",
        default_value = "30000",
        hide = true
    )]
    pub email_retry_ms: u64,
    /// Attempts before a temporarily failing email is marked failed.
    #[arg(
        long,
        env = "VALINTA_EMAIL_MAX_ATTEMPTS",
        default_value = "10",
        hide = true
    )]
    pub email_max_attempts: i32,
    /// How long a claimed email is reserved for the instance sending it, in seconds.
    #[arg(
        long,
        env = "VALINTA_EMAIL_LEASE_SECS",
        default_value = "300",
        hide = true
    )]
    pub email_lease_secs: u64,
    /// A balance under this percentage of the grant gets the "balance is running low"
    /// reminder.
    #[arg(long, env = "VALINTA_LOW_BALANCE_PERCENT", default_value = "20")]
    pub low_balance_percent: i64,
    /// How many days sent emails are kept in the outbox table before they are deleted.
    #[arg(long, env = "VALINTA_EMAIL_KEEP_DAYS", default_value = "90")]
    pub email_keep_days: i64,
    /// How often the scheduled reminders are looked for, in seconds.
    #[arg(
        long,
        env = "VALINTA_REMINDER_EVERY_SECS",
        default_value = "300",
        hide = true
    )]
    pub reminder_every_secs: u64,
    /// Test-only fault hook: exit right after an email is sent, before it is recorded.
    #[arg(long, env = "VALINTA_FAULT_CRASH_AFTER_SEND", hide = true)]
    pub fault_crash_after_send: bool,
}

#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub search: SearchArgs,
    #[command(flatten)]
    pub email: EmailArgs,
    /// Address to listen on; port 0 picks a free port (printed at start).
    #[arg(long, env = "VALINTA_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Load the demo data set before serving (never loaded unless asked for).
    #[arg(long)]
    pub demo: bool,
    /// Serve without the outbox worker, for API-only instances while other instances
    /// (sharing the PostgreSQL database) carry out the outbox.
    #[arg(long, env = "VALINTA_NO_WORKER")]
    pub no_worker: bool,
    /// Email of the first administrator, created at start if missing.
    #[arg(long, env = "VALINTA_ADMIN_EMAIL")]
    pub admin_email: Option<String>,
    #[arg(long, env = "VALINTA_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<Secret>,
    /// How long a sign-in token is valid, in hours.
    #[arg(long, env = "VALINTA_TOKEN_TTL_HOURS", default_value = "12")]
    pub token_ttl_hours: String,
    #[command(flatten)]
    pub access: AccessArgs,
    #[command(flatten)]
    pub oidc: OidcArgs,
}

/// Strong identification through an OpenID Connect provider; off while the issuer is unset.
#[derive(Args, Clone)]
pub struct OidcArgs {
    /// The provider's issuer URL (discovery at `{issuer}/.well-known/openid-configuration`).
    #[arg(long, env = "VALINTA_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,
    /// This service's client id at the provider.
    #[arg(long, env = "VALINTA_OIDC_CLIENT_ID")]
    pub oidc_client_id: Option<String>,
    /// Client secret (`client_secret_basic`); or give a private key file instead.
    #[arg(long, env = "VALINTA_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<String>,
    /// An RSA private key in PEM (`private_key_jwt`, which the Finnish trust network's
    /// brokers require); or give a client secret instead.
    #[arg(long, env = "VALINTA_OIDC_PRIVATE_KEY_FILE")]
    pub oidc_private_key_file: Option<PathBuf>,
    /// Scopes to ask for, space-separated.
    #[arg(long, env = "VALINTA_OIDC_SCOPES", default_value = "openid")]
    pub oidc_scopes: String,
    /// The claim that holds the personal identity code (e.g. `nin` at Signicat).
    #[arg(
        long,
        env = "VALINTA_OIDC_IDENTITY_CLAIM",
        default_value = "personal_identity_code"
    )]
    pub oidc_identity_claim: String,
}

/// Limits on anonymous requests, and where the client's address comes from.
#[derive(Args, Clone, Debug)]
pub struct AccessArgs {
    /// Sign-in attempts per minute from one address (raise it for a site where many
    /// people share one address).
    #[arg(long, env = "VALINTA_SIGN_IN_PER_MINUTE", default_value = "30")]
    pub sign_in_per_minute: u32,
    /// Behind a load balancer: take the client's address from the last
    /// `X-Forwarded-For` entry (the one the balancer added) instead of the connection.
    #[arg(long, env = "VALINTA_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
}

/// The validated configuration the running server uses.
#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    pub database: DatabaseTarget,
    pub data_dir: PathBuf,
    pub secret_key: Option<Secret>,
    pub admin: Option<(String, Secret)>,
    pub token_ttl_hours: i64,
    pub demo: bool,
    pub worker: bool,
    pub search: SearchArgs,
    pub email: EmailArgs,
    pub access: AccessArgs,
    /// Strong identification, when configured.
    pub oidc: Option<OidcConfig>,
}

/// The secret is never shown, only whether one was given.
impl std::fmt::Debug for OidcArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcArgs")
            .field("oidc_issuer", &self.oidc_issuer)
            .field("oidc_client_id", &self.oidc_client_id)
            .field(
                "oidc_client_secret",
                &self.oidc_client_secret.as_ref().map(|_| "<hidden>"),
            )
            .field("oidc_private_key_file", &self.oidc_private_key_file)
            .field("oidc_scopes", &self.oidc_scopes)
            .field("oidc_identity_claim", &self.oidc_identity_claim)
            .finish()
    }
}

/// A validated OpenID Connect client configuration.
#[derive(Clone)]
pub struct OidcConfig {
    pub issuer: String,
    pub client_id: String,
    pub auth: OidcClientAuth,
    pub scopes: Vec<String>,
    pub identity_claim: String,
}

/// How this service proves itself at the provider's token endpoint.
#[derive(Clone)]
pub enum OidcClientAuth {
    /// `client_secret_basic`.
    Secret(String),
    /// `private_key_jwt`: the RSA private key in PEM.
    PrivateKey(String),
}

/// Secrets never reach a log: only which method is in use.
impl std::fmt::Debug for OidcConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let auth = match self.auth {
            OidcClientAuth::Secret(_) => "client_secret_basic",
            OidcClientAuth::PrivateKey(_) => "private_key_jwt",
        };
        f.debug_struct("OidcConfig")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("auth", &auth)
            .field("scopes", &self.scopes)
            .field("identity_claim", &self.identity_claim)
            .finish()
    }
}

#[derive(Clone)]
pub enum DatabaseTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

/// The PostgreSQL URL's password stays out of any `{:?}` of the config.
impl std::fmt::Debug for DatabaseTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseTarget::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            DatabaseTarget::Postgres(url) => f
                .debug_tuple("Postgres")
                .field(&without_password(url))
                .finish(),
        }
    }
}

/// `postgres://user:pass@host/db` as `postgres://user:[redacted]@host/db`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "[redacted]".to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:[redacted]@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

impl DatabaseTarget {
    pub fn from_args(db: &DbArgs) -> anyhow::Result<Self> {
        match db
            .database_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            None => Ok(DatabaseTarget::Sqlite(db.data_dir.join("valinta.db"))),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                if db.secret_key.is_none() {
                    bail!(
                        "VALINTA_SECRET_KEY must be set when DATABASE_URL is PostgreSQL: \
                         every instance must share the key that protects identity codes"
                    );
                }
                Ok(DatabaseTarget::Postgres(url.to_owned()))
            }
            Some(url) if url.starts_with("sqlite:") => {
                let path = url
                    .trim_start_matches("sqlite://")
                    .trim_start_matches("sqlite:");
                let path = path.split('?').next().unwrap_or(path);
                Ok(DatabaseTarget::Sqlite(PathBuf::from(path)))
            }
            Some(_) => {
                bail!("DATABASE_URL must start with postgres://, postgresql:// or sqlite://")
            }
        }
    }
}

impl Config {
    pub fn from_serve_args(args: &ServeArgs) -> anyhow::Result<Self> {
        let addr: SocketAddr = args
            .addr
            .parse()
            .with_context(|| format!("VALINTA_ADDR / --addr {:?} is not host:port", args.addr))?;
        let token_ttl_hours: i64 = args
            .token_ttl_hours
            .trim()
            .parse()
            .ok()
            .filter(|h| (1..=24 * 30).contains(h))
            .context("VALINTA_TOKEN_TTL_HOURS must be a whole number of hours from 1 to 720")?;
        let admin = match (&args.admin_email, &args.admin_password) {
            (Some(email), Some(password)) => {
                if !email.contains('@') {
                    bail!("VALINTA_ADMIN_EMAIL {email:?} is not an email address");
                }
                if password.chars().count() < 10 {
                    bail!("VALINTA_ADMIN_PASSWORD must be at least 10 characters");
                }
                Some((email.trim().to_lowercase(), password.clone()))
            }
            (None, None) => None,
            _ => bail!("set both VALINTA_ADMIN_EMAIL and VALINTA_ADMIN_PASSWORD, or neither"),
        };
        if let Some(url) = args
            .search
            .meilisearch_url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            bail!("MEILISEARCH_URL must start with http:// or https://");
        }
        if let Some(key) = &args.db.secret_key
            && key.chars().count() < 32
        {
            bail!("VALINTA_SECRET_KEY must be at least 32 characters");
        }
        Ok(Config {
            addr,
            database: DatabaseTarget::from_args(&args.db)?,
            data_dir: args.db.data_dir.clone(),
            secret_key: args.db.secret_key.clone(),
            admin,
            token_ttl_hours,
            demo: args.demo,
            worker: !args.no_worker,
            search: args.search.clone(),
            email: checked_email(&args.email)?,
            access: checked_access(&args.access)?,
            oidc: checked_oidc(&args.oidc)?,
        })
    }
}

fn checked_oidc(args: &OidcArgs) -> anyhow::Result<Option<OidcConfig>> {
    let Some(issuer) = given(&args.oidc_issuer) else {
        return Ok(None);
    };
    if !(issuer.starts_with("https://") || issuer.starts_with("http://")) {
        bail!(
            "VALINTA_OIDC_ISSUER must start with https:// (or http:// for a local test provider)"
        );
    }
    let client_id = given(&args.oidc_client_id)
        .context("VALINTA_OIDC_CLIENT_ID must be set when VALINTA_OIDC_ISSUER is")?;
    let auth = match (given(&args.oidc_client_secret), &args.oidc_private_key_file) {
        (Some(secret), None) => OidcClientAuth::Secret(secret.to_owned()),
        (None, Some(path)) => {
            let pem = std::fs::read_to_string(path).with_context(|| {
                format!(
                    "VALINTA_OIDC_PRIVATE_KEY_FILE {} cannot be read",
                    path.display()
                )
            })?;
            jsonwebtoken::EncodingKey::from_rsa_pem(pem.as_bytes()).map_err(|_| {
                anyhow::anyhow!(
                    "VALINTA_OIDC_PRIVATE_KEY_FILE {} is not an RSA private key in PEM",
                    path.display()
                )
            })?;
            OidcClientAuth::PrivateKey(pem)
        }
        _ => bail!(
            "set exactly one of VALINTA_OIDC_CLIENT_SECRET (client_secret_basic) and \
             VALINTA_OIDC_PRIVATE_KEY_FILE (private_key_jwt) when VALINTA_OIDC_ISSUER is set"
        ),
    };
    let scopes: Vec<String> = args
        .oidc_scopes
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if !scopes.iter().any(|s| s == "openid") {
        bail!("VALINTA_OIDC_SCOPES must include openid");
    }
    let identity_claim = args.oidc_identity_claim.trim().to_owned();
    if identity_claim.is_empty() {
        bail!("VALINTA_OIDC_IDENTITY_CLAIM must name a claim");
    }
    Ok(Some(OidcConfig {
        issuer: issuer.to_owned(),
        client_id: client_id.to_owned(),
        auth,
        scopes,
        identity_claim,
    }))
}

/// A setting that was given and is not blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn checked_access(args: &AccessArgs) -> anyhow::Result<AccessArgs> {
    if !(1..=100_000).contains(&args.sign_in_per_minute) {
        bail!("VALINTA_SIGN_IN_PER_MINUTE must be from 1 to 100000");
    }
    Ok(args.clone())
}

fn checked_email(args: &EmailArgs) -> anyhow::Result<EmailArgs> {
    if let Some(url) = args.smtp_url.as_deref().filter(|u| !u.trim().is_empty())
        && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
    {
        bail!("SMTP_URL must start with smtp:// or smtps://");
    }
    if let Some(url) = &args.public_url
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        bail!("VALINTA_PUBLIC_URL must start with http:// or https://");
    }
    if valinta_emails::parse_mailbox(&args.mail_from).is_err() {
        bail!(
            "VALINTA_MAIL_FROM {:?} is not an address like \"Valinta <noreply@example.fi>\"",
            args.mail_from
        );
    }
    if !(1..=3650).contains(&args.email_keep_days) {
        bail!("VALINTA_EMAIL_KEEP_DAYS must be from 1 to 3650");
    }
    if !(1..=99).contains(&args.low_balance_percent) {
        bail!("VALINTA_LOW_BALANCE_PERCENT must be from 1 to 99");
    }
    if !(1..=100).contains(&args.email_max_attempts) {
        bail!("VALINTA_EMAIL_MAX_ATTEMPTS must be from 1 to 100");
    }
    let mut checked = args.clone();
    checked.smtp_url = args.smtp_url.clone().filter(|u| !u.trim().is_empty());
    Ok(checked)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    #[test]
    fn no_secret_appears_in_a_debug_print_of_the_config() {
        let cli = Cli::try_parse_from([
            "valinta",
            "--secret-key",
            "KEY-0123456789-0123456789-0123456789",
            "--database-url",
            "postgres://valinta:DBPASS-42@db.example.fi:5432/valinta",
            "--smtp-url",
            "smtp://mailer:SMTPPASS-42@smtp.example.fi:587",
            "--meilisearch-url",
            "http://meili:7700",
            "--meilisearch-key",
            "MEILIKEY-42",
            "--admin-email",
            "admin@example.fi",
            "--admin-password",
            "ADMINPASS-42",
        ])
        .unwrap();
        let config = Config::from_serve_args(&cli.serve).unwrap();
        let shown = format!("{config:?} {config:#?} {:?}", cli.serve);
        for secret in [
            "KEY-0123456789",
            "DBPASS-42",
            "SMTPPASS-42",
            "MEILIKEY-42",
            "ADMINPASS-42",
        ] {
            assert!(!shown.contains(secret), "{secret} leaked: {shown}");
        }
        // The rest stays readable for whoever debugs a deployment.
        assert!(shown.contains("db.example.fi"), "{shown}");
        assert!(shown.contains("admin@example.fi"), "{shown}");
        assert_eq!(
            config.secret_key.as_deref(),
            Some("KEY-0123456789-0123456789-0123456789")
        );
    }

    #[test]
    fn passwords_leave_database_urls() {
        assert_eq!(
            without_password("postgres://root:pw@127.0.0.1:5432/test?x=1"),
            "postgres://root:[redacted]@127.0.0.1:5432/test?x=1"
        );
        assert_eq!(
            without_password("postgres://root@127.0.0.1/test"),
            "postgres://root:[redacted]@127.0.0.1/test"
        );
        assert_eq!(without_password("postgres://h/db"), "postgres://h/db");
    }

    #[test]
    fn the_oidc_settings_debug_output_shows_no_secret() {
        for auth in [
            OidcClientAuth::Secret("very-secret-client-secret".into()),
            OidcClientAuth::PrivateKey(
                "-----BEGIN PRIVATE KEY-----\nvery-secret-key\n-----END PRIVATE KEY-----".into(),
            ),
        ] {
            let config = OidcConfig {
                issuer: "https://idp.example".into(),
                client_id: "valinta".into(),
                auth,
                scopes: vec!["openid".into()],
                identity_claim: "nin".into(),
            };
            let shown = format!("{config:?} {:?}", Some(config.clone()));
            assert!(!shown.contains("very-secret"), "{shown}");
            assert!(
                shown.contains("valinta") && shown.contains("nin"),
                "{shown}"
            );
        }
    }
}
