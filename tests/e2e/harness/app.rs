//! Spawns one `valinta serve` process per test, with its own data directory and database,
//! and tears both down again when the test ends (also when it panics).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, Database};

use super::meili::{self, MeiliIndex, SearchEngine};

pub const ADMIN_EMAIL: &str = "admin@valinta.test";
pub const ADMIN_PASSWORD: &str = "admin-password-e2e";
const POSTGRES_SECRET_KEY: &str = "e2e-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";
const DEFAULT_POSTGRES_URL: &str = "postgres://root@127.0.0.1:5432/test";
/// Generous: two cores shared with the compiler, migrations and argon2 at start.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A running server. Dropping it kills the process and drops its PostgreSQL database.
pub struct TestApp {
    pub backend: Backend,
    pub base_url: String,
    pub http: reqwest::Client,
    /// Every response body this test received, so a test can assert that something (a full
    /// personal identity code) never left the server.
    pub(crate) transcript: Mutex<Vec<String>>,
    child: Option<Child>,
    /// Extra environment for the server process, kept across restarts.
    envs: Vec<(String, String)>,
    stderr_path: PathBuf,
    data_dir: PathBuf,
    postgres: Option<PostgresDb>,
    /// The test's own Meilisearch index, deleted after the server stops.
    meili: Option<MeiliIndex>,
    _dir: tempfile::TempDir,
}

struct PostgresDb {
    name: String,
    url: String,
    /// The instance that created the database drops it; a sibling sharing it does not.
    owned: bool,
}

fn postgres_server_url() -> String {
    std::env::var("VALINTA_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_string())
}

/// The server URL with its database name replaced by `name` (query string kept).
fn with_database(url: &str, name: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (url, None),
    };
    let after_scheme = head.find("://").map_or(0, |i| i + 3);
    let root = match head[after_scheme..].find('/') {
        Some(i) => &head[..after_scheme + i],
        None => head,
    };
    match query {
        Some(query) => format!("{root}/{name}?{query}"),
        None => format!("{root}/{name}"),
    }
}

async fn postgres_admin(sql: &str) -> Result<(), sea_orm::DbErr> {
    let mut options = ConnectOptions::new(postgres_server_url());
    options
        .max_connections(1)
        .min_connections(0)
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let db = Database::connect(options).await?;
    let result = db.execute_unprepared(sql).await.map(|_| ());
    let _ = db.close().await;
    result
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, &[]).await
    }

    /// Like [`TestApp::spawn`], with extra arguments for `valinta serve` (e.g. `--demo`).
    pub async fn spawn_with(backend: Backend, extra_args: &[&str]) -> TestApp {
        Self::spawn_with_env(backend, extra_args, &[]).await
    }

    /// A server on this search engine; `None` (the test skips, saying so) when the engine
    /// is Meilisearch and this run has none, see [`meili::shared_server`].
    pub async fn spawn_search(
        backend: Backend,
        engine: SearchEngine,
        test: &str,
    ) -> Option<TestApp> {
        match engine {
            SearchEngine::Embedded => Some(Self::spawn(backend).await),
            SearchEngine::Meilisearch => {
                let server = meili::shared_server(test)?;
                Some(Self::spawn_on_meili(backend, MeiliIndex::new(server), &[]).await)
            }
        }
    }

    /// A server that searches with Meilisearch, in this index (which it deletes at the end).
    pub async fn spawn_on_meili(
        backend: Backend,
        index: MeiliIndex,
        extra_args: &[&str],
    ) -> TestApp {
        let env = index.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mut app = Self::spawn_unstarted(backend, &env).await;
        app.meili = Some(index);
        app.start(extra_args).await;
        app
    }

    /// The Meilisearch index this server uses, if any.
    pub fn meili_index(&self) -> Option<&MeiliIndex> {
        self.meili.as_ref()
    }

    /// Like [`TestApp::spawn_with`], with extra environment variables for the server
    /// (e.g. the OpenID Connect settings).
    pub async fn spawn_with_env(
        backend: Backend,
        extra_args: &[&str],
        envs: &[(&str, &str)],
    ) -> TestApp {
        let mut app = Self::spawn_unstarted(backend, envs).await;
        app.start(extra_args).await;
        app
    }

    async fn spawn_unstarted(backend: Backend, envs: &[(&str, &str)]) -> TestApp {
        let dir = tempfile::Builder::new()
            .prefix("valinta-e2e-")
            .tempdir()
            .expect("create temp dir");
        let data_dir = dir.path().join("data");
        std::fs::create_dir_all(&data_dir).expect("create data dir");
        let stderr_path = dir.path().join("server.stderr.log");

        let postgres = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let name = format!("valinta_e2e_{}", uuid::Uuid::new_v4().simple());
                let server = postgres_server_url();
                // No skipping: CI guarantees PostgreSQL, so an unreachable server is a failure.
                postgres_admin(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .unwrap_or_else(|e| {
                        panic!("cannot create test database {name} on {server} (set VALINTA_TEST_POSTGRES_URL): {e}")
                    });
                Some(PostgresDb {
                    url: with_database(&server, &name),
                    name,
                    owned: true,
                })
            }
        };

        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(120))
            .build()
            .expect("build HTTP client");

        // Build the app before starting, so a failed start still cleans up in Drop.
        TestApp {
            backend,
            base_url: String::new(),
            http,
            transcript: Mutex::new(Vec::new()),
            child: None,
            envs: envs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            stderr_path,
            data_dir,
            postgres,
            meili: None,
            _dir: dir,
        }
    }

    /// A second server process on this one's PostgreSQL database (as a second instance
    /// behind a load balancer would be), with its own data directory.
    pub async fn sibling(&self, extra_args: &[&str]) -> TestApp {
        let db = self
            .postgres
            .as_ref()
            .expect("a sibling instance shares a PostgreSQL database");
        let dir = tempfile::Builder::new()
            .prefix("valinta-e2e-")
            .tempdir()
            .expect("create temp dir");
        let data_dir = dir.path().join("data");
        std::fs::create_dir_all(&data_dir).expect("create data dir");
        let mut app = TestApp {
            backend: self.backend,
            base_url: String::new(),
            http: self.http.clone(),
            transcript: Mutex::new(Vec::new()),
            child: None,
            envs: self.envs.clone(),
            stderr_path: dir.path().join("server.stderr.log"),
            data_dir,
            postgres: Some(PostgresDb {
                name: db.name.clone(),
                url: db.url.clone(),
                owned: false,
            }),
            // The sibling shares the index (through `envs`); the first instance drops it.
            meili: None,
            _dir: dir,
        };
        app.start(extra_args).await;
        app
    }

    /// The server process's id (to read its memory from `/proc`).
    pub fn pid(&self) -> u32 {
        self.child
            .as_ref()
            .map(Child::id)
            .expect("the server is running")
    }

    /// The folder the server writes emails to when no SMTP server is set.
    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }

    /// Stops the server abruptly (SIGKILL, as a crash would) and starts it again on the same
    /// data directory and database, with these extra arguments.
    pub async fn restart(&mut self, extra_args: &[&str]) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        self.start(extra_args).await;
    }

    async fn start(&mut self, extra_args: &[&str]) {
        let stderr = File::options()
            .create(true)
            .append(true)
            .open(&self.stderr_path)
            .expect("open stderr log");
        let mut command = Command::new(env!("CARGO_BIN_EXE_valinta"));
        command
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(&self.data_dir)
            .args(extra_args)
            .env_remove("DATABASE_URL")
            .env_remove("VALINTA_SECRET_KEY")
            .env_remove("MEILISEARCH_URL")
            .env_remove("MEILISEARCH_KEY")
            .env_remove("MEILISEARCH_INDEX")
            .env_remove("SMTP_URL")
            .env_remove("VALINTA_OIDC_ISSUER")
            .env("VALINTA_ADMIN_EMAIL", ADMIN_EMAIL)
            .env("VALINTA_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .envs(self.envs.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(stderr));
        if let Some(db) = &self.postgres {
            command
                .env("DATABASE_URL", &db.url)
                .env("VALINTA_SECRET_KEY", POSTGRES_SECRET_KEY);
        }
        let backend = self.backend;
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", env!("CARGO_BIN_EXE_valinta")));
        let stdout = child.stdout.take().expect("piped stdout");
        self.child = Some(child);

        let (tx, rx) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let first = reader.read_line(&mut line).map(|_| line);
            let _ = tx.send(first);
            // Keep draining so the server never writes into a closed pipe.
            let mut rest = Vec::new();
            let _ = reader.read_to_end(&mut rest);
        });

        let line = match tokio::time::timeout(STARTUP_TIMEOUT, rx).await {
            Ok(Ok(Ok(line))) if !line.is_empty() => line,
            other => panic!(
                "server ({backend:?}) did not print its address: {other:?}\n--- stderr ---\n{}",
                self.server_log_tail()
            ),
        };
        let line = line.trim_end();
        let url = line.strip_prefix("listening on ").unwrap_or_else(|| {
            panic!(
                "first stdout line should be `listening on http://127.0.0.1:<port>`, got {line:?}"
            )
        });
        assert!(
            url.starts_with("http://127.0.0.1:")
                && url["http://127.0.0.1:".len()..].parse::<u16>().is_ok(),
            "unexpected address line {line:?}"
        );
        self.base_url = url.to_string();
    }

    /// The last part of the server's stderr, for failure messages.
    pub fn server_log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.stderr_path).unwrap_or_default();
        let keep = 20_000;
        if log.len() <= keep {
            return log;
        }
        let mut start = log.len() - keep;
        while !log.is_char_boundary(start) {
            start += 1;
        }
        format!("...{}", &log[start..])
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if std::thread::panicking() && !self.base_url.is_empty() {
            eprintln!(
                "--- server stderr ({:?}, {}) ---\n{}",
                self.backend,
                self.base_url,
                self.server_log_tail()
            );
        }
        if let Some(db) = self.postgres.take().filter(|db| db.owned) {
            let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", db.name);
            // Drop may run inside the test's runtime; use a fresh one on its own thread.
            let outcome = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| e.to_string())?;
                runtime
                    .block_on(postgres_admin(&sql))
                    .map_err(|e| e.to_string())
            })
            .join();
            if let Ok(Err(e)) = outcome {
                eprintln!("warning: could not drop test database {}: {e}", db.name);
            }
        }
    }
}

#[test]
fn a_database_url_gets_its_database_name_replaced() {
    assert_eq!(
        with_database("postgres://root@127.0.0.1:5432/test", "x"),
        "postgres://root@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://root@localhost/test?sslmode=disable", "x"),
        "postgres://root@localhost/x?sslmode=disable"
    );
    assert_eq!(
        with_database("postgres://root@localhost", "x"),
        "postgres://root@localhost/x"
    );
}

impl TestApp {
    /// Moves a row's timestamp `days` into the past, straight in the database: the one
    /// thing a test cannot drive over HTTP is the clock (an edit window of 30 days, say).
    pub async fn backdate(&self, table: &str, column: &str, id: &str, days: i64) {
        let done = self.backdate_where(table, column, "id", id, days).await;
        assert_eq!(done, 1, "backdating {table} {id}");
    }

    /// Like [`TestApp::backdate`] for every row whose `key` column holds `value` (a UUID),
    /// e.g. all ledger entries of an allocation so far; answers how many rows moved.
    pub async fn backdate_where(
        &self,
        table: &str,
        column: &str,
        key: &str,
        value: &str,
        days: i64,
    ) -> u64 {
        let at = chrono::Utc::now() - chrono::Duration::days(days);
        self.overwrite_where(table, column, key, value, at.into())
            .await
    }

    /// Overwrites one column of one row straight in the database: how a test breaks the
    /// books on purpose to show that the reconciliation notices.
    pub async fn overwrite(&self, table: &str, column: &str, id: &str, value: sea_orm::Value) {
        let done = self.overwrite_where(table, column, "id", id, value).await;
        assert_eq!(done, 1, "overwriting {table}.{column} of {id}");
    }

    pub async fn overwrite_where(
        &self,
        table: &str,
        column: &str,
        key: &str,
        key_value: &str,
        value: sea_orm::Value,
    ) -> u64 {
        let key_value = uuid::Uuid::parse_str(key_value).expect("key is a UUID");
        self.update_where(table, column, key, key_value.into(), value)
            .await
    }

    /// Sets one column where a text key matches, straight in the database (a link's
    /// expiry, say: the clock is the one thing a test cannot drive over HTTP).
    pub async fn set_where(
        &self,
        table: &str,
        column: &str,
        key: &str,
        key_value: &str,
        value: sea_orm::Value,
    ) {
        let done = self
            .update_where(table, column, key, key_value.into(), value)
            .await;
        assert_eq!(done, 1, "setting {table}.{column}");
    }

    /// Sets a date column of every row whose `key` column holds `value` (a UUID): a dated
    /// catalogue change whose day has come, say. Answers how many rows changed.
    pub async fn set_date_where(
        &self,
        table: &str,
        column: &str,
        key: &str,
        value: &str,
        date: chrono::NaiveDate,
    ) -> u64 {
        self.overwrite_where(table, column, key, value, date.into())
            .await
    }

    async fn update_where(
        &self,
        table: &str,
        column: &str,
        key: &str,
        key_value: sea_orm::Value,
        value: sea_orm::Value,
    ) -> u64 {
        let db = self.connect_directly().await;
        let statement = sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            match db.get_database_backend() {
                sea_orm::DatabaseBackend::Postgres => {
                    format!("UPDATE {table} SET {column} = $1 WHERE {key} = $2")
                }
                _ => format!("UPDATE {table} SET {column} = ? WHERE {key} = ?"),
            },
            [value, key_value],
        );
        let done = db.execute_raw(statement).await.expect("update rows");
        let _ = db.close().await;
        done.rows_affected()
    }
}

impl TestApp {
    /// Runs a one-off `valinta` command (`expire`, `ledger-check`) against the test's database,
    /// as an operator would beside the running server; returns its exit success and stderr.
    pub fn command(&self, args: &[&str]) -> (bool, String) {
        let mut command = Command::new(env!("CARGO_BIN_EXE_valinta"));
        command
            .args(args)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env_remove("DATABASE_URL")
            .env_remove("VALINTA_SECRET_KEY");
        if let Some(db) = &self.postgres {
            command
                .env("DATABASE_URL", &db.url)
                .env("VALINTA_SECRET_KEY", POSTGRES_SECRET_KEY);
        }
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("cannot run valinta {args:?}: {e}"));
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// A connection straight to the test's database, for what HTTP cannot show.
    async fn connect_directly(&self) -> sea_orm::DatabaseConnection {
        let url = match &self.postgres {
            Some(db) => db.url.clone(),
            None => format!(
                "sqlite://{}?mode=rw",
                self.data_dir.join("valinta.db").display()
            ),
        };
        let mut options = ConnectOptions::new(url);
        options.max_connections(1).sqlx_logging(false);
        Database::connect(options)
            .await
            .expect("connect to the test database")
    }

    /// Every value of the one text column a query selects: for checking what the database
    /// holds (that a secret is not stored in plain text, say).
    pub async fn sql_texts(&self, sql: &str) -> Vec<String> {
        let db = self.connect_directly().await;
        let rows = db
            .query_all_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                sql.to_owned(),
            ))
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        let texts = rows
            .iter()
            .map(|row| {
                row.try_get_by_index::<Option<String>>(0)
                    .unwrap_or_else(|e| panic!("{sql}: {e}"))
                    .unwrap_or_default()
            })
            .collect();
        let _ = db.close().await;
        texts
    }

    /// The SQLite database's files as bytes (main file and write-ahead log); empty on
    /// PostgreSQL.
    pub fn sqlite_bytes(&self) -> Vec<u8> {
        if self.postgres.is_some() {
            return Vec::new();
        }
        ["valinta.db", "valinta.db-wal"]
            .iter()
            .flat_map(|f| std::fs::read(self.data_dir.join(f)).unwrap_or_default())
            .collect()
    }
}

impl TestApp {
    /// The token of the newest single-use link (set or reset a password) emailed to
    /// `address`, read from the email outbox as the mail server would receive it.
    pub async fn account_link_token(&self, address: &str) -> Option<String> {
        let address = address.replace('\'', "''");
        let payloads = self
            .sql_texts(&format!(
                "SELECT CAST(payload AS TEXT) FROM emails WHERE address = '{address}' \
                 AND kind = 'account_link' ORDER BY created_at DESC"
            ))
            .await;
        let payload: serde_json::Value = serde_json::from_str(payloads.first()?).ok()?;
        let link = payload["link"].as_str()?;
        link.split_once("token=").map(|(_, t)| t.to_owned())
    }
}
