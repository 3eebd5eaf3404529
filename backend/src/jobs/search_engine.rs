//! The search engine's availability as the outbox worker sees it. An index that could not
//! be prepared at start (Meilisearch did not answer) is prepared, and filled from the
//! database when new, once Meilisearch answers; and after an outage the index changes
//! kept in the outbox are made due at once instead of waiting out their retry backoff
//! (which doubles up to five minutes).
use std::time::Duration;

use tokio::time::Instant;
use valinta_search::Engine;

use crate::{
    db::Db,
    indexing::{self, Preparation},
    outbox::{self, Topic},
};

/// How often the worker asks an engine that is unprepared or down whether it answers:
/// often enough that kept changes arrive within a second of its return, rarely enough to
/// cost nothing.
pub const PROBE_EVERY: Duration = Duration::from_millis(500);

/// The worker's view of an outage: index changes failed because the engine did not
/// answer, and whether a probe has since seen it down.
#[derive(Default)]
pub struct OutageWatch {
    /// An index change failed with the engine unreachable; the watch probes until it ends.
    failing: bool,
    /// A probe saw the engine not answering since. Only then does an answer end an outage:
    /// a change that fails while the engine answers (a slow task, say) keeps its backoff.
    seen_down: bool,
    next_probe: Option<Instant>,
}

impl OutageWatch {
    /// A batch of index changes failed because the engine did not answer.
    pub fn unreachable(&mut self) {
        self.failing = true;
    }

    /// While an outage lasts, asks every [`PROBE_EVERY`] whether the engine answers; when
    /// it answers again, the kept search changes are made due at once.
    pub async fn probe(&mut self, db: &Db, engine: &Engine) {
        if !self.failing || self.next_probe.is_some_and(|at| Instant::now() < at) {
            return;
        }
        self.next_probe = Some(Instant::now() + PROBE_EVERY);
        if !engine.answers().await {
            self.seen_down = true;
            return;
        }
        if self.seen_down {
            make_search_changes_due(db).await;
        }
        *self = OutageWatch::default();
    }
}

/// Prepares an engine that was not prepared at start (Meilisearch did not answer): true
/// once it is ready, with the index rebuilt from the database when it was new, empty or
/// of other settings, and the kept changes made due.
pub async fn catch_up(db: &Db, engine: &Engine) -> bool {
    // The health check has a timeout, preparing has not (a settings change may take a
    // while): a hung Meilisearch must not hold the worker.
    if !engine.answers().await {
        return false;
    }
    match indexing::prepare(db, engine).await {
        Ok(Preparation::Ready(report)) => {
            if let Some(report) = report {
                tracing::info!(
                    documents = report.documents,
                    seconds = report.seconds,
                    "search engine answers: index rebuilt"
                );
            } else {
                tracing::info!("search engine answers: index prepared");
            }
            make_search_changes_due(db).await;
            true
        }
        Ok(Preparation::Unreachable(_)) => false,
        Err(err) => {
            tracing::warn!("search engine: {err:#}");
            false
        }
    }
}

async fn make_search_changes_due(db: &Db) {
    let made_due = async {
        let tx = db.begin_write().await?;
        let rows = outbox::make_due(&*tx, Topic::SearchOffering).await?;
        tx.commit().await?;
        anyhow::Ok(rows)
    };
    match made_due.await {
        Ok(0) => {}
        Ok(rows) => tracing::info!(rows, "search engine answers again: kept changes are due"),
        Err(err) => tracing::warn!("could not make the kept search changes due: {err:#}"),
    }
}
