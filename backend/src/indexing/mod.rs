//! Keeps the search index in step with the database: which offerings are searchable, how
//! their documents are built, and the full rebuild. The outbox worker (`jobs`) calls
//! [`sync_offerings`] for changed offerings; `valinta search reindex` calls [`reindex`].
mod documents;

use std::{collections::HashSet, path::Path, time::Instant};

use anyhow::Context;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use valinta_search::{Engine, SearchError, embedded::EmbeddedEngine, meili::MeiliEngine};

use crate::{
    config::SearchArgs,
    db::{Db, entities::offering},
    domain::ids::OfferingId,
};

pub use documents::build_documents;

/// Opens the configured engine: Meilisearch when `MEILISEARCH_URL` is set (not contacted
/// yet: see [`prepare`]), otherwise the embedded index under the data directory.
pub async fn open_engine(args: &SearchArgs, data_dir: &Path) -> anyhow::Result<Engine> {
    match args
        .meilisearch_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(url) => {
            let engine = MeiliEngine::new(
                url,
                args.meilisearch_key.as_deref(),
                &args.meilisearch_index,
                &place_name_synonyms(),
            )
            .with_context(|| format!("cannot use Meilisearch at MEILISEARCH_URL {url}"))?;
            Ok(Engine::Meilisearch(engine))
        }
        None => {
            let dir = data_dir.join("search-index");
            let engine = EmbeddedEngine::open(&dir)
                .with_context(|| format!("cannot open the search index in {}", dir.display()))?;
            Ok(Engine::Embedded(engine))
        }
    }
}

/// What [`prepare`] found.
pub enum Preparation {
    /// The engine is ready; the report when the index had to be rebuilt from the database.
    Ready(Option<ReindexReport>),
    /// Meilisearch did not answer (the reason); nothing was changed, try again later.
    Unreachable(String),
}

/// Makes the engine ready to use: Meilisearch's index found or made with its settings,
/// and an index that is new, empty or of another version (either engine) rebuilt from the
/// database, so a fresh Meilisearch is filled without a manual reindex. A Meilisearch that
/// does not answer is [`Preparation::Unreachable`], not an error: the server starts anyway
/// and the outbox worker prepares the index once Meilisearch answers. A Meilisearch that
/// answers with a refusal (a wrong key, say) is an error.
pub async fn prepare(db: &Db, engine: &Engine) -> anyhow::Result<Preparation> {
    match engine.prepare().await {
        Ok(()) => {}
        Err(SearchError::Unavailable(why)) => return Ok(Preparation::Unreachable(why)),
        Err(refused) => return Err(anyhow::Error::new(refused).context("cannot use Meilisearch")),
    }
    if !engine.needs_rebuild() {
        return Ok(Preparation::Ready(None));
    }
    let report = reindex(db, engine).await?;
    engine.rebuilt_from_database();
    Ok(Preparation::Ready(Some(report)))
}

/// Every municipality's Finnish and Swedish name as a synonym pair for Meilisearch
/// ("Kerava" ↔ "Kervo"), from the list the rest of the product uses.
fn place_name_synonyms() -> Vec<Vec<String>> {
    crate::domain::municipality::all()
        .iter()
        .filter(|m| m.fi != m.sv)
        .map(|m| vec![m.fi.to_owned(), m.sv.to_owned()])
        .collect()
}

/// Brings the documents of these offerings up to date: searchable ones are upserted, the
/// rest (archived, provider not approved, deleted) removed.
pub async fn sync_offerings(db: &Db, engine: &Engine, ids: &[OfferingId]) -> anyhow::Result<()> {
    let models = offering::Entity::find()
        .filter(offering::Column::Id.is_in(ids.iter().copied()))
        .all(&db.conn)
        .await?;
    let docs = build_documents(&db.conn, models).await?;
    let searchable: HashSet<OfferingId> = docs.iter().map(|d| d.offering_id.into()).collect();
    let gone: Vec<Uuid> = ids
        .iter()
        .copied()
        .filter(|id| !searchable.contains(id))
        .map(Uuid::from)
        .collect();
    if !docs.is_empty() {
        engine.upsert(docs).await?;
    }
    if !gone.is_empty() {
        engine.delete(gone).await?;
    }
    Ok(())
}

pub struct ReindexReport {
    pub documents: usize,
    pub seconds: f64,
}

/// Rebuilds the whole index from the database, in pages.
pub async fn reindex(db: &Db, engine: &Engine) -> anyhow::Result<ReindexReport> {
    const PAGE: u64 = 5000;
    let started = Instant::now();
    engine.clear().await?;
    let mut after: Option<OfferingId> = None;
    let mut documents = 0;
    loop {
        let mut query = offering::Entity::find()
            .filter(offering::Column::Archived.eq(false))
            .order_by_asc(offering::Column::Id)
            .limit(PAGE);
        if let Some(last) = after {
            query = query.filter(offering::Column::Id.gt(last));
        }
        let models = query.all(&db.conn).await?;
        let Some(last) = models.last().map(|m| m.id) else {
            break;
        };
        after = Some(last);
        let docs = build_documents(&db.conn, models).await?;
        documents += docs.len();
        engine.upsert(docs).await?;
    }
    Ok(ReindexReport {
        documents,
        seconds: started.elapsed().as_secs_f64(),
    })
}
