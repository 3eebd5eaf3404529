//! A proxy with two clients: she chooses at sign-in, the choice sticks, the person she acts
//! for is named on every page of the way (search, offering, the order button), and the
//! order is that person's. A client on her own pages is never told she handles someone's
//! matters.
use serde_json::json;

use crate::harness::{TestApp, browser::Browser, client::expect_status, fixtures};

use super::PASSWORD;

/// The demo case worker gives Liisa (Matti's mother) a second client, her father Ilmari,
/// through the API as a case-management system would: Liisa is an existing person, so the
/// first answer shows who she is, and the second confirms.
pub(super) async fn give_liisa_a_second_client(app: &TestApp) -> (String, String) {
    let worker = app.login("sosiaalityo@demo.valinta.fi", PASSWORD).await;
    let me = app.get("/api/v1/me", &worker.token).await;
    let purchaser = expect_status(&me, 200, "me")["purchaser_id"]
        .as_str()
        .expect("purchaser")
        .to_owned();
    let created = app
        .post(
            &format!("/api/v1/purchasers/{purchaser}/clients"),
            &worker.token,
            &json!({"name": "Ilmari Korhonen", "personal_id": crate::harness::ids::personal_id(), "municipality": "186"}),
        )
        .await;
    let ilmari = expect_status(&created, 201, "Ilmari")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let services = app
        .get(
            &format!("/api/v1/purchasers/{purchaser}/services?per_page=100"),
            &worker.token,
        )
        .await;
    let ids: Vec<String> = expect_status(&services, 200, "services")["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|s| s["id"].as_str().map(str::to_owned))
        .collect();
    let granted = app
        .post(
            &format!("/api/v1/clients/{ilmari}/allocations"),
            &worker.token,
            &json!({"kind": "personal_budget", "granted": "3000.00", "valid_from": fixtures::day(-10),
                    "valid_to": fixtures::day(200), "service_ids": ids}),
        )
        .await;
    let allocation = expect_status(&granted, 201, "budget")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/api/v1/clients/{ilmari}/proxies");
    let body =
        json!({"name": "Liisa Korhonen", "email": "liisa@demo.valinta.fi", "relation": "tytär"});
    let shown = app.post(&path, &worker.token, &body).await;
    assert_eq!(shown.1["error"]["code"], "existing_person", "{shown:?}");
    let mut confirmed = body.clone();
    confirmed["confirm_existing"] = shown.1["existing"]["user_id"].clone();
    expect_status(
        &app.post(&path, &worker.token, &confirmed).await,
        201,
        "confirmed",
    );
    (ilmari, allocation)
}

async fn a_proxy_with_two_clients_orders_for_the_one_she_chose(
    app: &TestApp,
    b: &Browser,
    lang: &str,
) {
    let (_ilmari, allocation) = give_liisa_a_second_client(app).await;
    let named = |page: &str| page.contains("Ilmari Korhonen");

    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("liisa@demo.valinta.fi", PASSWORD).await;
    assert!(
        b.path().await.starts_with("/my/acting-for"),
        "with two clients she chooses first"
    );
    for width in [1280, 360] {
        b.set_width(width).await;
        b.screenshot(&format!("liisa-chooses-{lang}-{width}")).await;
    }
    b.set_width(1280).await;
    let choice = format!("form:has(input[value='{_ilmari}']) button");
    b.go(&choice).await;
    assert_eq!(b.path().await, "/my", "back where she was going");
    assert!(named(&b.text(".acting").await), "the banner names Ilmari");
    let money = b.text("section.allocation").await.replace('\u{a0}', " ");
    assert!(
        money.contains("3 000,00") && !money.contains("6 000,00"),
        "only Ilmari's budget is shown, not Matti's: {money}"
    );

    // Search, offering and the order form all say for whom.
    b.goto("/search?q=kuntosali").await;
    assert!(named(&b.text(".acting").await), "search names Ilmari");
    b.go(".hits h3 a").await;
    assert!(named(&b.text(".acting").await), "the offering names Ilmari");
    b.screenshot(&format!("liisa-offering-{lang}-1280")).await;
    b.go("a.button[href$='/choose']").await;
    assert!(
        named(&b.text(".acting").await),
        "the order form names Ilmari"
    );
    let button = b.text("form.narrow button[type=submit]").await;
    assert!(named(&button), "the order button names Ilmari: {button}");
    b.set_width(360).await;
    b.screenshot(&format!("liisa-order-{lang}-360")).await;
    assert_eq!(b.overflow().await, None, "no sideways scrolling at 360 px");
    b.set_width(1280).await;
    b.select("#method", "payment_commitment").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(
        b.exists(".notice").await,
        "ordered: {}",
        b.text("main").await
    );

    // The choice sticks for the session: another page, still Ilmari.
    b.goto("/my/reviews").await;
    assert!(named(&b.text(".acting").await));

    // The order is Ilmari's, and Matti's money is untouched.
    let worker = app.login("sosiaalityo@demo.valinta.fi", PASSWORD).await;
    let ordered = app
        .get(
            &format!("/api/v1/allocations/{allocation}/commitments"),
            &worker.token,
        )
        .await;
    assert_eq!(
        expect_status(&ordered, 200, "Ilmari's commitments")["total"],
        1,
        "the order went on Ilmari's budget"
    );
    // A client on her own pages is never told she handles someone's matters.
    b.sign_out().await;
    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    assert!(!b.exists(".acting").await && !b.exists(".whose").await);
    b.goto("/search?q=kuntosali").await;
    assert!(!b.exists(".acting").await);
}
in_every_language!(a_proxy_with_two_clients_orders_for_the_one_she_chose, sv);
