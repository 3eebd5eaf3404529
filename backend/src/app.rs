//! Starting the server: connect, migrate, seed what was asked for, listen.
use std::{io::Write, sync::Arc};

use anyhow::Context;
use metrics_exporter_prometheus::PrometheusBuilder;
use tokio::net::TcpListener;

use crate::{
    config::Config, db::Db, demo, indexing, jobs::Worker, routes, state::AppState, users,
    vault::Vault,
};

pub async fn serve(config: Config) -> anyhow::Result<()> {
    let db = Db::connect(&config.database).await?;
    db.migrate().await?;
    let vault = Vault::open(config.secret_key.as_deref(), &config.data_dir)?;
    if let Some((email, password)) = &config.admin {
        users::ensure_admin(&db, email, password).await?;
    }
    if config.demo {
        demo::load(&db, &vault).await?;
    }
    let search = Arc::new(indexing::open_engine(&config.search, &config.data_dir).await?);
    if indexing::needs_rebuild(&search) {
        let report = indexing::reindex(&db, &search).await?;
        tracing::info!(
            documents = report.documents,
            seconds = report.seconds,
            "search index rebuilt"
        );
    }
    if config.worker {
        Worker {
            db: db.clone(),
            search: search.clone(),
        }
        .spawn();
    }
    let metrics = PrometheusBuilder::new().install_recorder().ok();
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr()?;
    let state = AppState {
        db,
        config: Arc::new(config),
        vault: Arc::new(vault),
        search,
        metrics,
    };
    // The one line on standard output: tests and scripts read the address from it.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{addr}")?;
    stdout.flush()?;
    tracing::info!(%addr, "Valinta is serving");
    axum::serve(listener, routes::router(state))
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
