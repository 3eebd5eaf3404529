//! The processes of the rehearsal, each torn down when dropped: a fresh PostgreSQL
//! database, a private Meilisearch, `valinta serve` instances and haproxy in front of
//! them, all on free loopback ports.
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sea_orm::{ConnectOptions, ConnectionTrait, Database};

pub const BIN: &str = env!("CARGO_BIN_EXE_valinta");
pub const ADMIN: (&str, &str) = ("rehearsal-admin@valinta.test", "rehearsal-admin-password");
/// Every instance shares it, as the README requires with PostgreSQL.
pub const SECRET_KEY: &str = "failover-rehearsal-secret-key-0123456789-abcdefghijklmn";
pub const MEILI_KEY: &str = "failover-rehearsal-master-key-0123456789";
const START_TIMEOUT: Duration = Duration::from_secs(120);

/// A free port on loopback (the listener is dropped; the port stays free in practice).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn kill(child: &mut Option<Child>) {
    if let Some(mut child) = child.take() {
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// Waits until `url` answers 200, or panics with `what` and the log tail.
pub async fn wait_ready(http: &reqwest::Client, url: &str, what: &str, log: &Path) {
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        if let Ok(reply) = http.get(url).send().await
            && reply.status().is_success()
        {
            return;
        }
        if Instant::now() > deadline {
            panic!("{what} did not become ready at {url}\n{}", tail(log));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let start = text.len().saturating_sub(8_000);
    let start = (start..text.len())
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(text.len());
    format!("--- {} ---\n{}", log.display(), &text[start..])
}

/// A uniquely named database on the test server, dropped again at the end.
pub struct PostgresDb {
    pub url: String,
    name: String,
    server: String,
}

/// The server URL with its database name replaced by `name` (query string kept).
fn with_database(url: &str, name: &str) -> String {
    let (head, query) = url
        .split_once('?')
        .map_or((url, None), |(h, q)| (h, Some(q)));
    let after_scheme = head.find("://").map_or(0, |i| i + 3);
    let root = head[after_scheme..]
        .find('/')
        .map_or(head, |i| &head[..after_scheme + i]);
    match query {
        Some(query) => format!("{root}/{name}?{query}"),
        None => format!("{root}/{name}"),
    }
}

async fn admin_sql(server: &str, sql: &str) -> Result<(), sea_orm::DbErr> {
    let mut options = ConnectOptions::new(server.to_owned());
    options
        .max_connections(1)
        .min_connections(0)
        .connect_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    let db = Database::connect(options).await?;
    let result = db.execute_unprepared(sql).await.map(|_| ());
    let _ = db.close().await;
    result
}

impl PostgresDb {
    /// Whether the test server answers at all (the rehearsal is skipped when not).
    pub async fn reachable(server: &str) -> Result<(), String> {
        admin_sql(server, "SELECT 1")
            .await
            .map_err(|e| e.to_string())
    }

    pub async fn create(server: &str) -> PostgresDb {
        let name = format!("valinta_failover_{}", uuid::Uuid::new_v4().simple());
        admin_sql(server, &format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap_or_else(|e| panic!("cannot create database {name} on {server}: {e}"));
        PostgresDb {
            url: with_database(server, &name),
            name,
            server: server.to_owned(),
        }
    }
}

impl Drop for PostgresDb {
    fn drop(&mut self) {
        let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name);
        let server = self.server.clone();
        // Drop may run inside the runtime; use a fresh one on its own thread.
        let outcome = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?
                .block_on(admin_sql(&server, &sql))
                .map_err(|e| e.to_string())
        })
        .join();
        if let Ok(Err(e)) = outcome {
            eprintln!("warning: could not drop database {}: {e}", self.name);
        }
    }
}

/// The Meilisearch binary: `VALINTA_MEILISEARCH_BIN`, else the shared folder beside the
/// repository, else `/work/shared/bin/meilisearch`.
pub fn meilisearch_binary() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("VALINTA_MEILISEARCH_BIN") {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bin/meilisearch");
    [beside, PathBuf::from("/work/shared/bin/meilisearch")]
        .into_iter()
        .find(|p| p.is_file())
}

pub struct Meilisearch {
    pub url: String,
    pub log: PathBuf,
    child: Option<Child>,
}

impl Meilisearch {
    pub async fn start(binary: &Path, dir: &Path, http: &reqwest::Client) -> Meilisearch {
        let port = free_port();
        let log = dir.join("meilisearch.log");
        let child = Command::new(binary)
            .arg("--db-path")
            .arg(dir.join("meili-data"))
            .args(["--http-addr", &format!("127.0.0.1:{port}")])
            .args(["--master-key", MEILI_KEY, "--no-analytics"])
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::from(File::create(&log).expect("meilisearch log")))
            .stderr(Stdio::from(
                File::options()
                    .append(true)
                    .open(&log)
                    .expect("meilisearch log"),
            ))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let meili = Meilisearch {
            url: format!("http://127.0.0.1:{port}"),
            log,
            child: Some(child),
        };
        wait_ready(
            http,
            &format!("{}/health", meili.url),
            "Meilisearch",
            &meili.log,
        )
        .await;
        meili
    }
}

impl Drop for Meilisearch {
    fn drop(&mut self) {
        kill(&mut self.child);
    }
}

/// One `valinta serve` process on a fixed port (so haproxy finds it again after a restart).
pub struct Instance {
    pub name: String,
    pub port: u16,
    pub log: PathBuf,
    data_dir: PathBuf,
    envs: Vec<(String, String)>,
    child: Option<Child>,
}

impl Instance {
    pub fn new(name: &str, dir: &Path, envs: &[(String, String)]) -> Instance {
        let data_dir = dir.join(format!("{name}-data"));
        std::fs::create_dir_all(&data_dir).expect("instance data dir");
        Instance {
            name: name.to_owned(),
            port: free_port(),
            log: dir.join(format!("{name}.log")),
            data_dir,
            envs: envs.to_vec(),
            child: None,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the process and waits for `/ready`.
    pub async fn start(&mut self, http: &reqwest::Client) {
        let log = File::options()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("instance log");
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", &format!("127.0.0.1:{}", self.port)])
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(self.envs.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
        let stdout = child.stdout.take().expect("piped stdout");
        self.child = Some(child);
        // Keep draining stdout so the server never writes into a closed pipe.
        std::thread::spawn(move || {
            let mut rest = Vec::new();
            let _ = BufReader::new(stdout).read_to_end(&mut rest);
        });
        wait_ready(
            http,
            &format!("{}/ready", self.url()),
            &self.name,
            &self.log,
        )
        .await;
    }

    /// SIGKILL, as a crash or an evicted container would end it.
    pub fn kill(&mut self) {
        kill(&mut self.child);
    }

    /// Runs a one-off command (`ledger-check`) with this instance's settings.
    pub fn command(&self, args: &[&str]) -> std::process::Output {
        Command::new(BIN)
            .args(args)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(self.envs.iter().map(|(k, v)| (k, v)))
            .output()
            .unwrap_or_else(|e| panic!("cannot run valinta {args:?}: {e}"))
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        kill(&mut self.child);
    }
}

/// haproxy's version line, or why it cannot be used.
pub fn haproxy_version() -> Result<String, String> {
    let output = Command::new("haproxy")
        .arg("-v")
        .output()
        .map_err(|e| format!("haproxy is not installed ({e}); Debian: apt-get install haproxy"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(text.lines().next().unwrap_or_default().to_owned())
}

/// The balancer as rehearsed (and as `deploy/` describes): round robin, `/ready` checked
/// every half second, a request whose connection fails goes to another instance, a GET
/// (never a POST, which may have done its work) is also retried when an instance dies
/// before answering, and the client's address travels in `X-Forwarded-For`.
/// `deploy/haproxy.cfg` is the same with the instances found through Docker's DNS.
pub fn haproxy_config(port: u16, instances: &[&Instance]) -> String {
    let servers: String = instances
        .iter()
        .map(|i| format!("    server {} 127.0.0.1:{} check\n", i.name, i.port))
        .collect();
    format!(
        "global\n\
         \x20   maxconn 1000\n\
         defaults\n\
         \x20   mode http\n\
         \x20   timeout connect 1s\n\
         \x20   timeout client 60s\n\
         \x20   timeout server 60s\n\
         \x20   retries 3\n\
         \x20   option redispatch 1\n\
         \x20   retry-on conn-failure empty-response response-timeout\n\
         frontend valinta\n\
         \x20   bind 127.0.0.1:{port}\n\
         \x20   option forwardfor\n\
         \x20   default_backend instances\n\
         backend instances\n\
         \x20   balance roundrobin\n\
         \x20   option httpchk GET /ready\n\
         \x20   http-check expect status 200\n\
         \x20   http-request disable-l7-retry unless METH_GET\n\
         \x20   default-server inter 500ms fall 2 rise 2\n\
         {servers}"
    )
}

pub struct Haproxy {
    pub url: String,
    pub log: PathBuf,
    child: Option<Child>,
}

impl Haproxy {
    pub async fn start(dir: &Path, instances: &[&Instance], http: &reqwest::Client) -> Haproxy {
        let port = free_port();
        let config = dir.join("haproxy.cfg");
        std::fs::write(&config, haproxy_config(port, instances)).expect("write haproxy.cfg");
        let check = Command::new("haproxy")
            .arg("-c")
            .arg("-f")
            .arg(&config)
            .output()
            .expect("haproxy -c");
        assert!(
            check.status.success(),
            "haproxy refuses the generated configuration:\n{}{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
        let log = dir.join("haproxy.log");
        let child = Command::new("haproxy")
            .arg("-db")
            .arg("-f")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::from(File::create(&log).expect("haproxy log")))
            .stderr(Stdio::from(
                File::options()
                    .append(true)
                    .open(&log)
                    .expect("haproxy log"),
            ))
            .spawn()
            .expect("start haproxy");
        let haproxy = Haproxy {
            url: format!("http://127.0.0.1:{port}"),
            log,
            child: Some(child),
        };
        wait_ready(
            http,
            &format!("{}/ready", haproxy.url),
            "haproxy",
            &haproxy.log,
        )
        .await;
        haproxy
    }
}

impl Drop for Haproxy {
    fn drop(&mut self) {
        kill(&mut self.child);
    }
}
