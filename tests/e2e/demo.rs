//! `valinta serve --demo` gives a living portal: the demo county, its offerings, and clients
//! whose balances moved through the real ledger.
use serde_json::Value;

use crate::harness::{TestApp, client::expect_status};

async fn the_demo_data_set_loads_with_consistent_books(app: TestApp) {
    let offerings = app.get("/api/v1/offerings?per_page=100", "").await;
    let offerings = expect_status(&offerings, 200, "list offerings");
    assert_eq!(offerings["total"], 7, "seven demo offerings");
    let titles: Vec<&str> = offerings["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|o| o["title"]["fi"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        titles.contains(&"Maalauskurssi kaikille"),
        "a non-social-care offering: {titles:?}"
    );

    // Aino's home-care voucher: 2000.00 granted, 840.00 reserved, two visits of 2 h and
    // 1.5 h at 48.00 paid at the 42.00 voucher value (84.00 + 63.00 = 147.00).
    let aino = app.login("aino@demo.valinta.fi", "demo-salasana").await;
    let me = app.get("/api/v1/me", &aino.token).await;
    let client_id = expect_status(&me, 200, "me")["client_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let allocations = app
        .get(
            &format!("/api/v1/clients/{client_id}/allocations"),
            &aino.token,
        )
        .await;
    let allocation: Value =
        expect_status(&allocations, 200, "Aino's allocations")["items"][0].clone();
    assert_eq!(allocation["balance"]["granted"], "2000.00");
    assert_eq!(allocation["balance"]["spent"], "147.00");
    assert_eq!(allocation["balance"]["reserved"], "693.00");
    assert_eq!(allocation["balance"]["available"], "1160.00");
    let id = allocation["id"].as_str().unwrap_or_default();
    app.check_books(&aino.token, id).await;

    // Liisa acts for her son Matti.
    let liisa = app.login("liisa@demo.valinta.fi", "demo-salasana").await;
    let me = app.get("/api/v1/me", &liisa.token).await;
    let acts_for = expect_status(&me, 200, "me")["acts_for"].clone();
    assert_eq!(acts_for[0]["client_name"], "Matti Korhonen", "{acts_for}");
}

mod loads_with_demo_flag {
    use super::*;
    use crate::harness::Backend;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_sqlite() {
        the_demo_data_set_loads_with_consistent_books(
            TestApp::spawn_with(Backend::Sqlite, &["--demo"]).await,
        )
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_postgres() {
        the_demo_data_set_loads_with_consistent_books(
            TestApp::spawn_with(Backend::Postgres, &["--demo"]).await,
        )
        .await;
    }
}

async fn without_the_demo_flag_there_is_no_demo_data(app: TestApp) {
    let offerings = app.get("/api/v1/offerings", "").await;
    assert_eq!(expect_status(&offerings, 200, "list offerings")["total"], 0);
}
db_test!(without_the_demo_flag_there_is_no_demo_data);
