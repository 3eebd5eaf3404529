//! What the client tells the provider with an order: the day she would like the service to
//! start, how much of it she wishes (in the service's units) and a message. All optional,
//! so orders made before (and API clients that send none of them) stay as they were.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 3] = ["start_date", "quantity_milli", "message"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one change at a time.
        for column in [
            date_null("start_date"),
            big_integer_null("quantity_milli"),
            text_null("message"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("commitments")
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("commitments")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
