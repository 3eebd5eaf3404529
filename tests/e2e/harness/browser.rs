//! A real headless Chromium driven over WebDriver (chromedriver), for the portal's tests:
//! pages are opened, filled in and clicked as a user would, checked with axe-core, and
//! photographed at desktop and phone width.
//!
//! Needs `/usr/bin/chromium`, `/usr/bin/chromedriver` and axe-core (`VALINTA_AXE_JS`, the
//! path of `axe.min.js`); `.ci/run` installs all three and sets `VALINTA_REQUIRE_BROWSER=1`,
//! so in CI a missing browser fails the run. Elsewhere the browser tests say they were
//! skipped and pass.
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator, elements::Element, key::Key};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tokio::sync::{Semaphore, SemaphorePermit};

use super::TestApp;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Two cores: more than two browsers at once only makes every test slower.
static BROWSERS: Semaphore = Semaphore::const_new(2);

pub struct Browser {
    pub client: Client,
    base_url: String,
    driver: Child,
    _permit: SemaphorePermit<'static>,
    _profile: tempfile::TempDir,
}

/// Where screenshots go: `VALINTA_SCREENSHOT_DIR`, else `target/screenshots`.
pub fn screenshot_dir() -> PathBuf {
    std::env::var_os("VALINTA_SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
            target.join("screenshots")
        })
}

fn axe_source() -> Option<String> {
    let path = std::env::var("VALINTA_AXE_JS").ok()?;
    std::fs::read_to_string(path).ok()
}

fn required() -> bool {
    std::env::var("VALINTA_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

impl Browser {
    /// A fresh browser (own profile, no cookies) pointed at this app, or `None` when this
    /// machine has no browser and the run does not require one.
    pub async fn open(app: &TestApp) -> Option<Browser> {
        Self::open_speaking(app, "fi-FI,fi").await
    }

    /// A fresh browser whose `Accept-Language` is `languages` (the portal follows it on
    /// a first visit; `open` is a Finnish browser, so pages start in Finnish).
    pub async fn open_speaking(app: &TestApp, languages: &str) -> Option<Browser> {
        let available = std::path::Path::new(CHROMIUM).exists()
            && std::path::Path::new(CHROMEDRIVER).exists()
            && axe_source().is_some();
        if !available {
            assert!(
                !required(),
                "VALINTA_REQUIRE_BROWSER=1 but chromium, chromedriver or axe-core (VALINTA_AXE_JS) is missing"
            );
            eprintln!(
                "SKIPPED: browser test needs chromium, chromedriver and VALINTA_AXE_JS (run .ci/run)"
            );
            return None;
        }
        let permit = BROWSERS.acquire().await.expect("browser gate");
        let port = free_port();
        // Its own process group, so that the browser processes it starts can be killed
        // with it even when a test panics (killing chromedriver alone orphans them).
        let driver = Command::new(CHROMEDRIVER)
            .process_group(0)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("browser profile dir");
        let caps = json!({
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                    format!("--lang={}", languages.split(',').next().unwrap_or("fi")),
                    format!("--accept-lang={languages}"),
                ],
                "prefs": { "intl.accept_languages": languages }
            }
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let mut client = None;
        for _ in 0..100 {
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            if let Ok(c) = attempt {
                client = Some(c);
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let client = client.expect("connect to chromedriver");
        // Browsers treat localhost as a secure origin, so the portal's Secure cookies work
        // over plain HTTP in tests.
        let base_url = app.base_url.replace("127.0.0.1", "localhost");
        Some(Browser {
            client,
            base_url,
            driver,
            _permit: permit,
            _profile: profile,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&self.url(path))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    pub async fn find(&self, css: &str) -> Element {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => {
                let path = self.path().await;
                let body = self.text("main").await;
                panic!("no {css} on {path}: {e}\n--- page ---\n{body}")
            }
        }
    }

    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    pub async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("clear field");
        field.send_keys(value).await.expect("type into field");
    }

    pub async fn select(&self, css: &str, value: &str) {
        self.find(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Follows the link or presses the button whose visible text contains `text`.
    pub async fn go_text(&self, text: &str) {
        self.client
            .execute("window.__valinta_before_click = true", vec![])
            .await
            .expect("mark page");
        let xpath = format!(
            "//*[self::a or self::button][contains(normalize-space(.), {})]",
            xpath_literal(text)
        );
        match self.client.find(Locator::XPath(&xpath)).await {
            Ok(e) => {
                e.click()
                    .await
                    .unwrap_or_else(|e| panic!("click {text:?}: {e}"));
                self.wait_for_new_page().await;
            }
            Err(e) => {
                let path = self.path().await;
                let body = self.text("body").await;
                panic!("no link or button {text:?} on {path}: {e}\n--- page ---\n{body}")
            }
        }
    }

    pub async fn sign_in(&self, email: &str, password: &str) {
        self.goto("/signin").await;
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.go("form.narrow button[type=submit]").await;
        assert!(
            self.exists("form.account").await,
            "signing in as {email} failed: {}",
            self.text("main").await
        );
    }

    pub async fn sign_out(&self) {
        self.go("form.account button").await;
    }

    /// Switches the language with the header's language buttons.
    pub async fn language(&self, code: &str) {
        self.go(&format!(".langs a[hreflang={code}]")).await;
        let lang = self
            .client
            .execute("return document.documentElement.lang", vec![])
            .await
            .expect("lang");
        assert_eq!(lang, json!(code), "the page language follows the choice");
    }

    /// Runs axe-core on the page: violations of WCAG 2.0/2.1 A and AA, as readable lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        let source = axe_source().expect("axe-core source");
        self.client
            .execute(&source, vec![])
            .await
            .expect("inject axe-core");
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
              .catch(e => done(['axe failed: ' + e]));
        "#;
        let result = self
            .client
            .execute_async(script, vec![])
            .await
            .expect("run axe-core");
        result
            .as_array()
            .map(|v| {
                v.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_else(|| vec![format!("axe returned {result}")])
    }

    /// `None` when the page fits its viewport without scrolling sideways; else the
    /// elements that stick out, to say what to fix.
    pub async fn overflow(&self) -> Option<String> {
        let script = r#"
            if (document.documentElement.scrollWidth <= window.innerWidth + 1) return null;
            const out = [];
            const W = window.innerWidth + 1;
            for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                const p = e.parentElement;
                if (r.right > W && r.width > 0 && p && p.getBoundingClientRect().right <= W) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' in ' + p.tagName.toLowerCase() + '.' + String(p.className) + ' ' + Math.round(r.right));
                }
            }
            return out.slice(0, 5).join(', ') + ' (page ' + document.documentElement.scrollWidth + ' px)';
        "#;
        let found = self
            .client
            .execute(script, vec![])
            .await
            .expect("measure width");
        found.as_str().map(str::to_owned)
    }

    /// Clicks something that loads a new page (a link, a form's button) and waits until
    /// the new page has loaded, so the next look is at the new page.
    pub async fn go(&self, css: &str) {
        self.client
            .execute("window.__valinta_before_click = true", vec![])
            .await
            .expect("mark page");
        self.click(css).await;
        self.wait_for_new_page().await;
    }

    pub async fn wait_for_new_page(&self) {
        let check = "return window.__valinta_before_click === undefined && document.readyState === 'complete'";
        for _ in 0..600 {
            if let Ok(v) = self.client.execute(check, vec![]).await
                && v == json!(true)
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no new page after a click on {}", self.path().await);
    }

    /// The page's weight before images: its HTML plus the stylesheets and scripts it loaded.
    pub async fn page_bytes(&self) -> u64 {
        let script = r#"
            const html = new Blob([document.documentElement.outerHTML]).size;
            const assets = performance.getEntriesByType('resource')
                .filter(r => r.initiatorType === 'link' || r.initiatorType === 'script')
                .reduce((sum, r) => sum + (r.decodedBodySize || 0), 0);
            return html + assets;
        "#;
        let bytes = self
            .client
            .execute(script, vec![])
            .await
            .expect("measure page");
        bytes.as_u64().unwrap_or(u64::MAX)
    }

    pub async fn set_width(&self, width: u32) {
        self.client
            .set_window_size(width, 1000)
            .await
            .expect("resize window");
    }

    pub async fn screenshot(&self, name: &str) {
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("save screenshot");
    }

    /// Presses Tab until the focused element matches `css` (at most `limit` times),
    /// checking on the way that focus is always visible.
    pub async fn tab_to(&self, css: &str, limit: usize) -> Element {
        let matches = format!(
            "return document.activeElement && document.activeElement.matches({})",
            serde_json::to_string(css).unwrap_or_default()
        );
        for _ in 0..limit {
            self.press(Key::Tab).await;
            let hit = self
                .client
                .execute(&matches, vec![])
                .await
                .expect("check focus");
            self.assert_focus_visible().await;
            if hit == json!(true) {
                return self.client.active_element().await.expect("focused element");
            }
        }
        panic!("Tab never reached {css} on {}", self.path().await)
    }

    /// Presses a key that loads a new page (Enter on a link or a form) and waits for it.
    pub async fn press_to_go(&self, key: Key) {
        self.client
            .execute("window.__valinta_before_click = true", vec![])
            .await
            .expect("mark page");
        self.press(key).await;
        self.wait_for_new_page().await;
    }

    pub async fn press(&self, key: Key) {
        let focused = self.client.active_element().await.expect("focused element");
        focused
            .send_keys(&key.to_string())
            .await
            .expect("press key");
    }

    /// The focused element shows an outline or a shadow ring: keyboard users see where
    /// they are.
    pub async fn assert_focus_visible(&self) {
        let script = r#"
            const e = document.activeElement;
            if (!e || e === document.body) return true;
            const s = getComputedStyle(e);
            return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        "#;
        let visible = self
            .client
            .execute(script, vec![])
            .await
            .expect("focus style");
        assert_eq!(
            visible,
            json!(true),
            "focus is not visible on {}",
            self.path().await
        );
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        // Drop kills what is left.
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The whole process group: chromedriver and every Chromium process under it.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("concat('{}')", text.replace('\'', "', \"'\", '"))
    }
}
