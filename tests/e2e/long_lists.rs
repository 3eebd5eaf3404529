//! Lists with more rows than a page of the API (100): the portal's pages show every row or
//! say which page of how many they show and link to the rest, and every sum is over all
//! rows of the database. A provider records for two clients of the same service and every
//! page of the provider's names whose delivery it is.
use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{
        Market, accepted_commitment, allocation, allocation_body, client, day, deliver,
        delivery_body,
    },
    form_session::FormSession,
};

/// More than the API's largest page.
const MANY: usize = 130;

/// The HTML of the element with `data-testid="{id}"` up to the end of its table.
fn table<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("data-testid=\"{id}\""))
        .unwrap_or_else(|| panic!("no table {id} in the page"));
    let rest = &html[start..];
    let end = rest.find("</table>").unwrap_or(rest.len());
    &rest[..end]
}

fn body_rows(table: &str) -> usize {
    let body = table.split("<tbody>").nth(1).unwrap_or_default();
    let body = body.split("</tbody>").next().unwrap_or_default();
    body.matches("<tr").count()
}

/// Text with every kind of space taken out, for comparing formatted euros.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text inside the element with `data-testid="{id}"`.
fn text_of(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("data-testid=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} in the page"));
    let rest = &html[start..];
    let open = rest.find('>').map(|i| i + 1).unwrap_or(0);
    let close = rest[open..]
        .find('<')
        .map(|i| open + i)
        .unwrap_or(rest.len());
    rest[open..close].to_owned()
}

/// A market whose client has a large voucher, `MANY` accepted commitments, and `MANY`
/// deliveries recorded today on the first of them.
async fn busy_market(app: &TestApp) -> (Market, String, Vec<String>) {
    let market = Market::build(app).await;
    let big = allocation(
        app,
        &market.purchaser,
        &market.client,
        &allocation_body("voucher", "20000.00", &[&market.service_id], None),
    )
    .await;
    let big = id_of(&big);
    let mut commitments = Vec::new();
    for _ in 0..MANY {
        commitments.push(
            accepted_commitment(
                app,
                &market.client.user.token,
                &big,
                &market.offering_id,
                &market.provider,
                "voucher",
                None,
            )
            .await,
        );
    }
    for n in 0..MANY {
        let reply = deliver(
            app,
            &market.provider,
            &commitments[0],
            &delivery_body(&day(0), "1", "45.00", &format!("LONG-{n}")),
        )
        .await;
        expect_status(&reply, 201, "deliver");
    }
    (market, big, commitments)
}

async fn every_list_of_a_busy_provider_is_whole_or_paged_and_sums_count_every_row(app: TestApp) {
    let (market, big, commitments) = busy_market(&app).await;

    // The API pages, but says how many there are in all.
    let listed = app
        .get(
            &format!(
                "/api/v1/providers/{}/commitments?per_page=100",
                market.provider.id
            ),
            &market.provider.staff.token,
        )
        .await;
    let body = expect_status(&listed, 200, "commitments");
    assert_eq!(body["total"], MANY as u64, "{body}");
    assert_eq!(body["items"].as_array().map(Vec::len), Some(100));

    let provider = FormSession::new(&app, Some(&market.provider.staff.token)).await;

    // Orders: 50 a page, the pager says 130 in three pages, the last page has the rest.
    let (status, html) = provider.get(&app, "/provider/commitments").await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(body_rows(table(&html, "commitments")), 50);
    assert!(html.contains("Sivu 1 / 3 (130 riviä)"), "pager: {html}");
    assert!(
        html.contains("href=\"/provider/commitments?page=2\""),
        "{html}"
    );
    let (_, last) = provider.get(&app, "/provider/commitments?page=3").await;
    assert_eq!(body_rows(table(&last, "commitments")), MANY - 100);
    assert!(last.contains("rel=\"prev\""), "{last}");
    assert!(!last.contains("rel=\"next\""), "{last}");

    // The month: 50 rows a page, and the total is over all 130 deliveries: 130 × 45.00.
    let (_, month) = provider.get(&app, "/provider/deliveries").await;
    assert_eq!(body_rows(table(&month, "month")), 50);
    assert_eq!(squeezed(&text_of(&month, "month-total")), "5850,00€");
    let (_, month3) = provider.get(&app, "/provider/deliveries?page=3").await;
    assert_eq!(body_rows(table(&month3, "month")), MANY - 100);
    assert_eq!(squeezed(&text_of(&month3, "month-total")), "5850,00€");
    // Every accepted order can be recorded on: all 130 are offered, none cut at 100.
    assert_eq!(
        month.matches("/deliver\">Kirjaa: ").count(),
        MANY,
        "record links"
    );
    // The provider's home counts waiting orders over all rows (none wait here).
    let (status, _) = provider.get(&app, "/provider").await;
    assert_eq!(status, 200);

    // The client's money page shows all 130 deliveries of the first commitment and every
    // commitment.
    let client = FormSession::new(&app, Some(&market.client.user.token)).await;
    let (status, money) = client.get(&app, "/my").await;
    assert_eq!(status, 200, "{money}");
    assert_eq!(
        money.matches("<div class=\"commitment\">").count(),
        MANY,
        "commitments on the money page"
    );
    let deliveries_rows = money.matches("id=\"row-").count();
    assert_eq!(deliveries_rows, MANY, "delivery rows on the money page");

    // The case worker's client page: every commitment of the allocation, every ledger
    // entry (130 reservations-free commitments, 130 deliveries: 130 spend entries + grant).
    let worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    let (status, page) = worker
        .get(&app, &format!("/purchaser/clients/{}", market.client.id))
        .await;
    assert_eq!(status, 200, "{page}");
    let listed_commitments = commitments
        .iter()
        .filter(|c| page.contains(c.as_str()))
        .count();
    assert_eq!(listed_commitments, MANY, "commitments on the client page");

    // The administrator's email outbox: every order and answer wrote emails, more than a
    // hundred; the page shows 50 of them and says how many there are in all.
    let api = app
        .get("/api/v1/admin/emails?per_page=1", &market.admin.token)
        .await;
    let emails = expect_status(&api, 200, "emails")["total"]
        .as_u64()
        .expect("total");
    assert!(emails > 100, "a long outbox: {emails}");
    let admin = FormSession::new(&app, Some(&market.admin.token)).await;
    let (status, outbox) = admin.get(&app, "/admin/emails").await;
    assert_eq!(status, 200, "{outbox}");
    assert_eq!(outbox.matches("class=\"email-row\"").count(), 50);
    let pages = emails.div_ceil(50);
    assert!(
        outbox.contains(&format!("Sivu 1 / {pages} ({emails} riviä)")),
        "pager: {outbox}"
    );
    let (_, last) = admin
        .get(&app, &format!("/admin/emails?page={pages}"))
        .await;
    assert_eq!(
        last.matches("class=\"email-row\"").count() as u64,
        emails - 50 * (pages - 1),
        "the last page holds the rest"
    );
    let _ = big;
}
db_test!(every_list_of_a_busy_provider_is_whole_or_paged_and_sums_count_every_row);

async fn a_provider_tells_apart_two_clients_of_the_same_service(app: TestApp) {
    let market = Market::build(&app).await;
    let second = client(&app, &market.purchaser).await;
    let second_allocation = allocation(
        &app,
        &market.purchaser,
        &second,
        &allocation_body("voucher", "1000.00", &[&market.service_id], None),
    )
    .await;
    let first_commitment = market.accepted_commitment(&app).await;
    let second_commitment = accepted_commitment(
        &app,
        &second.user.token,
        &id_of(&second_allocation),
        &market.offering_id,
        &market.provider,
        "voucher",
        None,
    )
    .await;
    for (commitment, reference) in [(&first_commitment, "TWO-1"), (&second_commitment, "TWO-2")] {
        let reply = deliver(
            &app,
            &market.provider,
            commitment,
            &delivery_body(&day(0), "1", "45.00", reference),
        )
        .await;
        expect_status(&reply, 201, "deliver");
    }
    let names = [market.client.name.as_str(), second.name.as_str()];
    assert_ne!(names[0], names[1]);
    let provider = FormSession::new(&app, Some(&market.provider.staff.token)).await;

    // The recording form names whose delivery it is.
    for (commitment, name, other) in [
        (&first_commitment, names[0], names[1]),
        (&second_commitment, names[1], names[0]),
    ] {
        let (status, form) = provider
            .get(&app, &format!("/provider/commitments/{commitment}/deliver"))
            .await;
        assert_eq!(status, 200, "{form}");
        assert!(text_of(&form, "client").contains(name), "{form}");
        assert!(!form.contains(other), "the form shows only its own client");
    }
    // The month: each row and each record link names its client.
    let (_, month) = provider.get(&app, "/provider/deliveries").await;
    let rows = table(&month, "month");
    for name in names {
        assert!(rows.contains(name), "{name} in the month table: {rows}");
        assert!(
            month.contains(&format!("Kirjaa: {name} – ")),
            "a record link for {name}: {month}"
        );
    }
    // The statement names the clients too, beside the invoice pseudonym.
    let (status, statement) = provider.get(&app, "/provider/statement").await;
    assert_eq!(status, 200, "{statement}");
    for name in names {
        assert!(statement.contains(name), "{name} on the statement");
    }
    // Reading the names is audited for the provider.
    let audit = app
        .get("/api/v1/audit?per_page=100", &market.admin.token)
        .await;
    let body = expect_status(&audit, 200, "audit");
    assert!(
        body["items"].as_array().is_some_and(|items| items
            .iter()
            .any(|e| e["action"] == "client_names_read_by_provider")),
        "audited: {body}"
    );
}
db_test!(a_provider_tells_apart_two_clients_of_the_same_service);

async fn a_case_worker_finds_a_client_by_name_or_identity_code(app: TestApp) {
    let market = Market::build(&app).await;
    let worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    // Names are "Asiakas-" and a unique suffix: search by the end of the suffix, in
    // capitals (case does not matter).
    let name = &market.client.name;
    let part = name[name.len() - 6..].to_owned();
    // The form is posted; a name is redirected to an address that can be paged.
    let (status, _) = worker
        .post(
            &app,
            "/purchaser/clients/search",
            &[("q", &part.to_uppercase())],
            true,
        )
        .await;
    assert_eq!(status, 303, "a name search redirects to ?q=");
    let (status, found) = worker
        .get(
            &app,
            &format!("/purchaser/clients?q={}", part.to_uppercase()),
        )
        .await;
    assert_eq!(status, 200, "{found}");
    assert!(found.contains(&market.client.name), "by name: {found}");
    let (_, none) = worker.get(&app, "/purchaser/clients?q=%25_%25").await;
    assert!(!none.contains(&market.client.name), "wildcards are literal");
    // The other form of the same code: '-' and 'Y' both mean the 1900s, 'A' and 'B' the
    // 2000s.
    // Only the century sign (the seventh character) changes: the check character at the
    // end may itself be an 'A' and must stay.
    let code: String = market
        .client
        .personal_id
        .char_indices()
        .map(|(i, c)| match (i, c) {
            (6, '-') => 'Y',
            (6, 'A') => 'B',
            _ => c,
        })
        .collect();
    // An identity code is answered on the spot, never put in an address.
    let (status, by_code) = worker
        .post(&app, "/purchaser/clients/search", &[("q", &code)], true)
        .await;
    assert_eq!(status, 200, "{by_code}");
    assert!(
        by_code.contains(&market.client.name),
        "by identity code in the other century-sign form: {by_code}"
    );
    assert!(!by_code.contains(&code), "the code is not echoed back");
    let audit = app
        .get("/api/v1/audit?per_page=100", &market.admin.token)
        .await;
    let body = expect_status(&audit, 200, "audit");
    let searches = body["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter(|e| e["action"] == "clients_searched")
                .count()
        })
        .unwrap_or_default();
    assert_eq!(searches, 3, "searches audited: {body}");
    assert!(
        !body.to_string().contains(&market.client.personal_id),
        "the audit never holds the code"
    );
    // Another purchaser's case worker finds nothing of ours.
    let other = Market::build(&app).await;
    let stranger = FormSession::new(&app, Some(&other.purchaser.case_worker.token)).await;
    let (_, theirs) = stranger
        .post(&app, "/purchaser/clients/search", &[("q", &code)], true)
        .await;
    assert!(!theirs.contains(&market.client.name), "tenant isolation");
}
db_test!(a_case_worker_finds_a_client_by_name_or_identity_code);
