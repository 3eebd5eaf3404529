//! The Meilisearch engine: index settings, the document shape sent to Meilisearch, and the
//! mapping of `SearchQuery` to Meilisearch's filter, sort, paging and facet parameters.
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use meilisearch_sdk::client::Client;
use meilisearch_sdk::errors::{Error as MeiliError, ErrorCode};
use meilisearch_sdk::indexes::Index;
use meilisearch_sdk::search::{MatchingStrategies, SearchResults as MeiliResults, Selectors};
use meilisearch_sdk::settings::{
    FacetingSettings, MinWordSizeForTypos, PaginationSetting, Settings, TypoToleranceSettings,
};
use meilisearch_sdk::task_info::TaskInfo;
use meilisearch_sdk::tasks::Task;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Facets, Filters, Hit, MAX_PER_PAGE, OfferingDoc, SearchError, SearchQuery};
use crate::{SearchResults, Sort, rating, text};

const PRIMARY_KEY: &str = "offering_id";

/// Writes wait for their task so that callers can read their own writes; a reindex of a
/// large batch may legitimately take this long.
const TASK_TIMEOUT: Duration = Duration::from_secs(120);
/// A one-document task usually finishes in a few milliseconds: look early, then back off
/// to a steady poll (a change must be searchable within a second also under load).
const TASK_FIRST_POLL: Duration = Duration::from_millis(2);
const TASK_MAX_POLL: Duration = Duration::from_millis(25);

const HEALTH_TIMEOUT: Duration = Duration::from_secs(2);

/// Page mode counts exactly only up to this many hits; it must exceed the catalogue.
const MAX_TOTAL_HITS: usize = 200_000;
/// Finland has about 300 municipalities; the default of 100 would truncate that facet.
const MAX_VALUES_PER_FACET: usize = 1_000;

/// Facet attributes, in the order of the `Facets` fields.
pub const FACET_ATTRIBUTES: [&str; 4] = ["service_id", "municipalities", "languages", "methods"];

/// The Meilisearch engine, one index per instance.
pub struct MeiliEngine {
    client: Client,
    index: Index,
    /// Boxed: the settings (hundreds of synonyms) are large and read only when preparing.
    settings: Box<Settings>,
    /// Set once [`MeiliEngine::prepare`] has found or made the index with our settings.
    /// Until then nothing is written to or searched in it: a Meilisearch that did not
    /// answer at start is prepared later (by the outbox worker), and index changes wait in
    /// the outbox meanwhile.
    prepared: AtomicBool,
    /// True when the last preparation found the index new, empty or with settings of
    /// another version: its documents must be (re)built from the database.
    stale: AtomicBool,
}

/// The document as Meilisearch stores it: the offering plus the fields only Meilisearch
/// needs (`_geo` for geo sorting, the precomputed Bayesian score for rating sort).
#[derive(Serialize, Deserialize)]
struct MeiliDoc {
    #[serde(flatten)]
    doc: OfferingDoc,
    #[serde(rename = "_geo", default, skip_serializing_if = "Option::is_none")]
    geo: Option<MeiliGeo>,
    rating_score: f64,
    /// Metres from the sort point; only present in geo-sorted search hits.
    #[serde(rename = "_geoDistance", default, skip_serializing)]
    geo_distance: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct MeiliGeo {
    lat: f64,
    lng: f64,
}

impl MeiliEngine {
    /// The engine for this index, without talking to Meilisearch yet (a server must start
    /// even when Meilisearch does not answer); [`MeiliEngine::prepare`] does that.
    /// `place_names` are extra synonym groups (a municipality's Finnish and Swedish name).
    pub fn new(
        url: &str,
        api_key: Option<&str>,
        index: &str,
        place_names: &[Vec<String>],
    ) -> Result<Self, SearchError> {
        let client = Client::new(url, api_key).map_err(meili_err)?;
        Ok(MeiliEngine {
            index: client.index(index),
            client,
            settings: Box::new(settings(place_names)),
            prepared: AtomicBool::new(false),
            stale: AtomicBool::new(false),
        })
    }

    /// [`MeiliEngine::new`] and [`MeiliEngine::prepare`]: an engine ready to use, or the
    /// reason Meilisearch could not be used.
    pub async fn connect(
        url: &str,
        api_key: Option<&str>,
        index: &str,
        place_names: &[Vec<String>],
    ) -> Result<Self, SearchError> {
        let engine = Self::new(url, api_key, index, place_names)?;
        engine.prepare().await?;
        Ok(engine)
    }

    /// Creates the index when missing and applies the settings when they differ from what
    /// the index has; afterwards the engine is [`prepared`](MeiliEngine::prepared) and
    /// [`stale`](MeiliEngine::stale) says whether the index must be rebuilt. Safe to call
    /// again: both steps are idempotent.
    pub async fn prepare(&self) -> Result<(), SearchError> {
        let created = self.create_index().await?;
        let outdated = !self.has_settings(&self.settings).await?;
        if outdated {
            let task = self
                .index
                .set_settings(&self.settings)
                .await
                .map_err(meili_err)?;
            self.wait(task).await?;
        }
        let empty = self.num_docs().await? == 0;
        // Sticky until a rebuild succeeds: a rebuild cut short leaves a partial index that
        // a second preparation would not recognise.
        self.stale
            .fetch_or(created || outdated || empty, Ordering::AcqRel);
        self.prepared.store(true, Ordering::Release);
        Ok(())
    }

    /// The index was rebuilt from the database: no longer stale.
    pub fn rebuilt_from_database(&self) {
        self.stale.store(false, Ordering::Release);
    }

    /// True once the index has been found or made with our settings.
    pub fn prepared(&self) -> bool {
        self.prepared.load(Ordering::Acquire)
    }

    /// True when the index was new, empty or of other settings when it was prepared and
    /// has not been rebuilt since: the caller rebuilds it from the database (an empty
    /// catalogue makes this true at every start, and rebuilding nothing is cheap).
    pub fn stale(&self) -> bool {
        self.stale.load(Ordering::Acquire)
    }

    /// An error for calls made before the index is prepared.
    fn check_prepared(&self) -> Result<(), SearchError> {
        if self.prepared() {
            Ok(())
        } else {
            Err(SearchError::Unavailable(
                "the Meilisearch index is not prepared yet (Meilisearch did not answer)".into(),
            ))
        }
    }

    pub async fn num_docs(&self) -> Result<usize, SearchError> {
        let stats = self.index.get_stats().await.map_err(meili_err)?;
        Ok(stats.number_of_documents)
    }

    /// Whether the index already has every setting in `wanted` (Meilisearch answers all
    /// its settings, defaults included, and lists sortable attributes in its own order).
    async fn has_settings(&self, wanted: &Settings) -> Result<bool, SearchError> {
        let current = self.index.get_settings().await.map_err(meili_err)?;
        let as_json = |s: &Settings| serde_json::to_value(s).unwrap_or_default();
        Ok(settings_contain(&as_json(&current), &as_json(wanted)))
    }

    /// Deletes the whole index (used by tests to clean up their uniquely named index).
    pub async fn drop_index(self) -> Result<(), SearchError> {
        let task = self
            .client
            .delete_index(&self.index.uid)
            .await
            .map_err(meili_err)?;
        self.wait(task).await
    }

    /// Creates the index; true when it was new, false when it existed.
    async fn create_index(&self) -> Result<bool, SearchError> {
        let task = self
            .client
            .create_index(&self.index.uid, Some(PRIMARY_KEY))
            .await
            .map_err(meili_err)?;
        match self.finish(task).await? {
            Task::Failed { content }
                if content.error.error_code == ErrorCode::IndexAlreadyExists =>
            {
                Ok(false)
            }
            other => task_result(other).map(|()| true),
        }
    }

    pub async fn upsert(&self, docs: Vec<OfferingDoc>) -> Result<(), SearchError> {
        self.check_prepared()?;
        if docs.is_empty() {
            return Ok(());
        }
        let docs: Vec<MeiliDoc> = docs.into_iter().map(MeiliDoc::from).collect();
        let task = self
            .index
            .add_or_replace(&docs, Some(PRIMARY_KEY))
            .await
            .map_err(meili_err)?;
        self.wait(task).await
    }

    pub async fn delete(&self, ids: Vec<Uuid>) -> Result<(), SearchError> {
        self.check_prepared()?;
        if ids.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
        let task = self.index.delete_documents(&ids).await.map_err(meili_err)?;
        self.wait(task).await
    }

    pub async fn clear(&self) -> Result<(), SearchError> {
        self.check_prepared()?;
        let task = self.index.delete_all_documents().await.map_err(meili_err)?;
        self.wait(task).await
    }

    pub async fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        self.check_prepared()?;
        // Normalised words, not the raw text: Meilisearch gives `"` and `-` meaning
        // (phrase, negation), and the word caps must match the embedded engine's.
        let words = text::query_words(&q.text).join(" ");
        let filter = filter_expression(&q.filters);
        let sort = sort_rules(q.sort);
        let sort: Vec<&str> = sort.iter().map(String::as_str).collect();
        let mut search = self.index.search();
        search
            .with_query(&words)
            .with_page(q.page.max(1))
            .with_hits_per_page(q.per_page.min(MAX_PER_PAGE))
            // Every word must match, as in the embedded engine (the default drops words).
            .with_matching_strategy(MatchingStrategies::ALL);
        if let Some(filter) = &filter {
            search.with_filter(filter);
        }
        if !sort.is_empty() {
            search.with_sort(&sort);
        }
        if q.facets {
            search.with_facets(Selectors::Some(&FACET_ATTRIBUTES));
        }
        let results: MeiliResults<MeiliDoc> = search.execute().await.map_err(meili_err)?;
        Ok(to_results(results))
    }

    /// Ready to use: prepared, and answering within `HEALTH_TIMEOUT` (a hung server must
    /// not hang `/ready`).
    pub async fn healthy(&self) -> bool {
        self.prepared() && self.answers().await
    }

    /// Whether Meilisearch answers its health check within `HEALTH_TIMEOUT`, prepared or
    /// not (the outbox worker's probe after an outage).
    pub async fn answers(&self) -> bool {
        tokio::time::timeout(HEALTH_TIMEOUT, self.client.is_healthy())
            .await
            .unwrap_or(false)
    }

    /// Waits for a task to succeed or fail. The deadline counts wall time (requests
    /// included), and the poll starts short because most tasks are small.
    async fn finish(&self, task: TaskInfo) -> Result<Task, SearchError> {
        let deadline = Instant::now() + TASK_TIMEOUT;
        let mut pause = TASK_FIRST_POLL;
        loop {
            tokio::time::sleep(pause).await;
            let status = self.client.get_task(&task).await.map_err(meili_err)?;
            if matches!(status, Task::Succeeded { .. } | Task::Failed { .. }) {
                return Ok(status);
            }
            if Instant::now() >= deadline {
                return Err(SearchError::Unavailable(format!(
                    "Meilisearch task {} did not finish within {TASK_TIMEOUT:?}",
                    task.task_uid
                )));
            }
            pause = (pause * 2).min(TASK_MAX_POLL);
        }
    }

    async fn wait(&self, task: TaskInfo) -> Result<(), SearchError> {
        task_result(self.finish(task).await?)
    }
}

impl From<OfferingDoc> for MeiliDoc {
    fn from(doc: OfferingDoc) -> Self {
        MeiliDoc {
            geo: doc.location.map(|p| MeiliGeo {
                lat: p.lat,
                lng: p.lon,
            }),
            rating_score: rating::bayesian_score(doc.rating_average, doc.rating_count),
            geo_distance: None,
            doc,
        }
    }
}

fn task_result(task: Task) -> Result<(), SearchError> {
    match task {
        Task::Succeeded { .. } => Ok(()),
        Task::Failed { content } => Err(SearchError::Index(content.error.to_string())),
        Task::Enqueued { .. } | Task::Processing { .. } => Err(SearchError::Unavailable(
            "Meilisearch task did not finish".into(),
        )),
    }
}

fn to_results(results: MeiliResults<MeiliDoc>) -> SearchResults {
    let total = results
        .total_hits
        .or(results.estimated_total_hits)
        .unwrap_or(0);
    let hits = results
        .hits
        .into_iter()
        .map(|h| Hit {
            distance_km: h.result.geo_distance.map(|m| m / 1000.0),
            doc: h.result.doc,
        })
        .collect();
    let facets = results
        .facet_distribution
        .map(to_facets)
        .unwrap_or_default();
    SearchResults {
        hits,
        total: total as u64,
        facets,
    }
}

fn to_facets(mut distribution: HashMap<String, HashMap<String, usize>>) -> Facets {
    let take = |name: &str| -> BTreeMap<String, u64> {
        distribution
            .remove(name)
            .unwrap_or_default()
            .into_iter()
            .map(|(value, n)| (value, n as u64))
            .collect()
    };
    let [service, municipality, language, method] = FACET_ATTRIBUTES.map(take);
    Facets {
        service,
        municipality,
        language,
        method,
    }
}

/// `Filters` as a Meilisearch filter expression; `None` when nothing is filtered.
pub fn filter_expression(f: &Filters) -> Option<String> {
    let mut parts = Vec::new();
    let mut equals =
        |attribute: &str, value: &str| parts.push(format!("{attribute} = {}", quote(value)));
    if let Some(p) = f.purchaser {
        equals("purchaser_id", &p.to_string());
    }
    if let Some(s) = f.service {
        equals("service_id", &s.to_string());
    }
    for (attribute, value) in [
        ("unit", &f.unit),
        ("municipalities", &f.municipality),
        ("methods", &f.method),
        ("languages", &f.language),
    ] {
        if let Some(v) = value {
            equals(attribute, v);
        }
    }
    for feature in &f.accessibility {
        equals("accessibility", feature);
    }
    if let Some(b) = f.social_care {
        parts.push(format!("social_care = {b}"));
    }
    if let Some(max) = f.max_price_cents {
        parts.push(format!("unit_price_cents <= {max}"));
    }
    if let Some(min) = f.min_rating.filter(|m| !m.is_nan()) {
        // Ratings lie in 1..=5, so clamping keeps the meaning and keeps the number
        // printable (no `inf`). A null rating never passes a comparison.
        parts.push(format!("rating_average >= {}", min.clamp(0.0, 6.0)));
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// A double-quoted filter value. Control characters are dropped (no stored value has
/// them); backslashes and quotes are escaped so a value can never end the string early.
fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars().filter(|c| !c.is_control()) {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Sort rules; ties fall through to the ranking rules (relevance, then newest first).
pub fn sort_rules(sort: Sort) -> Vec<String> {
    match sort {
        Sort::Relevance => Vec::new(),
        Sort::Rating => vec!["rating_score:desc".into()],
        Sort::Price => vec!["unit_price_cents:asc".into()],
        Sort::Distance(p) => vec![format!("_geoPoint({}, {}):asc", p.lat, p.lon)],
    }
}

/// Whether `current` holds every value of `wanted` (nulls in `wanted` are "unset"); the
/// attribute sets compare as sets.
fn settings_contain(current: &serde_json::Value, wanted: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (current, wanted) {
        (_, Value::Null) => true,
        (Value::Object(current), Value::Object(wanted)) => wanted.iter().all(|(key, want)| {
            let have = current.get(key).unwrap_or(&Value::Null);
            match (key.as_str(), have, want) {
                (
                    "sortableAttributes" | "filterableAttributes",
                    Value::Array(a),
                    Value::Array(b),
                ) => {
                    let sorted = |v: &Vec<Value>| {
                        let mut v: Vec<String> = v.iter().map(Value::to_string).collect();
                        v.sort();
                        v
                    };
                    sorted(a) == sorted(b)
                }
                _ => settings_contain(have, want),
            }
        }),
        (current, wanted) => current == wanted,
    }
}

fn settings(place_names: &[Vec<String>]) -> Settings {
    let typo = TypoToleranceSettings {
        enabled: Some(true),
        min_word_size_for_typos: Some(MinWordSizeForTypos {
            one_typo: Some(5),
            two_typos: Some(9),
        }),
        ..TypoToleranceSettings::default()
    };
    Settings::new()
        .with_searchable_attributes([
            "title",
            "service_name",
            "provider_name",
            "description",
            "service_code",
            "municipality_names",
        ])
        .with_filterable_attributes([
            "purchaser_id",
            "service_id",
            "unit",
            "municipalities",
            "languages",
            "methods",
            "accessibility",
            "social_care",
            "unit_price_cents",
            "rating_average",
            "_geo",
        ])
        .with_sortable_attributes(["_geo", "rating_score", "unit_price_cents", "updated_at"])
        // `sort` first: an explicit sort orders all matches, as in the embedded engine;
        // without one, relevance decides and the newest wins ties (and empty queries).
        .with_ranking_rules([
            "sort",
            "words",
            "typo",
            "proximity",
            "attribute",
            "exactness",
            "updated_at:desc",
        ])
        .with_typo_tolerance(typo)
        .with_synonyms(synonym_map(place_names))
        .with_pagination(PaginationSetting {
            max_total_hits: MAX_TOTAL_HITS,
        })
        .with_faceting(FacetingSettings {
            max_values_per_facet: MAX_VALUES_PER_FACET,
            sort_facet_values_by: None,
        })
}

/// Every word of a group maps to the rest of its group: the shared synonym groups, then
/// the place names (lowercase; a name the same in both languages is no group).
fn synonym_map(place_names: &[Vec<String>]) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = text::SYNONYM_GROUPS
        .iter()
        .flat_map(|group| {
            group
                .iter()
                .map(|w| (w.to_string(), text::synonyms(w).map(String::from).collect()))
        })
        .collect();
    for group in place_names {
        let names: Vec<String> = group.iter().map(|n| n.trim().to_lowercase()).collect();
        for name in &names {
            let others: Vec<String> = names.iter().filter(|o| *o != name).cloned().collect();
            if !others.is_empty() && !name.is_empty() {
                let entry = map.entry(name.clone()).or_default();
                entry.extend(others);
                entry.sort();
                entry.dedup();
            }
        }
    }
    map
}

fn meili_err(e: MeiliError) -> SearchError {
    match e {
        MeiliError::Meilisearch(e) => SearchError::Index(e.to_string()),
        other => SearchError::Unavailable(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GeoPoint;

    #[test]
    fn filters_become_a_quoted_conjunction() {
        let f = Filters {
            municipality: Some("091\" OR social_care = true".into()),
            accessibility: vec!["wheelchair".into(), "a\\b".into()],
            social_care: Some(false),
            max_price_cents: Some(5000),
            min_rating: Some(4.5),
            ..Filters::default()
        };
        assert_eq!(
            filter_expression(&f).as_deref(),
            Some(
                "municipalities = \"091\\\" OR social_care = true\" AND accessibility = \"wheelchair\" \
                 AND accessibility = \"a\\\\b\" AND social_care = false AND unit_price_cents <= 5000 \
                 AND rating_average >= 4.5"
            )
        );
        assert_eq!(filter_expression(&Filters::default()), None);
    }

    #[test]
    fn sorts_map_to_meilisearch_rules() {
        assert!(sort_rules(Sort::Relevance).is_empty());
        assert_eq!(sort_rules(Sort::Rating), ["rating_score:desc"]);
        assert_eq!(
            sort_rules(Sort::Distance(GeoPoint {
                lat: 60.17,
                lon: 24.94
            })),
            ["_geoPoint(60.17, 24.94):asc"]
        );
    }

    #[test]
    fn documents_carry_geo_and_score_and_read_back() {
        let doc = crate::conformance::fixtures().remove(0);
        let json = serde_json::to_value(MeiliDoc::from(doc.clone())).unwrap_or_default();
        assert!(json.get("_geo").is_some() == doc.location.is_some());
        assert!(json.get("rating_score").is_some());
        let mut hit = json;
        hit["_geoDistance"] = serde_json::json!(1500.0);
        let back: MeiliDoc = serde_json::from_value(hit).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.doc, doc);
        assert_eq!(back.geo_distance, Some(1500.0));
    }
}
