//! Builders for the actors and objects a test needs, each made through the public API.

use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::TestApp;
use super::client::{ANON, Reply, User, expect_status, id_of};
use super::ids;

pub const PASSWORD: &str = "correct horse battery staple";

/// Today in Finland, as the server counts days (between 22:00 and 24:00 UTC the UTC date
/// is still yesterday).
pub fn today() -> NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive()
}

/// Today plus `offset` days (negative for the past), as "YYYY-MM-DD".
pub fn day(offset: i64) -> String {
    let today = today();
    let date = if offset >= 0 {
        today.checked_add_days(Days::new(offset as u64))
    } else {
        today.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    date.expect("date in range").format("%Y-%m-%d").to_string()
}

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", &Uuid::new_v4().simple().to_string()[..10])
}

pub fn email(prefix: &str) -> String {
    format!("{}@e2e.valinta.test", unique(prefix))
}

pub struct Purchaser {
    pub id: String,
    pub catalogue_manager: User,
    pub case_worker: User,
    pub finance: User,
}

/// Creates a staff member with the given roles and logs in as them.
pub async fn staff(app: &TestApp, admin: &User, purchaser_id: &str, roles: &[&str]) -> User {
    let email = email("staff");
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{purchaser_id}/staff"),
            &admin.token,
            &json!({"email": email, "password": PASSWORD, "name": unique("Staff"), "roles": roles}),
        )
        .await;
    expect_status(&reply, 201, "create staff");
    app.login(&email, PASSWORD).await
}

/// A purchaser serving Helsinki, Espoo and Vantaa, with a catalogue manager, a case worker
/// and a finance officer.
pub async fn purchaser(app: &TestApp, admin: &User) -> Purchaser {
    let reply = app
        .post(
            "/api/v1/purchasers",
            &admin.token,
            &json!({
                "name": unique("Hyvinvointialue"),
                "business_id": ids::business_id(),
                "municipalities": ["091", "049", "092"],
            }),
        )
        .await;
    let id = id_of(expect_status(&reply, 201, "create purchaser"));
    Purchaser {
        catalogue_manager: staff(app, admin, &id, &["catalogue_manager"]).await,
        case_worker: staff(app, admin, &id, &["case_worker"]).await,
        finance: staff(app, admin, &id, &["finance"]).await,
        id,
    }
}

/// A catalogue entry; `methods` e.g. `&["voucher"]`.
pub async fn service(
    app: &TestApp,
    purchaser: &Purchaser,
    methods: &[&str],
    voucher_value: Option<&str>,
    price_cap: Option<&str>,
) -> String {
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", purchaser.id),
            &purchaser.catalogue_manager.token,
            &service_body(methods, voucher_value, price_cap),
        )
        .await;
    id_of(expect_status(&reply, 201, "create service"))
}

pub fn service_body(
    methods: &[&str],
    voucher_value: Option<&str>,
    price_cap: Option<&str>,
) -> Value {
    without_nulls(json!({
        "code": unique("KOTIHOITO").to_uppercase(),
        "name": {"fi": "Kotihoito", "sv": "Hemvård", "en": "Home care"},
        "unit": "hour",
        "social_care": true,
        "methods": methods,
        "voucher_value": voucher_value,
        "price_cap": price_cap,
        "rulebook": ["Palveluntuottaja on merkitty ennakkoperintärekisteriin."],
    }))
}

/// Leaves optional fields out instead of sending `null`.
fn without_nulls(mut body: Value) -> Value {
    if let Some(object) = body.as_object_mut() {
        object.retain(|_, v| !v.is_null());
    }
    body
}

pub struct Provider {
    pub id: String,
    pub staff: User,
}

pub fn provider_body(email: &str) -> Value {
    json!({
        "name": unique("Hoivapalvelu Oy"),
        "business_id": ids::business_id(),
        "email": email,
        "password": PASSWORD,
        "phone": "+358401234567",
    })
}

/// Signs a provider up and logs in as its staff.
pub async fn provider(app: &TestApp) -> Provider {
    let email = email("provider");
    let body = provider_body(&email);
    let reply = app.post("/api/v1/providers", ANON, &body).await;
    let created = expect_status(&reply, 201, "provider sign-up");
    Provider {
        id: id_of(created),
        staff: app.login(&email, PASSWORD).await,
    }
}

/// Applies for the services and has the purchaser approve; returns the application id.
pub async fn approve(
    app: &TestApp,
    provider: &Provider,
    purchaser: &Purchaser,
    service_ids: &[&str],
) -> String {
    let application = apply(app, provider, purchaser, service_ids).await;
    let reply = app
        .post(
            &format!("/api/v1/applications/{application}/decision"),
            &purchaser.catalogue_manager.token,
            &json!({"approve": true}),
        )
        .await;
    let body = expect_status(&reply, 200, "approve application");
    assert_eq!(body["status"], "approved", "{body}");
    application
}

pub async fn apply(
    app: &TestApp,
    provider: &Provider,
    purchaser: &Purchaser,
    service_ids: &[&str],
) -> String {
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/applications", provider.id),
            &provider.staff.token,
            &json!({"purchaser_id": purchaser.id, "service_ids": service_ids}),
        )
        .await;
    let body = expect_status(&reply, 201, "apply for approval");
    assert_eq!(body["status"], "pending", "{body}");
    id_of(body)
}

pub fn offering_body(service_id: &str, unit_price: &str) -> Value {
    json!({
        "service_id": service_id,
        "title": {"fi": "Kotihoitoa Kalliossa", "sv": "Hemvård i Berghäll"},
        "description": {"fi": "Apua arkeen kotona.", "en": "Help at home."},
        "unit_price": unit_price,
        "municipalities": ["091", "049"],
        "languages": ["fi", "sv"],
        "accessibility": ["wheelchair", "plain_language"],
        "address": "Helsinginkatu 1, 00500 Helsinki",
        "location": {"lat": 60.1841, "lon": 24.9505},
    })
}

pub async fn offering(
    app: &TestApp,
    provider: &Provider,
    service_id: &str,
    unit_price: &str,
) -> String {
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", provider.id),
            &provider.staff.token,
            &offering_body(service_id, unit_price),
        )
        .await;
    id_of(expect_status(&reply, 201, "create offering"))
}

pub struct Client {
    pub id: String,
    pub name: String,
    pub personal_id: String,
    pub user: User,
}

/// A client who can sign in.
/// A client without an email address or account (as many are: the case worker acts on
/// paper); returns her id.
pub async fn client_without_account(app: &TestApp, purchaser: &Purchaser) -> String {
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/clients", purchaser.id),
            &purchaser.case_worker.token,
            &json!({
                "name": unique("Asiakas"),
                "personal_id": ids::personal_id(),
                "municipality": "091",
            }),
        )
        .await;
    id_of(expect_status(
        &reply,
        201,
        "create a client without an account",
    ))
}

pub async fn client(app: &TestApp, purchaser: &Purchaser) -> Client {
    let email = email("client");
    let name = unique("Asiakas");
    let personal_id = ids::personal_id();
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/clients", purchaser.id),
            &purchaser.case_worker.token,
            &json!({
                "name": name,
                "personal_id": personal_id,
                "municipality": "091",
                "email": email,
            }),
        )
        .await;
    let body = expect_status(&reply, 201, "create client");
    Client {
        id: id_of(body),
        name,
        personal_id,
        user: choose_password(app, &email).await,
    }
}

/// Chooses a password through the single-use link emailed to `email` (as a new client or
/// proxy does), then signs in with it.
pub async fn choose_password(app: &TestApp, email: &str) -> User {
    let token = app
        .account_link_token(email)
        .await
        .unwrap_or_else(|| panic!("no password link was emailed to {email}"));
    let reply = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            ANON,
            &json!({"token": token, "new_password": PASSWORD}),
        )
        .await;
    expect_status(&reply, 204, "choose a password through the emailed link");
    app.login(email, PASSWORD).await
}

/// A proxy holding a mandate for the client.
pub async fn proxy(app: &TestApp, purchaser: &Purchaser, client: &Client) -> User {
    let email = email("proxy");
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/proxies", client.id),
            &purchaser.case_worker.token,
            &json!({"name": unique("Omainen"), "email": email, "relation": "guardian"}),
        )
        .await;
    expect_status(&reply, 201, "create proxy");
    choose_password(app, &email).await
}

pub fn allocation_body(
    kind: &str,
    granted: &str,
    service_ids: &[&str],
    voucher_value: Option<&str>,
) -> Value {
    without_nulls(json!({
        "kind": kind,
        "granted": granted,
        "valid_from": day(-30),
        "valid_to": day(60),
        "service_ids": service_ids,
        "voucher_value": voucher_value,
    }))
}

/// Grants an allocation valid from 30 days ago to 60 days ahead; returns its body.
pub async fn allocation(
    app: &TestApp,
    purchaser: &Purchaser,
    client: &Client,
    body: &Value,
) -> Value {
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/allocations", client.id),
            &purchaser.case_worker.token,
            body,
        )
        .await;
    expect_status(&reply, 201, "grant allocation").clone()
}

pub async fn request_commitment(
    app: &TestApp,
    token: &str,
    allocation_id: &str,
    offering_id: &str,
    method: &str,
    reserve: Option<&str>,
) -> Reply {
    let mut body = json!({"offering_id": offering_id, "method": method});
    if let Some(reserve) = reserve {
        body["reserve"] = json!(reserve);
    }
    app.post(
        &format!("/api/v1/allocations/{allocation_id}/commitments"),
        token,
        &body,
    )
    .await
}

/// Requests a commitment and has the provider accept it; returns the commitment id.
pub async fn accepted_commitment(
    app: &TestApp,
    token: &str,
    allocation_id: &str,
    offering_id: &str,
    provider: &Provider,
    method: &str,
    reserve: Option<&str>,
) -> String {
    let reply = request_commitment(app, token, allocation_id, offering_id, method, reserve).await;
    let id = id_of(expect_status(&reply, 201, "request commitment"));
    let reply = app
        .act(
            &format!("/api/v1/commitments/{id}/accept"),
            &provider.staff.token,
        )
        .await;
    let body = expect_status(&reply, 200, "accept commitment");
    assert_eq!(body["status"], "accepted", "{body}");
    id
}

pub fn delivery_body(date: &str, quantity: &str, unit_price: &str, reference: &str) -> Value {
    json!({"date": date, "quantity": quantity, "unit_price": unit_price, "reference": reference})
}

pub async fn deliver(
    app: &TestApp,
    provider: &Provider,
    commitment_id: &str,
    body: &Value,
) -> Reply {
    app.post(
        &format!("/api/v1/commitments/{commitment_id}/deliveries"),
        &provider.staff.token,
        body,
    )
    .await
}

/// The usual small market: one purchaser with a voucher service (value 40.00, cap 60.00), one
/// approved provider offering it at 45.00, a client with a 1000.00 voucher allocation.
pub struct Market {
    pub admin: User,
    pub purchaser: Purchaser,
    pub service_id: String,
    pub provider: Provider,
    pub offering_id: String,
    pub client: Client,
    pub allocation_id: String,
}

impl Market {
    pub async fn build(app: &TestApp) -> Market {
        let admin = app.login_admin().await;
        let purchaser = purchaser(app, &admin).await;
        let service_id = service(app, &purchaser, &["voucher"], Some("40.00"), Some("60.00")).await;
        let provider = provider(app).await;
        approve(app, &provider, &purchaser, &[&service_id]).await;
        let offering_id = offering(app, &provider, &service_id, "45.00").await;
        let client = client(app, &purchaser).await;
        let allocation = allocation(
            app,
            &purchaser,
            &client,
            &allocation_body("voucher", "1000.00", &[&service_id], None),
        )
        .await;
        Market {
            admin,
            allocation_id: id_of(&allocation),
            purchaser,
            service_id,
            provider,
            offering_id,
            client,
        }
    }

    /// An accepted voucher commitment of the market's client, without reservation.
    pub async fn accepted_commitment(&self, app: &TestApp) -> String {
        accepted_commitment(
            app,
            &self.client.user.token,
            &self.allocation_id,
            &self.offering_id,
            &self.provider,
            "voucher",
            None,
        )
        .await
    }

    /// Case worker's view of the books.
    pub async fn books(&self, app: &TestApp) -> super::money::Balance {
        app.check_books(&self.purchaser.case_worker.token, &self.allocation_id)
            .await
    }
}

/// The purchaser's case worker opens late recording on a commitment until `until`, so its
/// provider may record deliveries older than the recording window (14 days by default).
pub async fn open_late_recording(
    app: &TestApp,
    purchaser: &Purchaser,
    commitment: &str,
    until: &str,
) {
    let reply = app
        .post(
            &format!("/api/v1/commitments/{commitment}/late-recording"),
            &purchaser.case_worker.token,
            &json!({"until": until, "reason": "Palveluntuottajan järjestelmä oli rikki."}),
        )
        .await;
    expect_status(&reply, 200, "open late recording");
}

/// A void with its reason, as the provider must give one.
pub async fn void(app: &TestApp, provider: &Provider, delivery: &str) -> Reply {
    app.post(
        &format!("/api/v1/deliveries/{delivery}/void"),
        &provider.staff.token,
        &json!({"reason": "Kirjattu virheellisesti."}),
    )
    .await
}
