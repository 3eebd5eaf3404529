//! API keys: a provider's staff give each site (a location, or its ERP) its own key for
//! recording deliveries. Only a SHA-256 hash of the key is stored; the prefix lets people
//! tell keys apart. The audit log names the key an act was done with.
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("api_keys")
            .col(pk_uuid("id"))
            .col(uuid("provider_id"))
            // The site the key is for: free text chosen by the provider.
            .col(string("site"))
            // The 8 characters after `vk_`, shown in lists so people can tell keys apart.
            .col(string("prefix"))
            // SHA-256 of the whole key, hex: the key itself is never stored.
            .col(string("key_hash"))
            .col(uuid("created_by"))
            .col(created_at())
            .col(timestamp_with_time_zone_null("last_used_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .col(uuid_null("revoked_by"))
            .foreign_key(&mut fk("api_keys", "provider_id", "providers"))
            .foreign_key(&mut fk("api_keys", "created_by", "users"))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("api_keys", &["key_hash"], true),
        index("api_keys", &["prefix"], true),
        index("api_keys", &["provider_id", "created_at"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables(), indexes()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table("audit_log")
                    .add_column(uuid_null("api_key_id"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("audit_log")
                    .drop_column("api_key_id")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("api_keys").if_exists().to_owned())
            .await?;
        Ok(())
    }
}
