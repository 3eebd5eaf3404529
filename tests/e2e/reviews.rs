//! Reviews over HTTP: only verified clients review, one review per client and offering,
//! a 30-day edit window, anonymity everywhere, the provider's one reply, reports and
//! moderation changing the public view, the rating and the search order within a second,
//! the daily limit and bad input.
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{ANON, User, expect_error, expect_status, id_of},
    fixtures::{self, Market, day, deliver, delivery_body},
};
use crate::search::{ids, search_until};

/// The market's client with one recorded delivery from the market's provider; returns the
/// delivery id.
async fn delivered(app: &TestApp, market: &Market) -> String {
    let commitment = market.accepted_commitment(app).await;
    let reply = deliver(
        app,
        &market.provider,
        &commitment,
        &delivery_body(
            &day(-1),
            "2",
            "45.00",
            &format!("R-{}", uuid::Uuid::new_v4()),
        ),
    )
    .await;
    id_of(expect_status(&reply, 201, "record a delivery")).to_string()
}

async fn write_review(app: &TestApp, token: &str, offering: &str, body: &Value) -> (u16, Value) {
    let reply = app
        .post(
            &format!("/api/v1/offerings/{offering}/reviews"),
            token,
            body,
        )
        .await;
    (reply.0.as_u16(), reply.1)
}

async fn public_reviews(app: &TestApp, offering: &str) -> Value {
    let reply = app
        .get(&format!("/api/v1/offerings/{offering}/reviews"), ANON)
        .await;
    expect_status(&reply, 200, "public reviews").clone()
}

async fn moderator(app: &TestApp, market: &Market) -> User {
    fixtures::staff(app, &market.admin, &market.purchaser.id, &["moderator"]).await
}

async fn only_a_client_with_a_recorded_delivery_may_review(app: TestApp) {
    let market = Market::build(&app).await;
    let body = json!({"stars": 4, "text": "Siivous oli huolellista."});
    let path = format!("/api/v1/offerings/{}/reviews", market.offering_id);

    let reply = app.post(&path, ANON, &body).await;
    expect_error(&reply, 401, Some("unauthorized"), None, "anonymous review");
    let reply = app.post(&path, &market.client.user.token, &body).await;
    expect_error(&reply, 403, None, None, "review without any delivery");

    // A delivery that was voided does not count.
    let delivery = delivered(&app, &market).await;
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{delivery}/void"),
            &market.provider.staff.token,
            &serde_json::json!({"reason": "Kirjattu virheellisesti."}),
        )
        .await;
    expect_status(&reply, 200, "void the only delivery");
    let reply = app.post(&path, &market.client.user.token, &body).await;
    expect_error(
        &reply,
        403,
        None,
        None,
        "review after the only delivery was voided",
    );

    // Staff of the provider or the purchaser are not clients.
    for (who, token) in [
        ("provider staff", &market.provider.staff.token),
        ("case worker", &market.purchaser.case_worker.token),
    ] {
        let reply = app.post(&path, token, &body).await;
        expect_error(&reply, 403, None, None, who);
    }
    assert_eq!(public_reviews(&app, &market.offering_id).await["total"], 0);

    delivered(&app, &market).await;
    let reply = app.post(&path, &market.client.user.token, &body).await;
    let created = expect_status(&reply, 201, "review after a recorded delivery");
    assert_eq!(created["stars"], 4, "{created}");
    assert_eq!(created["verified_client"], true, "{created}");
    assert_eq!(created["status"], "public", "{created}");
    assert_eq!(created["edited"], false, "{created}");

    // Another client of the same purchaser, without deliveries, still may not.
    let other = fixtures::client(&app, &market.purchaser).await;
    let reply = app.post(&path, &other.user.token, &body).await;
    expect_error(&reply, 403, None, None, "another client without a delivery");
}
db_test!(only_a_client_with_a_recorded_delivery_may_review);

async fn one_review_per_client_and_offering_editable_for_thirty_days(app: TestApp) {
    let market = Market::build(&app).await;
    delivered(&app, &market).await;
    let proxy = fixtures::proxy(&app, &market.purchaser, &market.client).await;
    let token = &market.client.user.token;
    let (status, created) = write_review(
        &app,
        token,
        &market.offering_id,
        &json!({"stars": 3, "text": "Ihan hyvä."}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = id_of(&created);

    // The proxy acts for the same client: still one review per client and offering.
    let (status, body) = write_review(
        &app,
        &proxy.token,
        &market.offering_id,
        &json!({"stars": 5, "text": "Toinen arvio samasta."}),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "review_exists", "{body}");

    // The proxy may edit it; the newest version is shown, marked edited.
    let reply = app
        .patch(
            &format!("/api/v1/reviews/{id}"),
            &proxy.token,
            &json!({"stars": 5, "text": "Parani selvästi toisella käynnillä."}),
        )
        .await;
    let edited = expect_status(&reply, 200, "edit within the window");
    assert_eq!(edited["edited"], true, "{edited}");
    let public = public_reviews(&app, &market.offering_id).await;
    assert_eq!(public["total"], 1, "{public}");
    assert_eq!(public["items"][0]["stars"], 5, "{public}");
    assert_eq!(
        public["items"][0]["text"],
        "Parani selvästi toisella käynnillä."
    );
    assert_eq!(public["items"][0]["edited"], true);
    assert_eq!(public["rating"]["average"], "5.0", "{public}");
    assert_eq!(public["rating"]["distribution"]["3"], 0, "{public}");
    assert_eq!(public["rating"]["distribution"]["5"], 1, "{public}");

    // Another client cannot edit it.
    let other = fixtures::client(&app, &market.purchaser).await;
    let reply = app
        .patch(
            &format!("/api/v1/reviews/{id}"),
            &other.user.token,
            &json!({"stars": 1}),
        )
        .await;
    expect_error(&reply, 403, None, None, "edit by someone else");

    // After 30 days the review is fixed.
    app.backdate("reviews", "created_at", &id, 31).await;
    let reply = app
        .patch(
            &format!("/api/v1/reviews/{id}"),
            token,
            &json!({"stars": 1}),
        )
        .await;
    expect_error(
        &reply,
        409,
        Some("edit_window_closed"),
        None,
        "edit after 30 days",
    );
    assert_eq!(
        public_reviews(&app, &market.offering_id).await["items"][0]["stars"],
        5
    );
}
db_test!(one_review_per_client_and_offering_editable_for_thirty_days);

async fn no_answer_reveals_who_wrote_a_review(app: TestApp) {
    let market = Market::build(&app).await;
    delivered(&app, &market).await;
    let proxy = fixtures::proxy(&app, &market.purchaser, &market.client).await;
    let moderator = moderator(&app, &market).await;
    let me = app.get("/api/v1/me", &proxy.token).await;
    let proxy_name = expect_status(&me, 200, "proxy me")["name"]
        .as_str()
        .unwrap()
        .to_owned();
    let secrets = [
        market.client.id.clone(),
        market.client.name.clone(),
        market.client.user.id.clone(),
        proxy.id.clone(),
        proxy_name,
    ];
    let before = app.transcript().len();

    let (status, created) = write_review(
        &app,
        &proxy.token,
        &market.offering_id,
        &json!({"stars": 2, "text": "Myöhästyi kahdesti."}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = id_of(&created);
    let reply = app
        .post(
            &format!("/api/v1/reviews/{id}/report"),
            ANON,
            &json!({"reason": "Epäasiallinen"}),
        )
        .await;
    expect_status(&reply, 201, "report");
    for token in [
        ANON,
        &market.provider.staff.token,
        &moderator.token,
        &market.client.user.token,
    ] {
        expect_status(
            &app.get(&format!("/api/v1/reviews/{id}"), token).await,
            200,
            "one review",
        );
        expect_status(
            &app.get(
                &format!("/api/v1/offerings/{}/reviews", market.offering_id),
                token,
            )
            .await,
            200,
            "offering reviews",
        );
        expect_status(
            &app.get(
                &format!("/api/v1/providers/{}/reviews", market.provider.id),
                token,
            )
            .await,
            200,
            "provider reviews",
        );
    }
    let queue = app
        .get(
            &format!(
                "/api/v1/purchasers/{}/review-moderation",
                market.purchaser.id
            ),
            &moderator.token,
        )
        .await;
    let queue = expect_status(&queue, 200, "moderation queue");
    assert_eq!(queue["total"], 1, "{queue}");
    assert_eq!(queue["items"][0]["reports"][0]["reason"], "Epäasiallinen");
    let reply = app
        .post(
            &format!("/api/v1/reviews/{id}/hide"),
            &moderator.token,
            &json!({"reason": "Tarkistetaan"}),
        )
        .await;
    expect_status(&reply, 200, "hide");
    let own = app
        .get(
            &format!("/api/v1/clients/{}/reviews", market.client.id),
            &market.client.user.token,
        )
        .await;
    let own = expect_status(&own, 200, "own reviews");
    assert_eq!(own["items"][0]["status"], "hidden", "{own}");

    for (n, body) in app.transcript()[before..].iter().enumerate() {
        for secret in &secrets {
            assert!(
                !body.contains(secret.as_str()),
                "answer {n} after the review was written reveals {secret}: {body}"
            );
        }
    }
    // A case worker sees the client's money, not which reviews they wrote.
    let reply = app
        .get(
            &format!("/api/v1/clients/{}/reviews", market.client.id),
            &market.purchaser.case_worker.token,
        )
        .await;
    expect_error(
        &reply,
        404,
        None,
        None,
        "case worker reading a client's reviews",
    );
}
db_test!(no_answer_reveals_who_wrote_a_review);

async fn the_provider_replies_once_and_may_edit_the_reply(app: TestApp) {
    let market = Market::build(&app).await;
    delivered(&app, &market).await;
    let (_, created) = write_review(
        &app,
        &market.client.user.token,
        &market.offering_id,
        &json!({"stars": 4, "text": "Hyvä palvelu."}),
    )
    .await;
    let id = id_of(&created);
    let path = format!("/api/v1/reviews/{id}/reply");
    let stranger = fixtures::provider(&app).await;
    expect_error(
        &app.post(&path, &stranger.staff.token, &json!({"text": "Kiitos!"}))
            .await,
        404,
        None,
        None,
        "another provider's reply",
    );
    expect_error(
        &app.post(
            &path,
            &market.client.user.token,
            &json!({"text": "Kiitos!"}),
        )
        .await,
        403,
        None,
        None,
        "the client replying",
    );
    expect_error(
        &app.post(
            &path,
            &market.provider.staff.token,
            &json!({"text": "Soita 040 123 4567"}),
        )
        .await,
        422,
        Some("review_has_phone"),
        Some("text"),
        "reply with a phone number",
    );
    let reply = app
        .post(
            &path,
            &market.provider.staff.token,
            &json!({"text": "Kiitos palautteesta!"}),
        )
        .await;
    let body = expect_status(&reply, 201, "first reply");
    assert_eq!(body["reply"]["text"], "Kiitos palautteesta!", "{body}");
    expect_error(
        &app.post(
            &path,
            &market.provider.staff.token,
            &json!({"text": "Toinen vastaus"}),
        )
        .await,
        409,
        Some("already_replied"),
        None,
        "a second reply",
    );
    let reply = app
        .send(
            reqwest::Method::PUT,
            &path,
            &market.provider.staff.token,
            Some(&json!({"text": "Kiitos, tervetuloa uudelleen!"})),
        )
        .await;
    let body = expect_status(&reply, 200, "edit the reply");
    assert_eq!(body["reply"]["edited"], true, "{body}");
    let public = public_reviews(&app, &market.offering_id).await;
    assert_eq!(
        public["items"][0]["reply"]["text"], "Kiitos, tervetuloa uudelleen!",
        "{public}"
    );
}
db_test!(the_provider_replies_once_and_may_edit_the_reply);

async fn moderation_changes_the_public_view_the_rating_and_the_search_order(app: TestApp) {
    let market = Market::build(&app).await;
    delivered(&app, &market).await;
    let second = fixtures::offering(&app, &market.provider, &market.service_id, "44.00").await;
    let token = &market.client.user.token;
    let (_, best) = write_review(
        &app,
        token,
        &market.offering_id,
        &json!({"stars": 5, "text": "Erinomainen."}),
    )
    .await;
    let (_, good) = write_review(&app, token, &second, &json!({"stars": 4, "text": "Hyvä."})).await;
    let (best, _good) = (id_of(&best), id_of(&good));
    let query = format!("purchaser={}&sort=rating", market.purchaser.id);
    let first = market.offering_id.clone();
    let (body, waited) =
        search_until(&app, &query, |b| ids(b) == [first.clone(), second.clone()]).await;
    eprintln!(
        "search order after a new review: {waited:?} ({:?})",
        app.backend
    );
    assert_eq!(
        ids(&body),
        [first.clone(), second.clone()],
        "new reviews rank within a second (waited {waited:?}): {body}"
    );

    let reply = app
        .post(
            &format!("/api/v1/reviews/{best}/report"),
            ANON,
            &json!({"reason": "Mainos"}),
        )
        .await;
    expect_status(&reply, 201, "anyone may report");
    expect_error(
        &app.post(
            &format!("/api/v1/reviews/{best}/report"),
            ANON,
            &json!({"reason": " "}),
        )
        .await,
        422,
        None,
        Some("reason"),
        "a report needs a reason",
    );

    // Only this purchaser's moderators moderate.
    let other_purchaser = fixtures::purchaser(&app, &market.admin).await;
    let outsider = fixtures::staff(&app, &market.admin, &other_purchaser.id, &["moderator"]).await;
    let hide = format!("/api/v1/reviews/{best}/hide");
    expect_error(
        &app.post(&hide, &outsider.token, &json!({"reason": "x"}))
            .await,
        404,
        None,
        None,
        "another purchaser's moderator",
    );
    expect_error(
        &app.post(
            &hide,
            &market.purchaser.case_worker.token,
            &json!({"reason": "x"}),
        )
        .await,
        403,
        None,
        None,
        "a case worker",
    );
    expect_error(
        &app.post(&hide, ANON, &json!({"reason": "x"})).await,
        401,
        None,
        None,
        "anonymous",
    );
    let moderator = moderator(&app, &market).await;
    expect_error(
        &app.post(&hide, &moderator.token, &json!({"reason": ""}))
            .await,
        422,
        None,
        Some("reason"),
        "hide without a reason",
    );
    let queue = format!(
        "/api/v1/purchasers/{}/review-moderation",
        market.purchaser.id
    );
    let listed = app.get(&queue, &moderator.token).await;
    assert_eq!(
        expect_status(&listed, 200, "queue")["items"][0]["id"],
        best.as_str()
    );

    let reply = app
        .post(
            &hide,
            &moderator.token,
            &json!({"reason": "Sisältää mainoksen."}),
        )
        .await;
    let hidden = expect_status(&reply, 200, "hide");
    assert_eq!(hidden["status"], "hidden", "{hidden}");
    let public = public_reviews(&app, &first).await;
    assert_eq!(
        public["total"], 0,
        "hidden reviews leave the public view: {public}"
    );
    assert_eq!(public["rating"]["count"], 0, "and the rating: {public}");
    assert!(public["rating"]["average"].is_null(), "{public}");
    expect_error(
        &app.get(&format!("/api/v1/reviews/{best}"), ANON).await,
        404,
        None,
        None,
        "a hidden review for the public",
    );
    let (body, waited) =
        search_until(&app, &query, |b| ids(b) == [second.clone(), first.clone()]).await;
    eprintln!("search order after hiding: {waited:?} ({:?})", app.backend);
    assert_eq!(
        ids(&body),
        [second.clone(), first.clone()],
        "hiding changes the order within a second (waited {waited:?}): {body}"
    );
    assert_eq!(
        expect_status(&app.get(&queue, &moderator.token).await, 200, "queue")["total"],
        0
    );
    let provider = app
        .get(&format!("/api/v1/providers/{}", market.provider.id), ANON)
        .await;
    assert_eq!(
        expect_status(&provider, 200, "provider")["rating"]["count"],
        1,
        "provider rating without the hidden review"
    );

    // The author sees that it was hidden and why.
    let own = app.get(&format!("/api/v1/reviews/{best}"), token).await;
    let own = expect_status(&own, 200, "author's view");
    assert_eq!(own["status"], "hidden", "{own}");
    assert_eq!(own["hidden_reason"], "Sisältää mainoksen.", "{own}");
    expect_error(
        &app.post(&hide, &moderator.token, &json!({"reason": "again"}))
            .await,
        409,
        Some("already_hidden"),
        None,
        "hide twice",
    );

    let reply = app
        .post(
            &format!("/api/v1/reviews/{best}/restore"),
            &moderator.token,
            &json!({"reason": "Mainos poistettu."}),
        )
        .await;
    assert_eq!(expect_status(&reply, 200, "restore")["status"], "public");
    assert_eq!(public_reviews(&app, &first).await["rating"]["count"], 1);
    let (body, waited) = search_until(&app, &query, |b| ids(b).first() == Some(&first)).await;
    eprintln!(
        "search order after restoring: {waited:?} ({:?})",
        app.backend
    );
    assert_eq!(
        ids(&body)[0],
        first,
        "restoring changes the order back within a second (waited {waited:?}): {body}"
    );

    // Keeping a reported review public resolves the reports.
    app.post(
        &format!("/api/v1/reviews/{best}/report"),
        &market.provider.staff.token,
        &json!({"reason": "Ei pidä paikkaansa"}),
    )
    .await;
    let reply = app
        .post(
            &format!("/api/v1/reviews/{best}/keep"),
            &moderator.token,
            &json!({"reason": "Asiallinen kokemus."}),
        )
        .await;
    assert_eq!(expect_status(&reply, 200, "keep")["status"], "public");
    assert_eq!(
        expect_status(&app.get(&queue, &moderator.token).await, 200, "queue")["total"],
        0
    );

    // Every moderation act is in the audit log, with its reason.
    let audit = app
        .get("/api/v1/audit?per_page=100", &market.admin.token)
        .await;
    let audit = expect_status(&audit, 200, "audit").to_string();
    for action in [
        "review_hidden",
        "review_restored",
        "review_kept",
        "review_reported",
    ] {
        assert!(audit.contains(action), "{action} in the audit log: {audit}");
    }
    assert!(
        audit.contains("Sisältää mainoksen."),
        "the reason is kept: {audit}"
    );
}
db_test!(moderation_changes_the_public_view_the_rating_and_the_search_order);

async fn bad_reviews_are_refused_with_the_field_named_and_change_nothing(app: TestApp) {
    let market = Market::build(&app).await;
    delivered(&app, &market).await;
    let token = &market.client.user.token;
    let long = "a".repeat(2001);
    for (body, field, code) in [
        (json!({"stars": 0, "text": "ok"}), "stars", "invalid_field"),
        (json!({"stars": 6, "text": "ok"}), "stars", "invalid_field"),
        (
            json!({"stars": "five", "text": "ok"}),
            "stars",
            "invalid_field",
        ),
        (
            json!({"stars": 4.5, "text": "ok"}),
            "stars",
            "invalid_field",
        ),
        (json!({"text": "ok"}), "stars", "invalid_field"),
        (json!({"stars": 4, "text": ""}), "text", "invalid_field"),
        (json!({"stars": 4, "text": "   "}), "text", "invalid_field"),
        (json!({"stars": 4, "text": long}), "text", "invalid_field"),
        (json!({"stars": 4}), "text", "invalid_field"),
        (
            json!({"stars": 4, "text": "Halvemmalla: https://example.com"}),
            "text",
            "review_has_link",
        ),
        (
            json!({"stars": 4, "text": "Katso www.halpasiivous.fi"}),
            "text",
            "review_has_link",
        ),
        (
            json!({"stars": 4, "text": "Kirjoita matti@example.com"}),
            "text",
            "review_has_email",
        ),
        (
            json!({"stars": 4, "text": "Soita +358 40 123 4567"}),
            "text",
            "review_has_phone",
        ),
    ] {
        let (status, answer) = write_review(&app, token, &market.offering_id, &body).await;
        assert_eq!(status, 422, "{body} -> {answer}");
        assert!(
            answer["error"]["fields"][field].is_string(),
            "{field} named for {body}: {answer}"
        );
        assert_eq!(answer["error"]["code"], code, "{body}: {answer}");
    }
    let public = public_reviews(&app, &market.offering_id).await;
    assert_eq!(public["total"], 0, "nothing was written: {public}");
    assert_eq!(public["rating"]["count"], 0, "{public}");
}
db_test!(bad_reviews_are_refused_with_the_field_named_and_change_nothing);

async fn an_author_writes_at_most_five_reviews_a_day(app: TestApp) {
    let market = Market::build(&app).await;
    delivered(&app, &market).await;
    let mut offerings = vec![market.offering_id.clone()];
    for price in [
        "41.00", "42.00", "43.00", "44.00", "46.00", "47.00", "49.00",
    ] {
        offerings.push(fixtures::offering(&app, &market.provider, &market.service_id, price).await);
    }
    let token = &market.client.user.token;
    // Eight at once: the limit holds under a burst, not only one at a time.
    let body = json!({"stars": 4, "text": "Hyvä."});
    let answers = futures::future::join_all(
        offerings
            .iter()
            .map(|offering| write_review(&app, token, offering, &body)),
    )
    .await;
    let created = answers.iter().filter(|(status, _)| *status == 201).count();
    let refused: Vec<_> = answers
        .iter()
        .filter(|(status, _)| *status == 429)
        .collect();
    assert_eq!(created, 5, "{answers:?}");
    assert_eq!(refused.len(), 3, "{answers:?}");
    for (_, body) in refused {
        assert_eq!(body["error"]["code"], "too_many_reviews", "{body}");
    }
    let mut public = 0;
    for offering in &offerings {
        public += public_reviews(&app, offering).await["total"]
            .as_u64()
            .unwrap();
    }
    assert_eq!(public, 5, "refused reviews were not written");
    // Edits do not count towards the limit.
    let own = app
        .get(
            &format!("/api/v1/clients/{}/reviews", market.client.id),
            token,
        )
        .await;
    let own = expect_status(&own, 200, "own reviews");
    assert_eq!(own["total"], 5, "{own}");
    let first = own["items"][0]["id"].as_str().unwrap();
    let reply = app
        .patch(
            &format!("/api/v1/reviews/{first}"),
            token,
            &json!({"text": "Hyvä, kiitos."}),
        )
        .await;
    expect_status(&reply, 200, "edit after reaching the limit");
}
db_test!(an_author_writes_at_most_five_reviews_a_day);

async fn an_edited_hidden_review_goes_back_to_the_moderators(app: TestApp) {
    let market = Market::build(&app).await;
    delivered(&app, &market).await;
    let token = &market.client.user.token;
    let (_, created) = write_review(
        &app,
        token,
        &market.offering_id,
        &json!({"stars": 1, "text": "Hoitaja Maija oli tyly."}),
    )
    .await;
    let id = id_of(&created);
    let moderator = moderator(&app, &market).await;
    let reply = app
        .post(
            &format!("/api/v1/reviews/{id}/hide"),
            &moderator.token,
            &json!({"reason": "Arviossa on työntekijän nimi."}),
        )
        .await;
    expect_status(&reply, 200, "hide");
    let queue = format!(
        "/api/v1/purchasers/{}/review-moderation",
        market.purchaser.id
    );
    assert_eq!(
        expect_status(&app.get(&queue, &moderator.token).await, 200, "queue")["total"],
        0
    );

    // The author fixes it; it stays hidden but is back in the queue, marked as edited.
    let reply = app
        .patch(
            &format!("/api/v1/reviews/{id}"),
            token,
            &json!({"text": "Hoitaja oli tyly."}),
        )
        .await;
    let edited = expect_status(&reply, 200, "edit a hidden review");
    assert_eq!(edited["status"], "hidden", "{edited}");
    assert_eq!(public_reviews(&app, &market.offering_id).await["total"], 0);
    let listed = app.get(&queue, &moderator.token).await;
    let listed = expect_status(&listed, 200, "queue");
    assert_eq!(listed["total"], 1, "{listed}");
    assert_eq!(
        listed["items"][0]["reports"][0]["edited_after_hiding"], true,
        "{listed}"
    );
    // The moderator may keep it hidden with a new reason, which closes the report...
    let reply = app
        .post(
            &format!("/api/v1/reviews/{id}/hide"),
            &moderator.token,
            &json!({"reason": "Sävy on yhä loukkaava."}),
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "keep it hidden")["hidden_reason"],
        "Sävy on yhä loukkaava."
    );
    assert_eq!(
        expect_status(&app.get(&queue, &moderator.token).await, 200, "queue")["total"],
        0
    );
    let own = app.get(&format!("/api/v1/reviews/{id}"), token).await;
    assert_eq!(
        expect_status(&own, 200, "author's view")["hidden_reason"],
        "Sävy on yhä loukkaava."
    );
    // ...or, after another edit, restore it.
    let reply = app
        .patch(
            &format!("/api/v1/reviews/{id}"),
            token,
            &json!({"text": "Hoitaja oli kiireinen."}),
        )
        .await;
    expect_status(&reply, 200, "edit again");
    let reply = app
        .post(
            &format!("/api/v1/reviews/{id}/restore"),
            &moderator.token,
            &json!({"reason": "Nyt asiallinen."}),
        )
        .await;
    expect_status(&reply, 200, "restore");
    let public = public_reviews(&app, &market.offering_id).await;
    assert_eq!(
        public["items"][0]["text"], "Hoitaja oli kiireinen.",
        "{public}"
    );
    assert_eq!(public["rating"]["distribution"]["1"], 1, "{public}");
}
db_test!(an_edited_hidden_review_goes_back_to_the_moderators);

async fn simultaneous_reviews_keep_the_rating_exact(app: TestApp) {
    let market = Market::build(&app).await;
    let mut tokens = Vec::new();
    for n in 0..6 {
        let client = fixtures::client(&app, &market.purchaser).await;
        let allocation = fixtures::allocation(
            &app,
            &market.purchaser,
            &client,
            &fixtures::allocation_body("voucher", "500.00", &[&market.service_id], None),
        )
        .await;
        let commitment = fixtures::accepted_commitment(
            &app,
            &client.user.token,
            &id_of(&allocation),
            &market.offering_id,
            &market.provider,
            "voucher",
            None,
        )
        .await;
        let reply = deliver(
            &app,
            &market.provider,
            &commitment,
            &delivery_body(
                &day(-1),
                "1",
                "45.00",
                &format!("C-{n}-{}", uuid::Uuid::new_v4()),
            ),
        )
        .await;
        expect_status(&reply, 201, "delivery");
        tokens.push(client.user.token);
    }
    // Stars 1..=5 and one more 5: 20 stars from 6 reviews, all at once.
    let bodies: Vec<Value> = [1, 2, 3, 4, 5, 5]
        .iter()
        .map(|stars| json!({"stars": stars, "text": "Arvio."}))
        .collect();
    let answers = futures::future::join_all(
        tokens
            .iter()
            .zip(&bodies)
            .map(|(token, body)| write_review(&app, token, &market.offering_id, body)),
    )
    .await;
    assert!(
        answers.iter().all(|(status, _)| *status == 201),
        "{answers:?}"
    );
    let rating = &public_reviews(&app, &market.offering_id).await["rating"];
    assert_eq!(rating["count"], 6, "{rating}");
    assert_eq!(rating["average"], "3.3", "20 / 6 = 3.33: {rating}");
    assert_eq!(
        rating["distribution"],
        json!({"1": 1, "2": 1, "3": 1, "4": 1, "5": 2}),
        "{rating}"
    );
}
db_test!(simultaneous_reviews_keep_the_rating_exact);
