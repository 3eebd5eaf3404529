//! The real `valinta serve` as the benchmarks start it: on a free port, without the
//! background worker (so only the measured requests use the cores), with the benchmark's
//! first administrator and secret key, killed when dropped. Included by each benchmark with
//! `#[path]`, since every bench is its own crate.
use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
};

/// The administrator every benchmark signs in as first.
pub const ADMIN: (&str, &str) = ("bench-admin@valinta.invalid", "bench-admin-password");

pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `bin` on `data_dir` (SQLite there, or the PostgreSQL at `database_url`) and
    /// waits for the address it prints.
    pub fn start(bin: &str, data_dir: &Path, database_url: Option<&str>, secret: &str) -> Server {
        let mut command = Command::new(bin);
        command
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--no-worker",
                "--data-dir",
            ])
            .arg(data_dir)
            // BENCH_SERVER_LOG=info shows where a run's time went.
            .env(
                "RUST_LOG",
                std::env::var("BENCH_SERVER_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .env("VALINTA_ADMIN_EMAIL", ADMIN.0)
            .env("VALINTA_ADMIN_PASSWORD", ADMIN.1)
            .env("VALINTA_SECRET_KEY", secret)
            .env_remove("DATABASE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(url) = database_url {
            command.env("DATABASE_URL", url);
        }
        let mut child = command.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line.trim().trim_start_matches("listening on ").to_owned();
        assert!(base.starts_with("http://"), "server did not start: {line}");
        Server { child, base }
    }
}

/// Posts `body` as JSON (with the bearer `token`, if any) and returns the answer, which
/// must be a success: a benchmark that meets a refusal measures nothing.
pub async fn call(
    http: &reqwest::Client,
    server: &Server,
    path: &str,
    token: Option<&str>,
    body: serde_json::Value,
) -> serde_json::Value {
    let mut request = http.post(format!("{}{path}", server.base)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let reply = request.send().await.unwrap();
    let status = reply.status();
    let body: serde_json::Value = reply.json().await.unwrap();
    assert!(status.is_success(), "{path}: {status} {body}");
    body
}

/// Signs `who` (email, password) in through the API and returns the bearer token.
pub async fn login(http: &reqwest::Client, server: &Server, who: (&str, &str)) -> String {
    let body = call(
        http,
        server,
        "/api/v1/auth/login",
        None,
        serde_json::json!({"email": who.0, "password": who.1}),
    )
    .await;
    body["token"].as_str().unwrap().to_owned()
}
