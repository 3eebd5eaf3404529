//! Owns the database connection: connecting, migrating, and write transactions.
//!
//! On PostgreSQL the ledger locks the allocation row (`SELECT ... FOR UPDATE`). SQLite has
//! no row locks and a deferred transaction that upgrades to a write can fail at once under
//! contention, so on SQLite every write transaction first takes one in-process gate:
//! writes are serialized, readers are never blocked (WAL).
pub mod columns;
pub mod entities;
pub mod json;
pub mod outbox_wake;
pub mod provider_names;
pub mod unique;

use std::{ops::Deref, sync::Arc, time::Duration};

use anyhow::Context;
use sea_orm::{
    ConnectOptions, Database, DatabaseBackend, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};
use tokio::sync::{Mutex, OwnedMutexGuard};
use valinta_migrations::Migrator;
use valinta_migrations::MigratorTrait;

use crate::{
    config::DatabaseTarget,
    error::{AppError, AppResult},
    vault::Vault,
};

#[derive(Clone)]
pub struct Db {
    pub conn: DatabaseConnection,
    write_gate: Option<Arc<Mutex<()>>>,
    /// The key that seals personal data in this database; also gives clients their
    /// pseudonyms in what providers see (invoice lines, emails).
    vault: Option<Arc<Vault>>,
}

/// A transaction that may write. Dropping it without `commit` rolls back.
pub struct WriteTx {
    tx: DatabaseTransaction,
    _gate: Option<OwnedMutexGuard<()>>,
}

impl Deref for WriteTx {
    type Target = DatabaseTransaction;
    fn deref(&self) -> &DatabaseTransaction {
        &self.tx
    }
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), DbErr> {
        self.tx.commit().await?;
        outbox_wake::committed();
        Ok(())
    }
}

impl Db {
    pub async fn connect(target: &DatabaseTarget) -> anyhow::Result<Db> {
        match target {
            DatabaseTarget::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).with_context(|| {
                        format!("cannot create data directory {}", dir.display())
                    })?;
                }
                let url = format!("sqlite://{}?mode=rwc", path.display());
                let mut options = ConnectOptions::new(url);
                options
                    .max_connections(8)
                    .sqlx_logging(false)
                    .map_sqlx_sqlite_opts(|o| {
                        o.journal_mode(SqliteJournalMode::Wal)
                            .synchronous(SqliteSynchronous::Normal)
                            .busy_timeout(Duration::from_secs(30))
                            .foreign_keys(true)
                    });
                let conn = Database::connect(options)
                    .await
                    .with_context(|| format!("cannot open SQLite database {}", path.display()))?;
                Ok(Db {
                    conn,
                    write_gate: Some(Arc::new(Mutex::new(()))),
                    vault: None,
                })
            }
            DatabaseTarget::Postgres(url) => {
                let mut options = ConnectOptions::new(url.clone());
                options
                    .max_connections(20)
                    .connect_timeout(Duration::from_secs(10))
                    .sqlx_logging(false);
                let conn = Database::connect(options)
                    .await
                    .context("cannot connect to PostgreSQL at DATABASE_URL")?;
                Ok(Db {
                    conn,
                    write_gate: None,
                    vault: None,
                })
            }
        }
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        Migrator::up(&self.conn, None)
            .await
            .context("database migration failed")
    }

    /// This database with the key that seals its personal data.
    pub fn with_vault(mut self, vault: Arc<Vault>) -> Db {
        self.vault = Some(vault);
        self
    }

    /// A client's pseudonym (as on invoices), for what providers are sent.
    pub fn client_pseudonym(&self, client: uuid::Uuid) -> AppResult<String> {
        let vault = self
            .vault
            .as_deref()
            .ok_or_else(|| AppError::internal("database opened without its vault"))?;
        Ok(vault.client_pseudonym(client))
    }

    pub fn is_postgres(&self) -> bool {
        self.conn.get_database_backend() == DatabaseBackend::Postgres
    }

    pub async fn begin_write(&self) -> Result<WriteTx, DbErr> {
        match &self.write_gate {
            Some(gate) => {
                let guard = gate.clone().lock_owned().await;
                // IMMEDIATE takes the write lock up front (waiting out the busy timeout), so a
                // transaction never fails half-way when an autocommit write slipped in.
                let options = TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..Default::default()
                };
                let tx = self.conn.begin_with_options(options).await?;
                Ok(WriteTx {
                    tx,
                    _gate: Some(guard),
                })
            }
            None => Ok(WriteTx {
                tx: self.conn.begin().await?,
                _gate: None,
            }),
        }
    }

    pub async fn ping(&self) -> bool {
        self.conn.ping().await.is_ok()
    }
}
