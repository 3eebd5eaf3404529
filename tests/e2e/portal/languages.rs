//! Languages in a real browser: a Swedish-speaking visitor gets Swedish from the first
//! page, the language menu's links switch and the choice sticks, "Kervo" finds Kerava's
//! offerings, and the Swedish pages pass axe.
use crate::harness::{Backend, TestApp, browser::Browser};

async fn lang_of(browser: &Browser) -> String {
    let html = browser.find("html").await;
    html.attr("lang").await.ok().flatten().unwrap_or_default()
}

async fn a_swedish_visitor_gets_swedish_from_the_first_page(backend: Backend) {
    let app = TestApp::spawn_with(backend, &["--demo"]).await;
    let Some(browser) = Browser::open_speaking(&app, "sv-FI,sv;q=0.9,en;q=0.5").await else {
        return;
    };
    browser.goto("/").await;
    assert_eq!(lang_of(&browser).await, "sv", "the first page is Swedish");
    let current = browser.text(".langs a[aria-current=true]").await;
    assert_eq!(current, "På svenska");

    // "Kervo" finds the offerings that serve Kerava, named in Swedish.
    browser.goto("/search?q=Kervo").await;
    assert!(
        browser.exists("ol.hits li.hit").await,
        "Kervo finds offerings"
    );
    assert!(browser.text("ol.hits").await.contains("Kervo"));
    let violations = browser.axe_violations().await;
    assert!(
        violations.is_empty(),
        "axe on the Swedish search page: {violations:#?}"
    );

    // The menu's Finnish link keeps the page and its query, and the choice sticks.
    browser.go(".langs a[hreflang=fi]").await;
    assert_eq!(lang_of(&browser).await, "fi");
    assert!(browser.path().await.starts_with("/search"), "same page");
    assert!(browser.text("ol.hits").await.contains("Kerava"));
    browser.goto("/").await;
    assert_eq!(
        lang_of(&browser).await,
        "fi",
        "an explicit choice wins over the browser"
    );
    browser.close().await;
}

mod a_swedish_visitor_gets_swedish_from_the_first_page {
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_sqlite() {
        super::a_swedish_visitor_gets_swedish_from_the_first_page(super::Backend::Sqlite).await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_postgres() {
        super::a_swedish_visitor_gets_swedish_from_the_first_page(super::Backend::Postgres).await;
    }
}
