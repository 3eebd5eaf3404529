//! Late-recording data: each purchaser's expectation of how many days after the delivery
//! date a delivery is recorded (14 unless the purchaser sets 1–90).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("purchasers")
                    .add_column(integer("recording_days").default(14))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("purchasers")
                    .drop_column("recording_days")
                    .to_owned(),
            )
            .await
    }
}
