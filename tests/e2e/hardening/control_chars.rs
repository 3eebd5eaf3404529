//! A NUL or other control character in any JSON string or form field is a 422 naming the
//! field, and changes nothing, on SQLite and PostgreSQL alike.
use serde_json::json;

use crate::harness::form_session::FormSession;
use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, offering_body},
};

async fn offerings_of(app: &TestApp, market: &Market) -> u64 {
    let reply = app
        .get(
            &format!("/api/v1/providers/{}/offerings", market.provider.id),
            &market.provider.staff.token,
        )
        .await;
    expect_status(&reply, 200, "the provider's offerings")["total"]
        .as_u64()
        .expect("a total")
}

async fn a_nul_in_an_offering_title_is_refused_naming_the_field(app: TestApp) {
    let market = Market::build(&app).await;
    let before = offerings_of(&app, &market).await;
    let path = format!("/api/v1/providers/{}/offerings", market.provider.id);
    for (field, title, description) in [
        (
            "title.fi",
            json!({"fi": "Koti\u{0}hoito"}),
            json!({"fi": "Apua."}),
        ),
        (
            "title.sv",
            json!({"fi": "Kotihoito", "sv": "\u{7}Hemvård"}),
            json!({"fi": "Apua."}),
        ),
        (
            "description.fi",
            json!({"fi": "Kotihoito"}),
            json!({"fi": "Apua\u{1b}[2J"}),
        ),
    ] {
        let mut body = offering_body(&market.service_id, "45.00");
        body["title"] = title;
        body["description"] = description;
        let reply = app.post(&path, &market.provider.staff.token, &body).await;
        let error = expect_status(&reply, 422, field);
        assert_eq!(error["error"]["code"], "invalid_field", "{error}");
        assert!(
            error["error"]["fields"][field].is_string(),
            "names {field}: {error}"
        );
    }
    assert_eq!(offerings_of(&app, &market).await, before, "nothing created");

    // Line breaks and tabs in multi-line text are still fine.
    let mut body = offering_body(&market.service_id, "45.00");
    body["description"] = json!({"fi": "Rivi yksi\r\nRivi kaksi\tja sarake"});
    let reply = app.post(&path, &market.provider.staff.token, &body).await;
    expect_status(&reply, 201, "multi-line text");
}
db_test!(a_nul_in_an_offering_title_is_refused_naming_the_field);

async fn a_nul_in_a_portal_form_is_refused_naming_the_field(app: TestApp) {
    let market = Market::build(&app).await;
    let staff = FormSession::new(&app, Some(&market.provider.staff.token)).await;
    let (status, html) = staff
        .post(
            &app,
            "/provider",
            &[
                ("name", "Hoiva\u{0}palvelu"),
                ("email", &market.provider.staff.email),
                ("phone", ""),
                ("iban", ""),
                ("bic", ""),
            ],
            true,
        )
        .await;
    assert_eq!(status, 422, "{html}");
    let reply = app
        .get(
            &format!("/api/v1/providers/{}", market.provider.id),
            &market.provider.staff.token,
        )
        .await;
    let provider = expect_status(&reply, 200, "the provider");
    assert!(
        !provider["name"]
            .as_str()
            .unwrap_or_default()
            .contains('\u{0}'),
        "unchanged: {provider}"
    );
}
db_test!(a_nul_in_a_portal_form_is_refused_naming_the_field);
