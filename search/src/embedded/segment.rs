//! Per-segment data that every query reads, decoded once per segment (and delete state)
//! into plain arrays: fast-field columns are compact but cost a codec step per read, and a
//! broad query reads a sort key for tens of thousands of documents.
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, SegmentReader};

use super::FACET_FIELDS;
use super::bits::Bits;

/// Facet counts come either from one AND + popcount pass per facet value, or from the
/// values of each matching document, whichever is cheaper; visiting one value of one
/// match costs about this many popcount words.
const SPARSE_STEP_COST: u64 = 4;

pub(crate) struct SegmentData {
    pub(crate) max_doc: DocId,
    /// Documents not deleted.
    pub(crate) alive: Bits,
    /// Sort keys and filter values, one per document. Missing values take the sort key
    /// tantivy's collectors used (`i64::MIN`, negative infinity), so they sort last.
    pub(crate) updated_at: Vec<i64>,
    pub(crate) rating_score: Vec<f64>,
    /// `None` when the document has no value: no price bound admits it.
    pub(crate) price: Vec<Option<i64>>,
    /// NaN when unrated: no rating bound admits it.
    pub(crate) rating: Vec<f64>,
    /// Degrees; NaN when the offering has no location.
    pub(crate) lat: Vec<f64>,
    pub(crate) lon: Vec<f64>,
    /// Position on the unit sphere, for a cheap nearness pre-selection (see `exec`).
    pub(crate) unit: Vec<[f64; 3]>,
    /// Every document (deleted ones too), best first, for the sorts with a fixed key.
    pub(crate) newest_first: Vec<DocId>,
    pub(crate) best_rated_first: Vec<DocId>,
    pub(crate) cheapest_first: Vec<DocId>,
    facets: [FacetColumn; 4],
}

/// One facet field: each document's values (deduplicated) and each value's documents.
struct FacetColumn {
    names: Vec<String>,
    offsets: Vec<u32>,
    ords: Vec<u32>,
    docs_of: Vec<Bits>,
}

impl SegmentData {
    pub(crate) fn read(seg: &SegmentReader) -> tantivy::Result<SegmentData> {
        let max_doc = seg.max_doc();
        let alive = match seg.alive_bitset() {
            Some(a) => Bits::from_docs(a.iter_alive(), max_doc),
            None => Bits::from_docs(0..max_doc, max_doc),
        };
        let ff = seg.fast_fields();
        let (lat, lon) = (
            read_f64(ff.f64("lat").ok(), max_doc, f64::NAN),
            read_f64(ff.f64("lon").ok(), max_doc, f64::NAN),
        );
        let unit = lat
            .iter()
            .zip(&lon)
            .map(|(a, o)| unit_vector(*a, *o))
            .collect();
        let [service, municipality, language, method] =
            FACET_FIELDS.map(|name| FacetColumn::read(ff.str(name), max_doc));
        let updated_at: Vec<i64> = read_i64(ff.i64("updated_at").ok(), max_doc)
            .map(|v| v.unwrap_or(i64::MIN))
            .collect();
        let rating_score = read_f64(ff.f64("rating_score").ok(), max_doc, f64::NEG_INFINITY);
        let price: Vec<Option<i64>> = read_i64(ff.i64("unit_price_cents").ok(), max_doc).collect();
        let newest_first = order(max_doc, |d| updated_at[d]);
        let best_rated_first = order(max_doc, |d| (rating_score[d], updated_at[d]));
        let cheapest_first = order(max_doc, |d| (cheapness(price[d]), updated_at[d]));
        Ok(SegmentData {
            max_doc,
            alive,
            rating: read_f64(ff.f64("rating_average").ok(), max_doc, f64::NAN),
            updated_at,
            rating_score,
            price,
            lat,
            lon,
            unit,
            newest_first,
            best_rated_first,
            cheapest_first,
            facets: [service?, municipality?, language?, method?],
        })
    }

    /// The values of facet field `field` (in `FACET_FIELDS` order), by segment ordinal.
    pub(crate) fn facet_names(&self, field: usize) -> &[String] {
        &self.facets[field].names
    }

    /// Adds the facet counts of the matching documents (`n` of them) to `out`, indexed by
    /// snapshot-wide value ids: `ids[field][segment ordinal]`.
    pub(crate) fn count_facets(
        &self,
        matching: &Bits,
        n: u64,
        ids: &[Vec<u32>; 4],
        out: &mut [Vec<u64>; 4],
    ) {
        if n == 0 {
            return;
        }
        let words = u64::from(self.max_doc).div_ceil(64);
        for ((column, ids), counts) in self.facets.iter().zip(ids).zip(out.iter_mut()) {
            // One popcount pass per value against one visit per value of each match,
            // weighted by measured cost (a popcount word is much the cheaper step).
            let dense_cost = column.names.len() as u64 * words;
            let sparse_cost = n * (column.ords.len() as u64 + 1) / u64::from(self.max_doc.max(1));
            if dense_cost <= sparse_cost.saturating_mul(SPARSE_STEP_COST) {
                column.count_dense(matching, ids, counts);
            } else {
                column.count_sparse(matching, ids, counts);
            }
        }
    }
}

impl FacetColumn {
    fn read(
        column: tantivy::Result<Option<StrColumn>>,
        max_doc: DocId,
    ) -> tantivy::Result<FacetColumn> {
        let mut out = FacetColumn {
            names: Vec::new(),
            offsets: vec![0],
            ords: Vec::new(),
            docs_of: Vec::new(),
        };
        let Some(column) = column? else {
            out.offsets.resize(max_doc as usize + 1, 0);
            return Ok(out);
        };
        let mut name = String::new();
        for ord in 0..column.num_terms() as u64 {
            name.clear();
            column.ord_to_str(ord, &mut name)?;
            out.names.push(name.clone());
        }
        out.docs_of = vec![Bits::empty(max_doc); out.names.len()];
        for doc in 0..max_doc {
            let start = out.ords.len();
            for ord in column.term_ords(doc) {
                let ord = ord as u32;
                if !out.ords[start..].contains(&ord) {
                    out.ords.push(ord);
                    out.docs_of[ord as usize].insert(doc);
                }
            }
            out.offsets.push(out.ords.len() as u32);
        }
        Ok(out)
    }

    fn count_dense(&self, matching: &Bits, ids: &[u32], counts: &mut [u64]) {
        for (docs, id) in self.docs_of.iter().zip(ids) {
            counts[*id as usize] += matching.and_len(docs);
        }
    }

    fn count_sparse(&self, matching: &Bits, ids: &[u32], counts: &mut [u64]) {
        let mut by_ord = vec![0u64; self.names.len()];
        for doc in matching.iter() {
            let (from, to) = (self.offsets[doc as usize], self.offsets[doc as usize + 1]);
            for ord in &self.ords[from as usize..to as usize] {
                by_ord[*ord as usize] += 1;
            }
        }
        for (n, id) in by_ord.into_iter().zip(ids) {
            counts[*id as usize] += n;
        }
    }
}

/// The price sort key: cheaper is greater; no price sorts last.
pub(crate) fn cheapness(price: Option<i64>) -> i64 {
    price.map_or(i64::MIN, i64::saturating_neg)
}

/// Documents by `key`, greatest first, and by id among equal keys (tantivy's tie-break).
fn order<K: PartialOrd>(max_doc: DocId, key: impl Fn(usize) -> K) -> Vec<DocId> {
    let mut docs: Vec<DocId> = (0..max_doc).collect();
    docs.sort_by(|a, b| {
        key(*b as usize)
            .partial_cmp(&key(*a as usize))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(b))
    });
    docs
}

fn read_i64(column: Option<Column<i64>>, max_doc: DocId) -> impl Iterator<Item = Option<i64>> {
    (0..max_doc).map(move |doc| column.as_ref().and_then(|c| c.first(doc)))
}

fn read_f64(column: Option<Column<f64>>, max_doc: DocId, missing: f64) -> Vec<f64> {
    (0..max_doc)
        .map(|doc| {
            column
                .as_ref()
                .and_then(|c| c.first(doc))
                .unwrap_or(missing)
        })
        .collect()
}

/// The point on the unit sphere; NaN coordinates for a missing location.
pub(crate) fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}
