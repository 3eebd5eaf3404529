//! Sign-in that resists abuse: throttling per email (the same for known and unknown
//! addresses) and per address, and a burst of sign-ins that the server absorbs without
//! growing past 300 MB or answering 5xx.
use std::time::Duration;

use serde_json::json;

use crate::harness::{
    Backend, TestApp,
    client::{ANON, expect_status},
    fixtures::{self, PASSWORD},
};

async fn sign_in(app: &TestApp, email: &str, password: &str) -> (u16, Option<String>, String) {
    let response = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("answer");
    let status = response.status().as_u16();
    let retry = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = response.text().await.unwrap_or_default();
    (status, retry, body)
}

async fn the_sixth_wrong_password_is_throttled_alike_for_known_and_unknown_emails(app: TestApp) {
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let known = purchaser.finance.email.clone();
    let unknown = fixtures::email("nobody");
    for email in [&known, &unknown] {
        for attempt in 1..=5 {
            let (status, retry, _) = sign_in(&app, email, "wrong password 123").await;
            assert_eq!((status, retry), (401, None), "{email} attempt {attempt}");
        }
        let (status, retry, body) = sign_in(&app, email, "wrong password 123").await;
        assert_eq!(status, 429, "{email}: {body}");
        let seconds: u64 = retry.expect("Retry-After").parse().expect("seconds");
        assert!((1..=15 * 60).contains(&seconds), "{seconds}");
        assert!(body.contains("too_many_attempts"), "{body}");
    }
    // Even the right password waits: a guesser learns nothing from the answer.
    let (status, _, _) = sign_in(&app, &known, PASSWORD).await;
    assert_eq!(status, 429);
    // Other people are not locked out by someone guessing at one address.
    expect_status(
        &app.post(
            "/api/v1/auth/login",
            ANON,
            &json!({"email": purchaser.case_worker.email, "password": PASSWORD}),
        )
        .await,
        200,
        "another email",
    );
}
db_test!(the_sixth_wrong_password_is_throttled_alike_for_known_and_unknown_emails);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_address_past_its_rate_is_throttled() {
    let app = TestApp::spawn_with(Backend::Sqlite, &["--sign-in-per-minute", "8"]).await;
    let mut answers = Vec::new();
    for i in 0..12 {
        let (status, retry, _) = sign_in(&app, &fixtures::email(&format!("u{i}")), "x").await;
        answers.push((status, retry.is_some()));
    }
    assert_eq!(
        answers.iter().filter(|a| a.0 == 401).count(),
        8,
        "{answers:?}"
    );
    assert!(
        answers[8..].iter().all(|a| *a == (429, true)),
        "{answers:?}"
    );
}

/// Peak resident memory of a process, from `/proc/<pid>/status` (`VmHWM`), in MB.
fn peak_rss_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|kb| kb.parse::<u64>().ok())
        .map(|kb| kb / 1024)
        .expect("VmHWM")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_sign_ins_at_once_stay_under_300_mb_without_a_5xx() {
    let app = TestApp::spawn_with(Backend::Sqlite, &["--sign-in-per-minute", "100000"]).await;
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let email = purchaser.finance.email.clone();
    let before = peak_rss_mb(app.pid());
    let started = std::time::Instant::now();
    let attempts = (0..200).map(|i| {
        let app = &app;
        let email = email.clone();
        async move {
            // Most sign in right; some are wrong, as a real burst would be.
            let password = if i % 10 == 0 {
                "wrong password 99"
            } else {
                PASSWORD
            };
            let email = if i % 10 == 0 {
                fixtures::email("guess")
            } else {
                email
            };
            sign_in(app, &email, password).await.0
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let elapsed = started.elapsed();
    let peak = peak_rss_mb(app.pid());
    let ok = statuses.iter().filter(|s| **s == 200).count();
    let server_errors = statuses.iter().filter(|s| **s >= 500).count();
    eprintln!(
        "burst of 200 sign-ins: {ok} signed in, {} refused, {server_errors} 5xx, {:.1} s, peak RSS {before} MB before, {peak} MB after",
        200 - ok,
        elapsed.as_secs_f64()
    );
    assert_eq!(server_errors, 0, "{statuses:?}");
    assert_eq!(ok, 180, "{statuses:?}");
    assert!(peak < 300, "peak resident memory {peak} MB");
    assert!(elapsed < Duration::from_secs(120));
}
