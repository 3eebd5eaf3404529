//! Emails: the outbox of messages to send (written in the same transaction as the change
//! that causes them, sent by the worker), the reminders already sent, and each person's
//! choice of optional notifications.
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("emails")
            // Also the Message-ID, so a message retried after a crash carries the same id
            // and a receiver can tell it is the one it already has.
            .col(uuid("id").primary_key())
            .col(string("kind"))
            .col(uuid_null("user_id"))
            .col(string("address"))
            .col(string("name"))
            .col(string_len("lang", 2))
            // The typed message as JSON, rendered in `lang` when sent.
            .col(json("payload"))
            // pending → sending (claimed until `claimed_until`) → sent | failed
            .col(string("status"))
            .col(integer("attempts").default(0))
            .col(timestamp_with_time_zone("available_at"))
            .col(timestamp_with_time_zone_null("claimed_until"))
            .col(text_null("last_error"))
            .col(created_at())
            .col(timestamp_with_time_zone_null("sent_at"))
            .to_owned(),
        // Scheduled reminders name their event ("allocation_ending_7:<id>"); the row is
        // written with the reminder's emails, and its key makes each event send at most once,
        // across restarts and any number of instances.
        Table::create()
            .table("reminder_events")
            .col(string("key").primary_key())
            .col(created_at())
            .to_owned(),
        Table::create()
            .table("notification_choices")
            .col(uuid("user_id"))
            // An optional topic ("deliveries", "reminders", ...).
            .col(string("topic"))
            // "off", or for deliveries "weekly" (a digest instead of one email each).
            .col(string("choice"))
            .col(timestamp_with_time_zone("updated_at"))
            .primary_key(Index::create().col("user_id").col("topic"))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("emails", &["status", "available_at"], false),
        index("emails", &["user_id", "created_at"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables(), indexes()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["notification_choices", "reminder_events", "emails"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
