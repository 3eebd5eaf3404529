//! The catalogue over time: versions of a service's money terms, each in force from a date
//! (`service_terms`); a reference price, an income rule and archiving on the service; and
//! the income a decision's voucher value was computed from (`allocation_incomes`).
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Columns added to `services` (SQLite takes one column per ALTER TABLE). The money
/// columns on `services` hold the terms in force today; `service_terms` holds every
/// version.
fn additions() -> Vec<ColumnDef> {
    vec![
        big_integer_null("reference_price_cents"),
        json_null("income_rule"),
        timestamp_with_time_zone_null("archived_at"),
    ]
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        // One version of a service's money terms, in force from `valid_from` until the next
        // version's date. Each row holds the whole terms (so one row answers "what was in
        // force on a date"), and `changed` names the terms this change set; `seq` orders
        // versions of one date. `applied`: copied to the service row (the terms of today).
        Table::create()
            .table("service_terms")
            .col(pk_uuid("id"))
            .col(uuid("service_id"))
            .col(date("valid_from"))
            .col(integer("seq"))
            .col(big_integer_null("price_cap_cents"))
            .col(big_integer_null("voucher_value_cents"))
            .col(big_integer_null("reference_price_cents"))
            .col(integer("vat_basis_points"))
            .col(json("methods"))
            .col(json_null("income_rule"))
            .col(json("changed"))
            .col(boolean("applied").default(false))
            .col(uuid_null("created_by"))
            .col(created_at())
            .foreign_key(&mut fk("service_terms", "service_id", "services"))
            .to_owned(),
        // The income a decision's voucher value was computed from, kept so the client and
        // the case worker can read later how the value was set. Personal data: read only
        // through the allocation's access rule, and audited.
        Table::create()
            .table("allocation_incomes")
            .col(uuid("allocation_id").primary_key())
            .col(uuid("service_id"))
            .col(integer("household_size"))
            .col(big_integer("monthly_income_cents"))
            // The rule as it was in force on the decision's first day.
            .col(json("income_rule"))
            .col(date("rule_valid_from"))
            .col(big_integer("voucher_value_cents"))
            .col(created_at())
            .foreign_key(&mut fk(
                "allocation_incomes",
                "allocation_id",
                "allocations",
            ))
            .foreign_key(&mut fk("allocation_incomes", "service_id", "services"))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("service_terms", &["service_id", "seq"], true),
        index("service_terms", &["applied", "valid_from"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut column in additions() {
            manager
                .alter_table(
                    Table::alter()
                        .table("services")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        create_all(manager, tables(), indexes()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["allocation_incomes", "service_terms"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        for column in ["reference_price_cents", "income_rule", "archived_at"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("services")
                        .drop_column(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
