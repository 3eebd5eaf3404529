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
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement, Value};

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

/// Runs every query once, spread over `CLIENTS` concurrent workers, timing each.
async fn run_concurrently<F, Fut>(queries: Arc<Vec<BenchQuery>>, send: F) -> Latencies
where
    F: Fn(BenchQuery) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (queries, next, send) = (queries.clone(), next.clone(), send.clone());
            tokio::spawn(async move {
                let mut samples = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(query) = queries.get(i) else { break };
                    let t = Instant::now();
                    send(query.clone()).await;
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
    summarise(samples, started.elapsed())
}

fn run(args: &[&str], data_dir: &std::path::Path) -> Duration {
    let started = Instant::now();
    let status = Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "valinta {args:?} failed");
    started.elapsed()
}

fn rss_mb(child: &Child) -> f64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

struct Outcome {
    size: usize,
    index_build: Duration,
    engine: Latencies,
    /// The portal's search results page for the same queries.
    portal: Latencies,
    heaviest_page: usize,
    baseline: Latencies,
    rss_mb: f64,
}

async fn bench_size(size: usize, queries: usize) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    run(&["synth", "--offerings", &size.to_string()], dir.path());
    let index_build = run(&["search", "reindex"], dir.path());
    let mut server = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
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
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .build()
        .unwrap();

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
    let service_ids: Vec<uuid::Uuid> = services["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().parse().unwrap())
        .collect();
    let mix = Arc::new(query_mix(queries, &service_ids));

    let send = {
        let (http, base) = (http.clone(), base.clone());
        move |query: BenchQuery| {
            let (http, url) = (http.clone(), format!("{base}{}", query.http()));
            async move {
                let response = http.get(url).send().await.unwrap();
                assert!(
                    response.status().is_success(),
                    "search answered {}",
                    response.status()
                );
                response.bytes().await.unwrap();
            }
        }
    };
    // Warm-up: connections, caches, page cache.
    run_concurrently(
        Arc::new(mix.iter().take(200).cloned().collect()),
        send.clone(),
    )
    .await;
    let engine = run_concurrently(mix.clone(), send).await;
    // The same queries as the portal's server-rendered results page (HTML, 20 per page).
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
    let rss_mb = rss_mb(&server);
    let _ = server.kill();
    let _ = server.wait();

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
        rss_mb,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
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
    let mut outcomes = Vec::new();
    for size in sizes {
        let outcome = bench_size(size, queries).await;
        println!(
            "{:>7} offerings: index build {:.1} s | engine median {} p99 {} {:.0} q/s | baseline median {} p99 {} {:.0} q/s | ratio baseline/engine median {:.1}x p99 {:.1}x | server RSS {:.0} MB",
            outcome.size,
            outcome.index_build.as_secs_f64(),
            ms(outcome.engine.median),
            ms(outcome.engine.p99),
            outcome.engine.qps,
            ms(outcome.baseline.median),
            ms(outcome.baseline.p99),
            outcome.baseline.qps,
            outcome.baseline.median.as_secs_f64() / outcome.engine.median.as_secs_f64(),
            outcome.baseline.p99.as_secs_f64() / outcome.engine.p99.as_secs_f64(),
            outcome.rss_mb,
        );
        println!(
            "{:>7} offerings: portal results page median {} p99 {} {:.0} pages/s | heaviest page {:.1} KB | ratio baseline/page median {:.1}x | page/API JSON median {:.2}x",
            outcome.size,
            ms(outcome.portal.median),
            ms(outcome.portal.p99),
            outcome.portal.qps,
            outcome.heaviest_page as f64 / 1024.0,
            outcome.baseline.median.as_secs_f64() / outcome.portal.median.as_secs_f64(),
            outcome.portal.median.as_secs_f64() / outcome.engine.median.as_secs_f64(),
        );
        outcomes.push(outcome);
    }
    if let [small, .., large] = outcomes.as_slice() {
        println!(
            "growth {}→{} offerings: engine median {:.1}x, p99 {:.1}x; baseline median {:.1}x",
            small.size,
            large.size,
            large.engine.median.as_secs_f64() / small.engine.median.as_secs_f64(),
            large.engine.p99.as_secs_f64() / small.engine.p99.as_secs_f64(),
            large.baseline.median.as_secs_f64() / small.baseline.median.as_secs_f64(),
        );
    }
}
