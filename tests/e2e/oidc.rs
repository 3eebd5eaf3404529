//! Strong identification end to end: Valinta and a real OpenID provider (oidc-provider on
//! loopback) talk over HTTP, and a cookie-keeping client walks the redirects and forms a
//! browser would: Valinta's link, the provider's login and consent forms, the callback.
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use reqwest::{Method, header};
use serde_json::json;
use url::Url;

use crate::harness::{
    Backend, TestApp,
    client::{expect_status, id_of},
    fixtures::{self, Purchaser},
    ids,
    oidc_provider::OidcProvider,
};

/// One answer, as a browser saw it.
struct Page {
    url: Url,
    status: u16,
    body: String,
    location: Option<Url>,
}

/// A browser without JavaScript: keeps cookies per host and port, follows nothing by itself.
struct Browser {
    http: reqwest::Client,
    cookies: HashMap<String, BTreeMap<String, String>>,
}

fn authority(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or_default()
    )
}

impl Browser {
    fn new() -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .no_proxy()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            cookies: HashMap::new(),
        }
    }

    async fn send(
        &mut self,
        method: Method,
        url: Url,
        form: Option<Vec<(String, String)>>,
    ) -> Page {
        let jar = self.cookies.entry(authority(&url)).or_default();
        let mut request = self.http.request(method, url.clone());
        if !jar.is_empty() {
            let header: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
            request = request.header(header::COOKIE, header.join("; "));
        }
        if let Some(form) = form {
            request = request
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(&form).unwrap());
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        for set in response.headers().get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap_or_default();
            let mut parts = set.split(';');
            let Some((name, value)) = parts.next().and_then(|p| p.trim().split_once('=')) else {
                continue;
            };
            let gone =
                value.is_empty() || parts.any(|a| a.trim().eq_ignore_ascii_case("max-age=0"));
            if gone {
                jar.remove(name);
            } else {
                jar.insert(name.to_owned(), value.to_owned());
            }
        }
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|l| url.join(l.to_str().unwrap()).unwrap());
        Page {
            status: response.status().as_u16(),
            body: response.text().await.unwrap_or_default(),
            url,
            location,
        }
    }

    async fn get(&mut self, url: &str) -> Page {
        self.send(Method::GET, Url::parse(url).unwrap(), None).await
    }

    /// Follows redirects to the page they end on.
    async fn follow(&mut self, mut page: Page) -> Page {
        for _ in 0..20 {
            let Some(to) = page.location.clone() else {
                return page;
            };
            page = self.send(Method::GET, to, None).await;
        }
        panic!("too many redirects, last {}", page.url)
    }

    async fn submit(&mut self, page: &Page, form: &Form) -> Page {
        let to = page.url.join(&form.action).unwrap();
        self.send(Method::POST, to, Some(form.fields.clone())).await
    }

    fn cookie(&self, app: &TestApp, name: &str) -> Option<&String> {
        self.cookies
            .get(&authority(&Url::parse(&app.base_url).unwrap()))?
            .get(name)
    }
}

struct Form {
    action: String,
    fields: Vec<(String, String)>,
}

fn unescape(text: &str) -> String {
    text.replace("&#x2F;", "/")
        .replace("&#x3D;", "=")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let pattern = regex::Regex::new(&format!(r#"\s{name}="([^"]*)""#)).unwrap();
    pattern.captures(tag).map(|c| unescape(&c[1]))
}

/// The forms of a page, each with its action and hidden fields.
fn forms_of(body: &str) -> Vec<Form> {
    let input = regex::Regex::new(r"<input[^>]*>").unwrap();
    body.split("<form")
        .skip(1)
        .map(|chunk| {
            let chunk = chunk.split("</form>").next().unwrap_or_default();
            let open = chunk.split('>').next().unwrap_or_default();
            let fields = input
                .find_iter(chunk)
                .map(|m| m.as_str())
                .filter(|tag| attribute(tag, "type").as_deref() == Some("hidden"))
                .filter_map(|tag| Some((attribute(tag, "name")?, attribute(tag, "value")?)))
                .collect();
            Form {
                action: attribute(open, "action").unwrap_or_default(),
                fields,
            }
        })
        .collect()
}

/// From Valinta's strong sign-in link (with `query`) through the provider's login form (as
/// the account `code`) and consent, up to the callback URL the provider sends the browser
/// back with, not yet opened.
async fn through_provider(browser: &mut Browser, app: &TestApp, query: &str, code: &str) -> Url {
    let mut page = browser
        .get(&format!("{}/auth/oidc/login{query}", app.base_url))
        .await;
    assert_eq!(
        page.status, 303,
        "the sign-in link redirects: {}",
        page.body
    );
    let valinta = Url::parse(&app.base_url).unwrap();
    for _ in 0..20 {
        if let Some(to) = page.location.clone() {
            if authority(&to) == authority(&valinta) {
                assert_eq!(to.path(), "/auth/oidc/callback", "back at {to}");
                return to;
            }
            page = browser.send(Method::GET, to, None).await;
            continue;
        }
        assert_eq!(
            page.status, 200,
            "provider page {}: {}",
            page.url, page.body
        );
        let mut form = forms_of(&page.body)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("a form at {}: {}", page.url, page.body));
        if form
            .fields
            .iter()
            .any(|(k, v)| k == "prompt" && v == "login")
        {
            form.fields.push(("login".into(), code.into()));
            form.fields.push(("password".into(), "anything".into()));
        }
        page = browser.submit(&page, &form).await;
    }
    panic!("the provider never sent the browser back")
}

/// A whole strong sign-in: where the browser ends up.
async fn sign_in_strongly(browser: &mut Browser, app: &TestApp, query: &str, code: &str) -> Page {
    let callback = through_provider(browser, app, query, code).await;
    let page = browser.send(Method::GET, callback, None).await;
    browser.follow(page).await
}

async fn with_provider(
    backend: Backend,
    env: impl Fn(&OidcProvider) -> Vec<(String, String)>,
) -> Option<(OidcProvider, TestApp)> {
    let provider = OidcProvider::start()?;
    let env = env(&provider);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let app = TestApp::spawn_with_env(backend, &[], &env).await;
    Some((provider, app))
}

/// A client the case worker registered by identity code only: no email, no password.
async fn registered_client(app: &TestApp, purchaser: &Purchaser) -> (String, String, String) {
    let name = format!(
        "Asiakas {}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let code = ids::personal_id();
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/clients", purchaser.id),
            &purchaser.case_worker.token,
            &json!({"name": name, "personal_id": code, "municipality": "091"}),
        )
        .await;
    let id = id_of(expect_status(&reply, 201, "register a client"));
    (id, name, code)
}

async fn one_text(app: &TestApp, sql: &str) -> String {
    let texts = app.sql_texts(sql).await;
    assert_eq!(texts.len(), 1, "{sql}: {texts:?}");
    texts.into_iter().next().unwrap()
}

/// A proxy (of some client) known by the identity code whose keyed hash is `hash`; their
/// name.
async fn proxy_known_by(app: &TestApp, purchaser: &Purchaser, hash: &str) -> String {
    let (other, _, _) = registered_client(app, purchaser).await;
    let client = fixtures::Client {
        id: other,
        name: String::new(),
        personal_id: String::new(),
        user: purchaser.case_worker.clone(),
    };
    let proxy = fixtures::proxy(app, purchaser, &client).await;
    app.overwrite(
        "users",
        "personal_id_hash",
        &proxy.id,
        hash.to_owned().into(),
    )
    .await;
    one_text(
        app,
        &format!("SELECT name FROM users WHERE email = '{}'", proxy.email),
    )
    .await
}

/// The keyed hash of a code no client holds, made by registering it and moving it away.
async fn hash_of_unregistered(app: &TestApp, purchaser: &Purchaser) -> (String, String) {
    let (id, name, code) = registered_client(app, purchaser).await;
    let hash = one_text(
        app,
        &format!("SELECT personal_id_hash FROM clients WHERE name = '{name}'"),
    )
    .await;
    app.overwrite(
        "clients",
        "personal_id_hash",
        &id,
        "moved-away".to_owned().into(),
    )
    .await;
    (code, hash)
}

fn signed_in_at(page: &Page, path: &str, name: &str) {
    assert_eq!(page.status, 200, "{}: {}", page.url, page.body);
    assert_eq!(page.url.path(), path, "landed at {}", page.url);
    assert!(
        page.body.contains(name),
        "signed in as {name}: {}",
        page.body
    );
}

async fn a_client_signs_in_strongly_and_lands_on_their_page(backend: Backend) {
    let Some((_provider, app)) = with_provider(backend, OidcProvider::basic_env).await else {
        return;
    };
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let (client_id, name, code) = registered_client(&app, &purchaser).await;
    let signin = Browser::new().get(&app.url("/signin")).await;
    assert!(
        signin
            .body
            .contains("Tunnistaudu vahvasti (pankkitunnukset, mobiilivarmenne)")
            && signin.body.contains("/auth/oidc/login"),
        "the sign-in page offers strong identification: {}",
        signin.body
    );

    let mut browser = Browser::new();
    let page = sign_in_strongly(&mut browser, &app, "", &code).await;
    signed_in_at(&page, "/my", &name);
    assert!(browser.cookie(&app, "valinta_session").is_some());

    // The client's own account was made once, and is used again the next time.
    let page = sign_in_strongly(&mut Browser::new(), &app, "?next=/search", &code).await;
    assert_eq!(page.url.path(), "/search");
    let accounts = app
        .sql_texts("SELECT name FROM users WHERE email IS NULL AND password_hash IS NULL")
        .await;
    assert_eq!(accounts, vec![name.clone()], "one account for {client_id}");
    let audit = app
        .sql_texts("SELECT subject_id FROM audit_log WHERE action = 'signed_in_strong'")
        .await;
    assert_eq!(audit.len(), 2, "each strong sign-in is audited");
    assert!(
        !app.server_log_tail().contains(&code),
        "the code is never logged"
    );

    // A deactivated account is passed over: the person is told whom to contact.
    app.backdate_where("users", "deactivated_at", "client_id", &client_id, 0)
        .await;
    let mut browser = Browser::new();
    let page = sign_in_strongly(&mut browser, &app, "", &code).await;
    assert_eq!(page.status, 403, "{}", page.body);
    assert!(browser.cookie(&app, "valinta_session").is_none());
}
db_test!(backend a_client_signs_in_strongly_and_lands_on_their_page);

async fn a_proxy_signs_in_with_a_signed_client_assertion_and_the_code_from_userinfo(
    backend: Backend,
) {
    let env = |p: &OidcProvider| {
        let mut env = p.jwt_env();
        // Given only at the userinfo endpoint, never in the ID token.
        env.push(("VALINTA_OIDC_IDENTITY_CLAIM".into(), "hetu_userinfo".into()));
        env
    };
    let Some((_provider, app)) = with_provider(backend, env).await else {
        return;
    };
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let (code, hash) = hash_of_unregistered(&app, &purchaser).await;
    let name = proxy_known_by(&app, &purchaser, &hash).await;
    let page = sign_in_strongly(&mut Browser::new(), &app, "", &code).await;
    signed_in_at(&page, "/my", &name);
}
db_test!(backend a_proxy_signs_in_with_a_signed_client_assertion_and_the_code_from_userinfo);

async fn a_client_signs_in_with_a_signed_client_assertion(backend: Backend) {
    let env = |p: &OidcProvider| {
        let mut env = p.jwt_env();
        env.push(("VALINTA_OIDC_IDENTITY_CLAIM".into(), "nin".into()));
        env
    };
    let Some((_provider, app)) = with_provider(backend, env).await else {
        return;
    };
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let (_, name, code) = registered_client(&app, &purchaser).await;
    let page = sign_in_strongly(&mut Browser::new(), &app, "", &code).await;
    signed_in_at(&page, "/my", &name);
}
db_test!(backend a_client_signs_in_with_a_signed_client_assertion);

async fn a_person_who_is_both_client_and_proxy_chooses(backend: Backend) {
    let Some((_provider, app)) = with_provider(backend, OidcProvider::basic_env).await else {
        return;
    };
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let (_, client_name, code) = registered_client(&app, &purchaser).await;
    let hash = one_text(
        &app,
        &format!("SELECT personal_id_hash FROM clients WHERE name = '{client_name}'"),
    )
    .await;
    let proxy_name = proxy_known_by(&app, &purchaser, &hash).await;

    let mut browser = Browser::new();
    let callback = through_provider(&mut browser, &app, "?next=/search", &code).await;
    let choice = browser.send(Method::GET, callback, None).await;
    assert_eq!(choice.status, 200, "{}", choice.body);
    assert!(browser.cookie(&app, "valinta_session").is_none());
    let forms: Vec<Form> = forms_of(&choice.body)
        .into_iter()
        .filter(|f| f.action == "/auth/oidc/choose")
        .collect();
    assert_eq!(
        forms.len(),
        2,
        "two accounts to choose from: {}",
        choice.body
    );
    assert!(choice.body.contains(&client_name) && choice.body.contains(&proxy_name));

    // The choice names only the accounts offered, in this browser, with the ticket as given.
    let field = |form: &Form, name: &str| {
        form.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let with = |form: &Form, name: &str, value: String| Form {
        action: form.action.clone(),
        fields: form
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), if k == name { value.clone() } else { v.clone() }))
            .collect(),
    };
    // Clients come first, then proxies.
    let proxy_form = &forms[1];
    let proxy_id = field(proxy_form, "user");
    let forged = [
        with(proxy_form, "user", admin.id.clone()),
        with(
            &with(proxy_form, "user", admin.id.clone()),
            "ticket",
            field(proxy_form, "ticket").replacen(&proxy_id, &admin.id, 1),
        ),
        with(
            proxy_form,
            "ticket",
            format!("9{}", field(proxy_form, "ticket")),
        ),
    ];
    for form in &forged {
        let refused = browser.submit(&choice, form).await;
        assert_eq!(refused.status, 400, "a forged choice: {}", refused.body);
        assert!(browser.cookie(&app, "valinta_session").is_none());
    }
    let no_csrf = with(proxy_form, "csrf", String::new());
    assert_eq!(browser.submit(&choice, &no_csrf).await.status, 403);
    let mut elsewhere = Browser::new();
    let other_browser = elsewhere.submit(&choice, proxy_form).await;
    assert_eq!(
        other_browser.status, 403,
        "another browser cannot use the choice"
    );

    let chosen = browser.submit(&choice, proxy_form).await;
    let page = browser.follow(chosen).await;
    signed_in_at(&page, "/search", &proxy_name);
}
db_test!(backend a_person_who_is_both_client_and_proxy_chooses);

async fn a_stranger_is_told_whom_to_contact_and_nothing_is_created(backend: Backend) {
    let Some((_provider, app)) = with_provider(backend, OidcProvider::basic_env).await else {
        return;
    };
    let users_before = app.sql_texts("SELECT name FROM users").await.len();
    let mut browser = Browser::new();
    let page = sign_in_strongly(&mut browser, &app, "", &ids::personal_id()).await;
    assert_eq!(page.status, 403, "{}", page.body);
    assert!(
        page.body.contains("hyvinvointialueesi sosiaalipalveluihin"),
        "{}",
        page.body
    );
    assert!(browser.cookie(&app, "valinta_session").is_none());
    assert_eq!(
        app.sql_texts("SELECT name FROM users").await.len(),
        users_before
    );
}
db_test!(backend a_stranger_is_told_whom_to_contact_and_nothing_is_created);

async fn a_replayed_or_tampered_callback_signs_nobody_in(backend: Backend) {
    let Some((_provider, app)) = with_provider(backend, OidcProvider::basic_env).await else {
        return;
    };
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let (_, name, code) = registered_client(&app, &purchaser).await;

    // A changed state is no flow of ours.
    let mut browser = Browser::new();
    let callback = through_provider(&mut browser, &app, "", &code).await;
    let mut tampered = callback.clone();
    let pairs: Vec<(String, String)> = callback
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                format!("{v}x")
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    tampered.query_pairs_mut().clear().extend_pairs(pairs);
    let refused = browser.send(Method::GET, tampered, None).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(browser.cookie(&app, "valinta_session").is_none());

    // The genuine callback works once; the same URL again (here or elsewhere) does not.
    let first = browser.send(Method::GET, callback.clone(), None).await;
    signed_in_at(&browser.follow(first).await, "/my", &name);
    for mut replaying in [Browser::new(), browser] {
        let again = replaying.send(Method::GET, callback.clone(), None).await;
        assert_eq!(again.status, 400, "a replayed callback: {}", again.body);
        assert!(again.location.is_none());
    }
    let mut fresh = Browser::new();
    let replay = fresh.send(Method::GET, callback, None).await;
    assert_eq!(replay.status, 400);
    assert!(fresh.cookie(&app, "valinta_session").is_none());

    // A callback without a flow at all, or with the provider's error, is refused too.
    let bare = fresh
        .get(&app.url("/auth/oidc/callback?state=made-up&code=made-up"))
        .await;
    assert_eq!(bare.status, 400);
    let cancelled = fresh
        .get(&app.url("/auth/oidc/callback?error=access_denied&state=x"))
        .await;
    assert_eq!(cancelled.status, 400);
}
db_test!(backend a_replayed_or_tampered_callback_signs_nobody_in);

async fn an_off_site_next_ends_on_a_local_page(backend: Backend) {
    let Some((_provider, app)) = with_provider(backend, OidcProvider::basic_env).await else {
        return;
    };
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let (_, name, code) = registered_client(&app, &purchaser).await;
    for next in ["//evil.example", "https://evil.example", "/\\evil.example"] {
        let query = format!(
            "?next={}",
            form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        );
        let page = sign_in_strongly(&mut Browser::new(), &app, &query, &code).await;
        assert_eq!(
            page.url.host_str(),
            Some("127.0.0.1"),
            "{next} led to {}",
            page.url
        );
        signed_in_at(&page, "/my", &name);
    }
}
db_test!(backend an_off_site_next_ends_on_a_local_page);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_with_the_provider_down_answers_a_friendly_503_and_password_sign_in_stays() {
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let issuer = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let env = [
        ("VALINTA_OIDC_ISSUER", issuer.as_str()),
        ("VALINTA_OIDC_CLIENT_ID", "valinta"),
        ("VALINTA_OIDC_CLIENT_SECRET", "secret"),
    ];
    let app = TestApp::spawn_with_env(Backend::Sqlite, &[], &env).await;
    let mut browser = Browser::new();
    let page = browser.get(&app.url("/auth/oidc/login?next=/my")).await;
    assert_eq!(page.status, 503, "{}", page.body);
    assert!(
        page.body
            .contains("Vahva tunnistautuminen ei juuri nyt toimi"),
        "{}",
        page.body
    );
    let signin = browser.get(&app.url("/signin")).await;
    assert_eq!(signin.status, 200);
    assert!(signin.body.contains("name=\"password\""));
    assert!(!app.server_log_tail().contains("secret\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_is_off_unless_configured() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut browser = Browser::new();
    assert_eq!(browser.get(&app.url("/auth/oidc/login")).await.status, 404);
    let signin = browser.get(&app.url("/signin")).await;
    assert!(!signin.body.contains("/auth/oidc/login"));
}

#[test]
fn oidc_settings_that_do_not_fit_stop_the_server() {
    let key = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(key.path(), "not a key").unwrap();
    let key = key.path().display().to_string();
    let issuer = ("VALINTA_OIDC_ISSUER", "https://idp.example");
    let id = ("VALINTA_OIDC_CLIENT_ID", "valinta");
    let secret = ("VALINTA_OIDC_CLIENT_SECRET", "s3cret-value");
    let cases: [(Vec<(&str, &str)>, &str); 4] = [
        (vec![issuer], "VALINTA_OIDC_CLIENT_ID"),
        (
            vec![issuer, id],
            "exactly one of VALINTA_OIDC_CLIENT_SECRET",
        ),
        (
            vec![issuer, id, secret, ("VALINTA_OIDC_PRIVATE_KEY_FILE", &key)],
            "exactly one of VALINTA_OIDC_CLIENT_SECRET",
        ),
        (
            vec![issuer, id, ("VALINTA_OIDC_PRIVATE_KEY_FILE", &key)],
            "is not an RSA private key",
        ),
    ];
    for (env, named) in cases {
        let (ok, stderr) = crate::startup::start_with(&env, &[]);
        assert!(!ok, "{env:?} should not start");
        assert!(stderr.contains(named), "{env:?}: {stderr}");
        assert!(!stderr.contains("s3cret-value"), "{stderr}");
    }
}
