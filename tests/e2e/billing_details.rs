//! What settlement will need, entered and checked at the edge: the provider's bank details
//! (IBAN with its check digits, BIC) and each catalogue entry's VAT rate.
use serde_json::json;

use crate::harness::{
    TestApp,
    client::{ANON, expect_error, expect_status},
    fixtures::{self, service_body},
};

async fn a_provider_gives_bank_details_that_are_checked(app: TestApp) {
    let provider = fixtures::provider(&app).await;
    let path = format!("/api/v1/providers/{}", provider.id);
    let token = &provider.staff.token;

    for (body, field) in [
        (json!({"iban": "FI21 1234 5600 0007 86"}), "iban"),
        (json!({"iban": "FI21 1234"}), "iban"),
        (json!({"iban": 42}), "iban"),
        (json!({"bic": "NDEA"}), "bic"),
        (json!({"bic": "NDE1FIHH"}), "bic"),
    ] {
        expect_error(
            &app.patch(&path, token, &body).await,
            422,
            None,
            Some(field),
            &body.to_string(),
        );
    }
    let own = app.get(&path, token).await;
    assert!(
        expect_status(&own, 200, "own profile")["iban"].is_null(),
        "nothing was stored"
    );

    let reply = app
        .patch(
            &path,
            token,
            &json!({"iban": "fi21 1234 5600 0007 85", "bic": "ndeafihh"}),
        )
        .await;
    let body = expect_status(&reply, 200, "valid bank details");
    assert_eq!(
        body["iban"], "FI2112345600000785",
        "stored in electronic form: {body}"
    );
    assert_eq!(body["bic"], "NDEAFIHH", "{body}");

    // Bank details are the provider's own business.
    let public = app.get(&path, ANON).await;
    let public = expect_status(&public, 200, "public profile");
    assert!(
        public.get("iban").is_none() && public.get("bic").is_none(),
        "{public}"
    );
    let other = fixtures::provider(&app).await;
    expect_error(
        &app.patch(
            &path,
            &other.staff.token,
            &json!({"iban": "FI2112345600000785"}),
        )
        .await,
        404,
        None,
        None,
        "another provider's staff",
    );
}
db_test!(a_provider_gives_bank_details_that_are_checked);

async fn every_catalogue_entry_states_its_vat(app: TestApp) {
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let path = format!("/api/v1/purchasers/{}/services", purchaser.id);
    let token = &purchaser.catalogue_manager.token;
    let gym = |vat: Option<&str>| {
        let mut body = service_body(&["payment_commitment"], None, Some("30.00"));
        body["social_care"] = json!(false);
        if let Some(vat) = vat {
            body["vat_rate"] = json!(vat);
        }
        body
    };
    let care = |vat: &str| {
        let mut body = service_body(&["voucher"], Some("40.00"), None);
        body["vat_rate"] = json!(vat);
        body
    };
    for (body, what) in [
        (gym(None), "a gym without a VAT rate"),
        (gym(Some("abc")), "a VAT rate that is not a number"),
        (gym(Some("100.5")), "over 100 %"),
        (gym(Some("25.555")), "three decimals"),
        (care("25.5"), "VAT on social care"),
    ] {
        expect_error(
            &app.post(&path, token, &body).await,
            422,
            None,
            Some("vat_rate"),
            what,
        );
    }
    let listed = app.get(&path, token).await;
    assert_eq!(
        expect_status(&listed, 200, "catalogue")["total"],
        0,
        "nothing was created"
    );

    let reply = app.post(&path, token, &gym(Some("25,5"))).await;
    assert_eq!(
        expect_status(&reply, 201, "gym at 25,5 %")["vat_rate"],
        "25.5"
    );
    let reply = app
        .post(
            &path,
            token,
            &service_body(&["voucher"], Some("40.00"), None),
        )
        .await;
    assert_eq!(
        expect_status(&reply, 201, "exempt social care")["vat_rate"],
        "0"
    );
    let reply = app.post(&path, token, &care("0")).await;
    assert_eq!(
        expect_status(&reply, 201, "social care at 0 %")["vat_rate"],
        "0"
    );
}
db_test!(every_catalogue_entry_states_its_vat);
