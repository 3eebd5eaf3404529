//! Test harness: spawning the server, typed HTTP helpers, fixtures and identifier generators.

pub mod app;
pub mod browser;
pub mod client;
pub mod finvoice;
pub mod fixtures;
pub mod form_session;
pub mod hsds;
pub mod ids;
pub mod meili;
pub mod money;
pub mod oidc_provider;
pub mod smtp;

pub use app::{Backend, TestApp};
pub use meili::SearchEngine;

/// Runs a test function once against SQLite and once against PostgreSQL:
///
/// ```ignore
/// async fn a_delivery_moves_money(app: TestApp) { ... }
/// db_test!(a_delivery_moves_money);
/// ```
/// adds a module `a_delivery_moves_money` with the tests `on_sqlite` and `on_postgres`, so
/// `cargo test -p valinta --test e2e -- postgres` runs one backend only. Each test spawns
/// its own server with its own database.
macro_rules! db_test {
    // A test that spawns its own server(s) (with settings of its own) is handed the backend.
    (backend $name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                super::$name($crate::harness::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                super::$name($crate::harness::Backend::Postgres).await;
            }
        }
    };
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                super::$name(
                    $crate::harness::TestApp::spawn($crate::harness::Backend::Sqlite).await,
                )
                .await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                super::$name(
                    $crate::harness::TestApp::spawn($crate::harness::Backend::Postgres).await,
                )
                .await;
            }
        }
    };
}

/// Runs a search test on both databases and both engines: `on_sqlite` and `on_postgres`
/// with the embedded engine, `on_sqlite_meilisearch` and `on_postgres_meilisearch` with a
/// real Meilisearch (each in its own index; skipped, saying so, when the run has none).
macro_rules! search_test {
    // A test that spawns its own server(s) is handed the backend and the engine.
    (backend $name:ident) => {
        mod $name {
            use $crate::harness::{Backend, SearchEngine};

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                super::$name(Backend::Sqlite, SearchEngine::Embedded).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                super::$name(Backend::Postgres, SearchEngine::Embedded).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite_meilisearch() {
                super::$name(Backend::Sqlite, SearchEngine::Meilisearch).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres_meilisearch() {
                super::$name(Backend::Postgres, SearchEngine::Meilisearch).await;
            }
        }
    };
    ($name:ident) => {
        mod $name {
            use $crate::harness::{Backend, SearchEngine, TestApp};

            async fn run(backend: Backend, engine: SearchEngine) {
                let test = module_path!();
                if let Some(app) = TestApp::spawn_search(backend, engine, test).await {
                    super::$name(app).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                run(Backend::Sqlite, SearchEngine::Embedded).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                run(Backend::Postgres, SearchEngine::Embedded).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite_meilisearch() {
                run(Backend::Sqlite, SearchEngine::Meilisearch).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres_meilisearch() {
                run(Backend::Postgres, SearchEngine::Meilisearch).await;
            }
        }
    };
}
