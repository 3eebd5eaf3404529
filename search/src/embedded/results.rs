//! An optional cache of whole results, keyed by the full query and valid for one searcher
//! generation: any write empties it. Off by default; the engine is fast without it, and
//! it only pays for identical repeated queries (popular first pages).
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use super::snapshot::Lru;
use crate::{SearchQuery, SearchResults};

#[derive(Default)]
pub(super) struct ResultCache {
    state: Mutex<Option<State>>,
    lookups: AtomicU64,
    hits: AtomicU64,
}

struct State {
    generation: u64,
    capacity: usize,
    entries: Lru<String, SearchResults>,
}

impl ResultCache {
    pub(super) fn set_capacity(&self, capacity: usize) {
        if let Ok(mut state) = self.state.lock() {
            *state = (capacity > 0).then(|| State {
                generation: 0,
                capacity,
                entries: Lru::new(capacity, usize::MAX, |_| 1),
            });
        }
        self.lookups.store(0, Ordering::Relaxed);
        self.hits.store(0, Ordering::Relaxed);
    }

    /// (lookups, hits)
    pub(super) fn stats(&self) -> (u64, u64) {
        (
            self.lookups.load(Ordering::Relaxed),
            self.hits.load(Ordering::Relaxed),
        )
    }

    pub(super) fn get(&self, generation: u64, q: &SearchQuery) -> Option<SearchResults> {
        let mut guard = self.state.lock().ok()?;
        let state = guard.as_mut()?;
        self.lookups.fetch_add(1, Ordering::Relaxed);
        if state.generation != generation {
            return None;
        }
        let found = state.entries.get(&key(q))?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(found)
    }

    pub(super) fn insert(&self, generation: u64, q: &SearchQuery, results: &SearchResults) {
        let Ok(mut guard) = self.state.lock() else {
            return;
        };
        let Some(state) = guard.as_mut() else {
            return;
        };
        if generation < state.generation {
            return;
        }
        if generation > state.generation {
            // A newer index state: everything cached describes an older one.
            state.generation = generation;
            state.entries = Lru::new(state.capacity, usize::MAX, |_| 1);
        }
        state.entries.insert(key(q), results.clone());
    }
}

/// The query's full debug form: every field, floats in round-trip precision.
fn key(q: &SearchQuery) -> String {
    format!("{q:?}")
}
