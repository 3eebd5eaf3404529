//! Walks a signed-in person's pages, link by link, and submits each kind of form once.
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use reqwest::{StatusCode, header};

use super::forms::{self, Form};
use crate::harness::{Backend, TestApp, form_session::FormSession};

/// Pages a walk may visit: the person's own areas. Files, the language switch and the
/// public search (its links are endless filters) are left out.
const AREAS: [&str; 8] = [
    "/start",
    "/provider",
    "/purchaser",
    "/my",
    "/admin",
    "/settings",
    "/offerings/",
    "/reviews/",
];
const MAX_PAGES: usize = 200;

/// Actions that are not a single act to post as found: signing out ends the walk (it is
/// posted last), the delivery file upload takes a file (its report is the answer to the
/// post; a resent file is recognised row by row and records nothing twice).
const NOT_WALKED: [&str; 2] = ["/signout", "/provider/deliveries/upload"];

pub struct Walker<'a> {
    app: &'a TestApp,
    session: FormSession,
    /// Kinds of form already posted (their action with ids replaced), with the answer.
    pub posted: BTreeMap<String, u16>,
    pub problems: Vec<String>,
    /// Kinds of form refused so far (a rule said no, as to a person): tried again on the
    /// next page that has one, at most eight times.
    refused: BTreeMap<String, (usize, String)>,
}

/// `/provider/offerings/1f0c…/archive?x=1` → `/provider/offerings/{id}/archive`.
fn shape(path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    path.split('/')
        .map(|part| {
            if part.len() >= 32 && part.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
                "{id}"
            } else if !part.is_empty() && part.chars().all(|c| c.is_ascii_digit() || c == '-') {
                "{n}"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .filter(|href| AREAS.iter().any(|a| href.starts_with(a)))
        .filter(|href| {
            !href.contains("lang=") && !href.ends_with(".csv") && !href.ends_with(".xml")
        })
        .filter(|href| !href.starts_with("/admin/emails/outbox"))
        .collect()
}

/// A value for a required field left empty, by the field's name: what a person would
/// type there.
fn fill(name: &str, unique: usize) -> String {
    match name {
        "site" => format!("Toimipiste {unique}"),
        "quantity" => "1".into(),
        "granted" | "voucher_value" => "100,00".into(),
        "unit_price" | "price" => "20,00".into(),
        "personal_id" => crate::harness::ids::personal_id(),
        "until" | "date" => crate::harness::fixtures::day(7),
        "email" => format!("walk{unique}@example.fi"),
        "name" | "client_name" | "proxy_name" => format!("Testi Henkilö {unique}"),
        "new_password" | "password" | "password_again" | "new_password_again" => {
            "uusi-salasana-123".into()
        }
        "current_password" => "demo-salasana".into(),
        _ => format!("Tarkistettu {unique}."),
    }
}

impl<'a> Walker<'a> {
    pub async fn new(app: &'a TestApp, email: &str) -> Walker<'a> {
        let user = app.login(email, "demo-salasana").await;
        Walker {
            app,
            session: FormSession::new(app, Some(&user.token)).await,
            posted: BTreeMap::new(),
            refused: BTreeMap::new(),
            problems: Vec::new(),
        }
    }

    async fn get(&self, path: &str) -> (StatusCode, Option<String>, String) {
        let reply = self
            .session
            .http
            .get(self.app.url(path))
            .header(header::COOKIE, &self.session.cookie)
            .send()
            .await
            .expect("get page");
        let status = reply.status();
        let location = reply
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned);
        (status, location, reply.text().await.unwrap_or_default())
    }

    /// Visits the person's pages from `start` and posts each kind of form found once.
    pub async fn walk(&mut self, start: &str) {
        let mut queue = VecDeque::from([start.to_owned()]);
        let mut seen = BTreeSet::from([start.to_owned()]);
        let mut shapes: BTreeMap<String, usize> = BTreeMap::new();
        let mut visited = 0;
        while let Some(path) = queue.pop_front() {
            if visited >= MAX_PAGES {
                break;
            }
            let count = shapes.entry(shape(&path)).or_default();
            *count += 1;
            if *count > 4 {
                continue;
            }
            visited += 1;
            let (status, _, html) = self.get(&path).await;
            if status.is_server_error() {
                self.problems.push(format!("GET {path}: {status}"));
            }
            if status != StatusCode::OK {
                continue;
            }
            for form in forms::post_forms(&html) {
                self.post(&path, form).await;
            }
            for link in links(&html) {
                if seen.insert(link.clone()) {
                    queue.push_back(link);
                }
            }
        }
    }

    /// Forms that no page let through (a rule refused each try, answered on the form as a
    /// person would see it): not a broken redirect, but said in the failure message so a
    /// walk that reaches too few forms can be read.
    pub fn refused(&self) -> Vec<String> {
        self.refused.values().map(|(_, p)| p.clone()).collect()
    }

    async fn post(&mut self, page: &str, form: Form) {
        let kind = shape(&form.action);
        let tries = self.refused.get(&kind).map_or(0, |(n, _)| *n);
        if self.posted.contains_key(&kind) || tries >= 8 || NOT_WALKED.iter().any(|n| kind == *n) {
            return;
        }
        let unique = self.posted.len();
        let mut fields = form.fields.clone();
        for (name, value) in &mut fields {
            let suggested = form.suggested.iter().find(|(n, _)| n == name);
            // An email is asked for where another way to reach the person is optional.
            if form.required_empty.contains(name) || (name == "email" && value.is_empty()) {
                *value = match suggested {
                    Some((_, first)) => first.clone(),
                    None => fill(name, unique),
                };
            }
        }
        // A group of boxes with none ticked (services to apply for, say): tick the first.
        for (name, value) in &form.unchecked {
            if !fields.iter().any(|(n, _)| n == name) {
                fields.push((name.clone(), value.clone()));
            }
        }
        for (name, values) in &form.radios {
            if !fields.iter().any(|(n, _)| n == name) {
                fields.push((name.clone(), values[0].clone()));
            }
        }
        // Of several named buttons the act, not a "check first" step.
        if let Some(button) = form
            .buttons
            .iter()
            .rev()
            .find(|(_, v)| v != "check")
            .or(form.buttons.first())
        {
            fields.push(button.clone());
        }
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let reply = self
            .session
            .http
            .post(self.app.url(&form.action))
            .header(header::COOKIE, &self.session.cookie)
            .form(&pairs)
            .send()
            .await
            .expect("post form");
        let status = reply.status();
        let location = reply
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned);
        let body = reply.text().await.unwrap_or_default();
        // A confirmation step (nothing written yet) answers with a page whose form posts
        // to the same place with the act's button: that second post is the act.
        if status == StatusCode::OK
            && let Some(confirm) = forms::post_forms(&body)
                .into_iter()
                .find(|f| f.action == form.action && f.buttons.iter().any(|(_, v)| v == "confirm"))
        {
            let pairs: Vec<(String, String)> = confirm
                .fields
                .iter()
                .cloned()
                .chain([("step".to_owned(), "confirm".to_owned())])
                .collect();
            let reply = self
                .session
                .http
                .post(self.app.url(&form.action))
                .header(header::COOKIE, &self.session.cookie)
                .form(&pairs)
                .send()
                .await
                .expect("post the confirmation");
            return self
                .answered(page, &form.action, &kind, &pairs, reply)
                .await;
        }
        self.check(page, &form.action, &kind, &fields, status, location, body)
            .await;
    }

    async fn answered(
        &mut self,
        page: &str,
        action: &str,
        kind: &str,
        fields: &[(String, String)],
        reply: reqwest::Response,
    ) {
        let status = reply.status();
        let location = reply
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned);
        let body = reply.text().await.unwrap_or_default();
        self.check(page, action, kind, fields, status, location, body)
            .await;
    }

    #[allow(clippy::too_many_arguments)]
    async fn check(
        &mut self,
        page: &str,
        action: &str,
        kind: &str,
        fields: &[(String, String)],
        status: StatusCode,
        location: Option<String>,
        body: String,
    ) {
        if status != StatusCode::SEE_OTHER {
            let alert = body
                .split("role=\"alert\"")
                .nth(1)
                .map(|a| a.chars().take(300).collect::<String>())
                .unwrap_or_default();
            let problem = format!(
                "POST {action} (form on {page}, fields {fields:?}): {status}, not 303 {alert}"
            );
            if status == StatusCode::OK && !alert.is_empty() {
                let entry = self.refused.entry(kind.to_owned()).or_default();
                *entry = (entry.0 + 1, problem);
            } else {
                self.posted.insert(kind.to_owned(), status.as_u16());
                self.problems.push(problem);
            }
            return;
        }
        self.refused.remove(kind);
        self.posted.insert(kind.to_owned(), status.as_u16());
        let Some(to) = location else {
            self.problems
                .push(format!("POST {action}: 303 without a Location"));
            return;
        };
        let (after, _, _) = self.get(&to).await;
        if after != StatusCode::OK {
            self.problems
                .push(format!("POST {action} → {to}: the page answers {after}"));
        }
    }
}

/// Every role's forms, walked on the demo data: each success is a 303 to a page.
async fn every_portal_form_answers_303_to_a_page(backend: Backend) {
    let app = TestApp::spawn_with(backend, &["--demo"]).await;
    let mut posted: BTreeMap<String, u16> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut refused = Vec::new();
    // Clients first: the staff's walk ends a proxy's mandate and deactivates accounts.
    for (email, start) in [
        ("aino@demo.valinta.fi", "/my"),
        ("liisa@demo.valinta.fi", "/my"),
        ("kielo@demo.valinta.fi", "/start"),
        ("sosiaalityo@demo.valinta.fi", "/start"),
        ("palveluvalikoima@demo.valinta.fi", "/start"),
        ("talous@demo.valinta.fi", "/start"),
        ("moderointi@demo.valinta.fi", "/start"),
        ("admin@demo.valinta.fi", "/start"),
    ] {
        let mut walker = Walker::new(&app, email).await;
        walker.walk(start).await;
        refused.extend(walker.refused());
        for (kind, status) in walker.posted {
            posted.entry(kind).or_insert(status);
        }
        problems.extend(walker.problems.into_iter().map(|p| format!("{email}: {p}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The walk reached the forms that move money or end something, and the rest.
    for kind in [
        "/provider/api-keys",
        "/provider/commitments/{id}/deliver",
        "/purchaser/clients/{id}/allocations",
        "/purchaser/clients/{id}/mandates/{id}/revoke",
        "/admin/users/{id}/active",
        "/purchaser/settlement",
        "/my/commitments/{id}/end",
    ] {
        assert!(
            posted.contains_key(kind),
            "{kind} was not reached: {posted:?}"
        );
    }
    assert!(
        posted.len() >= 30,
        "only {} kinds of form: {posted:?}",
        posted.len()
    );
}

db_test!(backend every_portal_form_answers_303_to_a_page);
