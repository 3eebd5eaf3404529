//! Delivery benchmark (issue #19): `cargo bench -p valinta --bench deliveries`.
//!
//! How fast Valinta records deliveries compared with what its database can do at all, in one
//! run on one machine.
//!
//! PostgreSQL: the bench **starts a private PostgreSQL cluster** (`initdb` into a temporary
//! directory under the cargo target dir, its own free port on 127.0.0.1, default fsync
//! settings, `pg_stat_statements` loaded; run as the `postgres` user when the bench runs as
//! root) and stops and deletes it at the end, so the shared test server is not touched.
//! On it, `pgbench -N` (the simple-update transaction: update an account, read it, append to
//! history) runs with 16 clients for `BENCH_SECONDS`. Then Valinta is started against a
//! second database of the same cluster, and 16 concurrent HTTP clients (one keep-alive
//! connection each) record deliveries with `POST /api/v1/commitments/{id}/deliveries`
//! spread round-robin over 64 accepted commitments on 64 allocations, for the same time.
//!
//! SQLite: there is no pgbench, so the baseline is the same pgbench `-N` transaction run by
//! this program on a SQLite file with Valinta's own settings (WAL, `synchronous=NORMAL`,
//! the sqlx driver, one in-process write gate as Valinta's write transactions take), from 16
//! tasks for the same time. Valinta then runs on its own SQLite file as above.
//!
//! Printed: both rates, the ratio Valinta / baseline, Valinta's p50/p99 latency, and on
//! PostgreSQL the statements per delivery (from `pg_stat_statements`, with the most frequent
//! ones). Checked afterwards: every allocation reconciles (its balance columns equal the sum
//! of its ledger entries), the spent sum equals the purchaser shares of the accepted
//! deliveries, and the deliveries stored are exactly the ones answered 201.
//!
//! Environment: `BENCH_SECONDS` (default 20), `BENCH_DATABASES` (default "sqlite,postgres"),
//! `BENCH_CLIENTS` (default 16), `BENCH_COMMITMENTS` (default 64), `BENCH_PG_BIN` (default
//! `/usr/lib/postgresql/15/bin`), `BENCH_SERVER_LOG` (the server's `RUST_LOG`, default warn).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "shared/server.rs"]
mod server;

use server::{ADMIN, Server, call, login};

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use chrono::{Days, Utc};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, EntityTrait, Set, Statement,
    TransactionTrait,
};
use serde_json::json;
use valinta::{
    config::DatabaseTarget,
    db::{
        Db,
        entities::{allocation, client, commitment, ledger_entry, offering, service},
    },
    domain::Money,
};

const BIN: &str = env!("CARGO_BIN_EXE_valinta");
const PROVIDER: (&str, &str) = ("bench-provider@valinta.invalid", "bench-provider-password");
const SECRET: &str = "delivery-benchmark-secret-key-0123456789abcdef";
const GRANTED_CENTS: i64 = 100_000_000;
const PRICE_CENTS: i64 = 4_500;
const QUANTITY: &str = "1.5";
const UNIT_PRICE: &str = "45.00";
const PGBENCH_SCALE: &str = "10";

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------------------
// The private PostgreSQL cluster
// ---------------------------------------------------------------------------------------

/// A PostgreSQL cluster of our own, stopped and deleted when dropped.
struct Cluster {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    as_postgres: bool,
}

impl Cluster {
    fn start() -> Cluster {
        let bin = PathBuf::from(
            std::env::var("BENCH_PG_BIN").unwrap_or_else(|_| "/usr/lib/postgresql/15/bin".into()),
        );
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        // initdb refuses to run as root: then the cluster belongs to the `postgres` user.
        let as_postgres = Command::new("id")
            .arg("-u")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
            .unwrap_or(false);
        if as_postgres {
            chown_to_postgres(dir.path());
        }
        let port = free_port();
        let cluster = Cluster {
            bin,
            dir,
            port,
            as_postgres,
        };
        let data = cluster.data();
        cluster.run_pg(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "bench",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
            ],
        );
        let options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' \
             -c shared_preload_libraries=pg_stat_statements -c max_connections=100"
        );
        let log = format!("{data}/server.log");
        cluster.run_pg(
            "pg_ctl",
            &["-D", &data, "-o", &options, "-l", &log, "-w", "start"],
        );
        println!(
            "Started a private PostgreSQL cluster in {data} on 127.0.0.1:{port} (stopped and deleted at the end)"
        );
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://bench@127.0.0.1:{}/{database}", self.port)
    }

    fn run_pg(&self, program: &str, args: &[&str]) {
        let path = self.bin.join(program);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        let output = command.args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    async fn create_database(&self, name: &str) {
        let admin = Database::connect(self.url("postgres")).await.unwrap();
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        admin.close().await.unwrap();
    }

    /// `pgbench -N` with `clients` clients for `seconds`: transactions per second.
    fn pgbench(&self, clients: usize, seconds: u64) -> f64 {
        let port = self.port.to_string();
        let common = ["-h", "127.0.0.1", "-p", &port, "-U", "bench"];
        let init = Command::new("pgbench")
            .args(common)
            .args(["-i", "-q", "-s", PGBENCH_SCALE, "pgbench"])
            .output()
            .unwrap();
        assert!(
            init.status.success(),
            "{}",
            String::from_utf8_lossy(&init.stderr)
        );
        let clients = clients.to_string();
        let seconds = seconds.to_string();
        let run = Command::new("pgbench")
            .args(common)
            .args([
                "-N", "-c", &clients, "-j", "2", "-T", &seconds, "-n", "pgbench",
            ])
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&run.stdout);
        assert!(
            run.status.success(),
            "{out}{}",
            String::from_utf8_lossy(&run.stderr)
        );
        out.lines()
            .find_map(|l| l.strip_prefix("tps = "))
            .and_then(|l| l.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no tps in pgbench output: {out}"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let path = self.bin.join("pg_ctl");
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        let _ = command
            .args(["-D", &data, "-m", "fast", "-w", "stop"])
            .stdout(Stdio::null())
            .status();
    }
}

fn chown_to_postgres(path: &Path) {
    let status = Command::new("chown")
        .arg("postgres:")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "chown postgres {}", path.display());
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

// ---------------------------------------------------------------------------------------
// The server and the data it records on
// ---------------------------------------------------------------------------------------

impl Server {
    /// CPU time the server process has used so far (user + system), in seconds.
    fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // The fields after the command's closing parenthesis; utime and stime are the
        // 12th and 13th of them, in clock ticks (100 a second on Linux).
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        (ticks(11) + ticks(12)) / 100.0
    }
}

/// A purchaser (made by the administrator) and a provider that signed up, both through the
/// API; the provider's staff member signs in and records the deliveries.
async fn parties(http: &reqwest::Client, server: &Server) -> (uuid::Uuid, uuid::Uuid, String) {
    let admin = login(http, server, ADMIN).await;
    let purchaser = call(
        http,
        server,
        "/api/v1/purchasers",
        Some(&admin),
        json!({"name": "Benchmarkin hyvinvointialue", "business_id": "0201256-6",
               "municipalities": ["091"]}),
    )
    .await;
    let provider = call(
        http,
        server,
        "/api/v1/providers",
        None,
        json!({"name": "Benchmark Hoiva Oy", "business_id": "0112038-9",
               "email": PROVIDER.0, "password": PROVIDER.1}),
    )
    .await;
    let id = |v: &serde_json::Value| v["id"].as_str().unwrap().parse().unwrap();
    (
        id(&purchaser),
        id(&provider),
        login(http, server, PROVIDER).await,
    )
}

/// A service, the provider's offering of it, and per commitment a client with an
/// allocation and an accepted payment commitment: written straight into the database, as
/// the path to them through the API (applications, decisions) is not what is measured.
async fn commitments(
    db: &Db,
    purchaser: uuid::Uuid,
    provider: uuid::Uuid,
    count: usize,
) -> Vec<(uuid::Uuid, uuid::Uuid)> {
    let now = Utc::now();
    let today = now.date_naive();
    let recorder = uuid::Uuid::new_v4();
    let service_id = uuid::Uuid::new_v4();
    service::Entity::insert(service::ActiveModel {
        id: Set(service_id.into()),
        purchaser_id: Set(purchaser.into()),
        code: Set("KH".into()),
        name: Set(json!({"fi": "Kotihoito"})),
        unit: Set(valinta::domain::catalogue::Unit::Hour),
        social_care: Set(true),
        methods: Set(json!(["voucher", "payment_commitment", "direct_invoice"])),
        voucher_value: Set(None),
        price_cap: Set(None),
        rulebook: Set(json!([])),
        vat_basis_points: Set(0),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(&db.conn)
    .await
    .unwrap();
    let offering_id = uuid::Uuid::new_v4();
    offering::Entity::insert(offering::ActiveModel {
        id: Set(offering_id.into()),
        provider_id: Set(provider.into()),
        service_id: Set(service_id.into()),
        purchaser_id: Set(purchaser.into()),
        title: Set(json!({"fi": "Kotihoito"})),
        description: Set(json!({"fi": "Kuvaus"})),
        unit_price: Set(Money::from_cents(PRICE_CENTS)),
        municipalities: Set(json!(["091"])),
        languages: Set(json!(["fi"])),
        accessibility: Set(json!([])),
        address: Set(None),
        lat: Set(None),
        lon: Set(None),
        archived: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(&db.conn)
    .await
    .unwrap();
    let rows: Vec<(uuid::Uuid, uuid::Uuid, uuid::Uuid)> = (0..count)
        .map(|_| {
            (
                uuid::Uuid::new_v4(),
                uuid::Uuid::new_v4(),
                uuid::Uuid::new_v4(),
            )
        })
        .collect();
    client::Entity::insert_many(rows.iter().enumerate().map(|(i, (client_id, _, _))| {
        client::ActiveModel {
            id: Set((*client_id).into()),
            purchaser_id: Set(purchaser.into()),
            name: Set(format!("Asiakas {i}")),
            personal_id_cipher: Set("bench".into()),
            personal_id_hash: Set(format!("hash-{i}")),
            personal_id_masked: Set("010101-****".into()),
            municipality: Set("091".into()),
            email: Set(Some(format!("asiakas{i}@bench.invalid"))),
            created_at: Set(now),
        }
    }))
    .exec(&db.conn)
    .await
    .unwrap();
    allocation::Entity::insert_many(rows.iter().map(|(client_id, allocation_id, _)| {
        allocation::ActiveModel {
            id: Set((*allocation_id).into()),
            client_id: Set((*client_id).into()),
            purchaser_id: Set(purchaser.into()),
            kind: Set(valinta::domain::catalogue::FundingKind::PersonalBudget),
            granted: Set(Money::from_cents(GRANTED_CENTS)),
            available: Set(Money::from_cents(GRANTED_CENTS)),
            reserved: Set(Money::ZERO),
            spent: Set(Money::ZERO),
            expired: Set(Money::ZERO),
            grace_days: Set(0),
            valid_from: Set(today - Days::new(30)),
            valid_to: Set(today + Days::new(365)),
            service_ids: Set(json!([service_id])),
            voucher_value: Set(None),
            created_by: Set(recorder.into()),
            created_at: Set(now),
        }
    }))
    .exec(&db.conn)
    .await
    .unwrap();
    // The grant's ledger entry, as a decision writes it: the balance reconciles from the start.
    ledger_entry::Entity::insert_many(rows.iter().map(|(_, allocation_id, _)| {
        ledger_entry::ActiveModel {
            allocation_id: Set((*allocation_id).into()),
            kind: Set(valinta::domain::catalogue::EntryKind::Grant),
            available_delta: Set(Money::from_cents(GRANTED_CENTS)),
            reserved_delta: Set(Money::ZERO),
            spent_delta: Set(Money::ZERO),
            expired_delta: Set(Money::ZERO),
            commitment_id: Set(None),
            delivery_id: Set(None),
            actor_user_id: Set(Some(recorder.into())),
            created_at: Set(now),
            ..Default::default()
        }
    }))
    .exec(&db.conn)
    .await
    .unwrap();
    commitment::Entity::insert_many(rows.iter().map(|(client_id, allocation_id, id)| {
        commitment::ActiveModel {
            id: Set((*id).into()),
            allocation_id: Set((*allocation_id).into()),
            offering_id: Set(offering_id.into()),
            provider_id: Set(provider.into()),
            purchaser_id: Set(purchaser.into()),
            client_id: Set((*client_id).into()),
            method: Set(valinta::domain::catalogue::Method::PaymentCommitment),
            status: Set(valinta::domain::catalogue::CommitmentStatus::Accepted),
            reserved: Set(Money::ZERO),
            requested_by: Set(recorder.into()),
            start_date: Set(None),
            quantity: Set(None),
            message: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }))
    .exec(&db.conn)
    .await
    .unwrap();
    rows.into_iter().map(|(_, a, c)| (c, a)).collect()
}

// ---------------------------------------------------------------------------------------
// The load
// ---------------------------------------------------------------------------------------

/// What the HTTP clients saw.
#[derive(Default)]
struct Load {
    accepted: usize,
    /// Purchaser shares of the accepted deliveries, from the answers.
    shares_cents: i64,
    latencies: Vec<Duration>,
    elapsed: Duration,
    /// CPU seconds the server process used during the load.
    server_cpu: f64,
}

impl Load {
    fn rate(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    fn cpu_ms_per_delivery(&self) -> f64 {
        self.server_cpu * 1000.0 / self.latencies.len() as f64
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
        sorted[index].as_secs_f64() * 1000.0
    }
}

fn cents(text: &str) -> i64 {
    let (euros, cents) = text.split_once('.').unwrap_or((text, "0"));
    euros.parse::<i64>().unwrap() * 100 + format!("{cents:0<2}").parse::<i64>().unwrap()
}

/// One delivery, answered 201 with its purchaser share.
async fn deliver(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    commitment: uuid::Uuid,
    reference: &str,
    date: &str,
) -> i64 {
    let reply = http
        .post(format!("{base}/api/v1/commitments/{commitment}/deliveries"))
        .bearer_auth(token)
        .json(
            &json!({"date": date, "quantity": QUANTITY, "unit_price": UNIT_PRICE,
                      "reference": reference}),
        )
        .send()
        .await
        .unwrap();
    let status = reply.status();
    let body: serde_json::Value = reply.json().await.unwrap();
    assert_eq!(status.as_u16(), 201, "{body}");
    cents(body["purchaser_share"].as_str().unwrap())
}

/// `clients` concurrent HTTP clients, each on its own keep-alive connection, record
/// deliveries round-robin over the commitments for `seconds`.
async fn load(
    server: &Server,
    token: &str,
    commitments: &[(uuid::Uuid, uuid::Uuid)],
    clients: usize,
    seconds: u64,
) -> Load {
    let date = (Utc::now().date_naive() - Days::new(1)).to_string();
    let next = Arc::new(AtomicUsize::new(0));
    let commitments: Arc<Vec<uuid::Uuid>> = Arc::new(commitments.iter().map(|c| c.0).collect());
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..clients)
        .map(|task| {
            let (base, token, date) = (server.base.clone(), token.to_owned(), date.clone());
            let (next, commitments) = (next.clone(), commitments.clone());
            tokio::spawn(async move {
                let http = reqwest::Client::builder()
                    .pool_max_idle_per_host(1)
                    .build()
                    .unwrap();
                let mut seen = Load::default();
                let mut n = 0_usize;
                while Instant::now() < until {
                    let commitment =
                        commitments[next.fetch_add(1, Ordering::Relaxed) % commitments.len()];
                    n += 1;
                    let reference = format!("BENCH-{task}-{n}");
                    let sent = Instant::now();
                    seen.shares_cents +=
                        deliver(&http, &base, &token, commitment, &reference, &date).await;
                    seen.latencies.push(sent.elapsed());
                    seen.accepted += 1;
                }
                seen
            })
        })
        .collect();
    let mut all = Load::default();
    for task in tasks {
        let seen = task.await.unwrap();
        all.accepted += seen.accepted;
        all.shares_cents += seen.shares_cents;
        all.latencies.extend(seen.latencies);
    }
    all.elapsed = started.elapsed();
    all
}

async fn scalar(conn: &DatabaseConnection, sql: &str) -> i64 {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// Every allocation reconciles, the spent sum is the accepted deliveries' purchaser
/// shares, and the stored deliveries are exactly the accepted ones.
async fn check(db: &Db, commitments: &[(uuid::Uuid, uuid::Uuid)], load: &Load) {
    for (_, allocation) in commitments {
        let found = valinta::ledger::reconcile(&db.conn, (*allocation).into())
            .await
            .unwrap();
        assert!(
            found.consistent,
            "allocation {allocation} does not reconcile"
        );
    }
    let spent = scalar(
        &db.conn,
        "SELECT CAST(COALESCE(SUM(spent_cents), 0) AS BIGINT) FROM allocations",
    )
    .await;
    assert_eq!(
        spent, load.shares_cents,
        "spent = accepted purchaser shares"
    );
    let shares = scalar(
        &db.conn,
        "SELECT CAST(COALESCE(SUM(purchaser_share_cents), 0) AS BIGINT) FROM deliveries",
    )
    .await;
    assert_eq!(shares, load.shares_cents, "stored shares = accepted shares");
    let stored = scalar(&db.conn, "SELECT COUNT(*) FROM deliveries").await;
    assert_eq!(
        stored,
        i64::try_from(load.accepted).unwrap(),
        "one stored delivery per 201"
    );
    println!(
        "  checked: {} allocations reconcile; spent {:.2} € = the {} accepted deliveries' purchaser shares",
        commitments.len(),
        spent as f64 / 100.0,
        load.accepted
    );
}

// ---------------------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------------------

struct Measured {
    name: &'static str,
    /// Which server binary (`BENCH_SERVERS`), "this build" by default.
    server: String,
    baseline_name: &'static str,
    baseline_tps: f64,
    load: Load,
    /// On PostgreSQL: statements per delivery and their execution time in ms.
    statements: Option<(f64, f64)>,
}

/// Valinta on `database_url` (or SQLite in `dir`) with its data made: the server, a
/// connection of our own, the provider's sign-in token and the (commitment, allocation)
/// pairs.
struct Prepared {
    server: Server,
    db: Db,
    token: String,
    commitments: Vec<(uuid::Uuid, uuid::Uuid)>,
}

async fn prepare(bin: &str, dir: &Path, database_url: Option<&str>, count: usize) -> Prepared {
    let server = Server::start(bin, dir, database_url, SECRET);
    let http = reqwest::Client::new();
    let (purchaser, provider, token) = parties(&http, &server).await;
    let target = match database_url {
        Some(url) => DatabaseTarget::Postgres(url.to_owned()),
        None => DatabaseTarget::Sqlite(dir.join("valinta.db")),
    };
    let db = Db::connect(&target).await.unwrap();
    let commitments = commitments(&db, purchaser, provider, count).await;
    if db.is_postgres() {
        db.conn.execute_unprepared("ANALYZE").await.unwrap();
    }
    Prepared {
        server,
        db,
        token,
        commitments,
    }
}

async fn postgres(
    servers: &[(String, String)],
    clients: usize,
    count: usize,
    seconds: u64,
) -> Vec<Measured> {
    let cluster = Cluster::start();
    cluster.create_database("pgbench").await;
    let tps = cluster.pgbench(clients, seconds);
    println!("  pgbench -N, {clients} clients, {seconds} s: {tps:.0} TPS");
    let mut measured = Vec::new();
    for (i, (label, bin)) in servers.iter().enumerate() {
        let name = format!("valinta_{i}");
        cluster.create_database(&name).await;
        let dir = tempfile::tempdir().unwrap();
        let p = prepare(bin, dir.path(), Some(&cluster.url(&name)), count).await;
        p.db.conn
            .execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            .await
            .unwrap();
        p.db.conn
            .execute_unprepared("SELECT pg_stat_statements_reset()")
            .await
            .unwrap();
        let cpu_before = p.server.cpu_seconds();
        let mut load = load(&p.server, &p.token, &p.commitments, clients, seconds).await;
        load.server_cpu = p.server.cpu_seconds() - cpu_before;
        println!(
            "  Valinta, {label}: {:.0} deliveries/s, server CPU {:.2} ms per delivery",
            load.rate(),
            load.cpu_ms_per_delivery()
        );
        let (statements, database_ms) = statements_per_delivery(&p.db, load.accepted).await;
        check(&p.db, &p.commitments, &load).await;
        drop(p.server);
        p.db.conn.close().await.unwrap();
        measured.push(Measured {
            name: "PostgreSQL",
            server: label.clone(),
            baseline_name: "pgbench -N",
            baseline_tps: tps,
            load,
            statements: Some((statements, database_ms)),
        });
    }
    drop(cluster);
    measured
}

/// Statements the server ran per delivery during the load (counted from a reset just
/// before it, read before the checks), and the time PostgreSQL spent executing them; the
/// most frequent are printed.
async fn statements_per_delivery(db: &Db, deliveries: usize) -> (f64, f64) {
    let rows = db
        .conn
        .query_all_raw(Statement::from_string(
            db.conn.get_database_backend(),
            "SELECT CAST(calls AS BIGINT), CAST(total_exec_time AS DOUBLE PRECISION), query \
             FROM pg_stat_statements \
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) \
             ORDER BY calls DESC"
                .to_owned(),
        ))
        .await
        .unwrap();
    let per = |calls: i64| calls as f64 / deliveries as f64;
    let (mut total, mut total_ms) = (0.0, 0.0);
    println!("  statements per delivery (pg_stat_statements), and their execution time:");
    for row in &rows {
        let calls: i64 = row.try_get_by_index(0).unwrap();
        let ms: f64 = row.try_get_by_index(1).unwrap();
        let query: String = row.try_get_by_index(2).unwrap();
        total += per(calls);
        total_ms += ms / deliveries as f64;
        if per(calls) >= 0.05 {
            let query: String = query.split_whitespace().collect::<Vec<_>>().join(" ");
            println!(
                "    {:5.2}  {:6.3} ms  {}",
                per(calls),
                ms / deliveries as f64,
                query.chars().take(100).collect::<String>()
            );
        }
    }
    println!("    {total:5.2}  {total_ms:6.3} ms  in all");
    (total, total_ms)
}

async fn sqlite(
    servers: &[(String, String)],
    clients: usize,
    count: usize,
    seconds: u64,
) -> Vec<Measured> {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let tps = sqlite_baseline(&dir.path().join("baseline.db"), clients, seconds).await;
    println!("  pgbench -N transaction on SQLite, {clients} tasks, {seconds} s: {tps:.0} TPS");
    let mut measured = Vec::new();
    for (label, bin) in servers {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let p = prepare(bin, dir.path(), None, count).await;
        let cpu_before = p.server.cpu_seconds();
        let mut load = load(&p.server, &p.token, &p.commitments, clients, seconds).await;
        load.server_cpu = p.server.cpu_seconds() - cpu_before;
        println!(
            "  Valinta, {label}: {:.0} deliveries/s, server CPU {:.2} ms per delivery",
            load.rate(),
            load.cpu_ms_per_delivery()
        );
        check(&p.db, &p.commitments, &load).await;
        drop(p.server);
        p.db.conn.close().await.unwrap();
        measured.push(Measured {
            name: "SQLite",
            server: label.clone(),
            baseline_name: "pgbench -N transaction on SQLite",
            baseline_tps: tps,
            load,
            statements: None,
        });
    }
    measured
}

/// pgbench's `-N` transaction on SQLite with Valinta's settings: WAL,
/// `synchronous=NORMAL`, a 30 s busy timeout, writes through one in-process gate and
/// `BEGIN IMMEDIATE`.
async fn sqlite_baseline(path: &Path, clients: usize, seconds: u64) -> f64 {
    use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
    const ACCOUNTS: i64 = 100_000;
    let mut options = ConnectOptions::new(format!("sqlite://{}?mode=rwc", path.display()));
    options
        .max_connections(8)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(30))
        });
    let conn = Database::connect(options).await.unwrap();
    for sql in [
        "CREATE TABLE accounts (aid INTEGER PRIMARY KEY, bid INTEGER, abalance INTEGER, filler TEXT)",
        "CREATE TABLE history (tid INTEGER, bid INTEGER, aid INTEGER, delta INTEGER, mtime TEXT, filler TEXT)",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) \
         INSERT INTO accounts SELECT i, 1, 0, '' FROM n",
    ] {
        conn.execute_unprepared(sql).await.unwrap();
    }
    let gate = Arc::new(tokio::sync::Mutex::new(()));
    let done = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..clients)
        .map(|task| {
            let (conn, gate, done) = (conn.clone(), gate.clone(), done.clone());
            tokio::spawn(async move {
                let mut n: i64 = 0;
                while Instant::now() < until {
                    n += 1;
                    let aid = (n * 7919 + task as i64 * 104_729) % ACCOUNTS + 1;
                    let delta = n % 10_000 - 5_000;
                    let _held = gate.lock().await;
                    let tx = conn
                        .begin_with_options(sea_orm::TransactionOptions {
                            sqlite_transaction_mode: Some(
                                sea_orm::SqliteTransactionMode::Immediate,
                            ),
                            ..Default::default()
                        })
                        .await
                        .unwrap();
                    let backend = tx.get_database_backend();
                    tx.execute_raw(Statement::from_sql_and_values(
                        backend,
                        "UPDATE accounts SET abalance = abalance + ? WHERE aid = ?",
                        [delta.into(), aid.into()],
                    ))
                    .await
                    .unwrap();
                    tx.query_one_raw(Statement::from_sql_and_values(
                        backend,
                        "SELECT abalance FROM accounts WHERE aid = ?",
                        [aid.into()],
                    ))
                    .await
                    .unwrap();
                    tx.execute_raw(Statement::from_sql_and_values(
                        backend,
                        "INSERT INTO history (tid, bid, aid, delta, mtime) VALUES (?, 1, ?, ?, CURRENT_TIMESTAMP)",
                        [(task as i64).into(), aid.into(), delta.into()],
                    ))
                    .await
                    .unwrap();
                    tx.commit().await.unwrap();
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let tps = done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
    conn.close().await.unwrap();
    tps
}

/// The servers to measure, `label=path` separated by commas (`BENCH_SERVERS`): several
/// builds compared in one run against the same baseline. By default this build's.
fn servers() -> Vec<(String, String)> {
    match std::env::var("BENCH_SERVERS") {
        Ok(list) => list
            .split(',')
            .map(|s| {
                let (label, path) = s.split_once('=').unwrap_or(("server", s));
                (label.trim().to_owned(), path.trim().to_owned())
            })
            .collect(),
        Err(_) => vec![("this build".to_owned(), BIN.to_owned())],
    }
}

#[tokio::main]
async fn main() {
    let seconds = env_usize("BENCH_SECONDS", 20) as u64;
    let clients = env_usize("BENCH_CLIENTS", 16);
    let count = env_usize("BENCH_COMMITMENTS", 64);
    let databases = std::env::var("BENCH_DATABASES").unwrap_or_else(|_| "sqlite,postgres".into());
    let servers = servers();
    let mut results = Vec::new();
    for database in databases.split(',').map(str::trim) {
        println!("{database}:");
        match database {
            "sqlite" => results.extend(sqlite(&servers, clients, count, seconds).await),
            "postgres" => results.extend(postgres(&servers, clients, count, seconds).await),
            other => panic!("unknown database {other}"),
        }
    }
    println!(
        "\nDeliveries recorded over HTTP: {clients} concurrent clients, {count} commitments on \
         {count} allocations, {seconds} s each"
    );
    println!(
        "| database | server | baseline | baseline TPS | Valinta deliveries/s | ratio | p50 | p99 | statements per delivery (their time in PostgreSQL) | server CPU per delivery |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for m in &results {
        println!(
            "| {} | {} | {} | {:.0} | {:.0} | {:.3} | {:.1} ms | {:.1} ms | {} | {:.2} ms |",
            m.name,
            m.server,
            m.baseline_name,
            m.baseline_tps,
            m.load.rate(),
            m.load.rate() / m.baseline_tps,
            m.load.percentile_ms(0.50),
            m.load.percentile_ms(0.99),
            m.statements
                .map_or("–".into(), |(n, ms)| format!("{n:.1} ({ms:.2} ms)")),
            m.load.cpu_ms_per_delivery(),
        );
    }
}
