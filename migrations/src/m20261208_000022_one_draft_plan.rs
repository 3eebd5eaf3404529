//! One draft plan per client at a time. A double submit of the "open a plan" form used to
//! start two drafts, and the client's page then showed two half-written plans. The index
//! lets the database decide two opens at the same moment; drafts already doubled are
//! cancelled first (all but the oldest), with a reason saying so, so nothing is deleted.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE plans SET status = 'cancelled', \
                 status_reason = 'Avattu kahdesti / Öppnad två gånger / Opened twice', \
                 status_changed_at = created_at \
             WHERE status = 'draft' AND EXISTS ( \
                 SELECT 1 FROM plans AS older \
                 WHERE older.client_id = plans.client_id AND older.status = 'draft' \
                   AND (older.created_at < plans.created_at \
                        OR (older.created_at = plans.created_at AND older.id < plans.id)))",
        )
        .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ix_plans_one_draft ON plans (client_id) WHERE status = 'draft'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_plans_one_draft")
                    .table("plans")
                    .to_owned(),
            )
            .await
    }
}
