//! The mixed load, from concurrent clients through the balancer for a fixed time:
//! searches, orders (commitments), deliveries with idempotency keys, reviews and catalogue
//! edits. What each delivery and review came to is kept in the [`Books`] for the checks.
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use reqwest::Method;
use serde_json::json;

use crate::api::{Api, text};
use crate::market::{self, Market, QUANTITY, UNIT_PRICE};

/// How long a client keeps repeating a request that is safe to repeat.
const PERSIST: Duration = Duration::from_secs(30);

/// What a delivery came to, as its provider's system would record it.
#[derive(Clone, Debug)]
pub enum Delivered {
    /// Acknowledged with 201 (or 200 for a repeat of the same reference): the id and the
    /// purchaser's share the answer gave.
    Acknowledged { id: String, purchaser_share: String },
    /// Refused with a 4xx and this error code (overdraw, say): must not be charged.
    Refused { status: u16, code: String },
    /// No definite answer even after repeating for [`PERSIST`].
    Unknown,
}

#[derive(Clone, Debug)]
pub struct DeliveryRecord {
    /// Larger than any voucher: must be refused as an overdraw.
    pub oversized: bool,
    pub provider: usize,
    pub client: usize,
    pub reference: String,
    pub result: Delivered,
}

#[derive(Default)]
pub struct Books {
    /// Accepted commitments: (id, provider, client).
    pub commitments: Vec<(String, usize, usize)>,
    pub deliveries: Vec<DeliveryRecord>,
    /// (client, provider) pairs reviewed, and reviews refused (with their status).
    pub reviewed: HashSet<(usize, usize)>,
    pub reviews_refused: Vec<u16>,
    pub settlements: Vec<u16>,
}

pub struct Load {
    pub api: Arc<Api>,
    pub market: Arc<Market>,
    pub books: Arc<Mutex<Books>>,
    /// The load stops after this long.
    pub run: Duration,
    /// A quantity worth more than any voucher holds: every tenth delivery asks for it, so
    /// that refusals happen at any pace.
    pub oversized: String,
}

fn pick<T: Clone>(items: &[T]) -> Option<T> {
    if items.is_empty() {
        return None;
    }
    let i = rand::thread_rng().gen_range(0..items.len());
    Some(items[i].clone())
}

impl Load {
    fn running(&self) -> bool {
        self.api.now() < self.run
    }

    /// Every task of the load; they end by themselves when the time is up.
    pub fn spawn(self: &Arc<Self>) -> Vec<tokio::task::JoinHandle<()>> {
        let mut tasks = Vec::new();
        for provider in 0..self.market.providers.len() {
            for lane in 0..2 {
                let load = Arc::clone(self);
                tasks.push(tokio::spawn(async move {
                    load.deliveries(provider, lane).await
                }));
            }
        }
        for _ in 0..3 {
            let load = Arc::clone(self);
            tasks.push(tokio::spawn(async move { load.searches().await }));
        }
        let load = Arc::clone(self);
        tasks.push(tokio::spawn(async move { load.orders().await }));
        let load = Arc::clone(self);
        tasks.push(tokio::spawn(async move { load.reviews().await }));
        let load = Arc::clone(self);
        tasks.push(tokio::spawn(async move { load.catalogue_edits().await }));
        tasks
    }

    /// One provider's system records deliveries one after another, each with its own
    /// reference (the idempotency key), repeating a request until it gets an answer.
    async fn deliveries(&self, provider: usize, lane: usize) {
        let token = self.market.providers[provider].token.clone();
        let mut n = 0;
        while self.running() {
            let mine: Vec<(String, usize, usize)> = {
                let books = self.books.lock().expect("books");
                books
                    .commitments
                    .iter()
                    .filter(|c| c.1 == provider)
                    .cloned()
                    .collect()
            };
            let Some((commitment, _, client)) = pick(&mine) else {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            };
            n += 1;
            let oversized = n % 10 == 0;
            let reference = format!("FO-{provider}-{lane}-{n}");
            let body = json!({
                "date": self.market.date,
                "quantity": if oversized { self.oversized.as_str() } else { QUANTITY },
                "unit_price": UNIT_PRICE,
                "reference": reference,
            });
            let path = format!("/api/v1/commitments/{commitment}/deliveries");
            let answer = self
                .api
                .until_answered(
                    "delivery",
                    Method::POST,
                    &path,
                    Some(&token),
                    Some(&body),
                    PERSIST,
                )
                .await;
            let result = match answer {
                Some((200 | 201, body)) => Delivered::Acknowledged {
                    id: text(&body, "id"),
                    purchaser_share: text(&body, "purchaser_share"),
                },
                Some((status, body)) => Delivered::Refused {
                    status,
                    code: text(&body["error"], "code"),
                },
                None => Delivered::Unknown,
            };
            self.books
                .lock()
                .expect("books")
                .deliveries
                .push(DeliveryRecord {
                    oversized,
                    provider,
                    client,
                    reference,
                    result,
                });
        }
    }

    async fn searches(&self) {
        const QUERIES: [&str; 6] = [
            "q=kotihoito",
            "q=kotihoitoa&municipality=091",
            "q=hemv%C3%A5rd&sort=rating",
            "q=kallio&sort=price",
            "service_placeholder",
            "q=kotihoito&sort=distance&lat=60.17&lon=24.94",
        ];
        while self.running() {
            let query = pick(&QUERIES).unwrap_or_default();
            let query = if query == "service_placeholder" {
                format!("service={}&per_page=50", self.market.service_id)
            } else {
                query.to_owned()
            };
            let path = format!("/api/v1/search?{query}");
            let _ = self
                .api
                .call("search", Method::GET, &path, None, None)
                .await;
        }
    }

    /// Clients order from random providers; each order is accepted by the provider.
    async fn orders(&self) {
        while self.running() {
            let (client, provider) = {
                let mut rng = rand::thread_rng();
                (
                    rng.gen_range(0..self.market.clients.len()),
                    rng.gen_range(0..self.market.providers.len()),
                )
            };
            let id = market::commitment(
                &self.api,
                "order",
                &self.market.clients[client],
                &self.market.providers[provider],
            )
            .await;
            if let Some(id) = id {
                self.books
                    .lock()
                    .expect("books")
                    .commitments
                    .push((id, provider, client));
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// A client who has had a delivery reviews the offering, once.
    async fn reviews(&self) {
        while self.running() {
            let candidate = {
                let books = self.books.lock().expect("books");
                books
                    .deliveries
                    .iter()
                    .filter(|d| matches!(d.result, Delivered::Acknowledged { .. }))
                    .map(|d| (d.client, d.provider))
                    .find(|pair| !books.reviewed.contains(pair))
            };
            let Some((client, provider)) = candidate else {
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            };
            let stars = rand::thread_rng().gen_range(1..=5);
            let body =
                json!({"stars": stars, "text": "Hoitaja tuli ajallaan ja oli ystävällinen."});
            let path = format!(
                "/api/v1/offerings/{}/reviews",
                self.market.providers[provider].offering_id
            );
            let token = &self.market.clients[client].token;
            let answer = self
                .api
                .until_answered(
                    "review",
                    Method::POST,
                    &path,
                    Some(token),
                    Some(&body),
                    PERSIST,
                )
                .await;
            let mut books = self.books.lock().expect("books");
            books.reviewed.insert((client, provider));
            match answer {
                // 409 review_exists: the first try was written but its answer was lost.
                Some((201, _)) => {}
                Some((409, body)) if text(&body["error"], "code") == "review_exists" => {}
                Some((status, _)) => books.reviews_refused.push(status),
                None => books.reviews_refused.push(0),
            }
        }
    }

    /// One provider keeps editing its catalogue: new titles, new offerings, archived ones,
    /// so the index has changes to follow while an instance dies.
    async fn catalogue_edits(&self) {
        let editor = &self.market.editor;
        let mut offerings = vec![editor.offering_id.clone()];
        let mut n = 0;
        while self.running() {
            n += 1;
            if n % 5 == 0 {
                let body = market::offering_body(
                    &self.market.service_id,
                    &format!("Kotihoitoa Vallilassa {n}"),
                );
                let path = format!("/api/v1/providers/{}/offerings", editor.id);
                if let Ok((201, created)) = self
                    .api
                    .call(
                        "edit",
                        Method::POST,
                        &path,
                        Some(&editor.token),
                        Some(&body),
                    )
                    .await
                {
                    offerings.push(text(&created, "id"));
                }
            } else if n % 7 == 0 && offerings.len() > 1 {
                let id = offerings.remove(1);
                let path = format!("/api/v1/offerings/{id}");
                let _ = self
                    .api
                    .until_answered(
                        "edit",
                        Method::DELETE,
                        &path,
                        Some(&editor.token),
                        None,
                        PERSIST,
                    )
                    .await;
            } else if let Some(id) = pick(&offerings) {
                let body = json!({"title": {"fi": format!("Kotihoitoa Vallilassa, versio {n}")}});
                let path = format!("/api/v1/offerings/{id}");
                let _ = self
                    .api
                    .until_answered(
                        "edit",
                        Method::PATCH,
                        &path,
                        Some(&editor.token),
                        Some(&body),
                        PERSIST,
                    )
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Finance settles the month (safe to repeat: a second run invoices nothing twice).
    pub async fn settle(&self) -> Option<u16> {
        let path = format!(
            "/api/v1/purchasers/{}/settlements",
            self.market.purchaser_id
        );
        let body = json!({"month": self.market.month});
        let answer = self
            .api
            .until_answered(
                "settlement",
                Method::POST,
                &path,
                Some(&self.market.finance),
                Some(&body),
                PERSIST,
            )
            .await
            .map(|(status, _)| status);
        self.books
            .lock()
            .expect("books")
            .settlements
            .push(answer.unwrap_or(0));
        answer
    }
}
