//! Marking a month invoiced, made cheaper. The index on `deliveries.invoice_id` goes: every
//! delivery a run marks would add an entry to it, and what reads by invoice (credits,
//! reconciliation) scans few rows or runs rarely. And invoice lines lose their foreign keys
//! on PostgreSQL. There, each key is a row trigger
//! that share-locks the referenced row: for a month of a million lines that is a million
//! extra writes to `deliveries` (and as many to `invoices`), most of a settlement run's time.
//! The lines are written only by the settlement run, from deliveries it has just read in
//! the same transaction, and neither deliveries nor invoices are ever deleted; the unique
//! line per delivery and kind stays, and the reconciliation report proves every line's
//! delivery carries that very invoice. SQLite checks keys cheaply and cannot drop them; it
//! keeps them.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const KEYS: [(&str, &str); 2] = [
    ("fk_invoice_lines_invoice_id", "invoices"),
    ("fk_invoice_lines_delivery_id", "deliveries"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_deliveries_invoice_id")
                    .table(Alias::new("deliveries"))
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(());
        }
        for (name, _) in KEYS {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name(name)
                        .table(Alias::new("invoice_lines"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(crate::shape::index("deliveries", &["invoice_id"], false))
            .await?;
        if manager.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(());
        }
        for (name, target) in KEYS {
            let column = name.trim_start_matches("fk_invoice_lines_");
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name(name)
                        .from(Alias::new("invoice_lines"), Alias::new(column))
                        .to(Alias::new(target), Alias::new("id"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
