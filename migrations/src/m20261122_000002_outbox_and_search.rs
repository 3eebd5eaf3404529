//! The transactional outbox (side effects written with the change that causes them, carried
//! out by the worker) and the count of searches that found nothing (the demand-gap report).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("outbox")
                    .col(pk_auto("seq"))
                    // What to do, e.g. "search.offering"; the payload is ids only, the
                    // worker reloads the current state.
                    .col(string("topic"))
                    .col(uuid("subject_id"))
                    .col(integer("attempts").default(0))
                    .col(timestamp_with_time_zone("available_at"))
                    .col(text_null("last_error"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_available_at")
                    .table("outbox")
                    .col("available_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("search_misses")
                    .col(string("query"))
                    // "" when the search named no municipality.
                    .col(string_len("municipality", 3))
                    .col(big_integer("count"))
                    .col(timestamp_with_time_zone("first_seen"))
                    .col(timestamp_with_time_zone("last_seen"))
                    .primary_key(Index::create().col("query").col("municipality"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["search_misses", "outbox"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
