//! What one searcher generation (one committed state of the index) has computed and may
//! reuse: decoded segment data, and the documents and scores of query words and filter
//! terms. Everything here is valid only for its generation: BM25 scores depend on
//! index-wide statistics, and deletes change which documents are alive. A new generation
//! starts with empty word/term sets and reuses the segment data of unchanged segments.
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::{DocId, Score, Searcher, Term};

use super::bits::Bits;
use super::segment::SegmentData;

/// At most this many word/term sets are kept per generation …
const MAX_SETS: usize = 4_096;
/// … and at most this many bytes of them. Least recently used sets go first.
const MAX_SET_BYTES: usize = 64 << 20;

pub(crate) struct Snapshot {
    pub(crate) generation: u64,
    /// In the order of `Searcher::segment_readers`.
    pub(crate) segments: Vec<Arc<SegmentData>>,
    /// Per facet field, every value of any segment, sorted: counts are summed per value id
    /// and turned into named maps once per query, not once per segment.
    pub(crate) facet_names: [Vec<String>; 4],
    /// Per segment and facet field, the value id of each segment ordinal.
    pub(crate) facet_ids: Vec<[Vec<u32>; 4]>,
    keys: Vec<(SegmentId, DocId)>,
    sets: Mutex<Lru<SetKey, Arc<MatchSet>>>,
}

/// What a set of documents was computed for.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) enum SetKey {
    /// A query word with all its forms (see `Inner::word_query`), scored.
    Word(String),
    /// One indexed term (a keyword filter), unscored.
    Term(Term),
}

/// Per segment, the documents a word or term matches (deleted ones included).
pub(crate) struct MatchSet {
    pub(crate) segments: Vec<SegmentMatch>,
}

pub(crate) struct SegmentMatch {
    pub(crate) bits: Bits,
    /// Increasing; with `scores` only for scored sets.
    pub(crate) docs: Vec<DocId>,
    pub(crate) scores: Vec<Score>,
}

impl MatchSet {
    fn heap_bytes(&self) -> usize {
        self.segments
            .iter()
            .map(|s| s.bits.heap_bytes() + s.docs.len() * 4 + s.scores.len() * 4)
            .sum()
    }
}

impl Snapshot {
    /// Reads the segments of `searcher`, reusing those `previous` already read.
    pub(crate) fn build(
        searcher: &Searcher,
        previous: Option<&Snapshot>,
    ) -> tantivy::Result<Snapshot> {
        let mut segments = Vec::new();
        let mut keys = Vec::new();
        for seg in searcher.segment_readers() {
            let key = (seg.segment_id(), seg.num_deleted_docs());
            let reused = previous.and_then(|p| {
                p.keys
                    .iter()
                    .position(|k| *k == key)
                    .map(|i| Arc::clone(&p.segments[i]))
            });
            segments.push(match reused {
                Some(data) => data,
                None => Arc::new(SegmentData::read(seg)?),
            });
            keys.push(key);
        }
        let facet_names = [0, 1, 2, 3].map(|f| {
            let names: BTreeSet<&String> = segments.iter().flat_map(|s| s.facet_names(f)).collect();
            names.into_iter().cloned().collect::<Vec<_>>()
        });
        let facet_ids = segments
            .iter()
            .map(|s| {
                [0, 1, 2, 3].map(|f| {
                    let id = |name: &String| facet_names[f].binary_search(name).unwrap_or(0) as u32;
                    s.facet_names(f).iter().map(id).collect()
                })
            })
            .collect();
        Ok(Snapshot {
            generation: searcher.generation().generation_id(),
            segments,
            facet_names,
            facet_ids,
            keys,
            sets: Mutex::new(Lru::new(MAX_SETS, MAX_SET_BYTES, |s| s.heap_bytes())),
        })
    }

    /// The set for `key`, computed by `compute` on first use. Computation runs outside the
    /// lock: two queries may compute the same set at once, which is harmless.
    pub(crate) fn set(
        &self,
        key: SetKey,
        compute: impl FnOnce() -> tantivy::Result<MatchSet>,
    ) -> tantivy::Result<Arc<MatchSet>> {
        if let Some(found) = self.sets.lock().ok().and_then(|mut lru| lru.get(&key)) {
            return Ok(found);
        }
        let set = Arc::new(compute()?);
        if let Ok(mut lru) = self.sets.lock() {
            lru.insert(key, Arc::clone(&set));
        }
        Ok(set)
    }
}

/// A map that forgets its least recently used entries beyond `max_entries` entries or
/// `max_weight` total weight (at least one entry is always kept).
pub(crate) struct Lru<K, V> {
    map: HashMap<K, (V, u64)>,
    tick: u64,
    weight: usize,
    max_entries: usize,
    max_weight: usize,
    weigh: fn(&V) -> usize,
}

impl<K: Clone + Eq + Hash, V: Clone> Lru<K, V> {
    pub(crate) fn new(max_entries: usize, max_weight: usize, weigh: fn(&V) -> usize) -> Self {
        Lru {
            map: HashMap::new(),
            tick: 0,
            weight: 0,
            max_entries,
            max_weight,
            weigh,
        }
    }

    pub(crate) fn get(&mut self, key: &K) -> Option<V> {
        self.tick += 1;
        let tick = self.tick;
        self.map.get_mut(key).map(|(value, used)| {
            *used = tick;
            value.clone()
        })
    }

    pub(crate) fn insert(&mut self, key: K, value: V) {
        self.tick += 1;
        self.weight += (self.weigh)(&value);
        if let Some((old, _)) = self.map.insert(key, (value, self.tick)) {
            self.weight -= (self.weigh)(&old);
        }
        if self.map.len() > self.max_entries || self.weight > self.max_weight {
            self.evict_oldest();
        }
    }

    /// Drops the least recently used entries down to 90% of both budgets: one sort per
    /// many inserts, rather than a scan per insert.
    fn evict_oldest(&mut self) {
        let mut by_age: Vec<(u64, K)> = self
            .map
            .iter()
            .map(|(k, (_, used))| (*used, k.clone()))
            .collect();
        by_age.sort_unstable_by_key(|(used, _)| *used);
        let (entries, weight) = (self.max_entries / 10 * 9, self.max_weight / 10 * 9);
        for (_, key) in by_age {
            if self.map.len() <= 1 || (self.map.len() <= entries && self.weight <= weight) {
                break;
            }
            if let Some((value, _)) = self.map.remove(&key) {
                self.weight -= (self.weigh)(&value);
            }
        }
    }
}
