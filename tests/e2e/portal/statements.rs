//! Statement and late-recording pages over plain HTTP on the demo data, on both databases:
//! the client's statement shows the same closing balance as the API, the provider's page
//! and its invoice files answer, and the late-recording form refuses a bad number of days
//! at the top of the page and in the field, changing nothing.
use reqwest::{StatusCode, header};
use serde_json::Value;

use crate::harness::{Backend, TestApp};

use super::{PASSWORD, cents};

/// Signs in through the form; answers the cookies to send and a CSRF token for forms.
async fn sign_in(app: &TestApp, http: &reqwest::Client, email: &str) -> (String, String) {
    let page = http
        .get(app.url("/signin"))
        .send()
        .await
        .expect("sign-in page");
    let browser = cookie_of(&page, "valinta_browser=");
    let html = page.text().await.expect("html");
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a csrf field")
        .to_owned();
    let reply = http
        .post(app.url("/signin"))
        .header(header::COOKIE, &browser)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
            ("next", ""),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(reply.status(), StatusCode::SEE_OTHER, "{email} signs in");
    let session = cookie_of(&reply, "valinta_session=");
    (format!("{browser}; {session}"), csrf)
}

fn cookie_of(reply: &reqwest::Response, name: &str) -> String {
    reply
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(name))
        .and_then(|c| c.split(';').next())
        .unwrap_or_else(|| panic!("no {name} cookie"))
        .to_owned()
}

async fn page(
    app: &TestApp,
    http: &reqwest::Client,
    cookies: &str,
    path: &str,
) -> (StatusCode, String) {
    let reply = http
        .get(app.url(path))
        .header(header::COOKIE, cookies)
        .send()
        .await
        .expect("page");
    (reply.status(), reply.text().await.expect("html"))
}

/// The text of the `<dd>` after the `<dt>` with this label, within `html`.
fn dd_after(html: &str, label: &str) -> String {
    let at = html
        .find(&format!("<dt>{label}</dt>"))
        .unwrap_or_else(|| panic!("no {label}"));
    html[at..]
        .split("<dd>")
        .nth(1)
        .and_then(|rest| rest.split("</dd>").next())
        .unwrap_or_default()
        .to_owned()
}

async fn the_pages_show_the_books_and_refuse_bad_days(app: TestApp) {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("client");
    // Aino's statement of this month closes at her balance now.
    let (cookies, _) = sign_in(&app, &http, "aino@demo.valinta.fi").await;
    let (_, my) = page(&app, &http, &cookies, "/my").await;
    let link = my
        .split("href=\"/my/allocations/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a statement link on My money");
    let allocation = link.trim_end_matches("/statement");
    let (status, html) = page(&app, &http, &cookies, &format!("/my/allocations/{link}")).await;
    assert_eq!(status, StatusCode::OK);
    let closing = html
        .split("id=\"closing-heading\"")
        .nth(1)
        .expect("closing part");
    let api = app.login("aino@demo.valinta.fi", PASSWORD).await;
    let reply = app
        .get(&format!("/api/v1/allocations/{allocation}"), &api.token)
        .await;
    let available = reply.1["balance"]["available"]
        .as_str()
        .expect("available")
        .to_owned();
    let shown = cents(&dd_after(closing, "Käytettävissä"));
    assert_eq!(
        shown,
        cents(&available.replace('.', ",")),
        "closing = the balance now"
    );
    assert!(html.contains("data-print"), "a print button");

    // Kielo's statement and the files of its invoices.
    let (cookies, _) = sign_in(&app, &http, "kielo@demo.valinta.fi").await;
    let (status, html) = page(&app, &http, &cookies, "/provider/statement").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Kuukausiote"), "{html}");
    let (status, _) = page(&app, &http, &cookies, "/provider/statement?month=2026-13").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a bad month");

    // The catalogue manager: a bad number of days is refused and changes nothing.
    let (cookies, csrf) = sign_in(&app, &http, "palveluvalikoima@demo.valinta.fi").await;
    let manager = app
        .login("palveluvalikoima@demo.valinta.fi", PASSWORD)
        .await;
    let me: Value = app.get("/api/v1/me", &manager.token).await.1;
    let pid = me["purchaser_id"].as_str().expect("purchaser").to_owned();
    let days_path = format!("/api/v1/purchasers/{pid}");
    let days = || async { app.get(&days_path, "").await.1["recording_days"].clone() };
    let post = |value: &'static str| {
        http.post(app.url("/purchaser/recording"))
            .header(header::COOKIE, &cookies)
            .form(&[("csrf", csrf.as_str()), ("recording_days", value)])
            .send()
    };
    for bad in ["0", "91", "kaksi"] {
        let reply = post(bad).await.expect("post");
        let html = reply.text().await.expect("html");
        assert!(html.contains("role=\"alert\""), "{bad}: an error summary");
        assert!(
            html.contains("aria-invalid=\"true\""),
            "{bad}: the field is marked"
        );
        assert_eq!(days().await, 14, "{bad} changed nothing");
    }
    let reply = post("21").await.expect("post");
    assert_eq!(reply.status(), StatusCode::SEE_OTHER);
    assert_eq!(days().await, 21);
}

mod the_pages_show_the_books_and_refuse_bad_days {
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_sqlite() {
        let app = super::TestApp::spawn_with(super::Backend::Sqlite, &["--demo"]).await;
        super::the_pages_show_the_books_and_refuse_bad_days(app).await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_postgres() {
        let app = super::TestApp::spawn_with(super::Backend::Postgres, &["--demo"]).await;
        super::the_pages_show_the_books_and_refuse_bad_days(app).await;
    }
}
