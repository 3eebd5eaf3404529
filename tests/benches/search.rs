//! Search benchmark: `cargo bench -p valinta --bench search`.
//!
//! For 10,000 and 100,000 synthetic offerings (`valinta synth`, SQLite), it times the full
//! index build (`valinta search reindex`), starts the real server, and sends a realistic
//! mix of text + filter + facet + sort queries over HTTP from 16 concurrent clients. In the
//! same run the same queries go through a plain SQL `LIKE` scan of the same database (count,
//! one facet and the page: three statements per search) as the baseline, and the ratios
//! baseline / engine are printed. The baseline skips HTTP, which favours it: the ratios
//! understate the engine's lead. Environment: `BENCH_SIZES` (default "10000,100000"),
//! `BENCH_QUERIES` (default 2000). The same queries are then sent to the portal's
//! server-rendered results page (`/search?...`, HTML, 20 results), whose latency and
//! heaviest page size are printed beside the API's.
//!
//! Side by side with Meilisearch (when its binary is found: `VALINTA_MEILISEARCH_BIN`, else
//! `../shared/bin/meilisearch`): a private Meilisearch per size (temporary database, free
//! port), filled by `valinta search reindex` from the same database (timed until its tasks
//! are done), and a second `valinta serve` on that database searching it. The same queries
//! go, interleaved in rounds so that the shared machine's load falls on all alike, to the
//! embedded engine through the API, to Meilisearch through the API and to Meilisearch
//! directly (the request Valinta's Meilisearch engine makes, from the API's own parsing).
//! Printed: each one's median, p99 and throughput, the ratios embedded ÷ Meilisearch,
//! index build times, the servers' memory, and a check that the engines count alike.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::{
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement, Value};
use valinta::routes::search::{SearchParams, parse};
use valinta_search::{MAX_PER_PAGE, meili, text};

const CLIENTS: usize = 16;
const BIN: &str = env!("CARGO_BIN_EXE_valinta");

/// Words clients type: service names and their prefixes in Finnish and Swedish.
const WORDS: [&str; 16] = [
    "kotihoito",
    "siivous",
    "fysioterapia",
    "päivätoiminta",
    "kuljetus",
    "tukihenkilö",
    "ateria",
    "taidekurssi",
    "kuntosali",
    "musiikkiterapia",
    "palveluasuminen",
    "hemvård",
    "städ",
    "färdtjänst",
    "omaishoidon",
    "kotisiivous",
];
const MUNICIPALITIES: [(&str, f64, f64); 8] = [
    ("091", 60.1699, 24.9384),
    ("837", 61.4978, 23.7610),
    ("564", 65.0121, 25.4651),
    ("245", 60.4034, 25.1050),
    ("853", 60.4518, 22.2666),
    ("179", 62.2426, 25.7473),
    ("297", 62.8924, 27.6770),
    ("698", 66.5039, 25.7294),
];

#[derive(Clone, Debug)]
enum SortBy {
    Relevance,
    Rating,
    Price,
    Distance(f64, f64),
}

#[derive(Clone, Debug)]
struct BenchQuery {
    words: Vec<String>,
    municipality: Option<String>,
    service: Option<uuid::Uuid>,
    language: Option<&'static str>,
    max_price_cents: Option<i64>,
    sort: SortBy,
}

/// Swaps two middle letters: one typo, as people make them.
fn misspell(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() >= 6 {
        chars.swap(3, 4);
    }
    chars.into_iter().collect()
}

fn query_mix(count: usize, services: &[uuid::Uuid]) -> Vec<BenchQuery> {
    let mut rng = StdRng::seed_from_u64(7);
    (0..count)
        .map(|_| {
            let word = WORDS.choose(&mut rng).copied().unwrap_or("kotihoito");
            let word = if rng.gen_bool(0.2) {
                misspell(word)
            } else {
                word.to_owned()
            };
            let (code, lat, lon) = *MUNICIPALITIES.choose(&mut rng).unwrap();
            let service = services.choose(&mut rng).copied();
            match rng.gen_range(0..100) {
                0..30 => BenchQuery {
                    words: vec![word],
                    municipality: None,
                    service: None,
                    language: None,
                    max_price_cents: None,
                    sort: SortBy::Relevance,
                },
                30..55 => BenchQuery {
                    words: vec![word],
                    municipality: Some(code.into()),
                    service: None,
                    language: None,
                    max_price_cents: None,
                    sort: SortBy::Relevance,
                },
                55..70 => BenchQuery {
                    words: vec![],
                    municipality: Some(code.into()),
                    service,
                    language: None,
                    max_price_cents: None,
                    sort: SortBy::Rating,
                },
                70..80 => BenchQuery {
                    words: vec![word],
                    municipality: None,
                    service: None,
                    language: None,
                    max_price_cents: Some(5000),
                    sort: SortBy::Price,
                },
                80..90 => BenchQuery {
                    words: vec![],
                    municipality: None,
                    service,
                    language: None,
                    max_price_cents: None,
                    sort: SortBy::Distance(lat, lon),
                },
                _ => BenchQuery {
                    words: vec![
                        word,
                        WORDS
                            .choose(&mut rng)
                            .copied()
                            .unwrap_or("hemvård")
                            .to_owned(),
                    ],
                    municipality: None,
                    service: None,
                    language: Some("sv"),
                    max_price_cents: None,
                    sort: SortBy::Relevance,
                },
            }
        })
        .collect()
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

impl BenchQuery {
    fn http(&self) -> String {
        let mut params = vec![format!("q={}", encode(&self.words.join(" ")))];
        if let Some(m) = &self.municipality {
            params.push(format!("municipality={m}"));
        }
        if let Some(s) = &self.service {
            params.push(format!("service={s}"));
        }
        if let Some(l) = self.language {
            params.push(format!("language={l}"));
        }
        if let Some(p) = self.max_price_cents {
            params.push(format!("max_price={}.{:02}", p / 100, p % 100));
        }
        match self.sort {
            SortBy::Relevance => {}
            SortBy::Rating => params.push("sort=rating".into()),
            SortBy::Price => params.push("sort=price".into()),
            SortBy::Distance(lat, lon) => params.push(format!("sort=distance&lat={lat}&lon={lon}")),
        }
        format!("/api/v1/search?{}", params.join("&"))
    }

    /// The baseline: WHERE clause and values shared by the count, facet and page statements.
    fn sql_where(&self) -> (String, Vec<Value>) {
        let mut clauses = vec!["o.archived = false".to_owned()];
        let mut values = Vec::new();
        for word in &self.words {
            clauses.push("(LOWER(o.title) LIKE ? OR LOWER(o.description) LIKE ?)".into());
            let pattern = format!("%{}%", word.to_lowercase());
            values.push(pattern.clone().into());
            values.push(pattern.into());
        }
        if let Some(m) = &self.municipality {
            clauses.push("o.municipalities LIKE ?".into());
            values.push(format!("%\"{m}\"%").into());
        }
        if let Some(s) = self.service {
            clauses.push("o.service_id = ?".into());
            values.push(s.into());
        }
        if let Some(l) = self.language {
            clauses.push("o.languages LIKE ?".into());
            values.push(format!("%\"{l}\"%").into());
        }
        if let Some(p) = self.max_price_cents {
            clauses.push("o.unit_price_cents <= ?".into());
            values.push(p.into());
        }
        (clauses.join(" AND "), values)
    }

    fn sql_order(&self) -> String {
        match self.sort {
            SortBy::Relevance => "o.updated_at DESC".into(),
            SortBy::Rating => {
                "(17.5 + COALESCE(r.star_total, 0)) * 1.0 / (5 + COALESCE(r.review_count, 0)) DESC"
                    .into()
            }
            SortBy::Price => "o.unit_price_cents ASC".into(),
            SortBy::Distance(lat, lon) => format!(
                "((o.lat - {lat}) * (o.lat - {lat}) + (o.lon - {lon}) * (o.lon - {lon}) * 0.25) ASC"
            ),
        }
    }
}

async fn baseline_search(db: &DatabaseConnection, query: &BenchQuery) {
    let (filter, values) = query.sql_where();
    let from = "FROM offerings o LEFT JOIN offering_ratings r ON r.offering_id = o.id";
    let statements = [
        format!("SELECT COUNT(*) {from} WHERE {filter}"),
        format!("SELECT o.service_id, COUNT(*) {from} WHERE {filter} GROUP BY o.service_id"),
        format!(
            "SELECT o.id, o.title, o.unit_price_cents {from} WHERE {filter} ORDER BY {} LIMIT 20",
            query.sql_order()
        ),
    ];
    for sql in statements {
        db.query_all_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            sql,
            values.clone(),
        ))
        .await
        .unwrap();
    }
}

struct Latencies {
    median: Duration,
    p99: Duration,
    qps: f64,
}

fn summarise(mut samples: Vec<Duration>, wall: Duration) -> Latencies {
    samples.sort();
    let at =
        |q: f64| samples[((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len()) - 1];
    Latencies {
        median: at(0.5),
        p99: at(0.99),
        qps: samples.len() as f64 / wall.as_secs_f64(),
    }
}

/// Runs every item once, spread over `CLIENTS` concurrent workers, timing each: the
/// samples and the wall time.
async fn time_concurrently<T, F, Fut>(items: Arc<Vec<T>>, send: F) -> (Vec<Duration>, Duration)
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (items, next, send) = (items.clone(), next.clone(), send.clone());
            tokio::spawn(async move {
                let mut samples = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let t = Instant::now();
                    send(item.clone()).await;
                    samples.push(t.elapsed());
                }
                samples
            })
        })
        .collect();
    let mut samples = Vec::new();
    for worker in workers {
        samples.extend(worker.await.unwrap());
    }
    (samples, started.elapsed())
}

async fn run_concurrently<T, F, Fut>(items: Arc<Vec<T>>, send: F) -> Latencies
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let (samples, wall) = time_concurrently(items, send).await;
    summarise(samples, wall)
}

/// Runs `args` with the engine chosen by `meili` (the embedded index when `None`).
fn run(args: &[&str], data_dir: &Path, meili: Option<&Meili>) -> Duration {
    let started = Instant::now();
    let status = valinta(args, data_dir, meili)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "valinta {args:?} failed");
    started.elapsed()
}

/// `valinta ARGS --data-dir DIR`, searching Meilisearch when `meili` is given and the
/// embedded index otherwise (whatever the caller's environment says).
fn valinta(args: &[&str], data_dir: &Path, meili: Option<&Meili>) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).arg("--data-dir").arg(data_dir);
    match meili {
        Some(meili) => command
            .env("MEILISEARCH_URL", &meili.url)
            .env("MEILISEARCH_KEY", &meili.key)
            .env("MEILISEARCH_INDEX", MEILI_INDEX),
        None => command
            .env_remove("MEILISEARCH_URL")
            .env_remove("MEILISEARCH_KEY")
            .env_remove("MEILISEARCH_INDEX"),
    };
    command
}

/// Starts `valinta serve` on a free port: the process and its base URL.
fn serve(data_dir: &Path, meili: Option<&Meili>) -> (Child, String) {
    let mut server = valinta(&["serve", "--addr", "127.0.0.1:0"], data_dir, meili)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line.trim().trim_start_matches("listening on ").to_owned();
    assert!(base.starts_with("http://"), "valinta serve said {line:?}");
    (server, base)
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Resident memory of a process: the peak (`VmHWM`) and now (`VmRSS`), in MB.
#[derive(Clone, Copy)]
struct Memory {
    peak_mb: f64,
    now_mb: f64,
}

fn memory(pid: u32) -> Memory {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
            .unwrap_or(f64::NAN)
    };
    Memory {
        peak_mb: field("VmHWM:"),
        now_mb: field("VmRSS:"),
    }
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.0} MB (peak {:.0} MB)", self.now_mb, self.peak_mb)
    }
}

/// The Meilisearch binary: `VALINTA_MEILISEARCH_BIN`, else `../shared/bin/meilisearch`
/// beside the repository.
fn meilisearch_binary() -> Option<PathBuf> {
    let path = std::env::var_os("VALINTA_MEILISEARCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bin/meilisearch")
        });
    path.is_file().then_some(path)
}

/// The index Valinta fills and the direct queries search.
const MEILI_INDEX: &str = "offerings";

/// A private Meilisearch: its own database in a temporary directory and a free loopback
/// port; stopped and its data deleted when dropped.
struct Meili {
    process: Child,
    url: String,
    key: String,
    _data: tempfile::TempDir,
}

impl Meili {
    async fn start(binary: &Path) -> Meili {
        let data = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let key = uuid::Uuid::new_v4().simple().to_string();
        let process = Command::new(binary)
            .arg("--db-path")
            .arg(data.path().join("data.ms"))
            .args(["--http-addr", &format!("127.0.0.1:{port}")])
            .args(["--master-key", &key, "--no-analytics"])
            // Dumps and snapshots default to directories under the working directory.
            .current_dir(data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let meili = Meili {
            process,
            url: format!("http://127.0.0.1:{port}"),
            key,
            _data: data,
        };
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let health = http.get(format!("{}/health", meili.url)).send().await;
            if health.is_ok_and(|r| r.status().is_success()) {
                return meili;
            }
            assert!(Instant::now() < deadline, "Meilisearch did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until no task is enqueued or processing: every document is searchable.
    async fn settle(&self) {
        let http = reqwest::Client::new();
        loop {
            let tasks: serde_json::Value = http
                .get(format!(
                    "{}/tasks?statuses=enqueued,processing&limit=1",
                    self.url
                ))
                .bearer_auth(&self.key)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if tasks["results"].as_array().is_some_and(Vec::is_empty) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A connection pool that sends the master key with every request.
    fn client(&self) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::AUTHORIZATION,
            format!("Bearer {}", self.key).parse().unwrap(),
        );
        reqwest::Client::builder()
            .pool_max_idle_per_host(CLIENTS)
            .default_headers(headers)
            .build()
            .unwrap()
    }
}

impl Drop for Meili {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// One request, ready to send: a GET of `url`, or a POST of the JSON `body`.
#[derive(Clone)]
struct Prepared {
    url: String,
    body: Option<String>,
}

/// One way of asking the mix: its own connection pool and the mix's requests.
#[derive(Clone)]
struct Target {
    http: reqwest::Client,
    requests: Arc<Vec<Prepared>>,
}

impl Target {
    fn api(base: &str, mix: &[BenchQuery]) -> Target {
        Target {
            http: reqwest::Client::builder()
                .pool_max_idle_per_host(CLIENTS)
                .build()
                .unwrap(),
            requests: Arc::new(
                mix.iter()
                    .map(|q| Prepared {
                        url: format!("{base}{}", q.http()),
                        body: None,
                    })
                    .collect(),
            ),
        }
    }

    fn direct(meili: &Meili, mix: &[BenchQuery]) -> Target {
        let url = format!("{}/indexes/{MEILI_INDEX}/search", meili.url);
        Target {
            http: meili.client(),
            requests: Arc::new(
                mix.iter()
                    .map(|q| Prepared {
                        url: url.clone(),
                        body: Some(meili_request(&q.http())),
                    })
                    .collect(),
            ),
        }
    }

    /// Sends a request and returns the answer's body; an unsuccessful answer panics.
    async fn send(http: &reqwest::Client, request: &Prepared) -> impl AsRef<[u8]> + use<> {
        let builder = match &request.body {
            Some(body) => http
                .post(&request.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.clone()),
            None => http.get(&request.url),
        };
        let response = builder.send().await.unwrap();
        let status = response.status();
        let body = response.bytes().await.unwrap();
        assert!(
            status.is_success(),
            "{} answered {status}: {}",
            request.url,
            String::from_utf8_lossy(&body)
        );
        body
    }

    /// The answer to the mix's query `i`.
    async fn json(&self, i: usize) -> serde_json::Value {
        let body = Target::send(&self.http, &self.requests[i]).await;
        serde_json::from_slice(body.as_ref()).unwrap()
    }

    /// Sends requests `range` from `CLIENTS` concurrent workers.
    async fn time(&self, range: std::ops::Range<usize>) -> (Vec<Duration>, Duration) {
        let http = self.http.clone();
        let requests = Arc::new(self.requests[range].to_vec());
        time_concurrently(requests, move |request: Prepared| {
            let http = http.clone();
            async move {
                Target::send(&http, &request).await;
            }
        })
        .await
    }
}

/// Meilisearch's search request for a bench query: the API's own parameter parsing, then
/// the translation Valinta's Meilisearch engine makes (`valinta_search::meili`).
fn meili_request(api_path: &str) -> String {
    let query_string = api_path.split_once('?').map_or("", |(_, q)| q);
    let params: SearchParams = serde_urlencoded::from_str(query_string).unwrap();
    let Ok(q) = parse(&params) else {
        panic!("the API refuses the bench query {api_path}")
    };
    let mut body = serde_json::json!({
        "q": text::query_words(&q.text).join(" "),
        "page": q.page.max(1),
        "hitsPerPage": q.per_page.min(MAX_PER_PAGE),
        "matchingStrategy": "all",
    });
    if let Some(filter) = meili::filter_expression(&q.filters) {
        body["filter"] = filter.into();
    }
    let sort = meili::sort_rules(q.sort);
    if !sort.is_empty() {
        body["sort"] = sort.into();
    }
    if q.facets {
        body["facets"] = meili::FACET_ATTRIBUTES.as_slice().into();
    }
    body.to_string()
}

/// Sends every target's requests in `ROUNDS` interleaved rounds (each round a slice of the
/// mix per target, in rotating order), so that the shared machine's load falls on all
/// targets alike; each target's latencies over the whole mix.
async fn measure_side_by_side(targets: &[Target], queries: usize) -> Vec<Latencies> {
    const ROUNDS: usize = 4;
    let mut samples = vec![Vec::new(); targets.len()];
    let mut walls = vec![Duration::ZERO; targets.len()];
    for round in 0..ROUNDS {
        let range = queries * round / ROUNDS..queries * (round + 1) / ROUNDS;
        for k in 0..targets.len() {
            let t = (round + k) % targets.len();
            let (taken, wall) = targets[t].time(range.clone()).await;
            samples[t].extend(taken);
            walls[t] += wall;
        }
    }
    samples
        .into_iter()
        .zip(walls)
        .map(|(s, w)| summarise(s, w))
        .collect()
}

/// Offering ids of an answer's page, in order: the API's `items`, Meilisearch's `hits`.
fn page_ids(answer: &serde_json::Value) -> Vec<String> {
    let hits = answer["items"]
        .as_array()
        .or_else(|| answer["hits"].as_array());
    hits.into_iter()
        .flatten()
        .map(|h| h["offering_id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn total(answer: &serde_json::Value) -> u64 {
    answer["total"]
        .as_u64()
        .or_else(|| answer["totalHits"].as_u64())
        .unwrap_or(u64::MAX)
}

/// Whether the engines do the same work: the embedded engine's and Meilisearch's totals
/// through the API (filter-only queries must agree; text queries may differ where the
/// engines match words differently), and Meilisearch through the API against Meilisearch
/// directly (same totals and pages: the direct requests are the ones Valinta makes).
async fn check_agreement(
    mix: &[BenchQuery],
    embedded: &Target,
    meili_api: &Target,
    direct: &Target,
) -> Vec<String> {
    const CHECKED: usize = 400;
    let (mut filters_same, mut filters) = (0, 0);
    let (mut text_same, mut texts) = (0, 0);
    let mut direct_same = 0;
    let mut differences = Vec::new();
    let checked = mix.len().min(CHECKED);
    for (i, query) in mix.iter().enumerate().take(checked) {
        let (a, b, c) = (
            embedded.json(i).await,
            meili_api.json(i).await,
            direct.json(i).await,
        );
        let same = total(&a) == total(&b);
        if query.words.is_empty() {
            filters += 1;
            filters_same += usize::from(same && a["facets"] == b["facets"]);
        } else {
            texts += 1;
            text_same += usize::from(same);
        }
        if !same && differences.len() < 4 {
            differences.push(format!(
                "{}: embedded {} vs Meilisearch {}",
                query.http(),
                total(&a),
                total(&b)
            ));
        }
        direct_same += usize::from(total(&b) == total(&c) && page_ids(&b) == page_ids(&c));
    }
    let mut lines = vec![
        format!(
            "filter-only queries with equal totals and facets (embedded vs Meilisearch): {filters_same}/{filters}"
        ),
        format!("text queries with equal totals: {text_same}/{texts}"),
        format!(
            "Meilisearch through the API vs directly, same total and page: {direct_same}/{checked}"
        ),
    ];
    lines.extend(differences.into_iter().map(|d| format!("differs: {d}")));
    lines
}

struct SideBySide {
    index_build: Duration,
    meili_api: Latencies,
    direct: Latencies,
    valinta_memory: Memory,
    meili_memory: Memory,
    agreement: Vec<String>,
}

struct Outcome {
    size: usize,
    index_build: Duration,
    engine: Latencies,
    /// The portal's search results page for the same queries.
    portal: Latencies,
    heaviest_page: usize,
    baseline: Latencies,
    memory: Memory,
    /// Meilisearch's figures for the same mix, when its binary is present.
    meili: Option<SideBySide>,
}

async fn service_ids(base: &str) -> Vec<uuid::Uuid> {
    let http = reqwest::Client::new();
    let purchasers: serde_json::Value = http
        .get(format!("{base}/api/v1/purchasers"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pid = purchasers["items"][0]["id"].as_str().unwrap().to_owned();
    let services: serde_json::Value = http
        .get(format!(
            "{base}/api/v1/purchasers/{pid}/services?per_page=100"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    services["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().parse().unwrap())
        .collect()
}

async fn bench_size(size: usize, queries: usize, meili_binary: Option<&Path>) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    run(
        &["synth", "--offerings", &size.to_string()],
        dir.path(),
        None,
    );
    let index_build = run(&["search", "reindex"], dir.path(), None);
    let (server, base) = serve(dir.path(), None);
    let mix = query_mix(queries, &service_ids(&base).await);
    let embedded = Target::api(&base, &mix);

    // Meilisearch, filled by Valinta from the same database, and a second Valinta on it.
    let meili = match meili_binary {
        Some(binary) => {
            let meili = Meili::start(binary).await;
            let started = Instant::now();
            run(&["search", "reindex"], dir.path(), Some(&meili));
            meili.settle().await;
            let build = started.elapsed();
            let (server, base) = serve(dir.path(), Some(&meili));
            let api = Target::api(&base, &mix);
            let direct = Target::direct(&meili, &mix);
            Some((meili, build, server, api, direct))
        }
        None => None,
    };
    let mut targets = vec![embedded.clone()];
    let mut agreement = Vec::new();
    if let Some((_, _, _, api, direct)) = &meili {
        agreement = check_agreement(&mix, &embedded, api, direct).await;
        targets.extend([api.clone(), direct.clone()]);
    }
    // Warm-up: connections, caches, page cache.
    for target in &targets {
        target.time(0..queries.min(200)).await;
    }
    let mut measured = measure_side_by_side(&targets, queries).await.into_iter();
    let engine = measured.next().unwrap();
    let memory = memory(server.id());
    let meili = meili.map(|(meili, index_build, meili_server, _, _)| {
        let side = SideBySide {
            index_build,
            meili_api: measured.next().unwrap(),
            direct: measured.next().unwrap(),
            valinta_memory: self::memory(meili_server.id()),
            meili_memory: self::memory(meili.process.id()),
            agreement,
        };
        stop(meili_server);
        side
    });

    // The same queries as the portal's server-rendered results page (HTML, 20 per page).
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()
        .unwrap();
    let mix = Arc::new(mix);
    let heaviest = Arc::new(AtomicUsize::new(0));
    let page = {
        let (http, base, heaviest) = (http.clone(), base.clone(), heaviest.clone());
        move |query: BenchQuery| {
            let url = format!(
                "{base}{}",
                query.http().replacen("/api/v1/search", "/search", 1)
            );
            let (http, heaviest) = (http.clone(), heaviest.clone());
            async move {
                let response = http.get(url).send().await.unwrap();
                assert!(
                    response.status().is_success(),
                    "results page answered {}",
                    response.status()
                );
                let body = response.bytes().await.unwrap();
                heaviest.fetch_max(body.len(), Ordering::Relaxed);
            }
        }
    };
    run_concurrently(
        Arc::new(mix.iter().take(200).cloned().collect()),
        page.clone(),
    )
    .await;
    let portal = run_concurrently(mix.clone(), page).await;
    stop(server);

    let db = Database::connect(format!(
        "sqlite://{}?mode=ro",
        dir.path().join("valinta.db").display()
    ))
    .await
    .unwrap();
    let baseline = run_concurrently(mix, move |query| {
        let db = db.clone();
        async move { baseline_search(&db, &query).await }
    })
    .await;
    Outcome {
        size,
        index_build,
        engine,
        portal,
        heaviest_page: heaviest.load(Ordering::Relaxed),
        baseline,
        memory,
        meili,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn latencies(name: &str, l: &Latencies) -> String {
    format!(
        "{name} median {} p99 {} {:.0} q/s",
        ms(l.median),
        ms(l.p99),
        l.qps
    )
}

fn print_outcome(o: &Outcome) {
    let size = o.size;
    println!(
        "{size:>7} offerings: index build {:.1} s | {} | baseline median {} p99 {} {:.0} q/s | ratio baseline/engine median {:.1}x p99 {:.1}x | server RSS {}",
        o.index_build.as_secs_f64(),
        latencies("engine", &o.engine),
        ms(o.baseline.median),
        ms(o.baseline.p99),
        o.baseline.qps,
        ratio(o.baseline.median, o.engine.median),
        ratio(o.baseline.p99, o.engine.p99),
        o.memory,
    );
    println!(
        "{size:>7} offerings: portal results page median {} p99 {} {:.0} pages/s | heaviest page {:.1} KB | ratio baseline/page median {:.1}x | page/API JSON median {:.2}x",
        ms(o.portal.median),
        ms(o.portal.p99),
        o.portal.qps,
        o.heaviest_page as f64 / 1024.0,
        ratio(o.baseline.median, o.portal.median),
        ratio(o.portal.median, o.engine.median),
    );
    let Some(m) = &o.meili else { return };
    println!(
        "{size:>7} offerings: side by side | {} | {} | {}",
        latencies("embedded via API", &o.engine),
        latencies("Meilisearch via API", &m.meili_api),
        latencies("Meilisearch direct", &m.direct),
    );
    println!(
        "{size:>7} offerings: embedded ÷ Meilisearch direct median {:.2}x p99 {:.2}x | embedded ÷ Meilisearch via API median {:.2}x p99 {:.2}x",
        ratio(o.engine.median, m.direct.median),
        ratio(o.engine.p99, m.direct.p99),
        ratio(o.engine.median, m.meili_api.median),
        ratio(o.engine.p99, m.meili_api.p99),
    );
    println!(
        "{size:>7} offerings: index build embedded {:.1} s, Meilisearch {:.1} s | memory: Valinta embedded {}, Valinta on Meilisearch {}, Meilisearch {}",
        o.index_build.as_secs_f64(),
        m.index_build.as_secs_f64(),
        o.memory,
        m.valinta_memory,
        m.meili_memory,
    );
    for line in &m.agreement {
        println!("{size:>7} offerings: check: {line}");
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}

#[tokio::main]
async fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let queries: usize = std::env::var("BENCH_QUERIES")
        .ok()
        .and_then(|q| q.parse().ok())
        .unwrap_or(2000);
    println!("search benchmark: {queries} queries, {CLIENTS} concurrent clients, sizes {sizes:?}");
    let meili_binary = meilisearch_binary();
    match &meili_binary {
        Some(binary) => println!("Meilisearch side by side: {}", binary.display()),
        None => println!(
            "Meilisearch binary not found (VALINTA_MEILISEARCH_BIN or ../shared/bin/meilisearch): embedded engine only"
        ),
    }
    let mut outcomes = Vec::new();
    for size in sizes {
        let outcome = bench_size(size, queries, meili_binary.as_deref()).await;
        print_outcome(&outcome);
        outcomes.push(outcome);
    }
    if let [small, .., large] = outcomes.as_slice() {
        println!(
            "growth {}→{} offerings: engine median {:.1}x, p99 {:.1}x; baseline median {:.1}x",
            small.size,
            large.size,
            ratio(large.engine.median, small.engine.median),
            ratio(large.engine.p99, small.engine.p99),
            ratio(large.baseline.median, small.baseline.median),
        );
    }
    if let Some(large) = outcomes.last() {
        println!(
            "goals at {} offerings: search p99 < 25 ms {} ({}); results page median < 20 ms {} ({})",
            large.size,
            verdict(large.engine.p99 < Duration::from_millis(25)),
            ms(large.engine.p99),
            verdict(large.portal.median < Duration::from_millis(20)),
            ms(large.portal.median),
        );
        if let Some(m) = &large.meili {
            let (median, p99) = (
                ratio(large.engine.median, m.direct.median),
                ratio(large.engine.p99, m.direct.p99),
            );
            println!(
                "goal at {} offerings, {CLIENTS} clients: embedded ≤ 0.5 × Meilisearch direct, median {:.2}x {} and p99 {:.2}x {}",
                large.size,
                median,
                verdict(median <= 0.5),
                p99,
                verdict(p99 <= 0.5),
            );
        }
    }
}
