//! The failover rehearsal (issue #18 item 4): `cargo test -p valinta --test failover`.
//!
//! PostgreSQL (a fresh database on the test server), a private Meilisearch, a real SMTP
//! server, three `valinta serve` instances and haproxy in front of them, all on loopback.
//! A mixed load runs through haproxy for `REHEARSAL_SECONDS` (default 20): searches,
//! orders, deliveries with idempotency keys, reviews, catalogue edits and a settlement in
//! the middle. A third of the way in one instance is killed with SIGKILL and started again
//! three seconds later. Afterwards, each a hard failure: `valinta ledger-check` exits 0;
//! every acknowledged delivery is stored exactly once and no refused one is charged; every
//! delivery of the month is invoiced exactly once; the Meilisearch documents equal the live
//! offerings; every email in the outbox reached the SMTP server exactly once. It prints the
//! throughput, p50/p99 and errors, overall and during the failover.
//!
//! Without haproxy, the Meilisearch binary, PostgreSQL or aiosmtpd it says why and skips,
//! unless `VALINTA_REQUIRE_REHEARSAL=1` (as in CI).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod api;
mod checks;
mod cluster;
mod load;
mod market;
mod stats;

#[allow(dead_code)]
#[path = "../../e2e/harness/ids.rs"]
mod ids;
#[allow(dead_code)]
#[path = "../../e2e/harness/smtp.rs"]
mod smtp;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectOptions, Database};

use crate::api::Api;
use crate::cluster::{ADMIN, Haproxy, Instance, Meilisearch, PostgresDb, SECRET_KEY};
use crate::load::{Books, Load};
use crate::market::Market;

const DEFAULT_POSTGRES_URL: &str = "postgres://root@127.0.0.1:5432/test";
/// How long the killed instance stays away before it is started again.
const DOWN_FOR: Duration = Duration::from_secs(3);

struct Tools {
    postgres: String,
    meilisearch: PathBuf,
    haproxy: String,
}

/// What the rehearsal needs, or why it cannot run here.
async fn tools() -> Result<Tools, String> {
    let haproxy = cluster::haproxy_version()?;
    let meilisearch = cluster::meilisearch_binary()
        .ok_or("no Meilisearch binary (set VALINTA_MEILISEARCH_BIN or put it in ../shared/bin/)")?;
    let postgres =
        std::env::var("VALINTA_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into());
    PostgresDb::reachable(&postgres)
        .await
        .map_err(|e| format!("PostgreSQL at {postgres} does not answer: {e}"))?;
    let aiosmtpd = std::process::Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .output()
        .map_err(|e| format!("python3 is missing: {e}"))?;
    if !aiosmtpd.status.success() {
        return Err("aiosmtpd is missing (pip install aiosmtpd)".into());
    }
    Ok(Tools {
        postgres,
        meilisearch,
        haproxy,
    })
}

fn seconds_from_env() -> Duration {
    let seconds = std::env::var("REHEARSAL_SECONDS")
        .ok()
        .map(|v| {
            v.parse::<u64>()
                .expect("REHEARSAL_SECONDS is a whole number of seconds")
        })
        .unwrap_or(20);
    Duration::from_secs(seconds.max(9))
}

/// Like a test filter: `cargo test -p valinta -- two_hundred` runs every test binary with
/// that argument, and this one should not then spend a minute on the rehearsal.
fn filtered_out() -> bool {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        return true;
    }
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    !filters.is_empty()
        && !filters
            .iter()
            .any(|f| "failover rehearsal".contains(f.as_str()))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    if filtered_out() {
        println!("failover rehearsal: filtered out");
        return;
    }
    let tools = match tools().await {
        Ok(tools) => tools,
        Err(why) if std::env::var("VALINTA_REQUIRE_REHEARSAL").as_deref() == Ok("1") => {
            panic!("the failover rehearsal cannot run: {why} (VALINTA_REQUIRE_REHEARSAL=1)")
        }
        Err(why) => {
            println!("failover rehearsal skipped: {why}");
            return;
        }
    };
    let run = seconds_from_env();
    let began = Instant::now();
    println!(
        "failover rehearsal: {} s of load, {}",
        run.as_secs(),
        tools.haproxy
    );

    let dir = tempfile::Builder::new()
        .prefix("valinta-failover-")
        .tempdir()
        .expect("temp dir");
    let http = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("HTTP client");
    let database = PostgresDb::create(&tools.postgres).await;
    let meili = Meilisearch::start(&tools.meilisearch, dir.path(), &http).await;
    let smtp = smtp::SmtpServer::start();
    let smtp_url = smtp.url();
    let envs: Vec<(String, String)> = [
        ("DATABASE_URL", database.url.as_str()),
        ("VALINTA_SECRET_KEY", SECRET_KEY),
        ("MEILISEARCH_URL", meili.url.as_str()),
        ("MEILISEARCH_KEY", cluster::MEILI_KEY),
        ("MEILISEARCH_INDEX", "offerings"),
        ("SMTP_URL", smtp_url.as_str()),
        ("VALINTA_ADMIN_EMAIL", ADMIN.0),
        ("VALINTA_ADMIN_PASSWORD", ADMIN.1),
        // As deployed: the client's address is the one haproxy adds. Every client of the
        // rehearsal is 127.0.0.1, so sign-in is not limited per address here.
        ("VALINTA_TRUST_FORWARDED_FOR", "true"),
        ("VALINTA_SIGN_IN_PER_MINUTE", "100000"),
        // A claim of the killed instance runs out within the rehearsal, not in 5 minutes.
        ("VALINTA_EMAIL_LEASE_SECS", "10"),
        ("VALINTA_EMAIL_RETRY_MS", "1000"),
        ("RUST_LOG", "warn"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let mut instances: Vec<Instance> = ["a", "b", "c"]
        .iter()
        .map(|name| Instance::new(name, dir.path(), &envs))
        .collect();
    // The first applies the migrations; the others start on the migrated database.
    for instance in &mut instances {
        instance.start(&http).await;
    }
    let haproxy = Haproxy::start(dir.path(), &instances.iter().collect::<Vec<_>>(), &http).await;

    let mut options = ConnectOptions::new(database.url.clone());
    options.max_connections(2).sqlx_logging(false);
    let db = Database::connect(options)
        .await
        .expect("connect to the rehearsal database");

    let mut api = Api::new(&haproxy.url);
    // Enough money for about two thirds of the run at this machine's pace, so that the
    // last third also has deliveries refused as overdraw.
    let granted = format!("{}.00", 80 * run.as_secs());
    // Worth 120.00 a second of the run at the voucher's 40.00 an hour: more than granted.
    let oversized = (3 * run.as_secs()).to_string();
    let market = Market::build(&api, &db, 3, 8, &granted).await;
    let mut books = Books::default();
    for (c, client) in market.clients.iter().enumerate() {
        for (p, provider) in market.providers.iter().enumerate() {
            let id = market::commitment(&api, "setup", client, provider)
                .await
                .expect("a first commitment between every client and provider");
            books.commitments.push((id, p, c));
        }
    }
    let setup = began.elapsed();
    api.restart_clock();
    let load = Arc::new(Load {
        api: Arc::new(api),
        market: Arc::new(market),
        books: Arc::new(Mutex::new(books)),
        run,
        oversized,
    });
    let tasks = load.spawn();
    let midway = {
        let load = Arc::clone(&load);
        tokio::spawn(async move {
            tokio::time::sleep(run / 2).await;
            load.settle().await
        })
    };

    tokio::time::sleep(run / 3).await;
    let killed_at = load.api.now();
    instances[1].kill();
    tokio::time::sleep(DOWN_FOR).await;
    instances[1].start(&http).await;
    // haproxy takes it back after two good checks, half a second apart.
    let window = (killed_at, load.api.now() + Duration::from_secs(1));
    println!(
        "instance b killed at {:.1} s, ready again at {:.1} s",
        killed_at.as_secs_f64(),
        window.1.as_secs_f64() - 1.0
    );

    for task in tasks {
        task.await.expect("a load task panicked");
    }
    let midway = midway.await.expect("the settlement task panicked");
    assert_eq!(midway, Some(201), "the settlement in the middle");
    let samples = load.api.samples();
    // Until the last answer of the load (requests repeated after the end included).
    let load_took = samples
        .iter()
        .map(|s| s.at + s.latency)
        .max()
        .unwrap_or(run);
    let last = load.settle().await;
    assert_eq!(last, Some(201), "the settlement at the end");

    let mut found = checks::Findings::default();
    checks::ledger_check(&instances[0]);
    // Every task has ended: the books are final.
    let books = std::mem::take(&mut *load.books.lock().expect("books"));
    checks::deliveries(&db, &load.market, &books, &mut found).await;
    checks::invoiced_once(&db, &mut found).await;
    checks::index_matches(&db, &meili.url, &mut found).await;
    checks::emails_once(&db, &smtp, &mut found).await;
    let _ = db.close().await;

    println!(
        "\nFailover rehearsal: 3 instances behind haproxy on one PostgreSQL and one Meilisearch; \
         {} s of load ({} s with the last repeats); instance b killed (SIGKILL) at {:.1} s and \
         started again after {} s; set-up {:.0} s, whole run {:.0} s; load average {}.\n",
        run.as_secs(),
        load_took.as_secs(),
        killed_at.as_secs_f64(),
        DOWN_FOR.as_secs(),
        setup.as_secs_f64(),
        began.elapsed().as_secs_f64(),
        // The machine is shared: its load says how far the figures are from an idle one.
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("{}", stats::report(&samples, load_took, window));
    println!(
        "Checks: ledger-check clean; {} deliveries acknowledged, each stored once and charged \
         once; {} refused, none stored; {} without a definite answer; {} invoice lines, one per \
         delivery; settlements answered {:?}; index equals the {} live offerings; {} emails, \
         each arrived once{}; reviews refused: {:?}.",
        found.acknowledged,
        found.refused,
        found.unknown,
        found.invoice_lines,
        books.settlements,
        found.documents,
        found.emails,
        if found.resent_after_kill > 0 {
            format!(
                " ({} claimed by the killed instance arrived again with the same Message-ID)",
                found.resent_after_kill
            )
        } else {
            String::new()
        },
        books.reviews_refused
    );
    drop(haproxy);
    drop(instances);
}
