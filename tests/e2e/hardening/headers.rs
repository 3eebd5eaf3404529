//! Every response carries the security headers: pages, API answers, static files, errors.
use crate::harness::form_session::FormSession;
use crate::harness::{Backend, TestApp};

const EVERYWHERE: [(&str, &str); 3] = [
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "same-origin"),
    ("x-frame-options", "DENY"),
];

async fn headers_of(app: &TestApp, path: &str) -> (u16, reqwest::header::HeaderMap) {
    let reply = app.http.get(app.url(path)).send().await.expect("request");
    (reply.status().as_u16(), reply.headers().clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_api_answers_static_files_and_errors_carry_the_security_headers() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for (path, status) in [
        ("/", 200),
        ("/signin", 200),
        ("/api/v1/offerings", 200),
        ("/static/portal.css", 200),
        ("/static/portal.js", 200),
        ("/no-such-page", 404),
        ("/api/v1/no-such-thing", 404),
        ("/api/v1/me", 401),
    ] {
        let (got, headers) = headers_of(&app, path).await;
        assert_eq!(got, status, "{path}");
        let csp = headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy"));
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        for (name, value) in EVERYWHERE {
            assert_eq!(
                headers.get(name).and_then(|v| v.to_str().ok()),
                Some(value),
                "{path}: {name}"
            );
        }
        assert!(
            headers.get("strict-transport-security").is_none(),
            "{path}: no HSTS over plain HTTP"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hsts_is_sent_when_the_portal_is_public_over_https() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        &["--public-url", "https://valinta.example.fi"],
    )
    .await;
    for path in ["/", "/api/v1/offerings", "/no-such-page"] {
        let (_, headers) = headers_of(&app, path).await;
        let hsts = headers
            .get("strict-transport-security")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{path}: no HSTS"));
        assert!(hsts.starts_with("max-age=31536000"), "{path}: {hsts}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_use_no_inline_style_or_script_the_policy_would_block() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for path in ["/", "/signin", "/search"] {
        let (_, html) = FormSession::new(&app, None).await.get(&app, path).await;
        assert!(!html.contains(" style=\""), "{path} has an inline style");
        assert!(!html.contains("<script>"), "{path} has an inline script");
        assert!(!html.contains(" onclick="), "{path} has an inline handler");
    }
}

/// In a real browser under the policy: the balance bar has its widths (classes, not inline
/// styles) and the portal's script runs (it reveals the statement's print button).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_portal_still_draws_and_runs_its_script_under_the_policy() {
    let app = TestApp::spawn_with(Backend::Sqlite, &["--demo"]).await;
    let Some(browser) = crate::harness::browser::Browser::open(&app).await else {
        return;
    };
    browser
        .sign_in("aino@demo.valinta.fi", "demo-salasana")
        .await;
    browser.goto("/my").await;
    let widths = browser
        .client
        .execute(
            "const bar = document.querySelector('.meter');
             const parts = [...bar.querySelectorAll('span')].map(s => s.getBoundingClientRect().width);
             return [bar.getBoundingClientRect().width, ...parts];",
            vec![],
        )
        .await
        .expect("measure the bar");
    let widths: Vec<f64> = serde_json::from_value(widths).expect("widths");
    let (bar, parts) = widths.split_first().expect("a bar");
    let drawn: f64 = parts.iter().sum();
    assert!(
        parts[0] > 0.0 && (drawn - bar).abs() < 4.0,
        "the bar's parts fill it: {widths:?}"
    );
    browser.go("a[href$='/statement']").await;
    let hidden = browser
        .client
        .execute(
            "return document.querySelector('[data-print]').hidden",
            vec![],
        )
        .await
        .expect("read the print button");
    assert_eq!(hidden, serde_json::json!(false), "portal.js ran");
    browser.close().await;
}
