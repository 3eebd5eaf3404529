//! Calls through the balancer, each timed and recorded, so the report can say what the
//! clients saw and when.
use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::Value;

/// What one request got: an HTTP status, or no answer at all (connection reset, timeout).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Status(u16),
    NoAnswer,
}

#[derive(Clone, Debug)]
pub struct Sample {
    pub kind: &'static str,
    /// When the request was sent, from the start of the load.
    pub at: Duration,
    pub latency: Duration,
    pub outcome: Outcome,
    /// Why no answer came, in the words of the innermost error.
    pub error: Option<String>,
}

pub struct Api {
    http: reqwest::Client,
    base: String,
    start: Instant,
    samples: Mutex<Vec<Sample>>,
}

/// An answer: the status and the body as JSON (`null` when empty or not JSON).
pub type Reply = (u16, Value);

impl Api {
    pub fn new(base: &str) -> Api {
        Api {
            http: reqwest::Client::builder()
                .no_proxy()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("HTTP client"),
            base: base.to_owned(),
            start: Instant::now(),
            samples: Mutex::new(Vec::new()),
        }
    }

    /// Time since the load started (or since this client was made).
    pub fn now(&self) -> Duration {
        self.start.elapsed()
    }

    /// Starts the clock of the load and forgets the set-up's requests.
    pub fn restart_clock(&mut self) {
        self.start = Instant::now();
        self.samples.lock().expect("samples").clear();
    }

    pub fn samples(&self) -> Vec<Sample> {
        self.samples.lock().expect("samples").clone()
    }

    /// Sends one request and records it; `Err` when no answer came back.
    pub async fn call(
        &self,
        kind: &'static str,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Result<Reply, String> {
        let mut request = self
            .http
            .request(method.clone(), format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let at = self.now();
        let sent = Instant::now();
        let answer = match request.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                response
                    .text()
                    .await
                    .map(|text| (status, serde_json::from_str(&text).unwrap_or(Value::Null)))
                    .map_err(|e| reason(&e))
            }
            Err(e) => Err(reason(&e)),
        };
        let outcome = match &answer {
            Ok((status, _)) => Outcome::Status(*status),
            Err(_) => Outcome::NoAnswer,
        };
        self.samples.lock().expect("samples").push(Sample {
            kind,
            at,
            latency: sent.elapsed(),
            outcome,
            error: answer.as_ref().err().cloned(),
        });
        answer
    }

    /// For the set-up: the answer must have this status; returns its body.
    pub async fn expect(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
        status: u16,
    ) -> Value {
        match self.call("setup", method.clone(), path, token, body).await {
            Ok((got, value)) if got == status => value,
            other => panic!("set-up {method} {path}: expected {status}, got {other:?}"),
        }
    }

    /// Repeats a request while it meets a server error or no answer (as a careful client
    /// does: only for requests that are safe to repeat), up to `within`.
    pub async fn until_answered(
        &self,
        kind: &'static str,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
        within: Duration,
    ) -> Option<Reply> {
        let deadline = Instant::now() + within;
        loop {
            match self.call(kind, method.clone(), path, token, body).await {
                Ok((status, value)) if status < 500 => return Some((status, value)),
                _ if Instant::now() > deadline => return None,
                _ => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        }
    }
}

/// The innermost cause of a failed request ("connection closed before message
/// completed", say): the outer ones only repeat the URL.
fn reason(error: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = error;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    cause.to_string()
}

/// The string at `body[key]`, or "".
pub fn text(body: &Value, key: &str) -> String {
    body.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}
