//! Who closed or cancelled a plan, and when: the reason was already kept
//! (`plans.status_reason`); these two say who gave it and at what moment. Null while a plan
//! is a draft or decided.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 2] = ["status_changed_by", "status_changed_at"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one change at a time. No foreign
        // key on the user: SQLite cannot add one to an existing table, and both databases
        // should hold the same schema.
        for column in [
            uuid_null("status_changed_by"),
            timestamp_with_time_zone_null("status_changed_at"),
        ] {
            manager
                .alter_table(Table::alter().table("plans").add_column(column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS {
            manager
                .alter_table(Table::alter().table("plans").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
