//! Every object the directory answers validates against the official HSDS 3.0 schemas, maps
//! the live catalogue as documented, leaves out what is not live, and carries no personal
//! data (no client's name or identity code, no staff email or phone).
use reqwest::Method;
use serde_json::Value;

use crate::harness::{
    TestApp,
    client::ANON,
    fixtures::{Market, apply, offering, provider},
    hsds::{assert_page, assert_valid},
};

/// GET as anyone; the status, the parsed body and the exact text.
async fn get(app: &TestApp, path: &str) -> (u16, Value, String) {
    let (status, text) = app.send_raw(Method::GET, path, ANON, None, None).await;
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status.as_u16(), body, text)
}

async fn every_object_is_valid_hsds_and_nothing_personal_is_published(app: TestApp) {
    let market = Market::build(&app).await;
    // Not live: an archived offering, and a provider that applied but was never approved.
    let archived = offering(&app, &market.provider, &market.service_id, "50.00").await;
    let reply = app
        .delete(
            &format!("/api/v1/offerings/{archived}"),
            &market.provider.staff.token,
        )
        .await;
    assert!(reply.0.is_success(), "archive offering: {reply:?}");
    let unapproved = provider(&app).await;
    apply(&app, &unapproved, &market.purchaser, &[&market.service_id]).await;

    let mut texts = Vec::new();
    let (status, about, text) = get(&app, "/hsds/").await;
    assert_eq!(status, 200, "{text}");
    assert_eq!(about["version"], "3.0");
    texts.push(text);

    for (path, schema) in [
        ("/hsds/services", "service_list.json"),
        ("/hsds/organizations", "organization_list.json"),
        (
            "/hsds/service_at_locations",
            "service_at_location_list.json",
        ),
        ("/hsds/taxonomies", "taxonomy.json"),
        ("/hsds/taxonomy_terms", "taxonomy_term.json"),
    ] {
        let (status, body, text) = get(&app, path).await;
        assert_eq!(status, 200, "{path}: {text}");
        let contents = assert_page(&body, path);
        assert_valid(schema, &contents, path);
        texts.push(text);
    }

    let (_, services, _) = get(&app, "/hsds/services").await;
    let ids: Vec<&str> = services["contents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [market.offering_id.as_str()],
        "only the live offering is a service"
    );
    let (_, organizations, _) = get(&app, "/hsds/organizations").await;
    assert_eq!(organizations["total_items"], 1, "{organizations}");
    assert_eq!(
        organizations["contents"][0]["id"],
        market.provider.id.as_str()
    );

    let (status, service, text) =
        get(&app, &format!("/hsds/services/{}", market.offering_id)).await;
    assert_eq!(status, 200, "{text}");
    assert_valid(
        "service.json",
        std::slice::from_ref(&service),
        "one service",
    );
    // The price as the exact decimal, a JSON number as the schema asks.
    assert!(text.contains("\"amount\":45.00"), "exact price: {text}");
    assert_eq!(service["cost_options"][0]["currency"], "EUR");
    assert_eq!(service["organization_id"], market.provider.id.as_str());
    assert_eq!(
        service["attributes"][0]["taxonomy_term_id"],
        market.service_id.as_str()
    );
    let areas: Vec<&str> = service["service_areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(areas, ["049", "091"], "the codes in order");
    let languages: Vec<&str> = service["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(languages, ["fi", "sv"]);
    let location = &service["service_at_locations"][0]["location"];
    assert_eq!(location["name"], "Helsinginkatu 1, 00500 Helsinki");
    assert_eq!(
        location["accessibility"].as_array().unwrap().len(),
        2,
        "{location}"
    );
    let identifier = &service["organization"]["organization_identifiers"][0];
    assert_eq!(identifier["identifier_scheme"], "FI-PRH");
    let business_id = identifier["identifier"].as_str().unwrap();
    assert!(
        business_id.len() == 9 && business_id.as_bytes()[7] == b'-',
        "business ID {business_id}"
    );
    texts.push(text);

    let (status, organization, text) =
        get(&app, &format!("/hsds/organizations/{}", market.provider.id)).await;
    assert_eq!(status, 200, "{text}");
    assert_valid(
        "organization.json",
        std::slice::from_ref(&organization),
        "one organization",
    );
    assert_eq!(
        organization["services"].as_array().unwrap().len(),
        1,
        "{organization}"
    );
    texts.push(text);

    for path in [
        format!("/hsds/services/{archived}"),
        format!("/hsds/organizations/{}", unapproved.id),
        format!("/hsds/services/{}", uuid::Uuid::new_v4()),
        "/hsds/services/not-an-id".to_owned(),
    ] {
        let (status, body, _) = get(&app, &path).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(body["error"]["code"], "not_found", "{path}: {body}");
    }

    let secrets = [
        market.client.name.as_str(),
        market.client.personal_id.as_str(),
        market.provider.staff.email.as_str(),
        market.purchaser.case_worker.email.as_str(),
        market.purchaser.catalogue_manager.email.as_str(),
        "+358401234567",
        "@",
    ];
    for text in &texts {
        for secret in secrets {
            assert!(!text.contains(secret), "{secret} published: {text}");
        }
    }
}
db_test!(every_object_is_valid_hsds_and_nothing_personal_is_published);
