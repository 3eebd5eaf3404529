//! Query evaluation over bit sets: each query word and each keyword filter is a cached set
//! of documents per segment (see `snapshot`), so a query is a few ANDs, a popcount for the
//! total, popcounts or per-document value lists for facets, and one pass over the matches
//! for the page. Results are those tantivy's collectors give for the same query, including
//! scores and the tie-break on document address; `Inner::search` falls back to tantivy's
//! own scoring where that could not be reproduced exactly.
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::query::{EnableScoring, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, Term};

use super::bits::Bits;
use super::segment::{SegmentData, cheapness, unit_vector};
use super::snapshot::{MatchSet, SegmentMatch, SetKey, Snapshot};
use super::{FacetCounts, Inner, idx_err};
use crate::{Filters, GeoPoint, SearchError, Sort};

/// The matching documents of one segment.
pub(super) struct SegmentMatches {
    pub(super) bits: Bits,
    pub(super) count: u64,
}

/// Everything a query matched, before paging.
pub(super) struct Matches {
    pub(super) segments: Vec<SegmentMatches>,
    words: Vec<Arc<MatchSet>>,
}

impl Matches {
    pub(super) fn total(&self) -> u64 {
        self.segments.iter().map(|s| s.count).sum()
    }

    pub(super) fn facets(&self, snapshot: &Snapshot) -> FacetCounts {
        let mut counts = snapshot.facet_names.each_ref().map(|n| vec![0u64; n.len()]);
        let segments = snapshot.segments.iter().zip(&snapshot.facet_ids);
        for ((seg, ids), m) in segments.zip(&self.segments) {
            seg.count_facets(&m.bits, m.count, ids, &mut counts);
        }
        let mut out = FacetCounts::default();
        for ((names, counts), map) in snapshot.facet_names.iter().zip(counts).zip(&mut out.0) {
            let named = names.iter().zip(counts).filter(|(_, n)| *n > 0);
            map.extend(named.map(|(name, n)| (name.clone(), n)));
        }
        out
    }
}

impl Inner {
    /// The documents matching every word and every filter.
    pub(super) fn matches(
        &self,
        searcher: &Searcher,
        snapshot: &Snapshot,
        words: &[String],
        filters: &Filters,
    ) -> Result<Matches, SearchError> {
        let words = words
            .iter()
            .map(|w| snapshot.set(SetKey::Word(w.clone()), || self.word_set(searcher, w)))
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(idx_err)?;
        let terms = self
            .filter_terms(filters)
            .into_iter()
            .map(|t| snapshot.set(SetKey::Term(t.clone()), || term_set(searcher, t)))
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(idx_err)?;
        let segments = snapshot
            .segments
            .iter()
            .enumerate()
            .map(|(i, seg)| {
                let mut bits = seg.alive.clone();
                for set in words.iter().chain(&terms) {
                    bits.and(&set.segments[i].bits);
                }
                apply_ranges(&mut bits, seg, filters);
                let count = bits.len();
                SegmentMatches { bits, count }
            })
            .collect();
        Ok(Matches { segments, words })
    }

    /// Every document matching `word`, with the score tantivy gives the word's query.
    fn word_set(&self, searcher: &Searcher, word: &str) -> tantivy::Result<MatchSet> {
        let query = self.word_query(word);
        let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|seg| {
                let (mut docs, mut scores) = (Vec::new(), Vec::new());
                weight.for_each(seg, &mut |doc, score| {
                    docs.push(doc);
                    scores.push(score);
                })?;
                let bits = Bits::from_docs(docs.iter().copied(), seg.max_doc());
                Ok(SegmentMatch { bits, docs, scores })
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(MatchSet { segments })
    }

    /// The keyword filters as indexed terms; range filters are applied by `apply_ranges`.
    fn filter_terms(&self, filters: &Filters) -> Vec<Term> {
        let f = &self.f;
        let text = |field, value: &str| Term::from_field_text(field, value);
        let mut out = Vec::new();
        out.extend(filters.purchaser.map(|p| text(f.purchaser, &p.to_string())));
        out.extend(filters.service.map(|s| text(f.service, &s.to_string())));
        for (field, value) in [
            (f.unit, &filters.unit),
            (f.municipality, &filters.municipality),
            (f.method, &filters.method),
            (f.language, &filters.language),
        ] {
            out.extend(value.as_deref().map(|v| text(field, v)));
        }
        out.extend(
            filters
                .accessibility
                .iter()
                .map(|a| text(f.accessibility, a)),
        );
        out.extend(
            filters
                .social_care
                .map(|b| Term::from_field_bool(f.social_care, b)),
        );
        out
    }
}

fn term_set(searcher: &Searcher, term: Term) -> tantivy::Result<MatchSet> {
    let query = tantivy::query::TermQuery::new(term, IndexRecordOption::Basic);
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let segments = searcher
        .segment_readers()
        .iter()
        .map(|seg| {
            let mut bits = Bits::empty(seg.max_doc());
            weight.for_each_no_score(seg, &mut |docs| docs.iter().for_each(|d| bits.insert(*d)))?;
            Ok(SegmentMatch {
                bits,
                docs: Vec::new(),
                scores: Vec::new(),
            })
        })
        .collect::<tantivy::Result<_>>()?;
    Ok(MatchSet { segments })
}

/// The price and rating bounds, with the semantics of the range queries they replace: a
/// document without a value never passes.
fn apply_ranges(bits: &mut Bits, seg: &SegmentData, filters: &Filters) {
    if let Some(max) = filters.max_price_cents {
        bits.retain(|d| seg.price[d as usize].is_some_and(|p| p <= max));
    }
    if let Some(min) = filters.min_rating.filter(|m| !m.is_nan()) {
        bits.retain(|d| seg.rating[d as usize] >= min);
    }
}

/// One ranked document: a sort key (greater is better) and its address.
struct Ranked<K> {
    key: K,
    seg: u32,
    doc: DocId,
}

/// Heap order: the worse document is greater, so the heap's top is the first to drop.
/// Equal keys go to the lower address, as in tantivy's `TopDocs`.
impl<K: PartialOrd> Ord for Ranked<K> {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .key
            .partial_cmp(&self.key)
            .unwrap_or(Ordering::Equal)
            .then((self.seg, self.doc).cmp(&(other.seg, other.doc)))
    }
}

impl<K: PartialOrd> PartialOrd for Ranked<K> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<K: PartialOrd> PartialEq for Ranked<K> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<K: PartialOrd> Eq for Ranked<K> {}

/// The best `k` documents, best first.
struct TopK<K> {
    k: usize,
    heap: BinaryHeap<Ranked<K>>,
}

impl<K: PartialOrd> TopK<K> {
    fn new(k: usize) -> Self {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    fn push(&mut self, key: K, seg: u32, doc: DocId) {
        let candidate = Ranked { key, seg, doc };
        if self.heap.len() < self.k {
            self.heap.push(candidate);
        } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
            self.heap.pop();
            self.heap.push(candidate);
        }
    }

    fn into_addresses(self) -> Vec<DocAddress> {
        let ranked = self.heap.into_sorted_vec();
        ranked
            .into_iter()
            .map(|r| DocAddress::new(r.seg, r.doc))
            .collect()
    }
}

/// The first `k` matches in `sort` order, best first. Relevance with words needs the
/// word scores, which `Matches` carries.
pub(super) fn top(snapshot: &Snapshot, m: &Matches, sort: Sort, k: usize) -> Vec<DocAddress> {
    let segments = || snapshot.segments.iter().zip(&m.segments).enumerate();
    match sort {
        Sort::Relevance if !m.words.is_empty() => by_score(segments(), &m.words, k),
        Sort::Relevance => ranked(
            segments(),
            k,
            |seg| &seg.newest_first,
            |seg, d| seg.updated_at[d],
        ),
        Sort::Rating => ranked(
            segments(),
            k,
            |seg| &seg.best_rated_first,
            |seg, d| (seg.rating_score[d], seg.updated_at[d]),
        ),
        Sort::Price => ranked(
            segments(),
            k,
            |seg| &seg.cheapest_first,
            |seg, d| (cheapness(seg.price[d]), seg.updated_at[d]),
        ),
        Sort::Distance(from) => by_distance(segments(), from, k),
    }
}

type Segments<'a> = std::iter::Enumerate<
    std::iter::Zip<std::slice::Iter<'a, Arc<SegmentData>>, std::slice::Iter<'a, SegmentMatches>>,
>;

/// Ranking by a fixed per-document key. Per segment, the cheaper of two ways: walk the
/// segment's documents in key order until `k` matches are found (expected steps
/// `k · max_doc / matches`), or offer every match to the heap.
fn ranked<K: PartialOrd>(
    segments: Segments<'_>,
    k: usize,
    order: impl Fn(&SegmentData) -> &[DocId],
    key: impl Fn(&SegmentData, usize) -> K,
) -> Vec<DocAddress> {
    let mut top = TopK::new(k);
    for (i, (seg, m)) in segments {
        let walk = (k as u64).saturating_mul(u64::from(seg.max_doc));
        let docs: Box<dyn Iterator<Item = DocId>> = if walk < m.count.saturating_mul(m.count) {
            let ordered = order(seg).iter().copied().filter(|d| m.bits.contains(*d));
            Box::new(ordered.take(k))
        } else {
            Box::new(m.bits.iter())
        };
        for doc in docs {
            top.push(key(seg, doc as usize), i as u32, doc);
        }
    }
    top.into_addresses()
}

/// Relevance with text: the sum of the word scores, newest first among equals. Only used
/// for at most two words, where the sum does not depend on the order tantivy adds in.
fn by_score(segments: Segments<'_>, words: &[Arc<MatchSet>], k: usize) -> Vec<DocAddress> {
    let mut top = TopK::new(k);
    for (i, (seg, m)) in segments {
        let lists: Vec<&SegmentMatch> = words.iter().map(|w| &w.segments[i]).collect();
        let mut cursors = vec![0usize; lists.len()];
        for doc in m.bits.iter() {
            let mut score: Score = 0.0;
            for (list, at) in lists.iter().zip(cursors.iter_mut()) {
                // Every match is in every word's list, so the cursor only moves forward.
                *at = seek(&list.docs, *at, doc);
                score += list.scores[*at];
            }
            top.push((score, seg.updated_at[doc as usize]), i as u32, doc);
        }
    }
    top.into_addresses()
}

/// The position of `doc` in `docs` at or after `from`: galloping, since consecutive matches
/// are usually close together in a word's list.
fn seek(docs: &[DocId], from: usize, doc: DocId) -> usize {
    let mut step = 1;
    let mut low = from;
    while docs.get(low + step).is_some_and(|d| *d <= doc) {
        low += step;
        step *= 2;
    }
    let high = (low + step).min(docs.len());
    low + docs[low..high].partition_point(|d| *d < doc)
}

/// Nearest first, by the same haversine distance the hits report; offerings without a
/// location last. The exact distance takes four trigonometric calls, so a chord length on
/// the unit sphere (monotonic in the distance) first finds the `k`-th nearest, and only
/// documents within a generous rounding margin of it are ranked exactly.
fn by_distance(segments: Segments<'_>, from: GeoPoint, k: usize) -> Vec<DocAddress> {
    let q = unit_vector(from.lat, from.lon);
    let chord =
        |u: &[f64; 3]| (u[0] - q[0]).powi(2) + (u[1] - q[1]).powi(2) + (u[2] - q[2]).powi(2);
    let segments: Vec<_> = segments.collect();
    let mut nearest = BinaryHeap::with_capacity(k + 1);
    let mut located = 0usize;
    for (_, (seg, m)) in &segments {
        for doc in m.bits.iter() {
            let c = chord(&seg.unit[doc as usize]);
            if c.is_nan() {
                continue;
            }
            located += 1;
            if nearest.len() < k {
                nearest.push(OrdF64(c));
            } else if nearest.peek().is_some_and(|kth| c < kth.0) {
                nearest.pop();
                nearest.push(OrdF64(c));
            }
        }
    }
    let limit = match nearest.peek() {
        Some(OrdF64(kth)) if located >= k => kth * (1.0 + 1e-9) + 1e-12,
        _ => f64::INFINITY,
    };
    let include_unlocated = located < k;
    let mut top = TopK::new(k);
    for (i, (seg, m)) in segments {
        for doc in m.bits.iter() {
            let d = doc as usize;
            let c = chord(&seg.unit[d]);
            let nearness = if c.is_nan() {
                if !include_unlocated {
                    continue;
                }
                f64::NEG_INFINITY
            } else if c <= limit {
                let at = GeoPoint {
                    lat: seg.lat[d],
                    lon: seg.lon[d],
                };
                -from.distance_km(&at)
            } else {
                continue;
            };
            top.push((nearness, seg.updated_at[d]), i as u32, doc);
        }
    }
    top.into_addresses()
}

/// A total order on chord lengths (never NaN here).
struct OrdF64(f64);

impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for OrdF64 {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for OrdF64 {}
