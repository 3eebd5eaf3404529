//! Identity codes at rest. Codes written before the century signs were compared in their
//! canonical form were hashed as typed, so `010180Y1232` and `010180-1232` could become two
//! clients. At start the stored codes are hashed again in canonical form; a client whose
//! canonical hash belongs to another client of the same purchaser keeps its old hash and
//! is recorded in `client_duplicates` for a case worker to merge (merging moves money and
//! history, which is a person's decision, not a migration's).
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::{
    db::{
        Db,
        entities::{client, client_duplicate},
    },
    domain::ids::ClientId,
    error::AppResult,
    vault::Vault,
};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub rehashed: usize,
    pub duplicates: usize,
}

pub async fn canonicalise(db: &Db, vault: &Vault) -> AppResult<Report> {
    let mut report = Report::default();
    let clients = client::Entity::find().all(&db.conn).await?;
    for stored in clients {
        let code = match vault.decrypt(&stored.personal_id_cipher) {
            Ok(code) => code,
            Err(e) => {
                tracing::warn!(client = %stored.id, "identity code does not decrypt: {e}");
                continue;
            }
        };
        let canonical = vault.lookup_hash(&code);
        if canonical == stored.personal_id_hash {
            continue;
        }
        let tx = db.begin_write().await?;
        let twin = client::Entity::find()
            .filter(client::Column::PurchaserId.eq(stored.purchaser_id))
            .filter(client::Column::PersonalIdHash.eq(canonical.as_str()))
            .one(&*tx)
            .await?;
        match twin {
            Some(twin) => {
                client_duplicate::Entity::insert(client_duplicate::ActiveModel {
                    client_id: Set(stored.id),
                    same_as: Set(twin.id),
                    created_at: Set(Utc::now()),
                })
                .on_conflict_do_nothing_on([client_duplicate::Column::ClientId])
                .exec(&*tx)
                .await?;
                report.duplicates += 1;
            }
            None => {
                let mut active = stored.into_active_model();
                active.personal_id_hash = Set(canonical);
                active.update(&*tx).await?;
                report.rehashed += 1;
            }
        }
        tx.commit().await?;
    }
    if report.duplicates > 0 {
        tracing::warn!(
            duplicates = report.duplicates,
            "clients found to be the same person as another client (see client_duplicates)"
        );
    }
    Ok(report)
}

/// The other clients recorded as the same person as `client` (either way round), by name,
/// for the case worker's page.
pub async fn same_person_as(
    conn: &impl sea_orm::ConnectionTrait,
    client_id: ClientId,
) -> AppResult<Vec<(ClientId, String)>> {
    let id = client_id;
    let pairs = client_duplicate::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(client_duplicate::Column::ClientId.eq(id))
                .add(client_duplicate::Column::SameAs.eq(id)),
        )
        .all(conn)
        .await?;
    let others: Vec<ClientId> = pairs
        .iter()
        .map(|p| {
            if p.client_id == id {
                p.same_as
            } else {
                p.client_id
            }
        })
        .collect();
    if others.is_empty() {
        return Ok(Vec::new());
    }
    Ok(client::Entity::find()
        .filter(client::Column::Id.is_in(others))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}
