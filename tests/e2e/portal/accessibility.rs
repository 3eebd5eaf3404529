//! axe-core on every kind of page in each language: zero violations at WCAG 2.0/2.1 A
//! and AA. The same walk checks that each page fits a 360 px wide phone without
//! sideways scrolling and weighs under 200 KB before images, and saves screenshots at
//! desktop and phone width.
use chrono::Datelike;

use crate::harness::{TestApp, browser::Browser};

use super::PASSWORD;

/// Pages of one role, visited after signing in as `who` (or signed out).
struct Role {
    who: Option<&'static str>,
    pages: Vec<String>,
}

async fn first_href(b: &Browser, css: &str) -> String {
    b.find(css)
        .await
        .attr("href")
        .await
        .expect("href")
        .expect("a link")
}

async fn every_page_kind(app: &TestApp, b: &Browser, lang: &str) -> Vec<String> {
    let mut problems = Vec::new();
    b.goto("/").await;
    b.language(lang).await;
    // Discover real ids by following links, as a user would.
    b.goto("/search?q=koti").await;
    let offering = first_href(b, ".hits h3 a").await;
    let provider = first_href(b, ".hits .provider a").await;
    let mut compare = Vec::new();
    for e in b
        .client
        .find_all(fantoccini::Locator::Css(".hits input[name=ids]"))
        .await
        .expect("boxes")
        .iter()
        .take(2)
    {
        compare.push(e.attr("value").await.expect("value").unwrap_or_default());
    }
    let public = Role {
        who: None,
        pages: vec![
            "/".into(),
            "/search?q=koti&sort=price".into(),
            "/search?q=zzzzqqq".into(),
            "/search?max_price=abc".into(),
            offering.clone(),
            provider,
            format!("/compare?ids={}", compare.join(",")),
            "/compare?ids=x".into(),
            "/signin".into(),
            "/password/forgot".into(),
            "/password/set?token=used-or-unknown".into(),
            "/no-such-page".into(),
        ],
    };
    let mut roles = vec![public];
    roles.push(Role {
        who: Some("aino@demo.valinta.fi"),
        pages: vec![
            "/my".into(),
            "/my/reviews".into(),
            format!("{offering}/choose"),
            format!("/compare?ids={}", compare.join(",")),
        ],
    });
    roles.push(Role {
        who: Some("liisa@demo.valinta.fi"),
        pages: vec![
            "/my".into(),
            "/my/acting-for".into(),
            "/settings/password".into(),
        ],
    });
    roles.push(Role {
        who: Some("kielo@demo.valinta.fi"),
        pages: vec![
            "/provider".into(),
            "/provider/applications".into(),
            "/provider/offerings".into(),
            "/provider/offerings/new".into(),
            "/provider/commitments".into(),
            "/provider/deliveries".into(),
            "/provider/deliveries/upload".into(),
            "/provider/reviews".into(),
            "/provider/statement".into(),
            "/provider/disputes".into(),
            "/provider/api-keys".into(),
        ],
    });
    roles.push(Role {
        who: Some("palveluvalikoima@demo.valinta.fi"),
        pages: vec![
            "/purchaser/catalogue".into(),
            "/purchaser/applications".into(),
            "/purchaser/recording".into(),
        ],
    });
    roles.push(Role {
        who: Some("moderointi@demo.valinta.fi"),
        pages: vec![
            "/purchaser/reviews".into(),
            "/purchaser/reviews?show=hidden".into(),
        ],
    });
    // The month of the demo's latest visit has work waiting to be invoiced.
    let busy_month = (crate::harness::fixtures::today() - chrono::Duration::days(2))
        .format("%Y-%m")
        .to_string();
    roles.push(Role {
        who: Some("talous@demo.valinta.fi"),
        pages: vec![
            "/purchaser/settlement".into(),
            format!("/purchaser/settlement?month={busy_month}"),
            format!("/purchaser/settlement/preview?month={busy_month}"),
            "/purchaser/finance".into(),
            "/purchaser/finance?from=2026-13".into(),
        ],
    });
    roles.push(Role {
        who: Some("sosiaalityo@demo.valinta.fi"),
        pages: vec![
            "/purchaser/clients".into(),
            "/purchaser/disputes".into(),
            "/purchaser/plans".into(),
        ],
    });
    roles.push(Role {
        who: Some("admin@demo.valinta.fi"),
        pages: vec![
            "/admin/emails".into(),
            "/admin/emails?status=failed".into(),
            "/admin/users".into(),
            "/admin/users?q=korhonen".into(),
            "/settings/notifications".into(),
        ],
    });
    for role in roles {
        if let Some(who) = role.who {
            b.sign_in(who, PASSWORD).await;
        }
        let mut pages = role.pages.clone();
        // Pages reached only through links on the role's pages.
        match role.who {
            None => {
                // The demo's reviewed offering: the only one with a rating.
                b.goto("/search?min_rating=1").await;
                let reviewed = first_href(b, ".hits h3 a").await;
                pages.push(reviewed.clone());
                b.goto(&reviewed).await;
                pages.push(first_href(b, "a[href$='/report']").await);
            }
            Some("aino@demo.valinta.fi") => {
                b.goto("/my").await;
                pages.push(first_href(b, "a[href$='/review']").await);
                b.goto("/my").await;
                if b.exists("a[href*='/dispute']").await {
                    pages.push(first_href(b, "a[href*='/dispute']").await);
                }
                pages.push(first_href(b, "a[href$='/statement']").await);
            }
            Some("liisa@demo.valinta.fi") => {
                b.goto("/my").await;
                pages.push(first_href(b, "a[href$='/statement']").await);
            }
            Some("kielo@demo.valinta.fi") => {
                b.goto("/provider/commitments").await;
                pages.push(first_href(b, "a[href$='/deliver']").await);
                b.goto("/provider/offerings").await;
                pages.push(first_href(b, "a[href^='/provider/offerings/']").await);
                // Voiding asks for a reason on a page of its own (the demo's visits of the
                // last days may fall in the previous month).
                let today = crate::harness::fixtures::today();
                let previous = today - chrono::Duration::days(i64::from(today.day()));
                for list in [
                    "/provider/deliveries".to_owned(),
                    format!("/provider/deliveries?month={}", previous.format("%Y-%m")),
                ] {
                    b.goto(&list).await;
                    if b.exists("a[href$='/void']").await {
                        pages.push(first_href(b, "a[href$='/void']").await);
                        break;
                    }
                }
                // A key made through the form: the page that shows it once, then the
                // confirmation asked before revoking it.
                b.goto("/provider/api-keys").await;
                b.fill("#site", "Kassa").await;
                b.go("form[action='/provider/api-keys'] button[type=submit]")
                    .await;
                for v in b.axe_violations().await {
                    problems.push(format!("[{lang}] new API key shown: {v}"));
                }
                pages.push(first_href(b, "a[href$='/revoke']").await);
            }
            Some("palveluvalikoima@demo.valinta.fi") => {
                // A catalogue entry's page (its terms over time and the change form) and the
                // confirmation asked before archiving it.
                b.goto("/purchaser/catalogue").await;
                let entry = first_href(b, "a[href^='/purchaser/catalogue/']").await;
                pages.push(entry.clone());
                pages.push(format!("{entry}/archive"));
            }
            Some("admin@demo.valinta.fi") => {
                // One message of the demo's, as the development outbox shows it.
                b.goto("/admin/emails").await;
                pages.push(first_href(b, "a[href^='/admin/emails/outbox/']").await);
            }
            Some("sosiaalityo@demo.valinta.fi") => {
                b.goto("/purchaser/clients").await;
                let client = first_href(b, "tbody a").await;
                pages.push(format!("{client}/allocations"));
                b.goto(&client).await;
                pages.push(first_href(b, "a[href$='/statement']").await);
                pages.push(client);
                // Matti's page lists a live mandate (Liisa) with its revoke form.
                b.goto("/purchaser/clients").await;
                let matti = b
                    .client
                    .find(fantoccini::Locator::LinkText("Matti Korhonen"))
                    .await
                    .expect("Matti in the list")
                    .attr("href")
                    .await
                    .expect("href")
                    .expect("a link");
                pages.push(matti);
            }
            _ => {}
        }
        for page in &pages {
            b.set_width(1280).await;
            b.goto(page).await;
            let bytes = b.page_bytes().await;
            if bytes > 200 * 1024 {
                problems.push(format!(
                    "[{lang}] {page}: {bytes} bytes before images, over 200 KB"
                ));
            }
            for v in b.axe_violations().await {
                problems.push(format!("[{lang}] {page}: {v}"));
            }
            let name = screenshot_name(role.who, page);
            if lang == "fi" {
                b.screenshot(&format!("{name}-desktop")).await;
            }
            b.set_width(360).await;
            if let Some(wide) = b.overflow().await {
                problems.push(format!(
                    "[{lang}] {page}: scrolls sideways at 360 px: {wide}"
                ));
            }
            if lang == "fi" {
                b.screenshot(&format!("{name}-phone")).await;
            }
        }
        b.set_width(1280).await;
        if role.who.is_some() {
            b.goto("/").await;
            b.sign_out().await;
        }
    }
    let _ = app;
    problems
}

fn screenshot_name(who: Option<&str>, page: &str) -> String {
    let role = who.and_then(|w| w.split('@').next()).unwrap_or("public");
    let path: String = page
        .split('?')
        .next()
        .unwrap_or(page)
        .split('/')
        .filter(|s| !s.is_empty() && s.len() < 30)
        .collect::<Vec<_>>()
        .join("-");
    let path = if path.is_empty() {
        "home".to_owned()
    } else {
        path
    };
    let query: String = page
        .split_once('?')
        .map(|(_, q)| {
            let cleaned: String = q
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .take(24)
                .collect();
            format!("-{cleaned}")
        })
        .unwrap_or_default();
    format!("{role}-{path}{query}")
}

async fn axe_finds_nothing_on_any_page(app: &TestApp, b: &Browser, lang: &str) {
    let problems = every_page_kind(app, b, lang).await;
    assert!(
        problems.is_empty(),
        "{} accessibility problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

mod axe_finds_nothing_on_any_page {
    portal_test!(axe_finds_nothing_on_any_page, fi, sqlite);
    portal_test!(axe_finds_nothing_on_any_page, sv, sqlite);
    portal_test!(axe_finds_nothing_on_any_page, en, sqlite);
}
