//! The small market the load runs on, made through the public API like any other: one
//! purchaser with a voucher service, providers with an offering each and bank details,
//! clients with a voucher, and an accepted commitment between every client and provider.
//! One more provider only edits its catalogue, so the index has changes to follow.
use reqwest::Method;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use valinta::db::entities::email;

use crate::api::{Api, text};
use crate::cluster::ADMIN;
use crate::ids;

const PASSWORD: &str = "failover rehearsal password";
/// Each delivery is half an hour at 45.00: the voucher pays 20.00, the client 2.50.
pub const UNIT_PRICE: &str = "45.00";
pub const QUANTITY: &str = "0.5";

pub struct Provider {
    pub id: String,
    pub token: String,
    pub offering_id: String,
}

pub struct Client {
    pub token: String,
    pub allocation_id: String,
}

pub struct Market {
    pub purchaser_id: String,
    pub finance: String,
    pub service_id: String,
    pub providers: Vec<Provider>,
    /// The provider whose catalogue changes during the load (nobody orders from it).
    pub editor: Provider,
    pub clients: Vec<Client>,
    /// The deliveries' date (today in Finland) and the month settled.
    pub date: String,
    pub month: String,
}

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    )
}

async fn login(api: &Api, email: &str, password: &str) -> String {
    let body = json!({"email": email, "password": password});
    let answer = api
        .expect(Method::POST, "/api/v1/auth/login", None, Some(&body), 200)
        .await;
    text(&answer, "token")
}

async fn staff(api: &Api, admin: &str, purchaser: &str, role: &str) -> String {
    let email = format!("{}@failover.valinta.test", unique(role));
    let body =
        json!({"email": email, "password": PASSWORD, "name": unique("Staff"), "roles": [role]});
    let path = format!("/api/v1/purchasers/{purchaser}/staff");
    api.expect(Method::POST, &path, Some(admin), Some(&body), 201)
        .await;
    login(api, &email, PASSWORD).await
}

pub fn offering_body(service_id: &str, title: &str) -> Value {
    json!({
        "service_id": service_id,
        "title": {"fi": title, "sv": "Hemvård i Berghäll"},
        "description": {"fi": "Apua arkeen kotona.", "en": "Help at home."},
        "unit_price": UNIT_PRICE,
        "municipalities": ["091", "049"],
        "languages": ["fi", "sv"],
        "accessibility": ["wheelchair"],
        "address": "Helsinginkatu 1, 00500 Helsinki",
        "location": {"lat": 60.1841, "lon": 24.9505},
    })
}

async fn provider(api: &Api, market: &Partial, title: &str) -> Provider {
    let email = format!("{}@failover.valinta.test", unique("provider"));
    let body = json!({
        "name": unique("Hoivapalvelu Oy"),
        "business_id": ids::business_id(),
        "email": email,
        "password": PASSWORD,
        "phone": "+358401234567",
    });
    let created = api
        .expect(Method::POST, "/api/v1/providers", None, Some(&body), 201)
        .await;
    let id = text(&created, "id");
    let token = login(api, &email, PASSWORD).await;
    let path = format!("/api/v1/providers/{id}/applications");
    let body = json!({"purchaser_id": market.purchaser_id, "service_ids": [market.service_id]});
    let application = api
        .expect(Method::POST, &path, Some(&token), Some(&body), 201)
        .await;
    let path = format!("/api/v1/applications/{}/decision", text(&application, "id"));
    api.expect(
        Method::POST,
        &path,
        Some(&market.catalogue_manager),
        Some(&json!({"approve": true})),
        200,
    )
    .await;
    let bank = json!({"iban": "FI2112345600000785", "bic": "NDEAFIHH"});
    api.expect(
        Method::PATCH,
        &format!("/api/v1/providers/{id}"),
        Some(&token),
        Some(&bank),
        200,
    )
    .await;
    let path = format!("/api/v1/providers/{id}/offerings");
    let body = offering_body(&market.service_id, title);
    let offering = api
        .expect(Method::POST, &path, Some(&token), Some(&body), 201)
        .await;
    Provider {
        id,
        token,
        offering_id: text(&offering, "id"),
    }
}

/// The single-use link emailed to a new client, read from the outbox as the mail server
/// receives it; the client chooses a password through it.
async fn choose_password(api: &Api, db: &DatabaseConnection, address: &str) -> String {
    let rows = email::Entity::find()
        .filter(email::Column::Address.eq(address))
        .order_by_desc(email::Column::CreatedAt)
        .all(db)
        .await
        .expect("read the email outbox");
    let link_token = rows
        .iter()
        .filter_map(|r| r.payload["link"].as_str())
        .find_map(|link| link.split_once("token=").map(|(_, t)| t.to_owned()))
        .unwrap_or_else(|| panic!("no password link was emailed to {address}"));
    let body = json!({"token": link_token, "new_password": PASSWORD});
    api.expect(
        Method::POST,
        "/api/v1/auth/password-reset/confirm",
        None,
        Some(&body),
        204,
    )
    .await;
    login(api, address, PASSWORD).await
}

async fn client(api: &Api, db: &DatabaseConnection, market: &Partial, granted: &str) -> Client {
    let address = format!("{}@failover.valinta.test", unique("client"));
    let body = json!({
        "name": unique("Asiakas"),
        "personal_id": ids::personal_id(),
        "municipality": "091",
        "email": address,
    });
    let path = format!("/api/v1/purchasers/{}/clients", market.purchaser_id);
    let created = api
        .expect(
            Method::POST,
            &path,
            Some(&market.case_worker),
            Some(&body),
            201,
        )
        .await;
    let id = text(&created, "id");
    let token = choose_password(api, db, &address).await;
    let body = json!({
        "kind": "voucher",
        "granted": granted,
        "valid_from": market.day(-30),
        "valid_to": market.day(60),
        "service_ids": [market.service_id],
    });
    let allocation = api
        .expect(
            Method::POST,
            &format!("/api/v1/clients/{id}/allocations"),
            Some(&market.case_worker),
            Some(&body),
            201,
        )
        .await;
    Client {
        token,
        allocation_id: text(&allocation, "id"),
    }
}

/// What the set-up has made so far.
struct Partial {
    purchaser_id: String,
    catalogue_manager: String,
    case_worker: String,
    service_id: String,
    today: chrono::NaiveDate,
}

impl Partial {
    fn day(&self, offset: i64) -> String {
        (self.today + chrono::Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string()
    }
}

/// A commitment requested by the client and accepted by the provider; its id.
pub async fn commitment(
    api: &Api,
    kind: &'static str,
    client: &Client,
    provider: &Provider,
) -> Option<String> {
    let path = format!("/api/v1/allocations/{}/commitments", client.allocation_id);
    let body = json!({"offering_id": provider.offering_id, "method": "voucher"});
    let (status, created) = api
        .call(kind, Method::POST, &path, Some(&client.token), Some(&body))
        .await
        .ok()?;
    if status != 201 {
        return None;
    }
    let id = text(&created, "id");
    // Accepting twice is refused, never doubled: safe to repeat after a lost answer.
    let path = format!("/api/v1/commitments/{id}/accept");
    let (status, _) = api
        .until_answered(
            kind,
            Method::POST,
            &path,
            Some(&provider.token),
            Some(&json!({})),
            std::time::Duration::from_secs(20),
        )
        .await?;
    (status == 200 || status == 409).then_some(id)
}

impl Market {
    pub async fn build(
        api: &Api,
        db: &DatabaseConnection,
        providers: usize,
        clients: usize,
        granted: &str,
    ) -> Market {
        let admin = login(api, ADMIN.0, ADMIN.1).await;
        let body = json!({
            "name": unique("Hyvinvointialue"),
            "business_id": ids::business_id(),
            "municipalities": ["091", "049", "092"],
        });
        let purchaser = api
            .expect(
                Method::POST,
                "/api/v1/purchasers",
                Some(&admin),
                Some(&body),
                201,
            )
            .await;
        let purchaser_id = text(&purchaser, "id");
        let catalogue_manager = staff(api, &admin, &purchaser_id, "catalogue_manager").await;
        let case_worker = staff(api, &admin, &purchaser_id, "case_worker").await;
        let finance = staff(api, &admin, &purchaser_id, "finance").await;
        let body = json!({
            "code": unique("KOTIHOITO").to_uppercase(),
            "name": {"fi": "Kotihoito", "sv": "Hemvård", "en": "Home care"},
            "unit": "hour",
            "social_care": true,
            "methods": ["voucher"],
            "voucher_value": "40.00",
            "price_cap": "60.00",
        });
        let path = format!("/api/v1/purchasers/{purchaser_id}/services");
        let service = api
            .expect(
                Method::POST,
                &path,
                Some(&catalogue_manager),
                Some(&body),
                201,
            )
            .await;
        let today = chrono::Utc::now()
            .with_timezone(&chrono_tz::Europe::Helsinki)
            .date_naive();
        let partial = Partial {
            purchaser_id,
            catalogue_manager,
            case_worker,
            service_id: text(&service, "id"),
            today,
        };
        let mut made = Vec::new();
        for i in 0..providers {
            made.push(provider(api, &partial, &format!("Kotihoitoa Kalliossa {i}")).await);
        }
        let editor = provider(api, &partial, "Kotihoitoa Vallilassa").await;
        let mut people = Vec::new();
        for _ in 0..clients {
            people.push(client(api, db, &partial, granted).await);
        }
        Market {
            date: partial.day(0),
            month: today.format("%Y-%m").to_string(),
            purchaser_id: partial.purchaser_id,
            finance,
            service_id: partial.service_id,
            providers: made,
            editor,
            clients: people,
        }
    }
}
