//! Rating aggregates per offering: what search ranks by. Maintained from reviews (their own
//! migration comes with them); kept as counts so the average is exact and cheap.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("offering_ratings")
                    .col(uuid("offering_id").primary_key())
                    .col(integer("review_count").default(0))
                    // Sum of the stars of the visible reviews.
                    .col(integer("star_total").default(0))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_offering_ratings_offering_id")
                            .from("offering_ratings", "offering_id")
                            .to("offerings", "id"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table("offering_ratings")
                    .if_exists()
                    .to_owned(),
            )
            .await
    }
}
