//! The portal over plain HTTP, without a browser: a browser id cookie, a CSRF token for it,
//! and optionally a session, for posting forms as the portal's pages do.
use reqwest::header;

use super::TestApp;

/// A browser as the portal sees it: its id cookie, a CSRF token for it, and optionally a
/// session (the sign-in cookie carries the same token as the API's bearer header).
pub struct FormSession {
    pub http: reqwest::Client,
    pub cookie: String,
    pub csrf: String,
}

impl FormSession {
    pub async fn new(app: &TestApp, session: Option<&str>) -> FormSession {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .expect("client");
        let page = http
            .get(app.url("/signin"))
            .send()
            .await
            .expect("sign-in page");
        let browser = page
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("valinta_browser="))
            .and_then(|c| c.split(';').next())
            .expect("a browser cookie")
            .to_owned();
        let html = page.text().await.expect("html");
        let csrf = html
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a csrf field")
            .to_owned();
        let cookie = match session {
            Some(token) => format!("{browser}; valinta_session={token}"),
            None => browser,
        };
        FormSession { http, cookie, csrf }
    }

    pub async fn get(&self, app: &TestApp, path: &str) -> (u16, String) {
        let reply = self
            .http
            .get(app.url(path))
            .header(header::COOKIE, &self.cookie)
            .send()
            .await
            .expect("get page");
        let status = reply.status().as_u16();
        (status, reply.text().await.unwrap_or_default())
    }

    /// Posts a form; `with_token` adds this browser's CSRF token.
    pub async fn post(
        &self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
        with_token: bool,
    ) -> (u16, String) {
        let reply = self.send_form(app, path, fields, with_token).await;
        let status = reply.status().as_u16();
        (status, reply.text().await.unwrap_or_default())
    }

    /// Posts a form with this browser's CSRF token; returns the status and where it
    /// redirects (empty when it does not).
    pub async fn post_for_location(
        &self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String) {
        let reply = self.send_form(app, path, fields, true).await;
        let location = reply
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (reply.status().as_u16(), location)
    }

    async fn send_form(
        &self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
        with_token: bool,
    ) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        if with_token {
            form.push(("csrf", self.csrf.as_str()));
        }
        self.http
            .post(app.url(path))
            .header(header::COOKIE, &self.cookie)
            .form(&form)
            .send()
            .await
            .expect("post form")
    }
}
