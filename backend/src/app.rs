//! Starting the server: connect, migrate, seed what was asked for, listen.
use std::{io::Write, net::SocketAddr, sync::Arc};

use anyhow::Context;
use metrics_exporter_prometheus::PrometheusBuilder;
use tokio::net::TcpListener;

use crate::{
    auth::oidc::Oidc,
    catalogue,
    config::Config,
    db::Db,
    demo, identity_codes,
    indexing::{self, Preparation},
    jobs,
    jobs::Worker,
    routes,
    state::AppState,
    throttle::{PerAddress, Rates},
    vault::Vault,
};

pub async fn serve(config: Config) -> anyhow::Result<()> {
    let vault = Arc::new(Vault::open(config.secret_key.as_deref(), &config.data_dir)?);
    let db = Db::connect(&config.database)
        .await?
        .with_vault(vault.clone());
    db.migrate().await?;
    identity_codes::canonicalise(&db, &vault).await?;
    // Catalogue changes whose day came while the server was down take effect before the
    // first request; the worker keeps doing it every minute.
    let promoted = catalogue::terms::promote_due(&db, crate::domain::today_in_finland()).await?;
    if promoted > 0 {
        tracing::info!(services = promoted, "catalogue terms took effect");
    }
    if let Some((email, password)) = &config.admin {
        crate::accounts::lifecycle::ensure_admin(&db, email, password).await?;
    }
    if config.demo {
        demo::load(&db, &vault).await?;
    }
    let search = Arc::new(indexing::open_engine(&config.search, &config.data_dir).await?);
    match indexing::prepare(&db, &search).await? {
        Preparation::Ready(Some(report)) => tracing::info!(
            documents = report.documents,
            seconds = report.seconds,
            "search index rebuilt"
        ),
        Preparation::Ready(None) => {}
        // Writes need no search engine: the server starts, `/ready` says search is down,
        // and the worker prepares (and fills) the index once Meilisearch answers.
        Preparation::Unreachable(why) => tracing::warn!(
            %why,
            "the search engine does not answer; serving without search until it does"
        ),
    }
    if config.worker {
        Worker {
            db: db.clone(),
            search: search.clone(),
        }
        .spawn();
        jobs::calendar::spawn(db.clone(), std::time::Duration::from_secs(60));
    }
    let metrics = PrometheusBuilder::new().install_recorder().ok();
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr()?;
    if config.worker {
        start_email_sender(&config, &db, addr)?;
    }
    let oidc = match &config.oidc {
        Some(settings) => {
            let public = config
                .email
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{addr}"));
            Some(Arc::new(Oidc::new(settings.clone(), &public)?))
        }
        None => None,
    };
    let state = AppState {
        oidc,
        db,
        vault,
        search,
        metrics,
        limits: Arc::new(PerAddress::new(Rates {
            sign_in_per_minute: config.access.sign_in_per_minute,
        })),
        config: Arc::new(config),
    };
    // The one line on standard output: tests and scripts read the address from it.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{addr}")?;
    stdout.flush()?;
    tracing::info!(%addr, "Valinta is serving");
    let pages = crate::web::router(state.clone());
    let app = routes::router(state, pages).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server failed")
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// Starts the email sender: SMTP when `SMTP_URL` is set, else the local outbox folder.
fn start_email_sender(config: &Config, db: &Db, addr: std::net::SocketAddr) -> anyhow::Result<()> {
    let email = &config.email;
    let folder = email
        .outbox_dir
        .clone()
        .unwrap_or_else(|| config.data_dir.join("outbox"));
    let transport = valinta_emails::Transport::from_config(email.smtp_url.as_deref(), &folder)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let public = email
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let portal = valinta_emails::PortalUrl::parse(&public)
        .map_err(|e| anyhow::anyhow!("VALINTA_PUBLIC_URL: {e}"))?;
    tracing::info!(transport = %transport.describe(), "emails go to");
    jobs::emails::Sender {
        db: db.clone(),
        transport: Arc::new(transport),
        settings: jobs::emails::SenderSettings {
            from: valinta_emails::parse_mailbox(&email.mail_from)
                .map_err(|e| anyhow::anyhow!("VALINTA_MAIL_FROM: {e}"))?,
            portal,
            lease: std::time::Duration::from_secs(email.email_lease_secs.max(1)),
            retry_base: std::time::Duration::from_millis(email.email_retry_ms),
            max_attempts: email.email_max_attempts,
            low_balance_percent: email.low_balance_percent,
            keep_sent: chrono::Duration::days(email.email_keep_days),
            crash_after_send: email.fault_crash_after_send,
        },
    }
    .spawn(std::time::Duration::from_secs(
        email.reminder_every_secs.max(1),
    ));
    Ok(())
}
