//! Indexes that let a settlement run read one provider's month of deliveries in pages
//! instead of scanning everything the provider ever delivered.
use sea_orm_migration::prelude::*;

use crate::shape::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(index("deliveries", &["provider_id", "date"], false))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_deliveries_provider_id_date")
                    .table("deliveries")
                    .to_owned(),
            )
            .await
    }
}
