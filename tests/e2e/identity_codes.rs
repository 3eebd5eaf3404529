//! One person, one client: identity codes compare in their canonical form, a duplicate
//! (also in a race) is a 409, and a search never keeps an identity code.
use serde_json::json;

use crate::harness::{
    TestApp,
    client::{ANON, expect_status},
    fixtures,
};

async fn the_dash_and_y_forms_are_one_client_and_a_race_makes_one(app: TestApp) {
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let path = format!("/api/v1/purchasers/{}/clients", purchaser.id);
    let first = app
        .post(
            &path,
            &purchaser.case_worker.token,
            &json!({"name": "Matti", "personal_id": "010180-1232", "municipality": "091"}),
        )
        .await;
    expect_status(&first, 201, "first");
    let same = app
        .post(
            &path,
            &purchaser.case_worker.token,
            &json!({"name": "Matti Y", "personal_id": "010180Y1232", "municipality": "091"}),
        )
        .await;
    assert_eq!(same.0.as_u16(), 409, "{same:?}");
    assert!(same.1["error"]["fields"]["personal_id"].is_string());

    // Eight case-worker requests for one new person at the same moment: one client.
    let code = crate::harness::ids::personal_id();
    let body = json!({"name": "Kilpa", "personal_id": code, "municipality": "091"});
    let answers = futures::future::join_all(
        (0..8).map(|_| app.post(&path, &purchaser.case_worker.token, &body)),
    )
    .await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.0.as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        7,
        "{statuses:?}"
    );
    let listed = app
        .get(
            &format!("{path}?per_page=100"),
            &purchaser.case_worker.token,
        )
        .await;
    assert_eq!(expect_status(&listed, 200, "list")["total"], 2);
}
db_test!(the_dash_and_y_forms_are_one_client_and_a_race_makes_one);

async fn a_search_for_an_identity_code_is_never_kept(app: TestApp) {
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    for q in ["010180-1232", "asiakas 010180Y1232", "kuntosali helsinki"] {
        let found = app
            .get(
                &format!("/api/v1/search?q={}&municipality=091", urlencode(q)),
                ANON,
            )
            .await;
        expect_status(&found, 200, q);
    }
    // Misses are counted off the request path; give the count a moment.
    let mut gaps = serde_json::Value::Null;
    for _ in 0..50 {
        let reply = app
            .get(
                &format!("/api/v1/purchasers/{}/reports/demand-gaps", purchaser.id),
                &purchaser.catalogue_manager.token,
            )
            .await;
        gaps = expect_status(&reply, 200, "gaps")["items"].clone();
        if gaps.as_array().is_some_and(|g| !g.is_empty()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let queries: Vec<&str> = gaps
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["query"].as_str())
        .collect();
    assert_eq!(queries, vec!["kuntosali helsinki"], "{gaps}");
    let stored = app.sql_texts("SELECT query FROM search_misses").await;
    assert!(stored.iter().all(|q| !q.contains("010180")), "{stored:?}");
}
db_test!(a_search_for_an_identity_code_is_never_kept);

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Codes stored before the canonical hash: at start they are hashed again; a client who
/// turns out to be the same person as another is recorded for a case worker, not merged.
async fn stored_codes_are_rehashed_at_start_and_duplicates_recorded(app: TestApp) {
    let mut app = app;
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let path = format!("/api/v1/purchasers/{}/clients", purchaser.id);
    let mut ids = Vec::new();
    let mut codes = Vec::new();
    for name in ["Ensimmäinen", "Toinen", "Kolmas"] {
        let code = crate::harness::ids::personal_id();
        let reply = app
            .post(
                &path,
                &purchaser.case_worker.token,
                &json!({"name": name, "personal_id": code, "municipality": "091"}),
            )
            .await;
        ids.push(
            expect_status(&reply, 201, name)["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
        codes.push(code);
    }
    // As an old version left them: "Toinen" holds the first person's code under another
    // hash (a second client of one person), "Kolmas" a hash of a form no longer used.
    let first_cipher = app
        .sql_texts("SELECT personal_id_cipher FROM clients WHERE name = 'Ensimmäinen'")
        .await
        .remove(0);
    app.overwrite(
        "clients",
        "personal_id_cipher",
        &ids[1],
        first_cipher.into(),
    )
    .await;
    app.overwrite("clients", "personal_id_hash", &ids[2], "legacy-hash".into())
        .await;

    app.restart(&[]).await;
    let duplicates = app
        .sql_texts("SELECT CAST(COUNT(*) AS TEXT) FROM client_duplicates")
        .await;
    assert_eq!(
        duplicates,
        vec!["1".to_owned()],
        "Toinen is recorded as Ensimmäinen"
    );
    let hashes = app
        .sql_texts("SELECT personal_id_hash FROM clients WHERE name = 'Kolmas'")
        .await;
    assert_ne!(hashes, vec!["legacy-hash".to_owned()], "rehashed");
    // The rehashed code is found again: the same person cannot be added twice.
    let worker = app
        .login(&purchaser.case_worker.email, fixtures::PASSWORD)
        .await;
    let again = app
        .post(
            &path,
            &worker.token,
            &json!({"name": "Kolmas uudestaan", "personal_id": codes[2], "municipality": "091"}),
        )
        .await;
    assert_eq!(again.0.as_u16(), 409, "{again:?}");

    // The case worker sees it on both clients' pages, with a link to the other.
    let page = crate::harness::form_session::FormSession::new(&app, Some(&worker.token)).await;
    let (status, html) = page
        .get(&app, &format!("/purchaser/clients/{}", ids[1]))
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("sama henkilö") && html.contains(&format!("/purchaser/clients/{}", ids[0])),
        "{html}"
    );
    let (_, first) = page
        .get(&app, &format!("/purchaser/clients/{}", ids[0]))
        .await;
    assert!(first.contains(&format!("/purchaser/clients/{}", ids[1])));
}
db_test!(stored_codes_are_rehashed_at_start_and_duplicates_recorded);
