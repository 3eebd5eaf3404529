//! Who acts, for whom: people known by their identity code who may have no password or no
//! email address, accounts that can be shut, mandates that end, sessions that remember for
//! whom a proxy acts, single-use links (set or reset a password), sign-in throttling, the
//! OpenID Connect flows in progress, and the provider's last change of bank details.
use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Columns added to existing tables; SQLite takes one column per ALTER TABLE.
fn additions() -> Vec<(&'static str, ColumnDef)> {
    vec![
        // Until the end of this day (Finnish time) the mandate holds; none: until revoked.
        ("mandates", date_null("valid_until")),
        ("mandates", uuid_null("revoked_by")),
        ("mandates", text_null("revoke_reason")),
        // The client a proxy acts for in this session, chosen at sign-in or when switching.
        ("api_tokens", uuid_null("acting_for")),
        // Set when the provider's IBAN or BIC last changed: finance sees it on the next run.
        (
            "providers",
            timestamp_with_time_zone_null("bank_changed_at"),
        ),
    ]
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        // A link sent by email: set a first password, or reset a forgotten one. Stored as a
        // hash; used once; short-lived.
        Table::create()
            .table("account_links")
            .col(string("token_hash").primary_key())
            .col(uuid("user_id"))
            // "set_password" | "reset_password"
            .col(string("purpose"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(timestamp_with_time_zone_null("used_at"))
            .col(created_at())
            .foreign_key(&mut fk("account_links", "user_id", "users"))
            .to_owned(),
        // Failed sign-ins by a keyed hash of the email typed (known or not), so that
        // throttling holds across instances and restarts.
        Table::create()
            .table("sign_in_failures")
            .col(pk_uuid("id"))
            .col(string("email_key"))
            .col(timestamp_with_time_zone("at"))
            .to_owned(),
        // OpenID Connect sign-ins under way: the state is the key (stored hashed), and the
        // row is deleted when the callback uses it, so a replayed callback finds nothing.
        Table::create()
            .table("oidc_flows")
            .col(string("state_hash").primary_key())
            .col(string("nonce"))
            .col(string("pkce_verifier"))
            .col(string("next_path"))
            .col(timestamp_with_time_zone("expires_at"))
            .col(created_at())
            .to_owned(),
        // Clients found to be one person once identity codes were compared in their
        // canonical form (`010180-1232` and `010180Y1232`): a case worker merges them.
        Table::create()
            .table("client_duplicates")
            .col(uuid("client_id").primary_key())
            .col(uuid("same_as"))
            .col(created_at())
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("sign_in_failures", &["email_key", "at"], false),
        index("account_links", &["user_id"], false),
        index("mandates", &["client_id"], false),
    ]
}

/// The users table as it is now: email and password may be missing (a client or a proxy
/// who signs in only with strong identification), a proxy may be known by an identity code,
/// and an account may be deactivated.
fn users_after() -> TableCreateStatement {
    Table::create()
        .table("users")
        .col(pk_uuid("id"))
        .col(string_null("email").unique_key())
        .col(string_null("password_hash"))
        .col(string("name"))
        .col(json("roles"))
        .col(uuid_null("purchaser_id"))
        .col(uuid_null("provider_id"))
        .col(uuid_null("client_id"))
        .col(string_len("locale", 2).default("fi"))
        .col(created_at())
        .col(text_null("personal_id_cipher"))
        .col(string_null("personal_id_hash").unique_key())
        .col(string_null("personal_id_masked"))
        .col(timestamp_with_time_zone_null("deactivated_at"))
        .foreign_key(&mut fk("users", "purchaser_id", "purchasers"))
        .foreign_key(&mut fk("users", "provider_id", "providers"))
        .foreign_key(&mut fk("users", "client_id", "clients"))
        .to_owned()
}

const OLD_USER_COLUMNS: &str = "id, email, password_hash, name, roles, purchaser_id, \
                                provider_id, client_id, locale, created_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                // SQLite cannot drop NOT NULL, so the table is rebuilt the way its manual
                // says (foreign keys off, copy, drop, rename, all in one transaction). The
                // migrator runs SQLite migrations outside a transaction, and one call
                // keeps every statement on one connection.
                let mut create = users_after();
                create.table("users_next");
                let create = create.to_string(SqliteQueryBuilder);
                db.execute_unprepared(&format!(
                    "PRAGMA foreign_keys = OFF;
                     BEGIN;
                     {create};
                     INSERT INTO users_next ({OLD_USER_COLUMNS}) SELECT {OLD_USER_COLUMNS} FROM users;
                     DROP TABLE users;
                     ALTER TABLE users_next RENAME TO users;
                     COMMIT;
                     PRAGMA foreign_keys = ON;"
                ))
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
                     ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
                     ALTER TABLE users ADD COLUMN personal_id_cipher text NULL;
                     ALTER TABLE users ADD COLUMN personal_id_hash varchar NULL UNIQUE;
                     ALTER TABLE users ADD COLUMN personal_id_masked varchar NULL;
                     ALTER TABLE users ADD COLUMN deactivated_at timestamp with time zone NULL;",
                )
                .await?;
            }
        }
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
        // One live mandate per proxy and client; an ended one may be granted again.
        manager
            .drop_index(
                Index::drop()
                    .name("ix_mandates_proxy_user_id_client_id")
                    .table("mandates")
                    .to_owned(),
            )
            .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ix_mandates_live ON mandates (proxy_user_id, client_id) \
             WHERE revoked_at IS NULL",
        )
        .await?;
        create_all(manager, tables(), indexes()).await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "identity and access: going back would lose who may sign in how; restore a backup"
                .into(),
        ))
    }
}
