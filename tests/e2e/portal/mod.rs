//! The web portal in a real headless Chromium: the flows of the issue in each language,
//! axe-core on every kind of page, a keyboard-only walk, and screenshots.

/// A browser test in one language on one database: `portal_test!(flow, fi, sqlite)`.
macro_rules! portal_test {
    ($flow:ident, $lang:ident, $db:ident) => {
        paste_free_test!($flow, $lang, $db);
    };
}

macro_rules! paste_free_test {
    ($flow:ident, $lang:ident, sqlite) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
        async fn $lang() {
            let (app, browser) = $crate::portal::demo($crate::harness::Backend::Sqlite).await;
            if let Some(b) = browser {
                super::$flow(&app, &b, stringify!($lang)).await;
                b.close().await;
            }
        }
    };
    ($flow:ident, $lang:ident, postgres) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
        async fn on_postgres() {
            let (app, browser) = $crate::portal::demo($crate::harness::Backend::Postgres).await;
            if let Some(b) = browser {
                super::$flow(&app, &b, stringify!($lang)).await;
                b.close().await;
            }
        }
    };
}

/// A flow in all three languages on SQLite and in one of them on PostgreSQL.
macro_rules! in_every_language {
    ($flow:ident, $postgres_lang:ident) => {
        mod $flow {
            portal_test!($flow, fi, sqlite);
            portal_test!($flow, sv, sqlite);
            portal_test!($flow, en, sqlite);
            portal_test!($flow, $postgres_lang, postgres);
        }
    };
}

mod accessibility;
mod acting;
mod disputes;
mod emails;
mod flows;
mod http;
mod keyboard;
mod languages;
mod ordering;
mod phones;
mod plans;
mod plans_http;
mod plans_staff;
mod plans_staff_http;
mod plans_staff_writing;
mod reviews;
mod rules_forms;
mod settlement;
mod staff;
mod statements;
mod uploads;

use crate::harness::{Backend, TestApp, browser::Browser};

pub const PASSWORD: &str = "demo-salasana";

/// The demo county on a fresh database, and a browser on it (`None`: no browser here).
pub async fn demo(backend: Backend) -> (TestApp, Option<Browser>) {
    let app = TestApp::spawn_with(backend, &["--demo"]).await;
    let browser = Browser::open(&app).await;
    (app, browser)
}

/// `1 234,50 €` as cents, for checking sums shown on pages.
pub fn cents(shown: &str) -> i64 {
    let digits: String = shown
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '-' || *c == '−')
        .collect();
    let negative = digits.starts_with(['-', '−']);
    let digits = digits.trim_start_matches(['-', '−']);
    let (whole, fraction) = digits.split_once(',').unwrap_or((digits, "00"));
    let value = whole
        .parse::<i64>()
        .unwrap_or_else(|_| panic!("not an amount: {shown:?}"))
        * 100
        + fraction
            .parse::<i64>()
            .unwrap_or_else(|_| panic!("not an amount: {shown:?}"));
    if negative { -value } else { value }
}
