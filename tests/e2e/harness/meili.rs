//! Meilisearch for the search tests: the shared server `.ci/run` starts (each test its own
//! index, dropped at the end, so tests in parallel never see each other's documents) and
//! private servers a test may stop and start again (an engine that goes down).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Meilisearch's indexing memory for the servers the tests start, as `.ci/run` and the
/// deployment guide set it: Meilisearch clears buffers in proportion to this limit for
/// every batch, so its default (two thirds of the machine's memory) makes a one-document
/// change cost 0.2–0.7 s of CPU (see the README's Search section).
pub const MAX_INDEXING_MEMORY: &str = "1GiB";

/// Which search engine a test's server uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchEngine {
    Embedded,
    Meilisearch,
}

/// The shared Meilisearch of this test run.
#[derive(Clone, Debug)]
pub struct MeiliServerUrl {
    pub url: String,
    pub key: Option<String>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn required() -> bool {
    var("VALINTA_REQUIRE_MEILISEARCH").as_deref() == Some("1")
}

/// The Meilisearch `.ci/run` started (`VALINTA_TEST_MEILISEARCH_URL` and `_KEY`). `None`
/// (with a message naming the test) when there is none; a failure when
/// `VALINTA_REQUIRE_MEILISEARCH=1`, so CI can never skip the Meilisearch variants silently.
pub fn shared_server(test: &str) -> Option<MeiliServerUrl> {
    match var("VALINTA_TEST_MEILISEARCH_URL") {
        Some(url) => Some(MeiliServerUrl {
            url,
            key: var("VALINTA_TEST_MEILISEARCH_KEY"),
        }),
        None if required() => {
            panic!(
                "{test}: VALINTA_REQUIRE_MEILISEARCH=1 but VALINTA_TEST_MEILISEARCH_URL is unset"
            )
        }
        None => {
            eprintln!(
                "{test}: Meilisearch variant skipped (no VALINTA_TEST_MEILISEARCH_URL; \
                 `bash .ci/run` starts ../shared/bin/meilisearch when it is there)"
            );
            None
        }
    }
}

/// The Meilisearch binary for tests that run a private server, or `None` (with a
/// message) when there is none; a failure when `VALINTA_REQUIRE_MEILISEARCH=1`.
pub fn binary(test: &str) -> Option<PathBuf> {
    let candidates = [
        var("VALINTA_MEILISEARCH_BIN").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bin/meilisearch")),
        Some(PathBuf::from("/work/shared/bin/meilisearch")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            !required(),
            "{test}: VALINTA_REQUIRE_MEILISEARCH=1 but no Meilisearch binary was found"
        );
        eprintln!("{test} skipped: no Meilisearch binary (set VALINTA_MEILISEARCH_BIN)");
    }
    found
}

/// A test's own index on a Meilisearch; deleted when dropped.
pub struct MeiliIndex {
    pub server: MeiliServerUrl,
    pub name: String,
}

impl MeiliIndex {
    pub fn new(server: MeiliServerUrl) -> MeiliIndex {
        MeiliIndex {
            server,
            name: format!("t_{}", uuid::Uuid::new_v4().simple()),
        }
    }

    /// The server's environment for this index.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = vec![
            ("MEILISEARCH_URL".to_owned(), self.server.url.clone()),
            ("MEILISEARCH_INDEX".to_owned(), self.name.clone()),
        ];
        if let Some(key) = &self.server.key {
            env.push(("MEILISEARCH_KEY".to_owned(), key.clone()));
        }
        env
    }
}

impl Drop for MeiliIndex {
    fn drop(&mut self) {
        let url = format!("{}/indexes/{}", self.server.url, self.name);
        let key = self.server.key.clone();
        // Drop may run inside the test's runtime; use a fresh one on its own thread.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut request = reqwest::Client::new()
                    .delete(&url)
                    .timeout(Duration::from_secs(10));
                if let Some(key) = key {
                    request = request.bearer_auth(key);
                }
                request.send().await.ok()
            })
        })
        .join();
    }
}

/// A private Meilisearch on loopback with its own database folder, which a test can stop
/// and start again on the same data and port. Killed when dropped.
pub struct PrivateMeili {
    binary: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    key: String,
    child: Option<Child>,
}

impl PrivateMeili {
    pub async fn start(binary: PathBuf) -> PrivateMeili {
        let dir = tempfile::Builder::new()
            .prefix("valinta-meili-")
            .tempdir()
            .expect("create Meilisearch dir");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let mut meili = PrivateMeili {
            binary,
            dir,
            port,
            key: format!("k{}", uuid::Uuid::new_v4().simple()),
            child: None,
        };
        meili.resume().await;
        meili
    }

    pub fn url(&self) -> MeiliServerUrl {
        MeiliServerUrl {
            url: format!("http://127.0.0.1:{}", self.port),
            key: Some(self.key.clone()),
        }
    }

    /// Stops the server abruptly (as a crash would); its data stays.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server (again) on the same data and port and waits for `/health`.
    pub async fn resume(&mut self) {
        let data = self.dir.path();
        let child = Command::new(&self.binary)
            .arg("--db-path")
            .arg(data.join("data.ms"))
            .arg("--dump-dir")
            .arg(data.join("dumps"))
            .arg("--snapshot-dir")
            .arg(data.join("snapshots"))
            .args(["--http-addr", &format!("127.0.0.1:{}", self.port)])
            .args(["--master-key", &self.key, "--no-analytics"])
            // As `.ci/run` and the deployment guide: see the README's Search section.
            .args(["--max-indexing-memory", MAX_INDEXING_MEMORY])
            .args(["--log-level", "WARN"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.binary.display()));
        self.child = Some(child);
        let health = format!("{}/health", self.url().url);
        let http = reqwest::Client::new();
        let started = Instant::now();
        loop {
            let up = http
                .get(&health)
                .timeout(Duration::from_secs(2))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if up {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "Meilisearch did not answer {health} within 60 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for PrivateMeili {
    fn drop(&mut self) {
        self.stop();
    }
}
