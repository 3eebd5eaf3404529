//! What settlement needs before it can invoice: the provider's bank details (IBAN, BIC) and
//! each catalogue entry's VAT rate (hundredths of a percent; 0 for VAT-exempt social care).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn additions() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("providers", string_null("iban")),
        ("providers", string_null("bic")),
        (
            "services",
            integer("vat_basis_points").default(0).to_owned(),
        ),
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
