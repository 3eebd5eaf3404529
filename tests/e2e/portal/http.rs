//! The portal over plain HTTP: cookies are http-only, secure and same-site; a form without
//! this browser's CSRF token changes nothing; pages answer in the chosen language; unknown
//! paths get a page, not JSON (the API keeps JSON).
use reqwest::{StatusCode, header};

use crate::harness::{Backend, TestApp};

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("client")
}

/// The browser cookie and the CSRF token of a fresh visitor, read from the sign-in page.
async fn visitor(app: &TestApp, http: &reqwest::Client) -> (String, String) {
    let page = http
        .get(format!("{}/signin", app.base_url))
        .send()
        .await
        .expect("sign-in page");
    let cookie = page
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("valinta_browser="))
        .expect("a browser cookie")
        .to_owned();
    for flag in ["HttpOnly", "Secure", "SameSite=Lax"] {
        assert!(
            cookie.contains(flag),
            "browser cookie lacks {flag}: {cookie}"
        );
    }
    let html = page.text().await.expect("html");
    let token = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a csrf field")
        .to_owned();
    (
        cookie.split(';').next().unwrap_or_default().to_owned(),
        token,
    )
}

async fn forms_need_the_browsers_own_token_and_cookies_are_locked_down(app: TestApp) {
    let http = no_redirects();
    let (cookie, token) = visitor(&app, &http).await;
    let sign_in = |csrf: String, cookie: String| {
        let http = http.clone();
        let url = format!("{}/signin", app.base_url);
        async move {
            http.post(url)
                .header(header::COOKIE, cookie)
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("email", "aino@demo.valinta.fi"),
                    ("password", "demo-salasana"),
                    ("next", ""),
                ])
                .send()
                .await
                .expect("post sign-in")
        }
    };
    // No token, a wrong token, and another browser's token: refused, nobody signed in.
    let (other_cookie, _) = visitor(&app, &http).await;
    for (csrf, cookie, what) in [
        (String::new(), cookie.clone(), "no token"),
        ("00".repeat(32), cookie.clone(), "a made-up token"),
        (token.clone(), other_cookie, "another browser's token"),
    ] {
        let reply = sign_in(csrf, cookie).await;
        assert_eq!(reply.status(), StatusCode::FORBIDDEN, "{what} is refused");
        assert!(
            !reply.headers().get_all(header::SET_COOKIE).iter().any(|v| v
                .to_str()
                .unwrap_or_default()
                .starts_with("valinta_session=")),
            "{what}: no session"
        );
        let html = reply.text().await.unwrap_or_default();
        assert!(
            html.contains("<html lang=\"fi\""),
            "{what}: an error page in Finnish"
        );
    }
    // The right token signs in with a locked-down session cookie.
    let reply = sign_in(token, cookie).await;
    assert_eq!(reply.status(), StatusCode::SEE_OTHER, "signed in");
    let session = reply
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("valinta_session="))
        .expect("a session cookie")
        .to_owned();
    for flag in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
        assert!(
            session.contains(flag),
            "session cookie lacks {flag}: {session}"
        );
    }
}

async fn pages_speak_the_chosen_language_and_unknown_paths_get_a_page(app: TestApp) {
    let http = no_redirects();
    for (lang, heading) in [
        ("fi", "Löydä sinulle sopiva palvelu"),
        ("sv", "<h1>"),
        ("en", "<h1>"),
    ] {
        let html = http
            .get(format!("{}/", app.base_url))
            .header(header::COOKIE, format!("valinta_lang={lang}"))
            .send()
            .await
            .expect("front page")
            .text()
            .await
            .expect("html");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\"")),
            "front page in {lang}"
        );
        assert!(html.contains(heading), "front page heading in {lang}");
    }
    let page = http
        .get(format!("{}/no-such-page", app.base_url))
        .send()
        .await
        .expect("404");
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(
        page.text().await.unwrap_or_default().contains("<main"),
        "a page, not JSON"
    );
    let api = http
        .get(format!("{}/api/v1/no-such", app.base_url))
        .send()
        .await
        .expect("404");
    assert_eq!(api.status(), StatusCode::NOT_FOUND);
    let body: serde_json::Value = api.json().await.expect("JSON under /api");
    assert_eq!(body["error"]["code"], "not_found");
    // Signed-out visitors asking for a personal page are sent to sign in, and come back.
    let my = http
        .get(format!("{}/my", app.base_url))
        .send()
        .await
        .expect("my");
    assert_eq!(my.status(), StatusCode::SEE_OTHER);
    assert_eq!(my.headers()[header::LOCATION], "/signin?next=%2Fmy");
}

async fn demo_app(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, &["--demo"]).await
}

mod forms_need_the_browsers_own_token_and_cookies_are_locked_down {
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_sqlite() {
        super::forms_need_the_browsers_own_token_and_cookies_are_locked_down(
            super::demo_app(super::Backend::Sqlite).await,
        )
        .await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_postgres() {
        super::forms_need_the_browsers_own_token_and_cookies_are_locked_down(
            super::demo_app(super::Backend::Postgres).await,
        )
        .await;
    }
}

mod pages_speak_the_chosen_language_and_unknown_paths_get_a_page {
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_sqlite() {
        super::pages_speak_the_chosen_language_and_unknown_paths_get_a_page(
            super::demo_app(super::Backend::Sqlite).await,
        )
        .await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_postgres() {
        super::pages_speak_the_chosen_language_and_unknown_paths_get_a_page(
            super::demo_app(super::Backend::Postgres).await,
        )
        .await;
    }
}
