//! E-invoice routing: a provider's and a purchaser's e-invoice address (verkkolaskuosoite,
//! e.g. `003712345678` or an IBAN-form address) and their operator's ID (välittäjätunnus,
//! e.g. `003721291126` or `NDEAFIHH`). Both optional: a Finvoice carries its routing
//! envelope only when both parties have given both.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn additions() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("providers", string_null("einvoice_address")),
        ("providers", string_null("einvoice_operator")),
        ("purchasers", string_null("einvoice_address")),
        ("purchasers", string_null("einvoice_operator")),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for (table, mut column) in additions() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in additions() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(column.get_column_name())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
