//! Notifications arrive over real SMTP, to the right people, in their language, as valid
//! MIME with a text and an HTML part, with a portal link that works.
use std::time::Duration;

use serde_json::json;

use super::{arrived_as, eventually, rows_of, send_through};
use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, day, deliver, delivery_body, proxy},
    smtp::SmtpServer,
};

async fn a_delivery_email_reaches_the_client_and_the_proxy_in_their_languages(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    let proxy = proxy(&app, &market.purchaser, &market.client).await;
    // The client reads Swedish, the proxy English.
    for (user, lang) in [(&market.client.user, "sv"), (&proxy, "en")] {
        let reply = app
            .send(
                reqwest::Method::PUT,
                "/api/v1/me/language",
                &user.token,
                Some(&json!({"language": lang})),
            )
            .await;
        assert_eq!(reply.0, 204, "set language: {reply:?}");
    }
    let commitment = market.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "2", "45.00", "mail-1"),
    )
    .await;
    let delivery = expect_status(&reply, 201, "record delivery").clone();
    // Voucher value 40.00 an hour: 80.00 from the voucher, 10.00 the client's own share.
    assert_eq!(delivery["purchaser_share"], "80.00", "{delivery}");
    let admin = &market.admin;
    eventually(
        Duration::from_secs(30),
        "both delivery emails sent",
        || async {
            let client_rows =
                rows_of(&app, admin, "delivery_recorded", &market.client.user.email).await;
            let proxy_rows = rows_of(&app, admin, "delivery_recorded", &proxy.email).await;
            client_rows
                .iter()
                .chain(&proxy_rows)
                .filter(|r| r["status"] == "sent")
                .count()
                == 2
        },
    )
    .await;
    let rows: Vec<_> = rows_of(&app, admin, "delivery_recorded", &market.client.user.email)
        .await
        .into_iter()
        .chain(rows_of(&app, admin, "delivery_recorded", &proxy.email).await)
        .collect();
    let received = smtp.received();
    for (row, lang, share, balance, subject) in [
        (
            &rows[0],
            "sv",
            "10,00\u{a0}€",
            "920,00\u{a0}€",
            "En tjänst har registrerats: ",
        ),
        (
            &rows[1],
            "en",
            "€10.00",
            "€920.00",
            "A service has been recorded: ",
        ),
    ] {
        let copies = arrived_as(&received, row);
        assert_eq!(copies.len(), 1, "one copy of {row}");
        let mail = &copies[0];
        assert_eq!(mail.to, row["to"].as_str().unwrap(), "recipient");
        assert_eq!(mail.language, lang, "Content-Language of {row}");
        assert_eq!(
            mail.structure,
            ["multipart/alternative", "text/plain", "text/html"],
            "MIME structure of {row}"
        );
        assert!(
            mail.subject.starts_with(subject),
            "{lang} subject: {}",
            mail.subject
        );
        for part in [&mail.text, &mail.html] {
            assert!(
                part.contains(share),
                "the client's own share {share} in {part}"
            );
            assert!(
                part.contains(balance),
                "the new balance {balance} in {part}"
            );
        }
        // The link to the next step is the portal's, and it answers.
        let link = format!("{}/my", app.base_url);
        assert!(
            mail.text.contains(&link),
            "portal link {link} in {}",
            mail.text
        );
        assert!(
            mail.html.contains(&format!("href=\"{link}\"")),
            "link in the HTML part"
        );
        let page = app.http.get(&link).send().await.unwrap();
        assert!(
            page.status().is_success(),
            "the link opens a page: {}",
            page.status()
        );
    }
    let (sv, en) = (
        arrived_as(&received, &rows[0]),
        arrived_as(&received, &rows[1]),
    );
    assert_ne!(sv[0].subject, en[0].subject, "each in its own language");
    // The proxy's copy says whose matter it is.
    assert!(en[0].text.contains(&market.client.name), "{}", en[0].text);
}
db_test!(a_delivery_email_reaches_the_client_and_the_proxy_in_their_languages);

/// Every kind of notification this flow causes reaches its addressee: the provider hears of
/// the application, its approval, the commitment request and closing, the dispute and the
/// invoice; the client of the grant, the answer, the delivery and the dispute's outcome;
/// the purchaser's staff of the application and the dispute.
async fn each_event_notifies_the_people_it_concerns(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "1", "45.00", "mail-2"),
    )
    .await;
    let delivery = expect_status(&reply, 201, "record delivery").clone();
    let reply = app
        .post(
            &format!(
                "/api/v1/deliveries/{}/dispute",
                delivery["id"].as_str().unwrap()
            ),
            &market.client.user.token,
            &json!({"reason": "Palvelua ei tullut"}),
        )
        .await;
    let dispute = expect_status(&reply, 201, "dispute").clone();
    let reply = app
        .post(
            &format!(
                "/api/v1/disputes/{}/decision",
                dispute["id"].as_str().unwrap()
            ),
            &market.purchaser.case_worker.token,
            &json!({"uphold": true, "reason": "Kirjaus oli virheellinen"}),
        )
        .await;
    expect_status(&reply, 200, "uphold dispute");
    let reply = app
        .act(
            &format!("/api/v1/commitments/{commitment}/close"),
            &market.client.user.token,
        )
        .await;
    expect_status(&reply, 200, "close commitment");
    let provider = &market.provider.staff.email;
    let client = &market.client.user.email;
    let expected = [
        ("application_received", provider),
        ("application_approved", provider),
        ("commitment_requested", provider),
        ("commitment_closed", provider),
        ("dispute_opened", provider),
        (
            "provider_application",
            &market.purchaser.catalogue_manager.email,
        ),
        ("dispute_to_handle", &market.purchaser.case_worker.email),
        ("allocation_granted", client),
        ("commitment_accepted", client),
        ("delivery_recorded", client),
        ("dispute_decided", client),
    ];
    let admin = &market.admin;
    eventually(
        Duration::from_secs(30),
        "every notification sent",
        || async {
            let rows = super::outbox(&app, admin, Some("sent")).await;
            expected.iter().all(|(kind, to)| {
                rows.iter()
                    .any(|r| r["kind"] == *kind && r["to"].as_str() == Some(to.as_str()))
            })
        },
    )
    .await;
    let rows = super::outbox(&app, admin, None).await;
    let received = smtp.received();
    for (kind, to) in expected {
        let row = rows
            .iter()
            .find(|r| r["kind"] == kind && r["to"].as_str() == Some(to.as_str()))
            .unwrap();
        let copies = arrived_as(&received, row);
        assert_eq!(copies.len(), 1, "{kind} to {to} arrived once");
        assert_eq!(copies[0].to, *to);
    }
    // Nothing a provider receives names the client or their identity code.
    for mail in received.iter().filter(|m| m.to == *provider) {
        assert!(!mail.text.contains(&market.client.name), "{}", mail.text);
        assert!(
            !mail.text.contains(&market.client.personal_id),
            "{}",
            mail.text
        );
    }
}
db_test!(each_event_notifies_the_people_it_concerns);

/// The kinds the flow above does not cause: a rejected application (with its reason), a
/// declined commitment, a reported review (to the moderators) and a settlement invoice
/// ready (to the provider, with its number and total).
async fn rejections_reports_and_invoices_are_told_too(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let market = Market::build(&app).await;
    let moderator =
        crate::harness::fixtures::staff(&app, &market.admin, &market.purchaser.id, &["moderator"])
            .await;
    // A second provider is refused, with a reason it can act on.
    let other = crate::harness::fixtures::provider(&app).await;
    let application =
        crate::harness::fixtures::apply(&app, &other, &market.purchaser, &[&market.service_id])
            .await;
    let reply = app
        .post(
            &format!("/api/v1/applications/{application}/decision"),
            &market.purchaser.catalogue_manager.token,
            &json!({"approve": false, "reason": "Toimiluvan kopio puuttuu"}),
        )
        .await;
    expect_status(&reply, 200, "reject");
    // A commitment the provider declines.
    let reply = crate::harness::fixtures::request_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        None,
    )
    .await;
    let declined = crate::harness::client::id_of(expect_status(&reply, 201, "request"));
    let reply = app
        .act(
            &format!("/api/v1/commitments/{declined}/decline"),
            &market.provider.staff.token,
        )
        .await;
    expect_status(&reply, 200, "decline");
    // A delivery, a review of it, and someone reporting the review.
    let commitment = market.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(
            &crate::harness::fixtures::today().to_string(),
            "1",
            "45.00",
            "inv-1",
        ),
    )
    .await;
    expect_status(&reply, 201, "record delivery");
    let reply = app
        .post(
            &format!("/api/v1/offerings/{}/reviews", market.offering_id),
            &market.client.user.token,
            &json!({"stars": 2, "text": "Myöhästyi"}),
        )
        .await;
    let review = crate::harness::client::id_of(expect_status(&reply, 201, "review"));
    let reply = app
        .post(
            &format!("/api/v1/reviews/{review}/report"),
            crate::harness::client::ANON,
            &json!({"reason": "Asiaton"}),
        )
        .await;
    assert!(reply.0.is_success(), "report: {reply:?}");
    // The month is settled: the provider's invoice is ready.
    let reply = app
        .patch(
            &format!("/api/v1/providers/{}", market.provider.id),
            &market.provider.staff.token,
            &json!({"iban": "FI21 1234 5600 0007 85", "bic": "NDEAFIHH"}),
        )
        .await;
    expect_status(&reply, 200, "bank details");
    let month = crate::harness::fixtures::today()
        .format("%Y-%m")
        .to_string();
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/settlements", market.purchaser.id),
            &market.purchaser.finance.token,
            &json!({"month": month}),
        )
        .await;
    let settled = expect_status(&reply, 201, "settle").clone();
    let invoice = &settled["invoices"][0];

    let expected = [
        (
            "application_rejected",
            other.staff.email.clone(),
            "Toimiluvan kopio puuttuu",
        ),
        ("commitment_declined", market.client.user.email.clone(), ""),
        ("review_reported", moderator.email.clone(), "Asiaton"),
        (
            "invoice_ready",
            market.provider.staff.email.clone(),
            "40,00",
        ),
    ];
    let admin = &market.admin;
    eventually(Duration::from_secs(30), "the four emails sent", || async {
        let rows = super::outbox(&app, admin, Some("sent")).await;
        expected.iter().all(|(kind, to, _)| {
            rows.iter()
                .any(|r| r["kind"] == *kind && r["to"].as_str() == Some(to.as_str()))
        })
    })
    .await;
    let received = smtp.received();
    for (kind, to, says) in &expected {
        let row = rows_of(&app, admin, kind, to).await.pop().unwrap();
        let copies = arrived_as(&received, &row);
        assert_eq!(copies.len(), 1, "{kind} arrived once");
        assert!(
            copies[0].text.contains(says),
            "{kind} says {says:?}: {}",
            copies[0].text
        );
    }
    let mail = arrived_as(
        &received,
        &rows_of(&app, admin, "invoice_ready", &market.provider.staff.email)
            .await
            .pop()
            .unwrap(),
    )
    .pop()
    .unwrap();
    let number = format!("Laskun numero: {}", invoice["number"]);
    assert!(mail.text.contains(&number), "{number}: {}", mail.text);
}
db_test!(rejections_reports_and_invoices_are_told_too);
