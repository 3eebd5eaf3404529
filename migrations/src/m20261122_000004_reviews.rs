//! Reviews: verified public feedback on offerings, the provider's one reply, reports from
//! anyone, and the star distribution kept beside the rating aggregate.
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One column per star value: the distribution the offering page draws.
const STAR_COLUMNS: [&str; 5] = ["stars_1", "stars_2", "stars_3", "stars_4", "stars_5"];

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("reviews")
            .col(pk_uuid("id"))
            .col(uuid("offering_id"))
            // Copied from the offering so that provider pages and the moderation queue
            // need no join; an offering never changes provider or purchaser.
            .col(uuid("provider_id"))
            .col(uuid("purchaser_id"))
            // The client the review is about; one review per client and offering.
            .col(uuid("client_id"))
            // Who wrote it (the client or a proxy). Never shown to anyone else.
            .col(uuid("author_user_id"))
            .col(small_integer("stars"))
            .col(text("text"))
            .col(created_at())
            .col(timestamp_with_time_zone_null("edited_at"))
            .col(timestamp_with_time_zone_null("hidden_at"))
            .col(text_null("hidden_reason"))
            .col(text_null("reply_text"))
            .col(timestamp_with_time_zone_null("replied_at"))
            .col(timestamp_with_time_zone_null("reply_edited_at"))
            .foreign_key(&mut fk("reviews", "offering_id", "offerings"))
            .foreign_key(&mut fk("reviews", "client_id", "clients"))
            .to_owned(),
        Table::create()
            .table("review_reports")
            .col(pk_uuid("id"))
            .col(uuid("review_id"))
            .col(text("reason"))
            // Anyone may report, signed in or not.
            .col(uuid_null("reporter_user_id"))
            .col(created_at())
            // Set when a moderator hides, restores or keeps the review.
            .col(timestamp_with_time_zone_null("resolved_at"))
            .col(string_null("resolution"))
            .foreign_key(&mut fk("review_reports", "review_id", "reviews"))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("reviews", &["client_id", "offering_id"], true),
        index("reviews", &["offering_id", "created_at"], false),
        index("reviews", &["provider_id", "created_at"], false),
        index("reviews", &["author_user_id", "created_at"], false),
        index("review_reports", &["review_id"], false),
        index("review_reports", &["resolved_at"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables(), indexes()).await?;
        // SQLite takes one column per ALTER TABLE.
        for column in STAR_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("offering_ratings")
                        .add_column(integer(column).default(0))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in STAR_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("offering_ratings")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in ["review_reports", "reviews"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
