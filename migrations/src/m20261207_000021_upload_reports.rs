//! The report of a delivery file posted with the portal's form, kept a day so the page the
//! form redirects to can show it (post-redirect-get: a refresh never posts the file again).
//! Any replica can show it, as it lives in the database.
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn upload_reports() -> TableCreateStatement {
    Table::create()
        .table("upload_reports")
        .col(pk_uuid("id"))
        .col(uuid("provider_id"))
        .col(uuid("user_id"))
        // The counts and the rows the page shows (language-neutral: codes, not texts).
        .col(json("report"))
        .col(created_at())
        .foreign_key(&mut fk("upload_reports", "provider_id", "providers"))
        .foreign_key(&mut fk("upload_reports", "user_id", "users"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(
            manager,
            vec![upload_reports()],
            vec![index("upload_reports", &["created_at"], false)],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("upload_reports").to_owned())
            .await
    }
}
