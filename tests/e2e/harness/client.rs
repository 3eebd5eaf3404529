//! Typed request helpers: every call answers `(StatusCode, serde_json::Value)`, and small
//! assertion helpers that print the whole answer when they fail.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::TestApp;

/// An answer: the status and the body parsed as JSON (a JSON string holding the raw text
/// when the body is not JSON, `null` when it is empty).
pub type Reply = (StatusCode, Value);

/// Pass as the token to call without `Authorization`.
pub const ANON: &str = "";

/// A signed-in user.
#[derive(Clone, Debug)]
pub struct User {
    pub id: String,
    pub token: String,
    /// The address they signed in with (where their emails go).
    pub email: String,
}

fn parse_body(text: &str) -> Value {
    if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string()))
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    fn record(&self, text: &str) {
        self.transcript
            .lock()
            .expect("transcript lock")
            .push(text.to_string());
    }

    /// All response bodies received so far.
    pub fn transcript(&self) -> Vec<String> {
        self.transcript.lock().expect("transcript lock").clone()
    }

    /// Sends a raw body; `content_type: None` sends no Content-Type header at all. An error
    /// means no HTTP answer came back.
    pub async fn try_send_raw(
        &self,
        method: Method,
        path: &str,
        token: &str,
        content_type: Option<&str>,
        body: Option<Vec<u8>>,
    ) -> Result<(StatusCode, String), String> {
        let mut request = self.http.request(method.clone(), self.url(path));
        if !token.is_empty() {
            request = request.bearer_auth(token);
        }
        if let Some(content_type) = content_type {
            request = request.header(reqwest::header::CONTENT_TYPE, content_type);
        }
        if let Some(body) = body {
            request = request.body(body);
        }
        let response = request
            .send()
            .await
            .map_err(|e| format!("{method} {path}: request failed: {e:?}"))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| format!("{method} {path}: reading the body failed: {e:?}"))?;
        self.record(&text);
        Ok((status, text))
    }

    /// Sends a raw body and panics (with the server's log) if no answer comes back.
    pub async fn send_raw(
        &self,
        method: Method,
        path: &str,
        token: &str,
        content_type: Option<&str>,
        body: Option<Vec<u8>>,
    ) -> (StatusCode, String) {
        match self
            .try_send_raw(method, path, token, content_type, body)
            .await
        {
            Ok(answer) => answer,
            Err(e) => panic!("{e}\n--- server stderr ---\n{}", self.server_log_tail()),
        }
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<&Value>,
    ) -> Reply {
        let (status, text) = match body {
            Some(body) => {
                let bytes = serde_json::to_vec(body).expect("serialize body");
                self.send_raw(method, path, token, Some("application/json"), Some(bytes))
                    .await
            }
            None => self.send_raw(method, path, token, None, None).await,
        };
        (status, parse_body(&text))
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.send(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Reply {
        self.send(Method::POST, path, token, Some(body)).await
    }

    /// POST with an empty JSON object, for actions such as accept or void.
    pub async fn act(&self, path: &str, token: &str) -> Reply {
        self.post(path, token, &json!({})).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: &Value) -> Reply {
        self.send(Method::PATCH, path, token, Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Reply {
        self.send(Method::DELETE, path, token, None).await
    }

    /// Logs in and returns the user; panics unless the login succeeds.
    pub async fn login(&self, email: &str, password: &str) -> User {
        let reply = self
            .post(
                "/api/v1/auth/login",
                ANON,
                &json!({"email": email, "password": password}),
            )
            .await;
        let body = expect_status(&reply, 200, &format!("login as {email}"));
        let token = str_field(body, "token");
        assert!(!token.is_empty(), "empty token for {email}: {body}");
        User {
            id: str_field(&body["user"], "id"),
            token,
            email: email.trim().to_lowercase(),
        }
    }

    pub async fn login_admin(&self) -> User {
        self.login(super::app::ADMIN_EMAIL, super::app::ADMIN_PASSWORD)
            .await
    }
}

/// The string value of `body[key]`; panics with the body otherwise.
#[track_caller]
pub fn str_field(body: &Value, key: &str) -> String {
    body.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("expected string field `{key}` in {body}"))
        .to_string()
}

/// The id of a created or fetched object.
#[track_caller]
pub fn id_of(body: &Value) -> String {
    str_field(body, "id")
}

/// Asserts the status and returns the body.
#[track_caller]
pub fn expect_status<'a>(reply: &'a Reply, status: u16, what: &str) -> &'a Value {
    assert_eq!(
        reply.0.as_u16(),
        status,
        "{what}: expected {status}, got {} with body {}",
        reply.0,
        reply.1
    );
    &reply.1
}

/// Why an answer is not the expected error, if it is not: the status, the documented shape
/// `{"error": {"code", "message", "fields"?}}`, the code and the named field when given.
pub fn error_mismatch(
    reply: &Reply,
    status: u16,
    code: Option<&str>,
    field: Option<&str>,
    what: &str,
) -> Option<String> {
    let body = &reply.1;
    if reply.0.as_u16() != status {
        return Some(format!(
            "{what}: expected {status}, got {} with body {body}",
            reply.0
        ));
    }
    let Some(error) = body.get("error") else {
        return Some(format!("{what}: error body lacks `error`: {body}"));
    };
    let Some(actual_code) = error.get("code").and_then(Value::as_str) else {
        return Some(format!("{what}: error lacks a string `code`: {body}"));
    };
    if error.get("message").and_then(Value::as_str).is_none() {
        return Some(format!("{what}: error lacks a string `message`: {body}"));
    }
    if let Some(code) = code
        && actual_code != code
    {
        return Some(format!("{what}: expected code {code:?}, got {body}"));
    }
    if let Some(field) = field {
        let named = error
            .get("fields")
            .and_then(Value::as_object)
            .is_some_and(|fields| fields.contains_key(field));
        if !named {
            return Some(format!(
                "{what}: expected error.fields to name `{field}`, got {body}"
            ));
        }
    }
    None
}

/// Asserts an error answer (see [`error_mismatch`]).
#[track_caller]
pub fn expect_error(
    reply: &Reply,
    status: u16,
    code: Option<&str>,
    field: Option<&str>,
    what: &str,
) {
    if let Some(problem) = error_mismatch(reply, status, code, field, what) {
        panic!("{problem}");
    }
}

/// Soft assertions: collects every mismatch of a table of bad inputs, so one run reports
/// all of them; `finish` fails the test if any was found.
#[derive(Default)]
pub struct Checks {
    failures: Vec<String>,
}

impl Checks {
    pub fn error(
        &mut self,
        reply: &Reply,
        status: u16,
        code: Option<&str>,
        field: Option<&str>,
        what: &str,
    ) {
        if let Some(problem) = error_mismatch(reply, status, code, field, what) {
            self.failures.push(problem);
        }
    }

    pub fn that(&mut self, ok: bool, problem: impl FnOnce() -> String) {
        if !ok {
            self.failures.push(problem());
        }
    }

    #[track_caller]
    pub fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} check(s) failed:\n- {}",
            self.failures.len(),
            self.failures.join("\n- ")
        );
    }
}

/// Asserts that an actor was refused (403 or 404) and got nothing but an error back.
#[track_caller]
pub fn expect_refused(reply: &Reply, what: &str) {
    let status = reply.0.as_u16();
    assert!(
        status == 403 || status == 404,
        "{what}: expected 403 or 404, got {status} with body {}",
        reply.1
    );
    let only_error = reply
        .1
        .as_object()
        .is_some_and(|object| object.len() == 1 && object.contains_key("error"));
    assert!(
        only_error,
        "{what}: a refusal must carry only an error, got {}",
        reply.1
    );
}
