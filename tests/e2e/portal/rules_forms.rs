//! The pages of issue #15's money rules over plain HTTP, on both databases: each form
//! refuses bad input beside its field and changes nothing, and does the right thing when
//! filled in — a void asks for its reason (the client then reads it), the provider's
//! account and a partial uphold, late recording on a commitment, grace days on a new
//! decision and as the purchaser's default, and a price that changes from a later day.
use serde_json::json;

use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{Market, day, deliver, delivery_body, today},
    form_session::FormSession,
    money::Balance,
};

/// `22.11.2026` for an offset from today, as the pages show dates.
fn shown(offset: i64) -> String {
    let d = today() + chrono::Duration::days(offset);
    d.format("%-d.%-m.%Y").to_string()
}

/// Two hours at 45.00 a day ago on a fresh accepted commitment: the voucher pays 80.00.
async fn two_hours(app: &TestApp, market: &Market, reference: &str) -> (String, String) {
    let commitment = market.accepted_commitment(app).await;
    let reply = deliver(
        app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "2", "45.00", reference),
    )
    .await;
    (commitment, id_of(expect_status(&reply, 201, "record")))
}

async fn a_void_asks_for_a_reason_and_the_client_reads_it(app: TestApp) {
    let market = Market::build(&app).await;
    let (_, delivery) = two_hours(&app, &market, "V-1").await;
    let provider = FormSession::new(&app, Some(&market.provider.staff.token)).await;
    let path = format!("/provider/deliveries/{delivery}/void");

    let (status, page) = provider.get(&app, &path).await;
    assert_eq!(status, 200, "{page}");
    for shown in [
        "V-1",
        "2 tuntia",
        "90,00",
        "Mitätöi kirjaus",
        "name=\"reason\"",
    ] {
        assert!(
            page.contains(shown),
            "the confirmation shows {shown}: {page}"
        );
    }
    // Whose delivery it is: the client's name, as on the provider's other pages.
    let name = app
        .get(
            &format!("/api/v1/clients/{}", market.client.id),
            &market.purchaser.case_worker.token,
        )
        .await;
    let name = name.1["name"].as_str().expect("client name").to_owned();
    assert!(page.contains(&name), "the client's name is shown: {page}");

    let (status, page) = provider.post(&app, &path, &[("reason", " ")], true).await;
    assert_eq!(status, 200, "an empty reason is refused: {page}");
    assert!(
        page.contains("id=\"reason-error\"") && page.contains("aria-invalid=\"true\""),
        "the error is beside the field: {page}"
    );
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "920.00", "0.00", "80.00"),
        "nothing voided"
    );

    let (status, _) = provider
        .post(&app, &path, &[("reason", "Käynti peruttiin.")], true)
        .await;
    assert_eq!(status, 303, "voided");
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "1000.00", "0.00", "0.00")
    );
    let (_, again) = provider.get(&app, &path).await;
    assert!(
        !again.contains("name=\"reason\""),
        "a voided delivery has no void form: {again}"
    );

    let client = FormSession::new(&app, Some(&market.client.user.token)).await;
    let (_, money) = client.get(&app, "/my").await;
    assert!(
        money.contains("Mitätöity. Syy: Käynti peruttiin."),
        "the client reads the reason: {money}"
    );

    // Another provider's staff: not found.
    let other = Market::build(&app).await;
    let stranger = FormSession::new(&app, Some(&other.provider.staff.token)).await;
    let (status, _) = stranger.get(&app, &path).await;
    assert_eq!(status, 404);
}
db_test!(a_void_asks_for_a_reason_and_the_client_reads_it);

async fn a_provider_answers_a_dispute_and_a_case_worker_upholds_it_in_part(app: TestApp) {
    let market = Market::build(&app).await;
    let (_, delivery) = two_hours(&app, &market, "D-1").await;
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{delivery}/dispute"),
            &market.client.user.token,
            &json!({"reason": "Hoitaja kävi vain tunnin."}),
        )
        .await;
    let dispute = id_of(expect_status(&reply, 201, "dispute"));

    let provider = FormSession::new(&app, Some(&market.provider.staff.token)).await;
    let (status, page) = provider.get(&app, "/provider/disputes").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Hoitaja kävi vain tunnin.") && page.contains("Käsittelyssä"),
        "the provider reads the client's reason: {page}"
    );
    let account = format!("/provider/disputes/{dispute}/account");
    let (status, page) = provider
        .post(&app, &account, &[("account", "")], true)
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains(&format!("id=\"account-{dispute}-error\""))
            && page.contains(&format!("href=\"#account-{dispute}\"")),
        "the error is beside the account field and linked from the summary: {page}"
    );
    let (status, _) = provider
        .post(
            &app,
            &account,
            &[(
                "account",
                "Käynti kesti tunnin; toinen kirjattiin vahingossa.",
            )],
            true,
        )
        .await;
    assert_eq!(status, 303);

    let worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    let (_, page) = worker.get(&app, "/purchaser/disputes").await;
    for shown in [
        "2 tuntia",
        "Hoitaja kävi vain tunnin.",
        "Käynti kesti tunnin; toinen kirjattiin vahingossa.",
        "value=\"partly\"",
    ] {
        assert!(page.contains(shown), "the case worker sees {shown}: {page}");
    }
    let decide = format!("/purchaser/disputes/{dispute}/decision");
    let (status, page) = worker
        .post(
            &app,
            &decide,
            &[("decision", "partly"), ("quantity", "2"), ("reason", "")],
            true,
        )
        .await;
    assert_eq!(status, 200, "not less than recorded: {page}");
    assert!(
        page.contains(&format!("id=\"found_quantity-{dispute}-error\"")),
        "the error is beside the quantity: {page}"
    );
    let (status, page) = worker.post(&app, &decide, &[("quantity", "1")], true).await;
    assert_eq!(status, 200, "no decision chosen: {page}");
    assert!(page.contains(&format!("id=\"decision-{dispute}-error\"")));
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "920.00", "0.00", "80.00"),
        "nothing decided yet"
    );
    let (status, _) = worker
        .post(
            &app,
            &decide,
            &[
                ("decision", "partly"),
                ("quantity", "1"),
                ("reason", "Hoitaja kirjasi käynnin tunnin."),
            ],
            true,
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "960.00", "0.00", "40.00"),
        "40.00 came back"
    );

    let client = FormSession::new(&app, Some(&market.client.user.token)).await;
    let (_, money) = client.get(&app, "/my").await;
    for shown in [
        "Reklamaatio hyväksytty osittain",
        "toteutunut määrä 1 tunti",
        "Työntekijän perustelu: Hoitaja kirjasi käynnin tunnin.",
        "Palveluntuottajan selvitys: Käynti kesti tunnin; toinen kirjattiin vahingossa.",
        "Korjattu reklamaation perusteella",
    ] {
        assert!(money.contains(shown), "the client reads {shown}: {money}");
    }
    let (_, page) = provider.get(&app, "/provider/disputes").await;
    assert!(
        page.contains("toteutunut määrä 1 tunti") && !page.contains("name=\"account\""),
        "the provider sees the outcome, and no form: {page}"
    );
}
db_test!(a_provider_answers_a_dispute_and_a_case_worker_upholds_it_in_part);

async fn late_recording_and_grace_days_are_set_on_the_pages(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    let client_page = format!("/purchaser/clients/{}", market.client.id);
    let (_, page) = worker.get(&app, &client_page).await;
    let open = format!("/purchaser/commitments/{commitment}/late-recording");
    assert!(page.contains(&open), "a form per accepted commitment");

    let reason = "Järjestelmä oli rikki.";
    let (status, page) = worker
        .post(
            &app,
            &open,
            &[("until", &day(-1)), ("reason", reason)],
            true,
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains(&format!("id=\"until-{commitment}-error\"")) && page.contains(reason),
        "the error is beside the day and the reason is kept: {page}"
    );
    // Refused: an old delivery still cannot be recorded.
    let old = delivery_body(&day(-20), "1", "45.00", "OLD-1");
    let reply = deliver(&app, &market.provider, &commitment, &old).await;
    assert_eq!(reply.0, 422, "{}", reply.1);

    let (status, _) = worker
        .post(&app, &open, &[("until", &day(5)), ("reason", reason)], true)
        .await;
    assert_eq!(status, 303);
    let (_, page) = worker.get(&app, &client_page).await;
    assert!(
        page.contains(&format!(
            "Myöhäinen kirjaus sallittu {} asti: {reason}",
            shown(5)
        )),
        "the opening in force is shown: {page}"
    );
    let reply = deliver(&app, &market.provider, &commitment, &old).await;
    expect_status(&reply, 201, "recorded late");

    // Grace days on a new decision: out of range is refused beside the field.
    let grant = format!("/purchaser/clients/{}/allocations", market.client.id);
    let mut form = vec![
        ("kind", "voucher".to_owned()),
        ("granted", "500,00".to_owned()),
        ("valid_from", day(-5)),
        ("valid_to", day(30)),
        ("service_ids", market.service_id.clone()),
        ("grace_days", "400".to_owned()),
    ];
    let fields = |form: &[(&'static str, String)]| {
        form.iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect::<Vec<_>>()
    };
    let owned = fields(&form);
    let borrowed: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, page) = worker.post(&app, &grant, &borrowed, true).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("id=\"grace_days-error\""), "{page}");
    form[5].1 = "30".to_owned();
    // Posting again shows the confirmation; confirming grants.
    form.push(("step", "confirm".to_owned()));
    let owned = fields(&form);
    let borrowed: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = worker.post(&app, &grant, &borrowed, true).await;
    assert_eq!(status, 303);
    let listed = app
        .get(
            &format!("/api/v1/clients/{}/allocations", market.client.id),
            &market.purchaser.case_worker.token,
        )
        .await;
    let granted: Vec<i64> = listed.1["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|a| a["grace_days"].as_i64())
        .collect();
    assert!(granted.contains(&30), "the new decision has 30 grace days");

    // The purchaser's default, set by finance next to the recording days.
    let finance = FormSession::new(&app, Some(&market.purchaser.finance.token)).await;
    let (status, page) = finance
        .post(
            &app,
            "/purchaser/recording",
            &[("recording_days", "14"), ("grace_days", "-1")],
            true,
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("id=\"grace_days-error\""), "{page}");
    let (status, _) = finance
        .post(
            &app,
            "/purchaser/recording",
            &[("recording_days", "14"), ("grace_days", "10")],
            true,
        )
        .await;
    assert_eq!(status, 303);
    let purchaser = app
        .get(&format!("/api/v1/purchasers/{}", market.purchaser.id), "")
        .await;
    assert_eq!(purchaser.1["grace_days"], 10, "{}", purchaser.1);
    let (_, page) = finance.get(&app, "/purchaser/recording").await;
    assert!(
        page.contains("10 päivää päätöksen päättymisen jälkeen"),
        "{page}"
    );
}
db_test!(late_recording_and_grace_days_are_set_on_the_pages);

async fn a_price_change_from_a_later_day_shows_in_the_history(app: TestApp) {
    let market = Market::build(&app).await;
    let provider = FormSession::new(&app, Some(&market.provider.staff.token)).await;
    let edit = format!("/provider/offerings/{}", market.offering_id);
    let (_, page) = provider.get(&app, &edit).await;
    assert!(
        page.contains("id=\"price_from\"") && page.contains("45,00"),
        "the day field and the price history: {page}"
    );
    let form = |price: &str, from: String| -> Vec<(&'static str, String)> {
        vec![
            ("title_fi", "Kotihoitoa Kalliossa".to_owned()),
            ("description_fi", "Apua arkeen kotona.".to_owned()),
            ("unit_price", price.to_owned()),
            ("price_from", from),
            ("municipalities", "091".to_owned()),
            ("languages", "fi".to_owned()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let provider = &provider;
        let app = &app;
        let edit = edit.clone();
        async move {
            let borrowed: Vec<(&str, &str)> =
                fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            provider.post(app, &edit, &borrowed, true).await
        }
    };
    let (status, page) = post(form("50,00", day(-1))).await;
    assert_eq!(status, 200, "a price cannot change in the past: {page}");
    assert!(page.contains("id=\"price_from-error\""), "{page}");

    let (status, _) = post(form("50,00", day(10))).await;
    assert_eq!(status, 303);
    let (_, page) = provider.get(&app, &edit).await;
    assert!(
        page.contains(&format!("Hinta muuttuu {} alkaen: 50,00", shown(10))),
        "the change to come is shown: {page}"
    );
    assert!(
        page.contains(&shown(9)),
        "today's price holds until the day before: {page}"
    );
    let prices = app
        .get(
            &format!("/api/v1/offerings/{}/prices", market.offering_id),
            "",
        )
        .await;
    assert_eq!(prices.1["items"].as_array().map(Vec::len), Some(2));
}
db_test!(a_price_change_from_a_later_day_shows_in_the_history);

async fn the_client_sees_expired_money_and_the_last_day_of_grace(app: TestApp) {
    let market = Market::build(&app).await;
    let grant = |from: i64, to: i64, grace: Option<i64>| {
        let mut body = crate::harness::fixtures::allocation_body(
            "voucher",
            "500.00",
            &[&market.service_id],
            None,
        );
        body["valid_from"] = json!(day(from));
        body["valid_to"] = json!(day(to));
        if let Some(grace) = grace {
            body["grace_days"] = json!(grace);
        }
        let (app, market) = (&app, &market);
        async move {
            crate::harness::fixtures::allocation(app, &market.purchaser, &market.client, &body)
                .await
        }
    };
    let ended = grant(-40, -1, None).await;
    assert_eq!(ended["grace_days"], 0, "{ended}");
    let (ok, said) = app.command(&["expire"]);
    assert!(ok, "{said}");
    let running = grant(-10, 5, Some(30)).await;
    assert_eq!(running["open_until"], day(35).as_str(), "{running}");

    let client = FormSession::new(&app, Some(&market.client.user.token)).await;
    let (_, money) = client.get(&app, "/my").await;
    let money = money.replace('\u{a0}', " ");
    assert!(
        money.contains("data-testid=\"expired\">500,00 €"),
        "the expired money is listed: {money}"
    );
    assert_eq!(
        money.matches("data-testid=\"expired\"").count(),
        1,
        "only where something expired"
    );
    assert!(
        money.contains(&format!(
            "Palveluntuottaja voi kirjata tämän päätöksen aikana annettuja palveluja {} asti.",
            shown(35)
        )),
        "the last day of grace: {money}"
    );

    let worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    let (_, page) = worker
        .get(&app, &format!("/purchaser/clients/{}", market.client.id))
        .await;
    assert!(
        page.contains("<td>Vanhentunut</td>"),
        "the expiry entry in the ledger, in words: {page}"
    );
}
db_test!(the_client_sees_expired_money_and_the_last_day_of_grace);
