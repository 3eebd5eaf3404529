//! Search for Valinta: one interface, two engines. The embedded engine (tantivy, index on
//! local disk) is the default; Meilisearch (through `meilisearch-sdk`) is the production
//! engine. Both must pass the same conformance suite (`conformance`).
pub mod conformance;
pub mod embedded;
pub mod load;
pub mod meili;
mod model;
pub mod rating;
pub mod text;

pub use model::*;

/// Larger pages are cut to this size by both engines.
pub const MAX_PER_PAGE: usize = 200;

/// The configured engine. An enum rather than a trait object: two known backends,
/// static dispatch, and `match` makes it obvious where each one is used.
pub enum Engine {
    Embedded(embedded::EmbeddedEngine),
    Meilisearch(meili::MeiliEngine),
}

impl Engine {
    /// Inserts or replaces documents by `offering_id`. Searchable once this returns.
    pub async fn upsert(&self, docs: Vec<OfferingDoc>) -> Result<(), SearchError> {
        match self {
            Engine::Embedded(e) => e.upsert(docs).await,
            Engine::Meilisearch(e) => e.upsert(docs).await,
        }
    }

    /// Removes documents (archived offerings, unapproved providers). Unknown ids are fine.
    pub async fn delete(&self, ids: Vec<uuid::Uuid>) -> Result<(), SearchError> {
        match self {
            Engine::Embedded(e) => e.delete(ids).await,
            Engine::Meilisearch(e) => e.delete(ids).await,
        }
    }

    /// Drops every document (before a full reindex).
    pub async fn clear(&self) -> Result<(), SearchError> {
        match self {
            Engine::Embedded(e) => e.clear().await,
            Engine::Meilisearch(e) => e.clear().await,
        }
    }

    pub async fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError> {
        match self {
            Engine::Embedded(e) => e.search(query).await,
            Engine::Meilisearch(e) => e.search(query).await,
        }
    }

    /// True when the engine is prepared and answers (for `/ready`).
    pub async fn healthy(&self) -> bool {
        match self {
            Engine::Embedded(e) => e.healthy().await,
            Engine::Meilisearch(e) => e.healthy().await,
        }
    }

    /// Meilisearch: finds or makes the index with its settings (see
    /// [`meili::MeiliEngine::prepare`]); an `Unavailable` error means Meilisearch did not
    /// answer and the caller tries again later. The embedded index is prepared when opened.
    pub async fn prepare(&self) -> Result<(), SearchError> {
        match self {
            Engine::Embedded(_) => Ok(()),
            Engine::Meilisearch(e) => e.prepare().await,
        }
    }

    /// True once [`Engine::prepare`] succeeded (always, for the embedded engine).
    pub fn prepared(&self) -> bool {
        match self {
            Engine::Embedded(_) => true,
            Engine::Meilisearch(e) => e.prepared(),
        }
    }

    /// Whether the engine answers at all, prepared or not (to notice the end of an outage).
    pub async fn answers(&self) -> bool {
        match self {
            Engine::Embedded(e) => e.healthy().await,
            Engine::Meilisearch(e) => e.answers().await,
        }
    }

    /// True when the engine's index is new, empty or of another version and must be
    /// rebuilt from the database before it can be trusted.
    pub fn needs_rebuild(&self) -> bool {
        match self {
            Engine::Embedded(e) => e.rebuilt(),
            Engine::Meilisearch(e) => e.stale(),
        }
    }

    /// The caller rebuilt the index from the database ([`Engine::needs_rebuild`] turns
    /// false for Meilisearch; the embedded engine's flag tells how it was opened).
    pub fn rebuilt_from_database(&self) {
        if let Engine::Meilisearch(e) = self {
            e.rebuilt_from_database();
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Engine::Embedded(_) => "embedded",
            Engine::Meilisearch(_) => "meilisearch",
        }
    }
}
