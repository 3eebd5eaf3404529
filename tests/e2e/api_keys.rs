//! API keys per provider site: made by the provider's staff and shown once, stored only as
//! a hash; an ERP records deliveries with one (idempotently, charged once), within its own
//! provider and the delivery endpoints only; revoked keys stop at once; every act is
//! audited with the key.
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of, str_field},
    fixtures::{Market, delivery_body, today},
    money::Balance,
};

async fn make_key(app: &TestApp, market: &Market, site: &str) -> Value {
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/api-keys", market.provider.id),
            &market.provider.staff.token,
            &json!({"site": site}),
        )
        .await;
    expect_status(&reply, 201, "make an API key").clone()
}

fn today_text() -> String {
    today().format("%Y-%m-%d").to_string()
}

async fn an_erp_records_deliveries_with_a_key_shown_once(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let made = make_key(&app, &market, "Kallio ERP").await;
    let key = str_field(&made, "key");
    let prefix = str_field(&made, "prefix");
    assert!(key.starts_with(&format!("vk_{prefix}_")), "{made}");
    assert_eq!(made["site"], "Kallio ERP");

    // Listed without the key, with who made it; the key is never shown again.
    let list_path = format!("/api/v1/providers/{}/api-keys", market.provider.id);
    let listed = app.get(&list_path, &market.provider.staff.token).await;
    let listed = expect_status(&listed, 200, "list keys").clone();
    assert_eq!(listed["total"], 1, "{listed}");
    let item = &listed["items"][0];
    assert_eq!(item["prefix"], prefix.as_str());
    assert!(item.get("key").is_none(), "{item}");
    assert!(!str_field(item, "created_by").is_empty(), "{item}");
    assert!(item["last_used_at"].is_null() && item["revoked_at"].is_null());
    assert!(!listed.to_string().contains(&key));

    // The ERP records 2 h at 45.00: the voucher pays 40.00 an hour, 80.00 in all.
    let path = format!("/api/v1/commitments/{commitment}/deliveries");
    let body = delivery_body(&today_text(), "2", "45.00", "ERP-2026-0001");
    let first = app.post(&path, &key, &body).await;
    let first = expect_status(&first, 201, "record with the key").clone();
    assert_eq!(first["purchaser_share"], "80.00");
    assert_eq!(first["client_share"], "10.00");
    let after = Balance::of("1000.00", "920.00", "0.00", "80.00");
    assert_eq!(market.books(&app).await, after);

    // Sent again: the same delivery, charged once.
    let again = app.post(&path, &key, &body).await;
    assert_eq!(id_of(expect_status(&again, 200, "resend")), id_of(&first));
    assert_eq!(market.books(&app).await, after, "charged once");

    // The key finds its commitments and deliveries, and may void.
    let own = app
        .get(
            &format!("/api/v1/providers/{}/commitments", market.provider.id),
            &key,
        )
        .await;
    assert!(
        expect_status(&own, 200, "commitments with the key")
            .to_string()
            .contains(&commitment)
    );
    let listed = app.get(&path, &key).await;
    assert_eq!(
        expect_status(&listed, 200, "deliveries with the key")["total"],
        1
    );

    // Its acts are audited with the key.
    let audit = app
        .get(
            &format!("/api/v1/audit?client_id={}&per_page=100", market.client.id),
            &market.admin.token,
        )
        .await;
    let audit = expect_status(&audit, 200, "audit").clone();
    let by_key: Vec<&Value> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["api_key_id"] == made["id"])
        .collect();
    let moved: Vec<_> = by_key
        .iter()
        .filter(|e| e["action"] == "money_movement")
        .collect();
    assert_eq!(moved.len(), 1, "one money movement by the key: {audit}");
    // Its reads of the client's commitments and deliveries are audited with it too.
    for read in ["commitments_listed", "deliveries_listed"] {
        assert!(
            by_key.iter().any(|e| e["action"] == read),
            "{read} by the key: {audit}"
        );
    }

    let listed = app.get(&list_path, &market.provider.staff.token).await;
    assert!(
        !expect_status(&listed, 200, "list keys")["items"][0]["last_used_at"].is_null(),
        "last use is noted"
    );
}
db_test!(an_erp_records_deliveries_with_a_key_shown_once);

async fn a_key_reaches_only_its_provider_and_the_delivery_endpoints(app: TestApp) {
    let market = Market::build(&app).await;
    let other = Market::build(&app).await;
    let theirs = other.accepted_commitment(&app).await;
    let key = str_field(&make_key(&app, &market, "Office").await, "key");
    let before = other.books(&app).await;

    let reply = app
        .post(
            &format!("/api/v1/commitments/{theirs}/deliveries"),
            &key,
            &delivery_body(&today_text(), "1", "45.00", "X-1"),
        )
        .await;
    expect_error(
        &reply,
        404,
        Some("not_found"),
        None,
        "another provider's commitment",
    );
    assert_eq!(other.books(&app).await, before, "nothing charged");
    let reply = app
        .get(
            &format!("/api/v1/providers/{}/deliveries", other.provider.id),
            &key,
        )
        .await;
    expect_error(&reply, 404, None, None, "another provider's deliveries");

    let provider = &market.provider.id;
    let offering = json!({"title": {"fi": "x"}});
    for (method, path, body) in [
        (
            "POST",
            format!("/api/v1/providers/{provider}/offerings"),
            Some(offering),
        ),
        (
            "GET",
            format!("/api/v1/providers/{provider}/api-keys"),
            None,
        ),
        (
            "POST",
            format!("/api/v1/providers/{provider}/api-keys"),
            Some(json!({"site": "x"})),
        ),
        (
            "PATCH",
            format!("/api/v1/providers/{provider}"),
            Some(json!({"name": "x"})),
        ),
        ("GET", "/api/v1/me".to_owned(), None),
        (
            "GET",
            format!("/api/v1/allocations/{}", market.allocation_id),
            None,
        ),
        (
            "GET",
            format!("/api/v1/offerings/{}", market.offering_id),
            None,
        ),
    ] {
        let reply = match (method, body) {
            ("POST", Some(body)) => app.post(&path, &key, &body).await,
            ("PATCH", Some(body)) => app.patch(&path, &key, &body).await,
            _ => app.get(&path, &key).await,
        };
        expect_error(
            &reply,
            403,
            Some("api_key_scope"),
            None,
            &format!("{method} {path}"),
        );
    }

    // Staff of another provider neither see nor revoke the keys.
    let id = {
        let listed = app
            .get(
                &format!("/api/v1/providers/{provider}/api-keys"),
                &market.provider.staff.token,
            )
            .await;
        id_of(&expect_status(&listed, 200, "list")["items"][0])
    };
    let reply = app
        .get(
            &format!("/api/v1/providers/{provider}/api-keys"),
            &other.provider.staff.token,
        )
        .await;
    expect_error(&reply, 404, None, None, "another provider lists the keys");
    let reply = app
        .act(
            &format!("/api/v1/api-keys/{id}/revoke"),
            &other.provider.staff.token,
        )
        .await;
    expect_error(&reply, 404, None, None, "another provider revokes a key");
    let reply = app
        .post(
            &format!("/api/v1/providers/{provider}/api-keys"),
            &other.provider.staff.token,
            &json!({"site": "x"}),
        )
        .await;
    expect_error(&reply, 404, None, None, "another provider makes a key");
    for site in [json!(""), json!("x".repeat(101)), json!(5)] {
        let reply = app
            .post(
                &format!("/api/v1/providers/{provider}/api-keys"),
                &market.provider.staff.token,
                &json!({"site": site}),
            )
            .await;
        expect_error(&reply, 422, None, Some("site"), &format!("site {site}"));
    }
}
db_test!(a_key_reaches_only_its_provider_and_the_delivery_endpoints);

async fn a_revoked_key_stops_at_once(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let made = make_key(&app, &market, "Old ERP").await;
    let key = str_field(&made, "key");
    let path = format!("/api/v1/commitments/{commitment}/deliveries");
    let reply = app
        .post(
            &path,
            &key,
            &delivery_body(&today_text(), "1", "45.00", "R-1"),
        )
        .await;
    expect_status(&reply, 201, "before revoking");
    let books = market.books(&app).await;

    let reply = app
        .act(
            &format!("/api/v1/api-keys/{}/revoke", str_field(&made, "id")),
            &market.provider.staff.token,
        )
        .await;
    assert!(!expect_status(&reply, 200, "revoke")["revoked_at"].is_null());
    let reply = app
        .post(
            &path,
            &key,
            &delivery_body(&today_text(), "1", "45.00", "R-2"),
        )
        .await;
    expect_error(&reply, 401, Some("unauthorized"), None, "a revoked key");
    assert_eq!(market.books(&app).await, books, "nothing recorded");

    // Unknown and malformed keys are no better.
    let forged = format!("{}x", &key[..key.len() - 1]);
    for bad in [forged.as_str(), "vk_abcdefgh_", "vk_"] {
        let reply = app.get(&path, bad).await;
        expect_error(&reply, 401, None, None, bad);
    }
}
db_test!(a_revoked_key_stops_at_once);

async fn the_database_holds_no_plaintext_key(app: TestApp) {
    let market = Market::build(&app).await;
    let made = make_key(&app, &market, "Tietokanta").await;
    let key = str_field(&made, "key");
    let commitment = market.accepted_commitment(&app).await;
    let reply = app
        .post(
            &format!("/api/v1/commitments/{commitment}/deliveries"),
            &key,
            &delivery_body(&today_text(), "1", "45.00", "P-1"),
        )
        .await;
    expect_status(&reply, 201, "use the key");

    let hashes = app.sql_texts("SELECT key_hash FROM api_keys").await;
    let expected: String = Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hashes,
        vec![expected],
        "only the SHA-256 of the key is stored"
    );
    for sql in [
        "SELECT prefix FROM api_keys",
        "SELECT site FROM api_keys",
        "SELECT CAST(detail AS TEXT) FROM audit_log",
    ] {
        for text in app.sql_texts(sql).await {
            assert!(!text.contains(&key[12..]), "{sql} holds the key: {text}");
        }
    }
    // `vk_` + 8 characters of prefix + `_`, then the secret.
    let secret = key.as_bytes()[12..].to_vec();
    let bytes = app.sqlite_bytes();
    assert!(
        !bytes.windows(secret.len()).any(|w| w == secret.as_slice()),
        "the SQLite files hold the key's secret"
    );
}
db_test!(the_database_holds_no_plaintext_key);
