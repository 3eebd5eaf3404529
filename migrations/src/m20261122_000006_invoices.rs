//! Settlement: invoices per purchaser, provider and month, and their lines, one per
//! delivery. A delivery's `invoice_id` marks it invoiced; the unique line per delivery and
//! kind makes "invoiced at most once" a rule the database keeps too.
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("invoices")
            .col(pk_uuid("id"))
            .col(uuid("purchaser_id"))
            .col(uuid("provider_id"))
            // Sequential per purchaser, from 1.
            .col(big_integer("number"))
            // YYYY-MM
            .col(string("month"))
            // invoice (Finvoice INV01) or credit_note (INV02)
            .col(string("kind"))
            .col(boolean("supplementary"))
            .col(string("reference"))
            .col(date("issue_date"))
            .col(date("due_date"))
            .col(big_integer("net_cents"))
            .col(big_integer("vat_cents"))
            .col(big_integer("gross_cents"))
            // The bank details the invoice is paid to, as they were when it was made.
            .col(string("iban"))
            .col(string("bic"))
            .col(uuid("created_by"))
            .col(created_at())
            .foreign_key(&mut fk("invoices", "purchaser_id", "purchasers"))
            .foreign_key(&mut fk("invoices", "provider_id", "providers"))
            .to_owned(),
        Table::create()
            .table("invoice_lines")
            .col(pk_uuid("id"))
            .col(uuid("invoice_id"))
            .col(uuid("delivery_id"))
            .col(string("kind"))
            .col(uuid("commitment_id"))
            .col(uuid("service_id"))
            // A keyed hash of the client: lines group by client without naming anyone.
            .col(string("client_pseudonym"))
            .col(date("delivery_date"))
            .col(big_integer("quantity_milli"))
            .col(big_integer("unit_price_cents"))
            .col(integer("vat_basis_points"))
            .col(big_integer("net_cents"))
            .col(big_integer("vat_cents"))
            .col(big_integer("gross_cents"))
            .foreign_key(&mut fk("invoice_lines", "invoice_id", "invoices"))
            .foreign_key(&mut fk("invoice_lines", "delivery_id", "deliveries"))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("invoices", &["purchaser_id", "number"], true),
        index("invoices", &["provider_id", "month"], false),
        index("invoice_lines", &["invoice_id"], false),
        index("invoice_lines", &["delivery_id", "kind"], true),
        index("deliveries", &["invoice_id"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables(), indexes()).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_deliveries_invoice_id")
                    .table("deliveries")
                    .to_owned(),
            )
            .await?;
        for table in ["invoice_lines", "invoices"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
