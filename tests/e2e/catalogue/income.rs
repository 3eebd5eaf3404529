//! The income-related voucher value over HTTP: the case worker's calculator with its
//! plain-language explanation, decisions that give the household's size and income
//! instead of a voucher value (computed with the rule of the decision's first day, kept
//! with the inputs, shown only to the client side and the case workers, audited), and the
//! refusals, each naming its fields.
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{Checks, expect_status, id_of},
    fixtures::{
        Market, accepted_commitment, allocation, allocation_body, approve, day, deliver,
        delivery_body, offering, proxy, purchaser, service,
    },
    money::dec,
};

use super::{audit_entries, example_rule, income_service, patch_service, plain};

async fn quote(app: &TestApp, token: &str, service: &str, body: &Value) -> (u16, Value) {
    let reply = app
        .post(
            &format!("/api/v1/services/{service}/voucher-value"),
            token,
            body,
        )
        .await;
    (reply.0.as_u16(), reply.1)
}

async fn the_case_worker_gets_the_value_and_its_explanation(app: TestApp) {
    let admin = app.login_admin().await;
    let p = purchaser(&app, &admin).await;
    let id = income_service(&app, &p).await;
    let token = &p.case_worker.token;
    // Over the limit: 2 400 − 1 900 = 500; 10 % is 50; over 40 hours 1.25 an hour.
    let (s, body) = quote(
        &app,
        token,
        &id,
        &json!({"household_size": 2, "monthly_income": "2400.00"}),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["voucher_value"], "30.75");
    assert_eq!(body["income_limit"], "1900.00");
    let fi = plain(body["explanation"]["fi"].as_str().unwrap());
    assert!(
        fi.starts_with("Tulosi ovat 2 400,00 € kuukaudessa. Ne ylittävät 2-henkisen talouden tulorajan 1 900,00 € 500,00 eurolla."),
        "{fi}"
    );
    assert!(fi.ends_with("Setelin arvo on 30,75 € tunnilta."), "{fi}");
    assert!(
        plain(body["explanation"]["sv"].as_str().unwrap())
            .contains("Sedelns värde är 30,75 € per timme."),
        "{body}"
    );
    assert!(
        plain(body["explanation"]["en"].as_str().unwrap())
            .contains("The voucher is worth 30,75 € per hour."),
        "{body}"
    );
    // At the limit, just below and just above (a cent over takes 0.000025 off: still 32.00).
    for (income, value) in [
        ("1900.00", "32.00"),
        ("1899.99", "32.00"),
        ("1900.01", "32.00"),
        ("1920.00", "31.95"),
    ] {
        let (s, body) = quote(
            &app,
            token,
            &id,
            &json!({"household_size": 2, "monthly_income": income}),
        )
        .await;
        assert_eq!(
            (s, body["voucher_value"].as_str()),
            (200, Some(value)),
            "{income}: {body}"
        );
    }
    // The largest household of the table and larger ones: the last limit (3 300).
    for size in [5, 8] {
        let (s, body) = quote(
            &app,
            token,
            &id,
            &json!({"household_size": size, "monthly_income": 3700}),
        )
        .await;
        assert_eq!(s, 200, "{body}");
        assert_eq!(
            (
                body["income_limit"].as_str(),
                body["voucher_value"].as_str()
            ),
            (Some("3300.00"), Some("31.00")),
            "{size}"
        );
    }
    // The floor.
    let (s, body) = quote(
        &app,
        token,
        &id,
        &json!({"household_size": 1, "monthly_income": "10000"}),
    )
    .await;
    assert_eq!(
        (s, body["voucher_value"].as_str()),
        (200, Some("20.00")),
        "{body}"
    );
    assert!(
        plain(body["explanation"]["fi"].as_str().unwrap()).contains("aina vähintään 20,00 €"),
        "{body}"
    );
    // The catalogue manager may try the rule too.
    let (s, _) = quote(
        &app,
        &p.catalogue_manager.token,
        &id,
        &json!({"household_size": 1, "monthly_income": 0}),
    )
    .await;
    assert_eq!(s, 200);
    // Bad input names the field; a service without a rule says so.
    let mut checks = Checks::default();
    for (body, field) in [
        (
            json!({"household_size": 0, "monthly_income": "100"}),
            "household_size",
        ),
        (
            json!({"household_size": 100, "monthly_income": "100"}),
            "household_size",
        ),
        (
            json!({"household_size": "two", "monthly_income": "100"}),
            "household_size",
        ),
        (
            json!({"household_size": 2, "monthly_income": "-1"}),
            "monthly_income",
        ),
        (
            json!({"household_size": 2, "monthly_income": "1.001"}),
            "monthly_income",
        ),
        (json!({"household_size": 2}), "monthly_income"),
        (
            json!({"household_size": 2, "monthly_income": "100", "date": "tomorrow"}),
            "date",
        ),
    ] {
        let reply = app
            .post(
                &format!("/api/v1/services/{id}/voucher-value"),
                token,
                &body,
            )
            .await;
        checks.error(&reply, 422, None, Some(field), &format!("{body}"));
    }
    checks.finish();
    let plain_service = service(&app, &p, &["voucher"], Some("40.00"), None).await;
    let (s, body) = quote(
        &app,
        token,
        &plain_service,
        &json!({"household_size": 2, "monthly_income": "100"}),
    )
    .await;
    assert_eq!(
        (s, body["error"]["code"].as_str()),
        (409, Some("no_income_rule")),
        "{body}"
    );
}
db_test!(the_case_worker_gets_the_value_and_its_explanation);

/// A market whose service has the example income rule.
async fn income_market(app: &TestApp) -> (Market, String, String) {
    let market = Market::build(app).await;
    let id = income_service(app, &market.purchaser).await;
    approve(app, &market.provider, &market.purchaser, &[&id]).await;
    let offering_id = offering(app, &market.provider, &id, "35.00").await;
    (market, id, offering_id)
}

fn income_body(service: &str, extra: Value) -> Value {
    let mut body = allocation_body("voucher", "1000.00", &[service], None);
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

async fn a_decision_computes_its_voucher_value_from_income_and_keeps_how(app: TestApp) {
    let (market, service_id, offering_id) = income_market(&app).await;
    let cw = &market.purchaser.case_worker.token;
    let created = allocation(
        &app,
        &market.purchaser,
        &market.client,
        &income_body(
            &service_id,
            json!({"household_size": 2, "monthly_income": "2400.00"}),
        ),
    )
    .await;
    assert_eq!(created["voucher_value"], "30.75", "{created}");
    assert_eq!(created["voucher_basis"]["household_size"], 2, "{created}");
    assert_eq!(created["voucher_basis"]["monthly_income"], "2400.00");
    let allocation_id = id_of(&created);
    // The client, her proxy and the case worker read how the value was set.
    let proxy_user = proxy(&app, &market.purchaser, &market.client).await;
    for (who, token) in [
        ("client", &market.client.user.token),
        ("proxy", &proxy_user.token),
        ("case worker", cw),
    ] {
        let reply = app
            .get(&format!("/api/v1/allocations/{allocation_id}"), token)
            .await;
        let body = expect_status(&reply, 200, who);
        assert_eq!(body["voucher_value"], "30.75", "{who}");
        assert_eq!(
            body["voucher_basis"]["income_limit"], "1900.00",
            "{who}: {body}"
        );
        let fi = plain(
            body["voucher_basis"]["explanation"]["fi"]
                .as_str()
                .unwrap_or_default(),
        );
        assert!(
            fi.contains("Setelin arvo on 30,75 € tunnilta."),
            "{who}: {fi}"
        );
    }
    // Nobody else: another purchaser's case worker, the provider, finance.
    let other = purchaser(&app, &market.admin).await;
    for (who, token) in [
        ("other case worker", &other.case_worker.token),
        ("provider", &market.provider.staff.token),
        ("finance", &market.purchaser.finance.token),
    ] {
        let reply = app
            .get(&format!("/api/v1/allocations/{allocation_id}"), token)
            .await;
        assert!(matches!(reply.0.as_u16(), 403 | 404), "{who}: {:?}", reply);
        assert!(
            !reply.1.to_string().contains("2400"),
            "{who} saw the income: {}",
            reply.1
        );
    }
    // Lists leave the income out.
    let reply = app
        .get(
            &format!("/api/v1/clients/{}/allocations", market.client.id),
            cw,
        )
        .await;
    let listed = expect_status(&reply, 200, "list");
    assert!(!listed.to_string().contains("voucher_basis"), "{listed}");
    // Every read of the income is audited, naming the client.
    let reads = audit_entries(&app)
        .await
        .into_iter()
        .filter(|e| e["action"] == "income_read" && e["subject_id"] == allocation_id.as_str())
        .count();
    assert_eq!(reads, 3);
    // Deliveries split with the computed value: 2 h × 35.00, the voucher pays 2 × 30.75.
    let commitment = accepted_commitment(
        &app,
        &market.client.user.token,
        &allocation_id,
        &offering_id,
        &market.provider,
        "voucher",
        None,
    )
    .await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(0), "2", "35.00", "INC-1"),
    )
    .await;
    let delivered = expect_status(&reply, 201, "delivery");
    assert_eq!(
        dec(delivered["purchaser_share"].as_str().unwrap()),
        dec("61.50")
    );
    assert_eq!(
        dec(delivered["client_share"].as_str().unwrap()),
        dec("8.50")
    );
}
db_test!(a_decision_computes_its_voucher_value_from_income_and_keeps_how);

async fn a_decision_gives_either_a_voucher_value_or_the_income_never_both_or_neither(app: TestApp) {
    let (market, service_id, _) = income_market(&app).await;
    let path = format!("/api/v1/clients/{}/allocations", market.client.id);
    let cw = &market.purchaser.case_worker.token;
    let mut checks = Checks::default();
    let both = income_body(
        &service_id,
        json!({"voucher_value": "30.00", "household_size": 2, "monthly_income": "2400"}),
    );
    let neither = income_body(&service_id, json!({}));
    for (what, body, fields) in [
        (
            "both",
            both,
            vec!["voucher_value", "household_size", "monthly_income"],
        ),
        (
            "neither",
            neither,
            vec!["voucher_value", "household_size", "monthly_income"],
        ),
        (
            "size only",
            income_body(&service_id, json!({"household_size": 2})),
            vec!["monthly_income"],
        ),
        (
            "income only",
            income_body(&service_id, json!({"monthly_income": "2400"})),
            vec!["household_size"],
        ),
        (
            "no rule",
            income_body(
                &market.service_id,
                json!({"household_size": 2, "monthly_income": "2400"}),
            ),
            vec!["household_size", "monthly_income"],
        ),
        (
            "bad size",
            income_body(
                &service_id,
                json!({"household_size": 0, "monthly_income": "2400"}),
            ),
            vec!["household_size"],
        ),
        (
            "bad income",
            income_body(
                &service_id,
                json!({"household_size": 2, "monthly_income": "abc"}),
            ),
            vec!["monthly_income"],
        ),
        (
            "budget",
            json!({"kind": "personal_budget", "granted": "100", "valid_from": day(0), "valid_to": day(30),
                   "service_ids": [service_id], "household_size": 2, "monthly_income": "2400"}),
            vec!["household_size", "monthly_income"],
        ),
    ] {
        let reply = app.post(&path, cw, &body).await;
        for field in fields {
            checks.error(&reply, 422, None, Some(field), what);
        }
    }
    checks.finish();
    // A voucher value alone is still a decision for such a service.
    let created = allocation(
        &app,
        &market.purchaser,
        &market.client,
        &income_body(&service_id, json!({"voucher_value": "28.00"})),
    )
    .await;
    assert_eq!(created["voucher_value"], "28.00");
    assert!(created.get("voucher_basis").is_none(), "{created}");
    // Nothing else was granted: the market's allocation and this one.
    let reply = app.get(&path, cw).await;
    assert_eq!(expect_status(&reply, 200, "list")["total"], 2);
}
db_test!(a_decision_gives_either_a_voucher_value_or_the_income_never_both_or_neither);

/// The rule in force on the decision's first day is used: a rule raised from day +10
/// gives decisions from then on the new value, and earlier ones the old.
async fn a_decision_uses_the_rule_in_force_on_its_first_day(app: TestApp) {
    let (market, service_id, _) = income_market(&app).await;
    let mut rule = example_rule();
    rule["max_value"] = json!("35.00");
    let (s, b) = patch_service(
        &app,
        &market.purchaser.catalogue_manager.token,
        &service_id,
        &json!({"income_rule": rule, "valid_from": day(10)}),
    )
    .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["income_rule"]["max_value"], "32.00");
    assert_eq!(b["upcoming"][0]["income_rule"]["max_value"], "35.00");
    let income = json!({"household_size": 2, "monthly_income": "2400.00"});
    let now = allocation(
        &app,
        &market.purchaser,
        &market.client,
        &income_body(&service_id, income.clone()),
    )
    .await;
    assert_eq!(now["voucher_value"], "30.75");
    let mut later = income_body(&service_id, income);
    later["valid_from"] = json!(day(10));
    later["valid_to"] = json!(day(100));
    let later = allocation(&app, &market.purchaser, &market.client, &later).await;
    assert_eq!(later["voucher_value"], "33.75", "{later}");
    assert_eq!(later["voucher_basis"]["rule_valid_from"], day(10).as_str());
    // The calculator answers for a chosen day too.
    let (s, b) = quote_on(
        &app,
        &market.purchaser.case_worker.token,
        &service_id,
        &day(10),
    )
    .await;
    assert_eq!(
        (s, b["voucher_value"].as_str()),
        (200, Some("33.75")),
        "{b}"
    );
}
db_test!(a_decision_uses_the_rule_in_force_on_its_first_day);

async fn quote_on(app: &TestApp, token: &str, service: &str, date: &str) -> (u16, Value) {
    quote(
        app,
        token,
        service,
        &json!({"household_size": 2, "monthly_income": "2400", "date": date}),
    )
    .await
}

/// A rule is validated where it is set: 422 naming the exact part.
async fn a_bad_income_rule_is_refused_naming_the_exact_part(app: TestApp) {
    let admin = app.login_admin().await;
    let p = purchaser(&app, &admin).await;
    let path = format!("/api/v1/purchasers/{}/services", p.id);
    let mut checks = Checks::default();
    let with = |change: &dyn Fn(&mut Value)| {
        let mut rule = example_rule();
        change(&mut rule);
        let mut body = crate::harness::fixtures::service_body(&["voucher"], None, None);
        body["income_rule"] = rule;
        body
    };
    let cases: Vec<(Value, &str)> = vec![
        (
            with(&|r| r["income_limits"][2] = json!("2400.001")),
            "income_rule.income_limits[2]",
        ),
        (
            with(&|r| r["income_limits"][0] = json!("-1")),
            "income_rule.income_limits[0]",
        ),
        (
            with(&|r| r["income_limits"] = json!([])),
            "income_rule.income_limits",
        ),
        (
            with(&|r| r["min_value"] = json!("40")),
            "income_rule.min_value",
        ),
        (
            with(&|r| r["max_value"] = json!("0")),
            "income_rule.max_value",
        ),
        (
            with(&|r| r["percent"] = json!("100.5")),
            "income_rule.percent",
        ),
        (
            with(&|r| r["units_per_month"] = json!(0)),
            "income_rule.units_per_month",
        ),
        (
            with(&|r| {
                r.as_object_mut().unwrap().remove("percent");
            }),
            "income_rule.percent",
        ),
        (
            {
                let mut body = with(&|_| {});
                body["methods"] = json!(["payment_commitment"]);
                body
            },
            "income_rule",
        ),
    ];
    for (body, field) in cases {
        let reply = app.post(&path, &p.catalogue_manager.token, &body).await;
        checks.error(&reply, 422, None, Some(field), field);
    }
    checks.finish();
    let reply = app.get(&path, "").await;
    assert_eq!(
        expect_status(&reply, 200, "catalogue")["total"],
        0,
        "nothing was added"
    );
}
db_test!(a_bad_income_rule_is_refused_naming_the_exact_part);
