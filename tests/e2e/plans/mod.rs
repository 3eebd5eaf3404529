//! Personal budget plans (issue #17): from a need to a decision within three months, the
//! support plan in the client's words, goals that are followed, the estimate to the cent,
//! the caseload, the spending pace, and who may see a plan.
mod access;
mod bad_input;
mod browser;
mod caseload;
mod close;
mod estimate;
mod links;
mod one_draft;
mod pace;
mod pages;
mod path;
mod report;

use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{Reply, User, expect_status, id_of},
    fixtures::{self, Client, Provider, Purchaser},
};

/// A purchaser with a home-care service priced by reference at 33.33 € an hour (paid by
/// payment commitment, as a personal budget is), a provider offering it at 30.00 €, and a
/// client with a proxy.
pub struct Setting {
    pub admin: User,
    pub purchaser: Purchaser,
    pub service_id: String,
    pub provider: Provider,
    pub offering_id: String,
    pub client: Client,
    pub proxy: User,
}

impl Setting {
    pub async fn build(app: &TestApp) -> Setting {
        let admin = app.login_admin().await;
        let purchaser = fixtures::purchaser(app, &admin).await;
        let service_id = priced_service(app, &purchaser, Some("33.33")).await;
        let provider = fixtures::provider(app).await;
        fixtures::approve(app, &provider, &purchaser, &[&service_id]).await;
        let offering_id = fixtures::offering(app, &provider, &service_id, "30.00").await;
        let client = fixtures::client(app, &purchaser).await;
        let proxy = fixtures::proxy(app, &purchaser, &client).await;
        Setting {
            admin,
            purchaser,
            service_id,
            provider,
            offering_id,
            client,
            proxy,
        }
    }

    pub fn case_worker(&self) -> &str {
        &self.purchaser.case_worker.token
    }

    /// Opens a plan for the client; returns its body.
    pub async fn open_plan(&self, app: &TestApp, need: &str) -> Value {
        let reply = open_plan(app, self.case_worker(), &self.client.id, need).await;
        expect_status(&reply, 201, "open a plan").clone()
    }

    /// Opens a plan for a new client of the purchaser (a client has one draft at a time);
    /// returns its body.
    pub async fn open_plan_for_another_client(&self, app: &TestApp, need: &str) -> Value {
        let client = fixtures::client_without_account(app, &self.purchaser).await;
        let reply = open_plan(app, self.case_worker(), &client, need).await;
        expect_status(&reply, 201, "open a plan").clone()
    }

    /// The plan as the case worker reads it.
    pub async fn plan(&self, app: &TestApp, plan: &str) -> Value {
        let reply = app
            .get(&format!("/api/v1/plans/{plan}"), self.case_worker())
            .await;
        expect_status(&reply, 200, "read the plan").clone()
    }

    /// Adds a budget line as the case worker.
    pub async fn line(&self, app: &TestApp, plan: &str, body: Value) -> Value {
        let reply = add_line(app, self.case_worker(), plan, &body).await;
        expect_status(&reply, 201, "add a budget line").clone()
    }

    /// Tries to decide the plan again (for a year from today).
    pub async fn decide_reply(&self, app: &TestApp, plan: &str) -> Reply {
        let body = decision_body(
            &crate::harness::fixtures::day(0),
            &crate::harness::fixtures::day(364),
        );
        decide(app, self.case_worker(), plan, &body).await
    }

    /// Decides the plan as a personal budget over the given days; returns the answer.
    pub async fn decide(&self, app: &TestApp, plan: &str, from: &str, to: &str) -> Value {
        let reply = decide(app, self.case_worker(), plan, &decision_body(from, to)).await;
        expect_status(&reply, 201, "decide the plan").clone()
    }
}

/// A catalogue entry paid by payment commitment, with a reference price or none.
pub async fn priced_service(
    app: &TestApp,
    purchaser: &Purchaser,
    reference: Option<&str>,
) -> String {
    let mut body = fixtures::service_body(&["payment_commitment"], None, None);
    if let Some(price) = reference {
        body["reference_price"] = json!(price);
    }
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", purchaser.id),
            &purchaser.catalogue_manager.token,
            &body,
        )
        .await;
    id_of(expect_status(&reply, 201, "create a priced service"))
}

pub async fn open_plan(app: &TestApp, token: &str, client: &str, need: &str) -> Reply {
    app.post(
        &format!("/api/v1/clients/{client}/plans"),
        token,
        &json!({"need_identified_on": need}),
    )
    .await
}

pub async fn put_answers(app: &TestApp, token: &str, plan: &str, answers: Value) -> Reply {
    app.send(
        reqwest::Method::PUT,
        &format!("/api/v1/plans/{plan}/answers"),
        token,
        Some(&json!({"answers": answers})),
    )
    .await
}

pub async fn add_goal(app: &TestApp, token: &str, plan: &str, body: &Value) -> Reply {
    app.post(&format!("/api/v1/plans/{plan}/goals"), token, body)
        .await
}

pub async fn evaluate(app: &TestApp, token: &str, goal: &str, body: &Value) -> Reply {
    app.post(&format!("/api/v1/goals/{goal}/evaluations"), token, body)
        .await
}

pub async fn add_line(app: &TestApp, token: &str, plan: &str, body: &Value) -> Reply {
    app.post(&format!("/api/v1/plans/{plan}/budget-lines"), token, body)
        .await
}

pub fn decision_body(from: &str, to: &str) -> Value {
    json!({"kind": "personal_budget", "valid_from": from, "valid_to": to})
}

pub async fn decide(app: &TestApp, token: &str, plan: &str, body: &Value) -> Reply {
    app.post(&format!("/api/v1/plans/{plan}/decision"), token, body)
        .await
}

/// `YYYY-MM-DD` of a date.
pub fn ymd(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
