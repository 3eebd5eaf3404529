//! Owns the database schema: one migration per change, each running the same on
//! SQLite and PostgreSQL. Money columns are integer cents (`*_cents`) so both
//! databases store and sum them exactly.
pub use sea_orm_migration::prelude::*;

mod m20261122_000001_backbone;
mod m20261122_000002_outbox_and_search;
mod m20261122_000003_offering_ratings;
mod m20261122_000004_reviews;
mod m20261122_000005_billing_details;
mod m20261122_000006_invoices;
mod m20261122_000007_api_keys;
mod m20261122_000008_recording_days;
mod m20261122_000009_settlement_indexes;
mod m20261122_000010_lighter_invoice_marking;
mod m20261122_000011_emails;
mod m20261122_000012_room_for_the_invoice_mark;
mod m20261206_000013_identity_and_access;
mod m20261207_000014_rules_over_time;
mod m20261207_000015_catalogue_over_time;
mod m20261207_000016_einvoice_routing;
mod m20261207_000017_language_choice;
mod m20261207_000018_order_details;
mod m20261207_000019_budget_plans;
mod m20261207_000020_plan_endings;
mod m20261207_000021_upload_reports;
mod m20261208_000022_one_draft_plan;
mod shape;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_backbone::Migration),
            Box::new(m20261122_000002_outbox_and_search::Migration),
            Box::new(m20261122_000003_offering_ratings::Migration),
            Box::new(m20261122_000004_reviews::Migration),
            Box::new(m20261122_000005_billing_details::Migration),
            Box::new(m20261122_000006_invoices::Migration),
            Box::new(m20261122_000007_api_keys::Migration),
            Box::new(m20261122_000008_recording_days::Migration),
            Box::new(m20261122_000009_settlement_indexes::Migration),
            Box::new(m20261122_000010_lighter_invoice_marking::Migration),
            Box::new(m20261122_000011_emails::Migration),
            Box::new(m20261122_000012_room_for_the_invoice_mark::Migration),
            Box::new(m20261206_000013_identity_and_access::Migration),
            Box::new(m20261207_000014_rules_over_time::Migration),
            Box::new(m20261207_000015_catalogue_over_time::Migration),
            Box::new(m20261207_000016_einvoice_routing::Migration),
            Box::new(m20261207_000017_language_choice::Migration),
            Box::new(m20261207_000018_order_details::Migration),
            Box::new(m20261207_000019_budget_plans::Migration),
            Box::new(m20261207_000020_plan_endings::Migration),
            Box::new(m20261207_000021_upload_reports::Migration),
            Box::new(m20261208_000022_one_draft_plan::Migration),
        ]
    }
}
