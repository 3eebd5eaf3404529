//! Money rules over time: offering prices that change from a date and keep their history,
//! late recording opened per commitment, grace days and expiry of allocations (a fifth
//! balance column and ledger delta), voids with a reason, and disputes the provider may
//! answer and a case worker may uphold in part.
use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Columns added to existing tables; SQLite takes one column per ALTER TABLE.
fn additions() -> Vec<(&'static str, ColumnDef)> {
    vec![
        // Days after an allocation's period during which deliveries dated inside it are
        // still taken; the purchaser's default for new decisions.
        ("purchasers", integer("grace_days").default(0).to_owned()),
        ("allocations", integer("grace_days").default(0).to_owned()),
        // Unspent money that expired after the period and its grace days.
        (
            "allocations",
            big_integer("expired_cents").default(0).to_owned(),
        ),
        (
            "ledger_entries",
            big_integer("expired_delta_cents").default(0).to_owned(),
        ),
        // Why and by whom a delivery was voided; the client sees the reason.
        ("deliveries", text_null("void_reason")),
        ("deliveries", uuid_null("voided_by")),
        ("deliveries", timestamp_with_time_zone_null("voided_at")),
        // A delivery recorded by a partial uphold names the delivery it corrects.
        ("deliveries", uuid_null("corrects")),
        // The provider's account of a disputed delivery, given before the decision.
        ("disputes", text_null("provider_account")),
        ("disputes", uuid_null("provider_account_by")),
        (
            "disputes",
            timestamp_with_time_zone_null("provider_account_at"),
        ),
        // A partial uphold: the quantity the case worker found was delivered.
        ("disputes", big_integer_null("corrected_quantity_milli")),
    ]
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        // An offering's price from a date on. The row in force on a day is the latest one
        // that began on or before it; the first row also covers the days before it.
        Table::create()
            .table("offering_prices")
            .col(pk_uuid("id"))
            .col(uuid("offering_id"))
            .col(big_integer("unit_price_cents"))
            .col(date("valid_from"))
            .col(uuid_null("created_by"))
            .col(created_at())
            .foreign_key(&mut fk("offering_prices", "offering_id", "offerings"))
            .to_owned(),
        // A case worker or finance lets a provider record deliveries older than the
        // purchaser's recording window on one commitment, until a day, for a reason.
        Table::create()
            .table("late_recordings")
            .col(pk_uuid("id"))
            .col(uuid("commitment_id"))
            .col(date("until"))
            .col(text("reason"))
            .col(uuid("opened_by"))
            .col(created_at())
            .foreign_key(&mut fk("late_recordings", "commitment_id", "commitments"))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("offering_prices", &["offering_id", "valid_from"], true),
        index("late_recordings", &["commitment_id"], false),
    ]
}

/// Every offering's current price becomes its first version, dated the day it was listed.
/// The offering's id serves as that version's id (one first version per offering).
fn first_prices(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Sqlite => {
            "INSERT INTO offering_prices (id, offering_id, unit_price_cents, valid_from, created_by, created_at) \
             SELECT id, id, unit_price_cents, substr(created_at, 1, 10), NULL, created_at FROM offerings"
        }
        _ => {
            "INSERT INTO offering_prices (id, offering_id, unit_price_cents, valid_from, created_by, created_at) \
             SELECT id, id, unit_price_cents, (created_at AT TIME ZONE 'UTC')::date, NULL, created_at FROM offerings"
        }
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, mut column) in additions() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        create_all(manager, tables(), indexes()).await?;
        manager
            .get_connection()
            .execute_unprepared(first_prices(manager.get_database_backend()))
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "rules over time cannot be undone: versions and expiries would be lost".into(),
        ))
    }
}
