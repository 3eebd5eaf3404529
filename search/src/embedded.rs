//! The embedded engine: a tantivy index on local disk (or in RAM for tests), with
//! Finnish/Swedish/English stemming, prefix and typo matching, filters, sorts and facets.
//!
//! Writes go through one `IndexWriter` behind a mutex and commit before returning;
//! searches only use the `IndexReader`, so they never wait for a write.
//!
//! Searches run on bit sets (`exec`): per committed index state (`snapshot`), each query
//! word's matching documents and scores, each keyword filter's documents and each
//! segment's sort keys and facet values (`segment`) are computed once and reused by every
//! query. Results equal tantivy's own collectors (`search_with_collectors`, which still
//! serves relevance over three or more words); `tests/equivalence.rs` checks that.
mod bits;
mod exec;
mod results;
mod segment;
mod snapshot;

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::index::{InvertedIndexReader, SegmentId};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{
    DocAddress, DocId, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Score,
    SegmentOrdinal, SegmentReader, TERMINATED, TantivyDocument, Term,
};
use uuid::Uuid;

use self::bits::Bits;
use self::results::ResultCache;
use self::snapshot::{Lru, Snapshot};
use crate::SearchResults;
use crate::{Facets, Filters, GeoPoint, Hit, MAX_PER_PAGE, OfferingDoc, SearchError, SearchQuery};
use crate::{Sort, rating, text};

/// Bump on any change to the schema, the tokenizers or the stored document format:
/// an index on disk with another version is dropped and rebuilt empty.
const SCHEMA_VERSION: &str = "2";
const VERSION_FILE: &str = "valinta-schema-version";

/// Indexing heap of the single writer thread: bounds memory, and one thread leaves the
/// other core to searches.
const WRITER_HEAP_BYTES: usize = 50_000_000;

/// A stored document is about 1 KB of JSON: blocks of a few documents each.
const DOCSTORE_BLOCK_BYTES: usize = 4_096;

/// Parsed documents kept for the next page that shows them (about 1–2 KB each): the top
/// of the rating, price and newest orders recurs across many different queries.
const CACHED_DOCS: usize = 4_096;

/// Deep paging is refused rather than served slowly: nobody reads page 500.
const MAX_WINDOW: usize = 10_000;

/// Indexed tokens longer than this are dropped (base64 blobs, URLs glued together).
const MAX_TOKEN_BYTES: usize = 100;

const RAW: &str = "v_raw";
const STEM_FI: &str = "v_fi";
const STEM_SV: &str = "v_sv";
const STEM_EN: &str = "v_en";

/// Relative weights of the clauses that one query word expands to.
const BOOST_TITLE: Score = 2.0;
const BOOST_STEM: Score = 0.8;
const BOOST_SYNONYM: Score = 0.5;
const BOOST_FUZZY: Score = 0.3;

/// Relevance over at most this many words is ranked from cached per-word scores: a sum of
/// two floats is the same in any order, so it equals tantivy's. Longer queries are rare
/// and go through tantivy's collectors.
const MAX_SUMMED_WORDS: usize = 2;

/// The tantivy engine. Cheap to clone; clones share the index.
#[derive(Clone)]
pub struct EmbeddedEngine {
    inner: Arc<Inner>,
}

struct Inner {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    f: Fields,
    stemmers: [TextAnalyzer; 3],
    rebuilt: bool,
    /// Reusable work of the current searcher generation (see `snapshot`).
    snapshot: Mutex<Option<Arc<Snapshot>>>,
    /// Recently returned documents by segment and id. A segment's documents never change,
    /// so entries stay valid across generations; those of merged-away segments age out.
    docs: Mutex<Lru<(SegmentId, DocId), Arc<OfferingDoc>>>,
    /// Optional whole-result cache (off unless `set_result_cache` turns it on).
    results: ResultCache,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    doc: Field,
    title: Field,
    text: Field,
    stem: [Field; 3],
    purchaser: Field,
    service: Field,
    unit: Field,
    municipality: Field,
    language: Field,
    method: Field,
    accessibility: Field,
    social_care: Field,
    price: Field,
    rating: Field,
    rating_score: Field,
    lat: Field,
    lon: Field,
    updated_at: Field,
}

/// Facet fields in the order of `FacetCounts`; their names are also their column names.
const FACET_FIELDS: [&str; 4] = ["service_id", "municipality", "language", "method"];
const STEM_LANGS: [&str; 3] = ["fi", "sv", "en"];

impl EmbeddedEngine {
    /// Opens the index in `dir`, creating it when missing. The directory belongs to the
    /// index: when it holds an index of another schema version, its contents are deleted
    /// and an empty index is created (see `rebuilt`).
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir).map_err(io_err)?;
        let schema = schema();
        if let Some(index) = open_current(dir, &schema)? {
            return Self::from_index(index, false);
        }
        wipe_dir(dir)?;
        let index = Index::builder()
            .schema(schema)
            .settings(index_settings())
            .create_in_dir(dir)
            .map_err(idx_err)?;
        std::fs::write(dir.join(VERSION_FILE), SCHEMA_VERSION).map_err(io_err)?;
        Self::from_index(index, true)
    }

    /// An index in RAM, for tests.
    pub fn in_memory() -> Result<Self, SearchError> {
        let index = Index::builder()
            .schema(schema())
            .settings(index_settings())
            .create_in_ram()
            .map_err(idx_err)?;
        Self::from_index(index, true)
    }

    /// True when `open` found no usable index and started empty: the caller should run a
    /// full reindex.
    pub fn rebuilt(&self) -> bool {
        self.inner.rebuilt
    }

    /// Documents currently searchable.
    pub fn num_docs(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    fn from_index(index: Index, rebuilt: bool) -> Result<Self, SearchError> {
        register_tokenizers(&index);
        let f = Fields::of(&index.schema())?;
        let writer = index
            .writer_with_num_threads(1, WRITER_HEAP_BYTES)
            .map_err(idx_err)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(idx_err)?;
        let stemmers = STEM_LANGS.map(|l| analyzer(stem_language(l)));
        let inner = Inner {
            reader,
            writer: Mutex::new(writer),
            f,
            stemmers,
            rebuilt,
            snapshot: Mutex::new(None),
            docs: Mutex::new(Lru::new(CACHED_DOCS, usize::MAX, |_| 1)),
            results: ResultCache::default(),
        };
        Ok(EmbeddedEngine {
            inner: Arc::new(inner),
        })
    }

    pub async fn upsert(&self, docs: Vec<OfferingDoc>) -> Result<(), SearchError> {
        self.blocking(move |inner| inner.upsert(&docs)).await
    }

    pub async fn delete(&self, ids: Vec<Uuid>) -> Result<(), SearchError> {
        self.blocking(move |inner| inner.delete(&ids)).await
    }

    pub async fn clear(&self) -> Result<(), SearchError> {
        self.blocking(Inner::clear).await
    }

    pub async fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError> {
        let query = query.clone();
        self.blocking(move |inner| inner.search(&query)).await
    }

    /// Keeps the results of up to `capacity` distinct queries (0, the default, turns the
    /// cache off). Every index change empties it. An extra layer for repeated queries (the
    /// first pages of popular searches): the engine does not depend on it to be fast.
    pub fn set_result_cache(&self, capacity: usize) {
        self.inner.results.set_capacity(capacity);
    }

    /// Result cache lookups and hits since it was last turned on.
    pub fn result_cache_stats(&self) -> (u64, u64) {
        self.inner.results.stats()
    }

    /// The same search evaluated by tantivy's collectors alone: the reference that the
    /// bit-set evaluation is tested against (`tests/equivalence.rs`).
    #[doc(hidden)]
    pub async fn search_reference(
        &self,
        query: &SearchQuery,
    ) -> Result<SearchResults, SearchError> {
        let query = query.clone();
        self.blocking(move |inner| inner.search_with_collectors(&inner.reader.searcher(), &query))
            .await
    }

    pub async fn healthy(&self) -> bool {
        // `try_lock`: a long write in progress is not ill health, and /ready must not wait.
        !matches!(
            self.inner.writer.try_lock(),
            Err(std::sync::TryLockError::Poisoned(_))
        )
    }

    /// Runs tantivy work off the async runtime: it is CPU-bound and may touch the disk.
    async fn blocking<T, F>(&self, work: F) -> Result<T, SearchError>
    where
        T: Send + 'static,
        F: FnOnce(&Inner) -> Result<T, SearchError> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || work(&inner))
            .await
            .map_err(|e| SearchError::Index(format!("search task failed: {e}")))?
    }
}

impl Inner {
    fn upsert(&self, docs: &[OfferingDoc]) -> Result<(), SearchError> {
        let converted = docs
            .iter()
            .map(|d| self.to_tantivy(d))
            .collect::<Result<Vec<_>, _>>()?;
        self.write(|writer| {
            for (doc, tdoc) in docs.iter().zip(converted) {
                writer.delete_term(self.id_term(doc.offering_id));
                writer.add_document(tdoc)?;
            }
            Ok(())
        })
    }

    fn delete(&self, ids: &[Uuid]) -> Result<(), SearchError> {
        self.write(|writer| {
            for id in ids {
                writer.delete_term(self.id_term(*id));
            }
            Ok(())
        })
    }

    fn clear(&self) -> Result<(), SearchError> {
        self.write(|writer| writer.delete_all_documents().map(drop))
    }

    /// Applies `ops`, commits and reloads the reader before releasing the writer, so the
    /// change is visible to every search started after this returns.
    fn write<F>(&self, ops: F) -> Result<(), SearchError>
    where
        F: FnOnce(&mut IndexWriter) -> tantivy::Result<()>,
    {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Index("index writer poisoned".into()))?;
        if let Err(e) = ops(&mut writer) {
            // Drops the half-applied batch so the next commit does not publish it.
            writer.rollback().map_err(idx_err)?;
            return Err(idx_err(e));
        }
        writer.commit().map_err(idx_err)?;
        self.reader.reload().map_err(idx_err)?;
        // Prepares the new generation now rather than in the first search that needs it.
        self.snapshot(&self.reader.searcher()).map(drop)
    }

    /// The snapshot of `searcher`'s generation, built (reusing unchanged segments) when the
    /// current one is older. A search still holding an older searcher gets a private one.
    fn snapshot(&self, searcher: &tantivy::Searcher) -> Result<Arc<Snapshot>, SearchError> {
        let generation = searcher.generation().generation_id();
        let mut current = self
            .snapshot
            .lock()
            .map_err(|_| SearchError::Index("search snapshot poisoned".into()))?;
        if let Some(s) = current.as_ref().filter(|s| s.generation == generation) {
            return Ok(Arc::clone(s));
        }
        let fresh = Arc::new(Snapshot::build(searcher, current.as_deref()).map_err(idx_err)?);
        if current.as_ref().is_none_or(|s| s.generation < generation) {
            *current = Some(Arc::clone(&fresh));
        }
        Ok(fresh)
    }

    fn id_term(&self, id: Uuid) -> Term {
        Term::from_field_text(self.f.id, &id.to_string())
    }

    fn to_tantivy(&self, d: &OfferingDoc) -> Result<TantivyDocument, SearchError> {
        let f = &self.f;
        let mut t = TantivyDocument::new();
        t.add_text(f.id, d.offering_id.to_string());
        let json = serde_json::to_vec(d).map_err(|e| SearchError::Index(e.to_string()))?;
        t.add_bytes(f.doc, &json);
        for (lang, s) in d.title.iter().chain(&d.service_name) {
            t.add_text(f.title, s);
            self.add_full_text(&mut t, lang, s);
        }
        for (lang, s) in &d.description {
            self.add_full_text(&mut t, lang, s);
        }
        t.add_text(f.text, &d.provider_name);
        for name in &d.municipality_names {
            t.add_text(f.text, name);
        }
        t.add_text(f.text, &d.service_code);
        t.add_text(f.purchaser, d.purchaser_id.to_string());
        t.add_text(f.service, d.service_id.to_string());
        t.add_text(f.unit, &d.unit);
        add_all(&mut t, f.municipality, &d.municipalities);
        add_all(&mut t, f.language, &d.languages);
        add_all(&mut t, f.method, &d.methods);
        add_all(&mut t, f.accessibility, &d.accessibility);
        t.add_bool(f.social_care, d.social_care);
        t.add_i64(f.price, d.unit_price_cents);
        if let Some(avg) = d.rating_average {
            t.add_f64(f.rating, avg);
        }
        t.add_f64(
            f.rating_score,
            rating::bayesian_score(d.rating_average, d.rating_count),
        );
        if let Some(p) = d.location {
            t.add_f64(f.lat, p.lat);
            t.add_f64(f.lon, p.lon);
        }
        t.add_i64(f.updated_at, d.updated_at);
        Ok(t)
    }

    fn add_full_text(&self, t: &mut TantivyDocument, lang: &str, s: &str) {
        t.add_text(self.f.text, s);
        if let Some(i) = STEM_LANGS.iter().position(|l| *l == lang) {
            t.add_text(self.f.stem[i], s);
        }
    }

    fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        if let Some(cached) = self.results.get(generation, q) {
            return Ok(cached);
        }
        let results = self.evaluate(&searcher, q)?;
        self.results.insert(generation, q, &results);
        Ok(results)
    }

    fn evaluate(
        &self,
        searcher: &tantivy::Searcher,
        q: &SearchQuery,
    ) -> Result<SearchResults, SearchError> {
        let words = text::query_words(&q.text);
        let per_page = q.per_page.min(MAX_PER_PAGE);
        let offset = q.page.max(1).saturating_sub(1).saturating_mul(per_page);
        let paged = offset < MAX_WINDOW && per_page > 0;
        if paged && q.sort == Sort::Relevance && words.len() > MAX_SUMMED_WORDS {
            // Mostly one-off queries: computing (and caching) their word sets would cost
            // more than tantivy's single pass.
            return self.search_with_collectors(searcher, q);
        }
        let snapshot = self.snapshot(searcher)?;
        let matches = self.matches(searcher, &snapshot, &words, &q.filters)?;
        let page = if paged {
            let top = exec::top(&snapshot, &matches, q.sort, offset + per_page);
            top.into_iter().skip(offset).collect()
        } else {
            Vec::new()
        };
        let facets = if q.facets {
            matches.facets(&snapshot)
        } else {
            FacetCounts::default()
        };
        Ok(SearchResults {
            hits: self.hits(searcher, &page, q.sort)?,
            total: matches.total(),
            facets: facets.into_facets(),
        })
    }

    /// Tantivy's own evaluation of everything (hits, total, facets) through collectors:
    /// used for relevance over more than `MAX_SUMMED_WORDS` words, where the score is a
    /// float sum whose rounding depends on tantivy's order of adding, and the reference
    /// the bit-set evaluation is tested against.
    fn search_with_collectors(
        &self,
        searcher: &tantivy::Searcher,
        q: &SearchQuery,
    ) -> Result<SearchResults, SearchError> {
        let query = self.build_query(q);
        let per_page = q.per_page.min(MAX_PER_PAGE);
        let offset = q.page.max(1).saturating_sub(1).saturating_mul(per_page);
        let window = (offset < MAX_WINDOW && per_page > 0)
            .then(|| TopDocs::with_limit(per_page).and_offset(offset));
        let facets = FacetCollector { enabled: q.facets };
        let (addrs, total, facets) = match (q.sort, window) {
            (_, None) => {
                let (total, facets) = searcher.search(&query, &(Count, facets)).map_err(idx_err)?;
                (Vec::new(), total, facets)
            }
            (Sort::Relevance, Some(top)) => {
                collect(searcher, &query, top.tweak_score(by_relevance), facets)?
            }
            (Sort::Rating, Some(top)) => {
                collect(searcher, &query, top.tweak_score(by_rating), facets)?
            }
            (Sort::Price, Some(top)) => {
                collect(searcher, &query, top.tweak_score(by_price), facets)?
            }
            (Sort::Distance(p), Some(top)) => {
                collect(searcher, &query, top.tweak_score(by_distance(p)), facets)?
            }
        };
        Ok(SearchResults {
            hits: self.hits(searcher, &addrs, q.sort)?,
            total: total as u64,
            facets: facets.into_facets(),
        })
    }

    /// The page's hits, from the document cache where possible. The lock is taken twice
    /// per page rather than per hit, and never while reading the doc store.
    fn hits(
        &self,
        searcher: &tantivy::Searcher,
        page: &[DocAddress],
        sort: Sort,
    ) -> Result<Vec<Hit>, SearchError> {
        let key = |a: &DocAddress| {
            (
                searcher.segment_reader(a.segment_ord).segment_id(),
                a.doc_id,
            )
        };
        let cached: Vec<Option<Arc<OfferingDoc>>> = match self.docs.lock() {
            Ok(mut docs) => page.iter().map(|a| docs.get(&key(a))).collect(),
            Err(_) => vec![None; page.len()],
        };
        let mut loaded = Vec::new();
        let mut hits = Vec::with_capacity(page.len());
        for (addr, cached) in page.iter().zip(cached) {
            let doc = match cached {
                Some(doc) => doc,
                None => {
                    let doc = Arc::new(self.stored_doc(searcher, *addr)?);
                    loaded.push((key(addr), Arc::clone(&doc)));
                    doc
                }
            };
            let distance_km = match (sort, doc.location) {
                (Sort::Distance(from), Some(at)) => Some(from.distance_km(&at)),
                _ => None,
            };
            hits.push(Hit {
                doc: OfferingDoc::clone(&doc),
                distance_km,
            });
        }
        if let (false, Ok(mut docs)) = (loaded.is_empty(), self.docs.lock()) {
            loaded.into_iter().for_each(|(k, d)| docs.insert(k, d));
        }
        Ok(hits)
    }

    fn stored_doc(
        &self,
        searcher: &tantivy::Searcher,
        addr: DocAddress,
    ) -> Result<OfferingDoc, SearchError> {
        let stored: TantivyDocument = searcher.doc(addr).map_err(idx_err)?;
        let bytes = stored
            .get_first(self.f.doc)
            .and_then(|v| v.as_bytes())
            .ok_or_else(|| SearchError::Index("stored document missing".into()))?;
        serde_json::from_slice(bytes).map_err(|e| SearchError::Index(e.to_string()))
    }

    fn build_query(&self, q: &SearchQuery) -> Box<dyn Query> {
        let words = text::query_words(&q.text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| (Occur::Must, self.word_query(w)))
            .collect();
        for filter in self.filter_queries(&q.filters) {
            // Filters decide membership only; a zero score keeps relevance text-driven.
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
        }
        if clauses.is_empty() {
            return Box::new(AllQuery);
        }
        if words.is_empty() {
            // Keeps documents scoring equally, so relevance falls back to newest first.
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// One query word matches a document when any of its forms does, in any text field:
    /// the exact word (weighted up in titles), its stem per language, a synonym, or a
    /// prefix of an indexed word within the typo budget.
    fn word_query(&self, word: &str) -> Box<dyn Query> {
        let f = &self.f;
        let mut any: Vec<(Occur, Box<dyn Query>)> = vec![
            should(boosted(term_query(f.title, word), BOOST_TITLE)),
            should(term_query(f.text, word)),
        ];
        for (field, stemmer) in f.stem.iter().zip(&self.stemmers) {
            if let Some(stem) = first_token(stemmer, word) {
                any.push(should(boosted(term_query(*field, &stem), BOOST_STEM)));
            }
        }
        for synonym in text::synonyms(word) {
            any.push(should(boosted(term_query(f.text, synonym), BOOST_SYNONYM)));
        }
        let budget = text::typo_budget(word);
        let term = Term::from_field_text(f.text, word);
        if word.chars().count() >= text::MIN_PREFIX_CHARS {
            let fuzzy = FuzzyTermQuery::new_prefix(term, budget, true);
            any.push(should(boosted(Box::new(fuzzy), BOOST_FUZZY)));
        }
        Box::new(BooleanQuery::new(any))
    }

    fn filter_queries(&self, filters: &Filters) -> Vec<Box<dyn Query>> {
        let f = &self.f;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        let keyword = |field: Field, value: &str| -> Box<dyn Query> { term_query(field, value) };
        if let Some(p) = filters.purchaser {
            out.push(keyword(f.purchaser, &p.to_string()));
        }
        if let Some(s) = filters.service {
            out.push(keyword(f.service, &s.to_string()));
        }
        for (field, value) in [
            (f.unit, &filters.unit),
            (f.municipality, &filters.municipality),
            (f.method, &filters.method),
            (f.language, &filters.language),
        ] {
            if let Some(v) = value {
                out.push(keyword(field, v));
            }
        }
        out.extend(
            filters
                .accessibility
                .iter()
                .map(|a| keyword(f.accessibility, a)),
        );
        if let Some(b) = filters.social_care {
            let term = Term::from_field_bool(f.social_care, b);
            out.push(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
        if let Some(max) = filters.max_price_cents {
            let upper = Bound::Included(Term::from_field_i64(f.price, max));
            out.push(Box::new(RangeQuery::new(Bound::Unbounded, upper)));
        }
        if let Some(min) = filters.min_rating.filter(|m| !m.is_nan()) {
            // Unrated documents have no value in this field, so no range admits them.
            let lower = Bound::Included(Term::from_field_f64(f.rating, min));
            out.push(Box::new(RangeQuery::new(lower, Bound::Unbounded)));
        }
        out
    }
}

fn should(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Should, q)
}

fn boosted(q: Box<dyn Query>, boost: Score) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    let term = Term::from_field_text(field, value);
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

fn first_token(analyzer: &TextAnalyzer, word: &str) -> Option<String> {
    let mut analyzer = analyzer.clone();
    let mut stream = analyzer.token_stream(word);
    stream.advance().then(|| stream.token().text.clone())
}

fn add_all(t: &mut TantivyDocument, field: Field, values: &[String]) {
    for v in values {
        t.add_text(field, v);
    }
}

type Collected = (Vec<DocAddress>, usize, FacetCounts);

fn collect<K, C>(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    top: C,
    facets: FacetCollector,
) -> Result<Collected, SearchError>
where
    C: Collector<Fruit = Vec<(K, DocAddress)>>,
{
    let (top, total, facets) = searcher
        .search(query, &(top, Count, facets))
        .map_err(idx_err)?;
    Ok((top.into_iter().map(|(_, a)| a).collect(), total, facets))
}

// Sort keys, best first. Each ends with `updated_at` so that ties go to the newest.

fn by_relevance(seg: &SegmentReader) -> impl Fn(DocId, Score) -> (Score, i64) + use<> {
    let updated = i64_column(seg, "updated_at");
    move |doc, score| (score, first(&updated, doc).unwrap_or(i64::MIN))
}

fn by_rating(seg: &SegmentReader) -> impl Fn(DocId, Score) -> (f64, i64) + use<> {
    let score = f64_column(seg, "rating_score");
    let updated = i64_column(seg, "updated_at");
    move |doc, _| {
        let rating = first(&score, doc).unwrap_or(f64::NEG_INFINITY);
        (rating, first(&updated, doc).unwrap_or(i64::MIN))
    }
}

fn by_price(seg: &SegmentReader) -> impl Fn(DocId, Score) -> (i64, i64) + use<> {
    let price = i64_column(seg, "unit_price_cents");
    let updated = i64_column(seg, "updated_at");
    move |doc, _| {
        let cheapness = first(&price, doc).map_or(i64::MIN, |p| p.saturating_neg());
        (cheapness, first(&updated, doc).unwrap_or(i64::MIN))
    }
}

fn by_distance(
    from: GeoPoint,
) -> impl Fn(&SegmentReader) -> Box<dyn Fn(DocId, Score) -> (f64, i64)> + Send + Sync + 'static {
    move |seg: &SegmentReader| {
        let (lat, lon) = (f64_column(seg, "lat"), f64_column(seg, "lon"));
        let updated = i64_column(seg, "updated_at");
        Box::new(move |doc, _| {
            let at = first(&lat, doc).zip(first(&lon, doc));
            // Nearer is better; no location sorts after every located offering.
            let nearness = at.map_or(f64::NEG_INFINITY, |(lat, lon)| {
                -from.distance_km(&GeoPoint { lat, lon })
            });
            (nearness, first(&updated, doc).unwrap_or(i64::MIN))
        })
    }
}

fn i64_column(seg: &SegmentReader, name: &str) -> Option<tantivy::columnar::Column<i64>> {
    seg.fast_fields().i64(name).ok()
}

fn f64_column(seg: &SegmentReader, name: &str) -> Option<tantivy::columnar::Column<f64>> {
    seg.fast_fields().f64(name).ok()
}

fn first<T>(column: &Option<tantivy::columnar::Column<T>>, doc: DocId) -> Option<T>
where
    T: PartialOrd + Copy + std::fmt::Debug + Send + Sync + 'static,
{
    column.as_ref().and_then(|c| c.first(doc))
}

/// Counts facet values over every matching document without loading stored documents.
/// Per segment it picks the cheapest source: the term dictionary's document frequencies
/// when every document matched, the facet terms' postings when many did, and the
/// fast-field columns of the matching documents when few did.
struct FacetCollector {
    enabled: bool,
}

/// Below this share of a segment's documents, reading columns per match beats walking
/// every facet term's postings.
const POSTINGS_MIN_SHARE: u32 = 16;

#[derive(Default)]
struct FacetCounts([BTreeMap<String, u64>; 4]);

impl FacetCounts {
    fn add(&mut self, other: FacetCounts) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            for (key, n) in theirs {
                *mine.entry(key).or_default() += n;
            }
        }
    }

    fn into_facets(self) -> Facets {
        let [service, municipality, language, method] = self.0;
        Facets {
            service,
            municipality,
            language,
            method,
        }
    }
}

struct FacetSegment {
    fields: Vec<(usize, Arc<InvertedIndexReader>, Option<StrColumn>)>,
    docs: Vec<DocId>,
    max_doc: DocId,
    num_docs: DocId,
    has_deletes: bool,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegment;

    fn for_segment(&self, _: SegmentOrdinal, seg: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let mut fields = Vec::new();
        if self.enabled {
            let schema = seg.schema();
            for (i, name) in FACET_FIELDS.iter().enumerate() {
                let inverted = seg.inverted_index(schema.get_field(name)?)?;
                fields.push((i, inverted, seg.fast_fields().str(name)?));
            }
        }
        Ok(FacetSegment {
            fields,
            docs: Vec::new(),
            max_doc: seg.max_doc(),
            num_docs: seg.num_docs(),
            has_deletes: seg.has_deletes(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<tantivy::Result<FacetCounts>>,
    ) -> tantivy::Result<FacetCounts> {
        let mut total = FacetCounts::default();
        for fruit in fruits {
            total.add(fruit?);
        }
        Ok(total)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = tantivy::Result<FacetCounts>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if !self.fields.is_empty() {
            self.docs.push(doc);
        }
    }

    fn harvest(self) -> tantivy::Result<FacetCounts> {
        let mut out = FacetCounts::default();
        let matched = self.docs.len() as u32;
        if matched == 0 {
            return Ok(out);
        }
        let all_alive = matched == self.num_docs && !self.has_deletes;
        let matching = (matched.saturating_mul(POSTINGS_MIN_SHARE) >= self.num_docs)
            .then(|| Bits::from_docs(self.docs.iter().copied(), self.max_doc));
        for (i, inverted, column) in &self.fields {
            out.0[*i] = if all_alive {
                count_by_doc_freq(inverted)?
            } else if let Some(bits) = &matching {
                count_by_postings(inverted, bits)?
            } else {
                count_by_column(column.as_ref(), &self.docs)
            };
        }
        Ok(out)
    }
}

/// Every document of the segment matched and none is deleted: a term's document
/// frequency is its count.
fn count_by_doc_freq(inverted: &InvertedIndexReader) -> tantivy::Result<BTreeMap<String, u64>> {
    let mut counts = BTreeMap::new();
    let mut terms = inverted.terms().stream()?;
    while terms.advance() {
        let n = u64::from(terms.value().doc_freq);
        if n > 0 {
            counts.insert(String::from_utf8_lossy(terms.key()).into_owned(), n);
        }
    }
    Ok(counts)
}

fn count_by_postings(
    inverted: &InvertedIndexReader,
    matching: &Bits,
) -> tantivy::Result<BTreeMap<String, u64>> {
    let mut counts = BTreeMap::new();
    let mut terms = inverted.terms().stream()?;
    while terms.advance() {
        let mut postings =
            inverted.read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
        let mut n = 0u64;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            n += u64::from(matching.contains(doc));
            doc = postings.advance();
        }
        if n > 0 {
            counts.insert(String::from_utf8_lossy(terms.key()).into_owned(), n);
        }
    }
    Ok(counts)
}

fn count_by_column(column: Option<&StrColumn>, docs: &[DocId]) -> BTreeMap<String, u64> {
    let Some(column) = column else {
        return BTreeMap::new();
    };
    let mut by_ord = vec![0u64; column.num_terms()];
    for doc in docs {
        for ord in column.term_ords(*doc) {
            if let Some(n) = by_ord.get_mut(ord as usize) {
                *n += 1;
            }
        }
    }
    let mut counts = BTreeMap::new();
    let mut key = String::new();
    for (ord, n) in by_ord.into_iter().enumerate().filter(|(_, n)| *n > 0) {
        key.clear();
        if let Ok(true) = column.ord_to_str(ord as u64, &mut key) {
            counts.insert(key.clone(), n);
        }
    }
    counts
}

fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("offering_id", STRING);
    b.add_bytes_field("doc", STORED);
    b.add_text_field("title", full_text(RAW));
    b.add_text_field("text", full_text(RAW));
    b.add_text_field("text_fi", full_text(STEM_FI));
    b.add_text_field("text_sv", full_text(STEM_SV));
    b.add_text_field("text_en", full_text(STEM_EN));
    for keyword in [
        "purchaser_id",
        "service_id",
        "unit",
        "municipality",
        "language",
        "method",
        "accessibility",
    ] {
        b.add_text_field(keyword, STRING | FAST);
    }
    b.add_bool_field("social_care", INDEXED);
    b.add_i64_field("unit_price_cents", INDEXED | FAST);
    b.add_f64_field("rating_average", INDEXED | FAST);
    b.add_f64_field("rating_score", FAST);
    b.add_f64_field("lat", FAST);
    b.add_f64_field("lon", FAST);
    b.add_i64_field("updated_at", FAST);
    b.build()
}

/// Small doc-store blocks: a page of hits reads (and decompresses) one block per hit, and
/// hits are scattered, so block size is almost all of what loading a hit costs.
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..tantivy::IndexSettings::default()
    }
}

/// Term frequencies but no positions: queries are bags of words, and positions would
/// double the postings size.
fn full_text(tokenizer: &str) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqs);
    TextOptions::default().set_indexing_options(indexing)
}

impl Fields {
    fn of(schema: &Schema) -> Result<Fields, SearchError> {
        let get = |name: &str| schema.get_field(name).map_err(idx_err);
        Ok(Fields {
            id: get("offering_id")?,
            doc: get("doc")?,
            title: get("title")?,
            text: get("text")?,
            stem: [get("text_fi")?, get("text_sv")?, get("text_en")?],
            purchaser: get("purchaser_id")?,
            service: get("service_id")?,
            unit: get("unit")?,
            municipality: get("municipality")?,
            language: get("language")?,
            method: get("method")?,
            accessibility: get("accessibility")?,
            social_care: get("social_care")?,
            price: get("unit_price_cents")?,
            rating: get("rating_average")?,
            rating_score: get("rating_score")?,
            lat: get("lat")?,
            lon: get("lon")?,
            updated_at: get("updated_at")?,
        })
    }
}

/// Diacritics are kept: å/ä/ö are letters of their own in Finnish and Swedish
/// ("tuli" ≠ "tüli", "säkki" ≠ "sakki"), and a user who types "stadning" is one typo
/// away from "städning" anyway.
fn analyzer(language: Option<Language>) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser);
    match language {
        Some(l) => builder.filter(Stemmer::new(l)).build(),
        None => builder.build(),
    }
}

fn stem_language(code: &str) -> Option<Language> {
    match code {
        "fi" => Some(Language::Finnish),
        "sv" => Some(Language::Swedish),
        "en" => Some(Language::English),
        _ => None,
    }
}

fn register_tokenizers(index: &Index) {
    let manager = index.tokenizers();
    manager.register(RAW, analyzer(None));
    for (name, lang) in [STEM_FI, STEM_SV, STEM_EN].into_iter().zip(STEM_LANGS) {
        manager.register(name, analyzer(stem_language(lang)));
    }
}

/// The index in `dir`, when there is one of this schema version.
fn open_current(dir: &Path, schema: &Schema) -> Result<Option<Index>, SearchError> {
    let version = std::fs::read_to_string(dir.join(VERSION_FILE)).unwrap_or_default();
    if version.trim() != SCHEMA_VERSION || !dir.join("meta.json").exists() {
        return Ok(None);
    }
    let index = Index::open_in_dir(dir).map_err(idx_err)?;
    Ok((index.schema() == *schema).then_some(index))
}

fn wipe_dir(dir: &Path) -> Result<(), SearchError> {
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(io_err)?;
    }
    Ok(())
}

fn idx_err(e: impl std::fmt::Display) -> SearchError {
    SearchError::Index(e.to_string())
}

fn io_err(e: std::io::Error) -> SearchError {
    SearchError::Index(format!("index directory: {e}"))
}
