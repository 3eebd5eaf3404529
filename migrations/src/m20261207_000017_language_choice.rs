//! Whether a user chose their language (`locale_chosen`): until they do, the portal
//! follows their browser's `Accept-Language` and keeps `locale` in step for emails; once
//! they choose, the choice wins everywhere. Users with a language other than the default
//! can only have chosen it, so they start as having chosen.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .add_column(boolean("locale_chosen").default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared("UPDATE users SET locale_chosen = TRUE WHERE locale <> 'fi'")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .drop_column("locale_chosen")
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
