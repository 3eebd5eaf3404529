//! Languages (issue #16 item 5) over HTTP: the first visit follows `Accept-Language`, an
//! explicit `?lang=` wins and is remembered, every page names its other-language URLs
//! with `hreflang`; municipality names in Finnish and Swedish work in search (API and
//! portal) and forms; quantities agree with their unit in each language.
use reqwest::header;
use serde_json::json;

use crate::harness::{
    Backend, TestApp,
    client::expect_status,
    fixtures::{Market, approve, offering_body, provider},
    form_session::FormSession,
    ids,
};
use crate::search::{ids as hit_ids, search_until};

const SWEDISH_BROWSER: &str = "sv-FI,sv;q=0.9,en;q=0.5";

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("client")
}

async fn page(
    app: &TestApp,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> (String, Vec<String>) {
    let mut request = http().get(app.url(path));
    for (name, value) in headers {
        request = request.header(name.clone(), *value);
    }
    let reply = request.send().await.expect("page");
    assert_eq!(reply.status(), 200, "{path}");
    let cookies = reply
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    (reply.text().await.expect("html"), cookies)
}

fn html_lang(html: &str) -> &str {
    html.split("<html lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
}

/// `<link rel="alternate" hreflang="…" href="…">` of a page, `&amp;` read as `&`.
fn alternates(html: &str) -> Vec<(String, String)> {
    html.split("<link rel=\"alternate\" hreflang=\"")
        .skip(1)
        .filter_map(|rest| {
            let (code, rest) = rest.split_once('"')?;
            let href = rest.split("href=\"").nth(1)?.split('"').next()?;
            Some((code.to_owned(), href.replace("&amp;", "&")))
        })
        .collect()
}

async fn a_swedish_browser_gets_swedish_and_an_explicit_choice_wins(app: TestApp) {
    let swedish = [(header::ACCEPT_LANGUAGE, SWEDISH_BROWSER)];
    // The very first request, with no cookie: Swedish.
    let (html, _) = page(&app, "/", &swedish).await;
    assert_eq!(html_lang(&html), "sv", "a Swedish browser's first visit");
    let (html, _) = page(&app, "/search?q=hemv%C3%A5rd", &swedish).await;
    assert_eq!(html_lang(&html), "sv");
    // Other browsers: English for English, Finnish when none of ours is asked for.
    let (html, _) = page(&app, "/", &[(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.8")]).await;
    assert_eq!(html_lang(&html), "en");
    let (html, _) = page(&app, "/", &[(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9")]).await;
    assert_eq!(html_lang(&html), "fi");
    let (html, _) = page(&app, "/", &[]).await;
    assert_eq!(html_lang(&html), "fi");
    // An explicit ?lang=fi wins over the header, and is remembered in a cookie.
    let (html, cookies) = page(&app, "/search?q=koti&lang=fi", &swedish).await;
    assert_eq!(html_lang(&html), "fi", "?lang=fi wins over Accept-Language");
    let remembered = cookies
        .iter()
        .find(|c| c.starts_with("valinta_lang="))
        .expect("the choice is remembered");
    assert!(remembered.starts_with("valinta_lang=fi;"), "{remembered}");
    // The remembered choice (the cookie) also wins over the header.
    let with_choice = [
        (header::ACCEPT_LANGUAGE, SWEDISH_BROWSER),
        (header::COOKIE, "valinta_lang=en"),
    ];
    let (html, _) = page(&app, "/", &with_choice).await;
    assert_eq!(
        html_lang(&html),
        "en",
        "a chosen language wins over the browser"
    );
    let (html, _) = page(&app, "/?lang=sv", &with_choice).await;
    assert_eq!(html_lang(&html), "sv", "the URL wins over the cookie");

    // hreflang alternates: this page's path and other parameters, one per language,
    // and x-default without a language; the language menu links to the same URLs.
    let (html, _) = page(&app, "/search?q=koti&sort=price&lang=en", &[]).await;
    // Askama writes `&` in attributes as `&#38;`; read it as HTML would.
    let html = html.replace("&#38;", "&amp;");
    let links = alternates(&html);
    let codes: Vec<&str> = links.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["fi", "sv", "en", "x-default"], "{links:?}");
    for (code, href) in &links {
        let want = match code.as_str() {
            "x-default" => "/search?q=koti&sort=price".to_owned(),
            lang => format!("/search?q=koti&sort=price&lang={lang}"),
        };
        assert!(
            href.ends_with(&want),
            "{code}: {href} should end with {want}"
        );
        if code != "x-default" {
            let menu = format!(
                "href=\"{}\" hreflang=\"{code}\"",
                want.replace('&', "&amp;")
            );
            assert!(html.contains(&menu), "the language menu links to {want}");
        }
    }
    // Each language-bearing URL renders in its language.
    for lang in ["fi", "sv", "en"] {
        let (html, _) = page(&app, &format!("/search?q=koti&lang={lang}"), &swedish).await;
        assert_eq!(html_lang(&html), lang);
        assert!(html.contains("hreflang=\"x-default\""));
    }
    // Error pages too.
    let reply = http()
        .get(app.url("/no-such-page"))
        .header(header::ACCEPT_LANGUAGE, SWEDISH_BROWSER)
        .send()
        .await
        .expect("404");
    assert_eq!(reply.status(), 404);
    assert_eq!(html_lang(&reply.text().await.unwrap_or_default()), "sv");
}

async fn kervo_finds_the_offerings_serving_kerava(app: TestApp) {
    // The demo county serves Kerava (245); no offering's text says "Kervo".
    let (body, _) = search_until(&app, "q=Kervo", |b| b["total"].as_u64() > Some(0)).await;
    let found = hit_ids(&body);
    assert!(!found.is_empty(), "Kervo finds Kerava's offerings: {body}");
    for item in body["items"].as_array().into_iter().flatten() {
        let serves = item["municipalities"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(serves.contains(&json!("245")), "{item}");
    }
    let (kerava, _) = search_until(&app, "q=Kerava", |b| b["total"] == body["total"]).await;
    assert_eq!(
        kerava["total"], body["total"],
        "the Finnish name finds the same"
    );
    // The portal's search page, in Swedish, shows them with the Swedish name.
    let (html, _) = page(&app, "/search?q=Kervo&lang=sv", &[]).await;
    let title = body["items"][0]["title"]["fi"].as_str().unwrap_or_default();
    let shown = body["items"][0]["title"]["sv"].as_str().unwrap_or(title);
    assert!(
        html.contains(shown) || html.contains(title),
        "the portal finds {title:?} for Kervo"
    );
    assert!(
        html.contains("Kervo"),
        "municipalities shown by their Swedish name"
    );
    let (html, _) = page(&app, "/search?q=Kervo&lang=fi", &[]).await;
    assert!(
        html.contains("Kerava"),
        "and by their Finnish name in Finnish"
    );
}

async fn municipality_names_work_in_search_and_forms(app: TestApp) {
    let market = Market::build(&app).await;
    // The market's offering serves Helsinki (091) and Espoo (049). A second one is
    // created with its municipality given by its Swedish name.
    let second = provider(&app).await;
    approve(&app, &second, &market.purchaser, &[&market.service_id]).await;
    let mut body = offering_body(&market.service_id, "39.50");
    body["municipalities"] = json!(["Vanda"]);
    body["title"] = json!({"fi": "Siivousta kotiin"});
    body["description"] = json!({"fi": "Siistiä kotona."});
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", second.id),
            &second.staff.token,
            &body,
        )
        .await;
    let created = expect_status(&reply, 201, "an offering for Vanda");
    assert_eq!(created["municipalities"], json!(["092"]), "Vanda is 092");
    let vantaa = created["id"].as_str().unwrap_or_default().to_owned();

    for (query, wanted, unwanted) in [
        ("Esbo", &market.offering_id, &vantaa),
        ("Espoo", &market.offering_id, &vantaa),
        ("Helsingfors", &market.offering_id, &vantaa),
        ("Vanda", &vantaa, &market.offering_id),
        ("Vantaa", &vantaa, &market.offering_id),
    ] {
        let (body, _) =
            search_until(&app, &format!("q={query}"), |b| hit_ids(b).contains(wanted)).await;
        let found = hit_ids(&body);
        assert!(found.contains(wanted), "{query} finds {wanted}: {body}");
        assert!(
            !found.contains(unwanted),
            "{query} does not find {unwanted}"
        );
    }
    // The portal's search finds it too.
    let (html, _) = page(&app, "/search?q=Esbo", &[]).await;
    assert!(
        html.contains("Kotihoitoa Kalliossa"),
        "the portal finds Esbo"
    );
    assert!(!html.contains("Siivousta kotiin"));
    // The search filter takes a name as well as a code.
    let reply = app.get("/api/v1/search?municipality=Vanda", "").await;
    assert_eq!(
        hit_ids(expect_status(&reply, 200, "filter by name")),
        vec![vantaa.clone()]
    );

    // A client's home municipality by name, over the API: Esbo is 049.
    let clients = format!("/api/v1/purchasers/{}/clients", market.purchaser.id);
    let token = &market.purchaser.case_worker.token;
    let reply = app
        .post(
            &clients,
            token,
            &json!({"name": "Elsa Esbo", "personal_id": ids::personal_id(), "municipality": "Esbo"}),
        )
        .await;
    let client = expect_status(&reply, 201, "a client living in Esbo");
    assert_eq!(client["municipality"], "049");
    // A name that is no municipality's: a 422 naming the field.
    let reply = app
        .post(
            &clients,
            token,
            &json!({"name": "Kalle", "personal_id": ids::personal_id(), "municipality": "Kervoo"}),
        )
        .await;
    let refused = expect_status(&reply, 422, "an unknown municipality name");
    assert_eq!(refused["error"]["code"], "invalid_field", "{refused}");
    assert!(
        refused["error"]["fields"].get("municipality").is_some(),
        "names the field: {refused}"
    );

    // The case worker's form: a name in Swedish is accepted, the page names the
    // municipality in the page's language, and a bad name is an error at the field.
    let form = FormSession::new(&app, Some(token)).await;
    let (status, _) = form
        .post(
            &app,
            "/purchaser/clients?lang=sv",
            &[
                ("name", "Stina Esbo"),
                ("personal_id", &ids::personal_id()),
                ("municipality", "Esbo"),
            ],
            true,
        )
        .await;
    assert_eq!(status, 303, "the form takes a Swedish name");
    let (_, list) = form.get(&app, "/purchaser/clients?lang=sv").await;
    assert!(list.contains("Stina Esbo") && list.contains("Esbo"));
    assert!(
        list.contains("<datalist id=\"municipality-list\">"),
        "names are offered"
    );
    assert!(
        list.contains("<option value=\"Helsingfors\">"),
        "in the page's language"
    );
    let (_, list) = form.get(&app, "/purchaser/clients?lang=fi").await;
    assert!(list.contains("Espoo"), "in Finnish the Finnish name");
    let (status, page) = form
        .post(
            &app,
            "/purchaser/clients?lang=fi",
            &[
                ("name", "Kalle"),
                ("personal_id", &ids::personal_id()),
                ("municipality", "Kervoo"),
            ],
            true,
        )
        .await;
    assert_eq!(status, 200, "a bad name is refused with the form again");
    assert!(page.contains("id=\"municipality-error\""), "at the field");
    assert!(
        page.contains("kunnan nimi tai kuntanumero"),
        "in plain words"
    );
}

search_test!(municipality_names_work_in_search_and_forms);

async fn demo_app(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, &["--demo"]).await
}

/// A test on the demo county, on SQLite and on PostgreSQL.
macro_rules! demo_test {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                super::$name(super::demo_app(super::Backend::Sqlite).await).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                super::$name(super::demo_app(super::Backend::Postgres).await).await;
            }
        }
    };
}

demo_test!(a_swedish_browser_gets_swedish_and_an_explicit_choice_wins);
demo_test!(kervo_finds_the_offerings_serving_kerava);
