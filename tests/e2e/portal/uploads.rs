//! The provider's upload and API-key pages over plain HTTP, on both databases: a file
//! posted with the form is recorded and its report shown on the page the form redirects
//! to, which a refresh shows again without recording anything twice (and without this
//! browser's CSRF token the form changes nothing); a key made on the page is shown once,
//! works, and stops when revoked.
use reqwest::{StatusCode, header};

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status},
    fixtures::{Market, delivery_body, today},
    form_session::FormSession,
    money::Balance,
};

/// A browser signed in as the market's provider staff: its cookies and CSRF token.
struct Browser {
    http: reqwest::Client,
    cookies: String,
    csrf: String,
}

impl Browser {
    async fn signed_in(app: &TestApp, market: &Market) -> Browser {
        // The session cookie carries the same token as the API's bearer header.
        let session = FormSession::new(app, Some(&market.provider.staff.token)).await;
        Browser {
            http: session.http,
            cookies: format!("{}; valinta_lang=fi", session.cookie),
            csrf: session.csrf,
        }
    }

    async fn get(&self, app: &TestApp, path: &str) -> (StatusCode, String) {
        let reply = self
            .http
            .get(app.url(path))
            .header(header::COOKIE, &self.cookies)
            .send()
            .await
            .expect("get a page");
        (reply.status(), reply.text().await.unwrap_or_default())
    }

    async fn post_form(
        &self,
        app: &TestApp,
        path: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, String) {
        let reply = self
            .http
            .post(app.url(path))
            .header(header::COOKIE, &self.cookies)
            .form(form)
            .send()
            .await
            .expect("post a form");
        (reply.status(), reply.text().await.unwrap_or_default())
    }

    /// Posts the upload form: the CSRF token (unless `None`) and the file. Answers the
    /// status and the page, or for a redirect the place it leads to.
    async fn upload(&self, app: &TestApp, csrf: Option<&str>, file: &[u8]) -> (StatusCode, String) {
        let boundary = "valinta-test-boundary-7d1f";
        let mut body = Vec::new();
        let mut text_part = |name: &str, value: &str| {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").into_bytes());
        };
        if let Some(csrf) = csrf {
            text_part("csrf", csrf);
        }
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"toteutumat.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .into_bytes(),
        );
        body.extend_from_slice(file);
        body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
        let reply = self
            .http
            .post(app.url("/provider/deliveries/upload"))
            .header(header::COOKIE, &self.cookies)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .expect("post the upload form");
        if reply.status() == StatusCode::SEE_OTHER {
            let location = reply.headers()[header::LOCATION]
                .to_str()
                .expect("a location")
                .to_owned();
            return (reply.status(), location);
        }
        (reply.status(), reply.text().await.unwrap_or_default())
    }
}

async fn a_file_posted_with_the_form_is_recorded_and_reported(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let b = Browser::signed_in(&app, &market).await;
    let (status, page) = b.get(&app, "/provider/deliveries/upload").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(&commitment),
        "the open commitment's number is shown"
    );
    let today = today().format("%-d.%-m.%Y");
    let file = format!(
        "sitoumus;päivämäärä;määrä;yksikköhinta;viite\n{commitment};{today};2;45,00;W-1\n{commitment};{today};1;99,00;W-2\n"
    );

    let (status, _) = b.upload(&app, None, file.as_bytes()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no CSRF token");
    let (status, _) = b
        .upload(&app, Some(&"00".repeat(32)), file.as_bytes())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a made-up CSRF token");
    let before = Balance::of("1000.00", "1000.00", "0.00", "0.00");
    assert_eq!(market.books(&app).await, before, "nothing recorded");

    let (status, report) = b.upload(&app, Some(&b.csrf), file.as_bytes()).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "post-redirect-get: {report}");
    assert!(
        report.starts_with("/provider/deliveries/upload?report="),
        "to the upload page with the report: {report}"
    );
    let (status, page) = b.get(&app, &report).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("<caption id=\"report-caption\">"),
        "a report table"
    );
    assert!(
        page.contains("<td>W-1</td><td>Kirjattu</td>"),
        "the first row is recorded: {page}"
    );
    assert!(
        page.contains("<td>W-2</td><td><span aria-hidden=\"true\">⚠ </span>Hylätty</td>"),
        "the second is refused (above the price cap)"
    );
    assert!(page.contains("90,00\u{a0}€"), "the recorded total is shown");
    let recorded = Balance::of("1000.00", "920.00", "0.00", "80.00");
    assert_eq!(market.books(&app).await, recorded);
    assert!(
        page.contains("<dt>Kirjattu</dt><dd>1</dd>") && page.contains("<dt>Hylätty</dt><dd>1</dd>"),
        "the counts: {page}"
    );

    // A refresh is a GET: the same report, nothing recorded twice.
    let (status, again) = b.get(&app, &report).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        again.contains("<td>W-1</td><td>Kirjattu</td>"),
        "the report again"
    );
    assert_eq!(market.books(&app).await, recorded, "nothing recorded twice");
    let (status, _) = b
        .get(&app, "/provider/deliveries/upload?report=not-a-report")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a malformed report id");
    let other = format!(
        "/provider/deliveries/upload?report={}",
        "00000000-0000-4000-8000-000000000000"
    );
    let (status, _) = b.get(&app, &other).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no such report");

    let (status, page) = b.upload(&app, Some(&b.csrf), b"not;a;delivery\nfile").await;
    assert_eq!(status, StatusCode::OK, "the form again, with the error");
    assert!(page.contains("role=\"alert\""), "errors at the top");
    assert!(
        page.contains("aria-invalid=\"true\""),
        "tied to the file field"
    );
}
db_test!(a_file_posted_with_the_form_is_recorded_and_reported);

async fn a_key_made_on_the_page_is_shown_once_and_revoked_there(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let b = Browser::signed_in(&app, &market).await;
    // Made with post-redirect-get: the key rides to the list page once, in a flash cookie.
    let made = b
        .http
        .post(app.url("/provider/api-keys"))
        .header(header::COOKIE, &b.cookies)
        .form(&[("csrf", b.csrf.as_str()), ("site", "Kassa")])
        .send()
        .await
        .expect("post the key form");
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let flash = made
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("valinta_flash="))
        .and_then(|c| c.split(';').next())
        .expect("the new key's flash")
        .to_owned();
    let page = b
        .http
        .get(app.url("/provider/api-keys"))
        .header(header::COOKIE, format!("{}; {flash}", b.cookies))
        .send()
        .await
        .expect("the list page")
        .text()
        .await
        .unwrap_or_default();
    let key = page
        .split("value=\"vk_")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|rest| format!("vk_{rest}"))
        .expect("the new key on the page");
    let path = format!("/api/v1/commitments/{commitment}/deliveries");
    let reply = app
        .post(
            &path,
            &key,
            &delivery_body(&today().format("%Y-%m-%d").to_string(), "1", "45.00", "K-1"),
        )
        .await;
    expect_status(&reply, 201, "the key works");

    let (_, page) = b.get(&app, "/provider/api-keys").await;
    assert!(page.contains("Kassa"), "listed");
    assert!(!page.contains(&key[12..]), "never shown again");
    let revoke = page
        .split("href=\"/provider/api-keys/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|rest| format!("/provider/api-keys/{rest}"))
        .expect("a revoke link");
    let (status, confirm) = b.get(&app, &revoke).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("Kassa"), "the confirmation names the site");
    let (status, _) = b.post_form(&app, &revoke, &[("csrf", "")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no CSRF token: not revoked");
    expect_status(&app.get(&path, &key).await, 200, "still works");
    let (status, _) = b.post_form(&app, &revoke, &[("csrf", &b.csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "revoked");
    expect_error(
        &app.get(&path, &key).await,
        401,
        None,
        None,
        "revoked on the page",
    );
}
db_test!(a_key_made_on_the_page_is_shown_once_and_revoked_there);
