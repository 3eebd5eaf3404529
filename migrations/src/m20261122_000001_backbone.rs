//! The backbone: tenants, users, catalogue, providers, offerings, clients, and
//! the ledger with its allocations, commitments and deliveries.
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("purchasers")
            .col(pk_uuid("id"))
            .col(string("name"))
            .col(string_uniq("business_id"))
            .col(integer("payment_terms_days").default(14))
            .col(created_at())
            .to_owned(),
        Table::create()
            .table("purchaser_municipalities")
            .col(uuid("purchaser_id"))
            .col(string_len("municipality", 3))
            .primary_key(Index::create().col("purchaser_id").col("municipality"))
            .foreign_key(&mut fk(
                "purchaser_municipalities",
                "purchaser_id",
                "purchasers",
            ))
            .to_owned(),
        Table::create()
            .table("providers")
            .col(pk_uuid("id"))
            .col(string("name"))
            .col(string_uniq("business_id"))
            .col(string("email"))
            .col(string_null("phone"))
            .col(created_at())
            .to_owned(),
        Table::create()
            .table("clients")
            .col(pk_uuid("id"))
            .col(uuid("purchaser_id"))
            .col(string("name"))
            // AES-GCM ciphertext; the keyed hash finds a client without decrypting.
            .col(text("personal_id_cipher"))
            .col(string("personal_id_hash"))
            .col(string("personal_id_masked"))
            .col(string_len("municipality", 3))
            .col(string_null("email"))
            .col(created_at())
            .foreign_key(&mut fk("clients", "purchaser_id", "purchasers"))
            .to_owned(),
        Table::create()
            .table("users")
            .col(pk_uuid("id"))
            .col(string_uniq("email"))
            .col(string("password_hash"))
            .col(string("name"))
            .col(json("roles"))
            .col(uuid_null("purchaser_id"))
            .col(uuid_null("provider_id"))
            .col(uuid_null("client_id"))
            .col(string_len("locale", 2).default("fi"))
            .col(created_at())
            .foreign_key(&mut fk("users", "purchaser_id", "purchasers"))
            .foreign_key(&mut fk("users", "provider_id", "providers"))
            .foreign_key(&mut fk("users", "client_id", "clients"))
            .to_owned(),
        Table::create()
            .table("api_tokens")
            .col(string("token_hash").primary_key())
            .col(uuid("user_id"))
            .col(created_at())
            .col(timestamp_with_time_zone("expires_at"))
            .foreign_key(&mut fk("api_tokens", "user_id", "users"))
            .to_owned(),
        Table::create()
            .table("mandates")
            .col(pk_uuid("id"))
            .col(uuid("proxy_user_id"))
            .col(uuid("client_id"))
            .col(string("relation"))
            .col(uuid("created_by"))
            .col(created_at())
            .col(timestamp_with_time_zone_null("revoked_at"))
            .foreign_key(&mut fk("mandates", "proxy_user_id", "users"))
            .foreign_key(&mut fk("mandates", "client_id", "clients"))
            .to_owned(),
        Table::create()
            .table("services")
            .col(pk_uuid("id"))
            .col(uuid("purchaser_id"))
            .col(string("code"))
            .col(json("name"))
            .col(string("unit"))
            .col(boolean("social_care"))
            .col(json("methods"))
            .col(big_integer_null("voucher_value_cents"))
            .col(big_integer_null("price_cap_cents"))
            .col(json("rulebook"))
            .col(created_at())
            .foreign_key(&mut fk("services", "purchaser_id", "purchasers"))
            .to_owned(),
        Table::create()
            .table("applications")
            .col(pk_uuid("id"))
            .col(uuid("provider_id"))
            .col(uuid("purchaser_id"))
            .col(json("service_ids"))
            .col(string("status"))
            .col(text_null("reason"))
            .col(uuid_null("decided_by"))
            .col(timestamp_with_time_zone_null("decided_at"))
            .col(created_at())
            .foreign_key(&mut fk("applications", "provider_id", "providers"))
            .foreign_key(&mut fk("applications", "purchaser_id", "purchasers"))
            .to_owned(),
        Table::create()
            .table("approvals")
            .col(uuid("provider_id"))
            .col(uuid("service_id"))
            .col(uuid("purchaser_id"))
            .col(uuid("application_id"))
            .col(timestamp_with_time_zone("approved_at"))
            .primary_key(Index::create().col("provider_id").col("service_id"))
            .foreign_key(&mut fk("approvals", "provider_id", "providers"))
            .foreign_key(&mut fk("approvals", "service_id", "services"))
            .to_owned(),
        Table::create()
            .table("offerings")
            .col(pk_uuid("id"))
            .col(uuid("provider_id"))
            .col(uuid("service_id"))
            .col(uuid("purchaser_id"))
            .col(json("title"))
            .col(json("description"))
            .col(big_integer("unit_price_cents"))
            .col(json("municipalities"))
            .col(json("languages"))
            .col(json("accessibility"))
            .col(string_null("address"))
            .col(double_null("lat"))
            .col(double_null("lon"))
            .col(boolean("archived").default(false))
            .col(created_at())
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk("offerings", "provider_id", "providers"))
            .foreign_key(&mut fk("offerings", "service_id", "services"))
            .to_owned(),
        Table::create()
            .table("allocations")
            .col(pk_uuid("id"))
            .col(uuid("client_id"))
            .col(uuid("purchaser_id"))
            .col(string("kind"))
            .col(big_integer("granted_cents"))
            .col(big_integer("available_cents"))
            .col(big_integer("reserved_cents"))
            .col(big_integer("spent_cents"))
            .col(date("valid_from"))
            .col(date("valid_to"))
            .col(json("service_ids"))
            .col(big_integer_null("voucher_value_cents"))
            .col(uuid("created_by"))
            .col(created_at())
            .foreign_key(&mut fk("allocations", "client_id", "clients"))
            .to_owned(),
        Table::create()
            .table("commitments")
            .col(pk_uuid("id"))
            .col(uuid("allocation_id"))
            .col(uuid("offering_id"))
            .col(uuid("provider_id"))
            .col(uuid("purchaser_id"))
            .col(uuid("client_id"))
            .col(string("method"))
            .col(string("status"))
            // What is still reserved for this commitment; deliveries draw on it.
            .col(big_integer("reserved_cents"))
            .col(uuid("requested_by"))
            .col(created_at())
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk("commitments", "allocation_id", "allocations"))
            .foreign_key(&mut fk("commitments", "offering_id", "offerings"))
            .to_owned(),
        Table::create()
            .table("deliveries")
            .col(pk_uuid("id"))
            .col(uuid("commitment_id"))
            .col(uuid("allocation_id"))
            .col(uuid("provider_id"))
            .col(uuid("client_id"))
            .col(date("date"))
            // Thousandths of a unit: "1.5" hours is 1500.
            .col(big_integer("quantity_milli"))
            .col(big_integer("unit_price_cents"))
            .col(big_integer("total_cents"))
            .col(big_integer("purchaser_share_cents"))
            .col(big_integer("client_share_cents"))
            .col(big_integer("from_reserved_cents"))
            // The provider's reference is the idempotency key (unique per
            // provider); the fingerprint tells a resend from a clash.
            .col(string("reference"))
            .col(string("fingerprint"))
            .col(string("status"))
            .col(uuid_null("invoice_id"))
            .col(uuid("recorded_by"))
            .col(created_at())
            .foreign_key(&mut fk("deliveries", "commitment_id", "commitments"))
            .to_owned(),
        Table::create()
            .table("disputes")
            .col(pk_uuid("id"))
            .col(uuid("delivery_id"))
            .col(uuid("client_id"))
            .col(uuid("raised_by"))
            .col(text("reason"))
            .col(string("status"))
            .col(uuid_null("decided_by"))
            .col(text_null("decision_reason"))
            .col(created_at())
            .col(timestamp_with_time_zone_null("decided_at"))
            .foreign_key(&mut fk("disputes", "delivery_id", "deliveries"))
            .to_owned(),
        Table::create()
            .table("ledger_entries")
            .col(pk_auto("seq"))
            .col(uuid("allocation_id"))
            .col(string("kind"))
            .col(big_integer("available_delta_cents"))
            .col(big_integer("reserved_delta_cents"))
            .col(big_integer("spent_delta_cents"))
            .col(uuid_null("commitment_id"))
            .col(uuid_null("delivery_id"))
            .col(uuid_null("actor_user_id"))
            .col(created_at())
            .foreign_key(&mut fk("ledger_entries", "allocation_id", "allocations"))
            .to_owned(),
        Table::create()
            .table("audit_log")
            .col(pk_auto("seq"))
            .col(timestamp_with_time_zone("at"))
            .col(uuid_null("actor_user_id"))
            // Set when a proxy acts: "actor for client".
            .col(uuid_null("acting_for_client_id"))
            .col(uuid_null("client_id"))
            .col(string("action"))
            .col(string("subject_type"))
            .col(string("subject_id"))
            .col(json_null("detail"))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("services", &["purchaser_id", "code"], true),
        index("clients", &["purchaser_id", "personal_id_hash"], true),
        index("mandates", &["proxy_user_id", "client_id"], true),
        index("api_tokens", &["user_id"], false),
        index("applications", &["purchaser_id", "status"], false),
        index("offerings", &["provider_id"], false),
        index("allocations", &["client_id"], false),
        index("commitments", &["allocation_id"], false),
        index("commitments", &["provider_id", "status"], false),
        index("deliveries", &["provider_id", "reference"], true),
        index("deliveries", &["commitment_id"], false),
        index("disputes", &["delivery_id"], false),
        index("ledger_entries", &["allocation_id", "seq"], false),
        index("audit_log", &["client_id", "at"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables(), indexes()).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables().iter().rev() {
            let name = table
                .get_table_name()
                .cloned()
                .ok_or_else(|| DbErr::Migration("table without a name".into()))?;
            manager
                .drop_table(Table::drop().table(name).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
