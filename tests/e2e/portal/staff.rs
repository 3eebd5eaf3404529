//! Staff pages in a browser (issue #16 item 8), in Finnish and Swedish at 1280 and 360 px
//! with axe-core on each: every role's start page counts over more than 100 rows; the
//! demand-gap page shows the API's numbers; a staff member's long menu folds behind a
//! button on a phone; ending a mandate is confirmed first and cancelling changes nothing;
//! a new API key is shown once and a refresh makes no second key; the amount field takes
//! what its own hint shows.
use serde_json::{Value, json};

use crate::harness::{
    Backend, TestApp,
    browser::Browser,
    client::expect_status,
    fixtures::{self, Market, PASSWORD},
    ids,
};

const ORDERS: usize = 105;
const CLIENTS: usize = 103;
const GAPS: usize = 120;

/// A market with more than 100 rows of each thing a start page counts: orders waiting
/// for the provider, the purchaser's clients, searches that found nothing.
async fn busy_market(app: &TestApp) -> Market {
    let market = Market::build(app).await;
    for _ in 0..ORDERS {
        let reply = fixtures::request_commitment(
            app,
            &market.client.user.token,
            &market.allocation_id,
            &market.offering_id,
            "voucher",
            Some("1.00"),
        )
        .await;
        expect_status(&reply, 201, "an order waiting for the provider");
    }
    for i in 1..CLIENTS {
        let reply = app
            .post(
                &format!("/api/v1/purchasers/{}/clients", market.purchaser.id),
                &market.purchaser.case_worker.token,
                &json!({"name": format!("Asiakas {i:03}"), "personal_id": ids::personal_id(), "municipality": "091"}),
            )
            .await;
        expect_status(&reply, 201, "a client");
    }
    // Searches in the purchaser's area that find nothing, each from its own address (the
    // app trusts X-Forwarded-For here) so the per-address limit on counting them holds.
    let http = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    for i in 0..GAPS {
        let times = 1 + i % 4;
        for t in 0..times {
            let reply = http
                .get(app.url(&format!("/api/v1/search?q=puuttuva{i:03}&municipality=091")))
                .header("x-forwarded-for", format!("127.1.{}.{}", i % 250, t + 1))
                .send()
                .await
                .expect("search");
            assert_eq!(reply.status(), 200);
        }
    }
    // The misses are counted off the request path: wait until all are in.
    let path = format!(
        "/api/v1/purchasers/{}/reports/demand-gaps?per_page=100",
        market.purchaser.id
    );
    for _ in 0..100 {
        let reply = app
            .get(&path, &market.purchaser.catalogue_manager.token)
            .await;
        let counted: i64 = expect_status(&reply, 200, "demand gaps")["items"]
            .as_array()
            .map(|items| items.iter().filter_map(|g| g["count"].as_i64()).sum())
            .unwrap_or_default();
        let total = reply.1["total"].as_u64().unwrap_or_default();
        if total == GAPS as u64 && counted >= 100 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    market
}

fn says(lang: &str, fi: &str, sv: &str) -> String {
    if lang == "sv" { sv } else { fi }.to_owned()
}

/// Signs in on the sign-in page (as staff do) and switches to `lang`.
async fn sign_in(b: &Browser, email: &str, lang: &str) {
    b.sign_in(email, PASSWORD).await;
    assert_eq!(b.path().await, "/start", "{email} starts on the start page");
    if lang != "fi" {
        b.language(lang).await;
    }
}

/// Screenshots at 1280 and 360 px, axe-core at both, nothing wider than the phone, and
/// the phone's menu folded behind its button with the heading on the first screen.
async fn look(b: &Browser, name: &str, problems: &mut Vec<String>) {
    for (width, suffix) in [(1280, "desktop"), (360, "phone")] {
        b.set_width(width).await;
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        b.screenshot(&format!("staff-{name}-{suffix}")).await;
        for v in b.axe_violations().await {
            problems.push(format!("{name} at {width} px: {v}"));
        }
        if let Some(wide) = b.overflow().await {
            problems.push(format!("{name} at {width} px is too wide: {wide}"));
        }
        let header: Value = b
            .client
            .execute(
                r#"const t = document.querySelector('.menu-toggle');
                   const l = document.getElementById('nav-list');
                   const h = document.querySelector('main');
                   return {toggle: !!t && !t.hidden && t.offsetParent !== null,
                           list: l.offsetParent !== null,
                           h1: h ? h.getBoundingClientRect().top : -1,
                           screen: window.innerHeight};"#,
                vec![],
            )
            .await
            .expect("measure the header");
        let phone = width == 360;
        if header["toggle"] != json!(phone) || header["list"] != json!(!phone) {
            problems.push(format!(
                "{name} at {width} px: the menu is not as it should be: {header}"
            ));
        }
        // The page's own content starts in the top third of the first screen, menu folded.
        let (h1, screen) = (
            header["h1"].as_f64().unwrap_or(9999.0),
            header["screen"].as_f64().unwrap_or_default(),
        );
        if phone && h1 > screen / 3.0 {
            problems.push(format!(
                "{name} at 360 px: the heading starts too low: {header}"
            ));
        }
    }
    b.set_width(1280).await;
}

async fn start_pages_count_every_row(app: &TestApp, b: &Browser, lang: &str) {
    let market = busy_market(app).await;
    let mut problems = Vec::new();

    sign_in(b, &market.provider.staff.email, lang).await;
    let text = b.text("#start-provider + ul").await;
    let waiting = says(
        lang,
        "105 uutta tilausta odottaa vastaustasi.",
        "105 nya beställningar väntar på ditt svar.",
    );
    assert!(text.contains(&waiting), "{text}");
    look(b, &format!("provider-start-{lang}"), &mut problems).await;
    // The phone's menu opens from its button, and says so.
    b.set_width(360).await;
    // The script folds the menu when the width changes; wait for it before opening.
    for _ in 0..50 {
        let folded = b
            .client
            .execute("const t = document.querySelector('.menu-toggle'); return !t.hidden && t.getAttribute('aria-expanded') === 'false'", vec![])
            .await
            .expect("menu state");
        if folded == json!(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    b.click(".menu-toggle").await;
    let expanded: Value = b
        .client
        .execute("return [document.querySelector('.menu-toggle').getAttribute('aria-expanded'), document.getElementById('nav-list').offsetParent !== null]", vec![])
        .await
        .expect("menu state");
    assert_eq!(expanded, json!(["true", true]), "the menu opens");
    b.screenshot(&format!("staff-provider-menu-open-{lang}-phone"))
        .await;
    b.set_width(1280).await;
    b.go("#start-provider + ul a[href='/provider/commitments']")
        .await;
    assert!(b.path().await.starts_with("/provider/commitments"));
    b.sign_out().await;

    sign_in(b, &market.purchaser.case_worker.email, lang).await;
    let text = b.text("#start-case + ul").await;
    let clients = says(
        lang,
        &format!("{CLIENTS} asiakasta."),
        &format!("{CLIENTS} klienter."),
    );
    assert!(text.contains(&clients), "{text}");
    look(b, &format!("case-worker-start-{lang}"), &mut problems).await;
    b.sign_out().await;

    sign_in(b, &market.purchaser.catalogue_manager.email, lang).await;
    let text = b.text("#start-catalogue + ul").await;
    let gaps = says(
        lang,
        &format!("{GAPS} hakua ei löytänyt palvelua."),
        &format!("{GAPS} sökningar hittade ingen tjänst."),
    );
    assert!(text.contains(&gaps), "{text}");
    look(b, &format!("catalogue-start-{lang}"), &mut problems).await;
    b.go("#start-catalogue + ul a[href='/purchaser/demand-gaps']")
        .await;
    same_numbers_as_the_api(app, b, &market).await;
    look(b, &format!("demand-gaps-{lang}"), &mut problems).await;
    b.sign_out().await;

    sign_in(b, &market.purchaser.finance.email, lang).await;
    assert!(b.exists("#start-finance").await, "finance has its part");
    look(b, &format!("finance-start-{lang}"), &mut problems).await;
    b.sign_out().await;

    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The demand-gap page shows the API's rows, in its order, with its counts, on every page.
async fn same_numbers_as_the_api(app: &TestApp, b: &Browser, market: &Market) {
    for page in 1..=3 {
        if page > 1 {
            b.go("nav.pager a[rel=next]").await;
        }
        let api = app
            .get(
                &format!(
                    "/api/v1/purchasers/{}/reports/demand-gaps?per_page=50&page={page}",
                    market.purchaser.id
                ),
                &market.purchaser.catalogue_manager.token,
            )
            .await;
        let api = expect_status(&api, 200, "demand gaps")["items"].clone();
        let expected: Vec<(String, String)> = api
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|g| {
                        (
                            g["query"].as_str().unwrap_or_default().to_owned(),
                            g["count"].to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let shown: Value = b
            .client
            .execute(
                "return Array.from(document.querySelectorAll('table[data-testid=gaps] tbody tr')).map(r => [r.cells[0].textContent.trim(), r.cells[2].textContent.trim()])",
                vec![],
            )
            .await
            .expect("read the table");
        let shown: Vec<(String, String)> = serde_json::from_value(shown).expect("rows");
        assert_eq!(shown, expected, "page {page} shows the API's rows");
    }
}

async fn staff_acts_are_confirmed_and_never_repeated(app: &TestApp, b: &Browser, lang: &str) {
    let market = Market::build(app).await;
    let proxy = fixtures::proxy(app, &market.purchaser, &market.client).await;
    let mut problems = Vec::new();

    // Ending a mandate: the confirmation names both people; cancelling changes nothing.
    sign_in(b, &market.purchaser.case_worker.email, lang).await;
    let client_page = format!("/purchaser/clients/{}", market.client.id);
    b.goto(&client_page).await;
    b.go("a[href$='/revoke']").await;
    let what = b.text("[data-testid=what-happens]").await;
    assert!(
        what.contains(&market.client.name),
        "names the client: {what}"
    );
    look(b, &format!("mandate-end-{lang}"), &mut problems).await;
    b.go("a.button.secondary").await;
    assert_eq!(b.path().await, client_page, "cancel returns to the client");
    let live = app.get("/api/v1/me", &proxy.token).await;
    assert_eq!(
        expect_status(&live, 200, "the proxy")["acts_for"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "cancelling kept the mandate"
    );
    b.go("a[href$='/revoke']").await;
    b.fill("#reason", "Edunvalvonta päättyi").await;
    b.go("form.narrow button[type=submit]").await;
    assert_eq!(b.path().await.split('?').next(), Some(client_page.as_str()));
    assert!(
        b.exists(".notice").await,
        "the act is confirmed on the client page"
    );
    let after = app.get("/api/v1/me", &proxy.token).await;
    assert_eq!(
        expect_status(&after, 200, "the proxy")["acts_for"]
            .as_array()
            .map(Vec::len),
        Some(0),
        "confirming ended the mandate"
    );
    b.sign_out().await;

    // A new API key: shown once after the redirect; a refresh shows it no more and makes
    // no second key.
    sign_in(b, &market.provider.staff.email, lang).await;
    b.goto("/provider/api-keys").await;
    b.fill("#site", "Kassa").await;
    b.go("form[action='/provider/api-keys'] button[type=submit]")
        .await;
    assert!(b.exists("#new-key").await, "the key is shown once");
    look(b, &format!("api-key-made-{lang}"), &mut problems).await;
    b.client.refresh().await.expect("refresh");
    assert!(
        !b.exists("#new-key").await,
        "a refresh does not show it again"
    );
    let keys = app
        .get(
            &format!("/api/v1/providers/{}/api-keys", market.provider.id),
            &market.provider.staff.token,
        )
        .await;
    assert_eq!(
        expect_status(&keys, 200, "keys")["total"],
        1,
        "one key, not two"
    );

    // The amount field takes what its hint shows ("2 tuntia", "2 timmar").
    let commitment = market.accepted_commitment(app).await;
    b.goto(&format!("/provider/commitments/{commitment}/deliver"))
        .await;
    let hint = b.text("#quantity-hint").await;
    let example = says(lang, "2 tuntia", "2 timmar");
    assert!(hint.contains(&example), "the hint shows {example}: {hint}");
    b.fill("#quantity", &says(lang, "2 matkaa", "2 resor"))
        .await;
    b.go("button[name=step][value=check]").await;
    let error = b.text("#quantity-error").await;
    assert!(!error.is_empty(), "another unit is named at the field");
    b.fill("#quantity", &example).await;
    b.go("button[name=step][value=check]").await;
    assert!(
        !b.exists("#quantity-error").await,
        "the hint's own example is taken"
    );
    look(b, &format!("deliver-preview-{lang}"), &mut problems).await;
    b.go("button[name=step][value=record]").await;
    assert!(
        b.path().await.starts_with("/provider/deliveries"),
        "recorded"
    );
    let deliveries = app
        .get(
            &format!("/api/v1/commitments/{commitment}/deliveries"),
            &market.provider.staff.token,
        )
        .await;
    let items = expect_status(&deliveries, 200, "deliveries")["items"].clone();
    assert_eq!(items[0]["quantity"], "2", "two hours recorded: {items}");
    b.sign_out().await;

    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

async fn spawn(backend: Backend) -> (TestApp, Option<Browser>) {
    let app = TestApp::spawn_with(backend, &["--trust-forwarded-for"]).await;
    let browser = Browser::open(&app).await;
    (app, browser)
}

macro_rules! staff_test {
    ($flow:ident) => {
        mod $flow {
            async fn run(backend: super::Backend, lang: &str) {
                let (app, browser) = super::spawn(backend).await;
                if let Some(b) = browser {
                    super::$flow(&app, &b, lang).await;
                    b.close().await;
                }
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn fi() {
                run(super::Backend::Sqlite, "fi").await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sv() {
                run(super::Backend::Sqlite, "sv").await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                run(super::Backend::Postgres, "sv").await;
            }
        }
    };
}

staff_test!(start_pages_count_every_row);
staff_test!(staff_acts_are_confirmed_and_never_repeated);
