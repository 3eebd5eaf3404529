//! The portal over plain HTTP on both databases: the client (in Finnish), her proxy (in
//! Swedish) and the case worker see how an income-related voucher value was set; the
//! catalogue manager sees an entry's history, changes its money terms from a day, is
//! told when a day is in the past, and archives it after a confirmation.
use reqwest::Method;
use serde_json::json;

use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, allocation, allocation_body, day, proxy},
    form_session::FormSession,
};

use super::{first_of_next_month, income_service, plain};

/// HTML as a person reads it: entities for quotes aside, no-break spaces as spaces.
fn text_of(html: &str) -> String {
    plain(html).replace("&#x27;", "'").replace("&#39;", "'")
}

async fn the_client_side_and_the_case_worker_see_how_the_value_was_set(app: TestApp) {
    let market = Market::build(&app).await;
    let service_id = income_service(&app, &market.purchaser).await;
    let mut body = allocation_body("voucher", "500.00", &[&service_id], None);
    body["household_size"] = json!(2);
    body["monthly_income"] = json!("2400.00");
    let created = allocation(&app, &market.purchaser, &market.client, &body).await;
    assert_eq!(created["voucher_value"], "30.75");
    // The client, in Finnish.
    let client = FormSession::new(&app, Some(&market.client.user.token)).await;
    let (status, html) = client.get(&app, "/my").await;
    assert_eq!(status, 200, "{html}");
    let page = text_of(&html);
    assert!(page.contains("Näin setelisi arvo laskettiin"), "{page}");
    assert!(
        page.contains("Tulosi ovat 2 400,00 € kuukaudessa. Ne ylittävät 2-henkisen talouden tulorajan 1 900,00 € 500,00 eurolla."),
        "{page}"
    );
    assert!(page.contains("Setelin arvo on 30,75 € tunnilta."), "{page}");
    // Her proxy, in Swedish.
    let proxy_user = proxy(&app, &market.purchaser, &market.client).await;
    let reply = app
        .send(
            Method::PUT,
            "/api/v1/me/language",
            &proxy_user.token,
            Some(&json!({"language": "sv"})),
        )
        .await;
    assert_eq!(reply.0.as_u16(), 204, "{:?}", reply.1);
    let proxy_session = FormSession::new(&app, Some(&proxy_user.token)).await;
    let (status, html) = proxy_session.get(&app, "/my").await;
    assert_eq!(status, 200, "{html}");
    let page = text_of(&html);
    assert!(page.contains("Så räknades värdet på din sedel"), "{page}");
    assert!(
        page.contains("Sedelns värde är 30,75 € per timme."),
        "{page}"
    );
    // The case worker, on the client's page.
    let worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    let (status, html) = worker
        .get(&app, &format!("/purchaser/clients/{}", market.client.id))
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        text_of(&html).contains("Setelin arvo on 30,75 € tunnilta."),
        "{html}"
    );
    // The decision without income shows no such text.
    assert_eq!(
        text_of(&html)
            .matches("data-testid=\"voucher-basis\"")
            .count(),
        1
    );
}
db_test!(the_client_side_and_the_case_worker_see_how_the_value_was_set);

/// The case worker grants a decision from income on the portal's form.
async fn the_case_worker_grants_from_income_on_the_form(app: TestApp) {
    let market = Market::build(&app).await;
    let service_id = income_service(&app, &market.purchaser).await;
    let worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    let path = format!("/purchaser/clients/{}/allocations", market.client.id);
    let (status, html) = worker.get(&app, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"household_size\""), "{html}");
    let form = [
        ("kind", "voucher"),
        ("granted", "500,00"),
        ("valid_from", &day(0)),
        ("valid_to", &day(30)),
        ("service_ids", &service_id),
        ("household_size", "2"),
        ("monthly_income", "2 400,00"),
    ];
    // Both a value and the income: the form says which fields to fix.
    let mut both = form.to_vec();
    both.push(("voucher_value", "30,00"));
    let (status, html) = worker.post(&app, &path, &both, true).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"household_size-error\""), "{html}");
    assert!(html.contains("id=\"voucher_value-error\""), "{html}");
    // First the confirmation, with the value computed from the income; then the grant.
    let (status, html) = worker.post(&app, &path, &form, true).await;
    assert_eq!(status, 200, "{html}");
    assert!(text_of(&html).contains("30,75 €"), "{html}");
    let mut confirmed = form.to_vec();
    confirmed.push(("step", "confirm"));
    let (status, html) = worker.post(&app, &path, &confirmed, true).await;
    assert_eq!(status, 303, "{html}");
    let reply = app
        .get(
            &format!("/api/v1/clients/{}/allocations", market.client.id),
            &market.purchaser.case_worker.token,
        )
        .await;
    let listed = expect_status(&reply, 200, "decisions");
    let values: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["voucher_value"].as_str())
        .collect();
    assert_eq!(values, vec!["30.75"], "{listed}");
}
db_test!(the_case_worker_grants_from_income_on_the_form);

async fn the_catalogue_manager_changes_and_archives_an_entry_on_its_page(app: TestApp) {
    let market = Market::build(&app).await;
    let id = &market.service_id;
    let manager = FormSession::new(&app, Some(&market.purchaser.catalogue_manager.token)).await;
    let (status, html) = manager.get(&app, "/purchaser/catalogue").await;
    assert_eq!(status, 200);
    let page_path = format!("/purchaser/catalogue/{id}");
    assert!(html.contains(&format!("href=\"{page_path}\"")), "{html}");
    let (status, html) = manager.get(&app, &page_path).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("data-testid=\"terms-history\""), "{html}");
    assert!(text_of(&html).contains("40,00 €"), "{html}");
    // A change dated in the past is refused at its field, and nothing changes.
    let form = |value: &'static str, from: String| {
        vec![
            ("name_fi", "Kotihoito".to_owned()),
            ("name_sv", "Hemvård".to_owned()),
            ("name_en", "Home care".to_owned()),
            (
                "rulebook",
                "Palveluntuottaja on merkitty ennakkoperintärekisteriin.".to_owned(),
            ),
            ("valid_from", from),
            ("voucher_value", value.to_owned()),
            ("price_cap", "60,00".to_owned()),
            ("reference_price", String::new()),
            ("vat_rate", "0".to_owned()),
            ("methods", "voucher".to_owned()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let manager = &manager;
        let app = &app;
        let path = page_path.clone();
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            manager.post(app, &path, &pairs, true).await
        }
    };
    let (status, html) = post(form("45,00", day(-1))).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"valid_from-error\""), "{html}");
    // From next month: saved, shown as coming.
    let next_month = first_of_next_month();
    let (status, html) = post(form("45,00", next_month.clone())).await;
    assert_eq!(status, 303, "{html}");
    let reply = app.get(&format!("/api/v1/services/{id}"), "").await;
    let service = expect_status(&reply, 200, "service");
    assert_eq!(service["voucher_value"], "40.00", "{service}");
    assert_eq!(
        service["upcoming"][0]["voucher_value"], "45.00",
        "{service}"
    );
    assert_eq!(service["upcoming"][0]["valid_from"], next_month.as_str());
    let (_, html) = manager.get(&app, &page_path).await;
    assert!(text_of(&html).contains("45,00 €"), "{html}");
    assert!(html.contains("tulossa"), "{html}");
    // Submitting the same form again changes nothing.
    let (status, _) = post(form("45,00", next_month)).await;
    assert_eq!(status, 303);
    let reply = app.get(&format!("/api/v1/services/{id}/terms"), "").await;
    assert_eq!(expect_status(&reply, 200, "terms")["total"], 2);
    // Archiving asks first, then archives.
    let (status, html) = manager.get(&app, &format!("{page_path}/archive")).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&format!("action=\"{page_path}/archive\"")),
        "{html}"
    );
    let (status, _) = manager
        .post(&app, &format!("{page_path}/archive"), &[], true)
        .await;
    assert_eq!(status, 303);
    let reply = app.get(&format!("/api/v1/services/{id}"), "").await;
    assert_eq!(expect_status(&reply, 200, "service")["archived"], true);
    let (_, html) = manager.get(&app, &page_path).await;
    assert!(html.contains("data-testid=\"archived\""), "{html}");
    assert!(
        !html.contains("name=\"voucher_value\""),
        "no form for an archived entry"
    );
    // Another purchaser's catalogue manager finds no such page.
    let other = crate::harness::fixtures::purchaser(&app, &market.admin).await;
    let stranger = FormSession::new(&app, Some(&other.catalogue_manager.token)).await;
    let (status, _) = stranger.get(&app, &page_path).await;
    assert_eq!(status, 404);
}
db_test!(the_catalogue_manager_changes_and_archives_an_entry_on_its_page);
