//! Phones (issue #16 item 4): every kind of page at 360 px in each language, walked in one
//! browser session per language. On each page a screenshot is saved (360 px and 1280 px)
//! and a script checks that no word in a table cell is broken over lines or sticks out of
//! its cell, that every data table uses the one shared pattern (a named, focusable
//! `.table-wrap` scroller whose first column stays put), and that nothing but a table
//! scroller's content is wider than the screen. After a search, focus is on the results
//! heading and the results start on the first screen.
use chrono::Datelike;
use fantoccini::Locator;
use serde_json::{Value, json};

use crate::harness::{TestApp, browser::Browser};

use super::PASSWORD;

/// What is wrong with the page at the current width, as readable lines (empty: nothing).
const CHECK: &str = r#"
    const problems = [];
    const W = window.innerWidth + 1;
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '');
    // 1. No word in a table cell broken over lines or sticking out of its cell. Slashes,
    //    dashes and the hyphen of a compound ("Keski-Uudenmaan") are places where a line
    //    may break, so they end a word; a hyphen with a digit beside it ("2026-11") does not.
    for (const cell of document.querySelectorAll('td, th')) {
        if (cell.getClientRects().length === 0) continue;
        const box = cell.getBoundingClientRect();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const parent = node.parentElement;
            if (parent.closest('.visually-hidden') || parent.getClientRects().length === 0) continue;
            const re = /(?:[^\s\-\u2010\u2013\u2014\/]|(?<!\p{L})-|-(?!\p{L}))+/gu;
            let m;
            while ((m = re.exec(node.textContent))) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
                if (rects.length === 0) continue;
                const lines = new Set(rects.map(r => Math.round(r.bottom)));
                const right = Math.max(...rects.map(r => r.right));
                const left = Math.min(...rects.map(r => r.left));
                if (lines.size > 1) {
                    problems.push('a word broken over ' + lines.size + ' lines in ' + name(cell) + ': "' + m[0] + '" (cell ' + Math.round(box.width) + ' px)');
                } else if (right > box.right + 1 || left < box.left - 1) {
                    problems.push('a word sticks out of ' + name(cell) + ': "' + m[0] + '" (cell ' + Math.round(box.width) + ' px)');
                }
            }
        }
    }
    // 2. One pattern for every data table: inside a scroller region that has a name and can
    //    be focused (to scroll it with the keyboard), with a caption or a named region, and
    //    the first column sticky while the table scrolls.
    for (const table of document.querySelectorAll('table:not(.distribution)')) {
        const wrap = table.parentElement;
        if (!wrap.classList.contains('table-wrap') || wrap.getAttribute('role') !== 'region' ||
            wrap.getAttribute('tabindex') !== '0' ||
            !(wrap.getAttribute('aria-label') || wrap.getAttribute('aria-labelledby'))) {
            problems.push('a table outside the shared pattern (a named .table-wrap region with tabindex 0): ' + name(table) + ' in ' + name(wrap));
            continue;
        }
        if (!table.querySelector('th[scope]')) problems.push('a table without header cells with a scope: ' + name(table));
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
            const first = table.querySelector('tbody tr > :first-child');
            if (first && getComputedStyle(first).position !== 'sticky') {
                problems.push('a scrolling table whose first column does not stay: ' + name(table));
            }
        }
    }
    // 3. Nothing outside a table scroller is wider than the screen.
    if (document.documentElement.scrollWidth > W) {
        const out = [];
        for (const e of document.querySelectorAll('body *')) {
            if (e.closest('.table-wrap') || e.closest('.visually-hidden')) continue;
            const r = e.getBoundingClientRect();
            if (r.width > 0 && r.right > W) out.push(name(e) + ' to ' + Math.round(r.right) + ' px');
        }
        problems.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' px): ' + out.slice(0, 5).join(', '));
    }
    return problems;
"#;

pub(super) async fn problems_here(b: &Browser) -> Vec<String> {
    let found = b.client.execute(CHECK, vec![]).await.expect("check page");
    match found {
        Value::Array(lines) => lines
            .iter()
            .filter_map(|l| l.as_str().map(str::to_owned))
            .collect(),
        other => vec![format!("the check returned {other}")],
    }
}

async fn first_href(b: &Browser, css: &str) -> String {
    b.find(css)
        .await
        .attr("href")
        .await
        .expect("href")
        .unwrap_or_else(|| panic!("{css} has no href"))
}

async fn first_href_if(b: &Browser, css: &str) -> Option<String> {
    if b.exists(css).await {
        Some(first_href(b, css).await)
    } else {
        None
    }
}

/// The pages of one person (or of a visitor), named for their screenshots.
struct Walk {
    who: Option<&'static str>,
    pages: Vec<(&'static str, String)>,
}

/// Every page kind of the issue, found through links as a user would find them.
async fn pages_of(b: &Browser, who: Option<&'static str>) -> Vec<(&'static str, String)> {
    let mut pages = Vec::new();
    match who {
        None => {
            b.goto("/search?q=koti").await;
            let offering = first_href(b, ".hits h3 a").await;
            let provider = first_href(b, ".hits .provider a").await;
            let mut ids = Vec::new();
            for e in b
                .client
                .find_all(Locator::Css(".hits input[name=ids]"))
                .await
                .expect("boxes")
                .iter()
                .take(3)
            {
                ids.push(e.attr("value").await.expect("value").unwrap_or_default());
            }
            pages.push(("search", "/search?q=koti".to_owned()));
            pages.push(("offering", offering));
            pages.push(("compare", format!("/compare?ids={}", ids.join(","))));
            pages.push(("provider", provider));
        }
        Some("aino@demo.valinta.fi") => {
            pages.push(("client-money", "/my".to_owned()));
            b.goto("/my").await;
            pages.push((
                "client-statement",
                first_href(b, "a[href$='/statement']").await,
            ));
            pages.push(("client-reviews", "/my/reviews".to_owned()));
        }
        Some("liisa@demo.valinta.fi") => {
            pages.push(("proxy-money", "/my".to_owned()));
            pages.push(("proxy-acting-for", "/my/acting-for".to_owned()));
        }
        Some("kielo@demo.valinta.fi") => {
            pages.push(("provider-orders", "/provider/commitments".to_owned()));
            pages.push(("provider-month", "/provider/deliveries".to_owned()));
            // The demo's visits of the last days may fall in the previous month.
            let today = crate::harness::fixtures::today();
            let previous = today - chrono::Duration::days(i64::from(today.day()));
            pages.push((
                "provider-last-month",
                format!("/provider/deliveries?month={}", previous.format("%Y-%m")),
            ));
            pages.push(("provider-statement", "/provider/statement".to_owned()));
            pages.push(("provider-offerings", "/provider/offerings".to_owned()));
            pages.push(("provider-applications", "/provider/applications".to_owned()));
            pages.push(("provider-api-keys", "/provider/api-keys".to_owned()));
        }
        Some("sosiaalityo@demo.valinta.fi") => {
            pages.push(("caseworker-clients", "/purchaser/clients".to_owned()));
            pages.push(("caseworker-plans", "/purchaser/plans".to_owned()));
            // A plan's page, once the demo has plans.
            b.goto("/purchaser/plans").await;
            if let Some(plan) = first_href_if(b, "tbody a[href^='/purchaser/plans/']").await {
                pages.push(("caseworker-plan", plan));
            }
            b.goto("/purchaser/clients").await;
            let client = first_href(b, "tbody a").await;
            b.goto(&client).await;
            if let Some(statement) = first_href_if(b, "a[href$='/statement']").await {
                pages.push(("caseworker-client-statement", statement));
            }
            pages.push(("caseworker-client", client));
        }
        Some("palveluvalikoima@demo.valinta.fi") => {
            pages.push(("catalogue", "/purchaser/catalogue".to_owned()));
            b.goto("/purchaser/catalogue").await;
            pages.push((
                "catalogue-entry",
                first_href(b, "a[href^='/purchaser/catalogue/']").await,
            ));
            pages.push(("recording", "/purchaser/recording".to_owned()));
        }
        Some("talous@demo.valinta.fi") => {
            // The month of the demo's latest visit has work waiting to be invoiced.
            let busy = (crate::harness::fixtures::today() - chrono::Duration::days(2))
                .format("%Y-%m")
                .to_string();
            pages.push(("settlement", format!("/purchaser/settlement?month={busy}")));
            pages.push((
                "settlement-preview",
                format!("/purchaser/settlement/preview?month={busy}"),
            ));
            pages.push(("finance", "/purchaser/finance".to_owned()));
            // An invoice: the month is settled through its preview, as finance does it.
            b.goto(&format!("/purchaser/settlement/preview?month={busy}"))
                .await;
            b.go("form[action='/purchaser/settlement'] button[type=submit]")
                .await;
            pages.push((
                "invoice",
                first_href(
                    b,
                    "section[aria-labelledby=invoices-heading] tbody tr td:first-child a",
                )
                .await,
            ));
        }
        Some("admin@demo.valinta.fi") => {
            pages.push(("admin-users", "/admin/users".to_owned()));
            pages.push(("admin-emails", "/admin/emails".to_owned()));
        }
        Some(_) => {}
    }
    pages
}

const PEOPLE: [Option<&str>; 8] = [
    None,
    Some("aino@demo.valinta.fi"),
    Some("liisa@demo.valinta.fi"),
    Some("kielo@demo.valinta.fi"),
    Some("sosiaalityo@demo.valinta.fi"),
    Some("palveluvalikoima@demo.valinta.fi"),
    Some("talous@demo.valinta.fi"),
    Some("admin@demo.valinta.fi"),
];

async fn every_page_kind_reads_on_a_phone(_app: &TestApp, b: &Browser, lang: &str) {
    b.goto("/").await;
    b.language(lang).await;
    let mut problems = Vec::new();
    let mut seen = 0;
    for who in PEOPLE {
        if let Some(email) = who {
            b.sign_in(email, PASSWORD).await;
        }
        let walk = Walk {
            who,
            pages: pages_of(b, who).await,
        };
        for (name, page) in &walk.pages {
            b.set_width(1280).await;
            b.goto(page).await;
            b.screenshot(&format!("phones-{lang}-{name}-1280")).await;
            b.set_width(360).await;
            b.screenshot(&format!("phones-{lang}-{name}-360")).await;
            // The first table, where it is, for a look at how it reads.
            let table = b
                .client
                .execute(
                    "const t = document.querySelector('main .table-wrap'); if (t) t.scrollIntoView(); return !!t;",
                    vec![],
                )
                .await
                .expect("scroll to the table");
            if table == json!(true) {
                b.screenshot(&format!("phones-{lang}-{name}-360-table"))
                    .await;
                // Scrolled sideways: the first column stays.
                b.client
                    .execute(
                        "document.querySelector('main .table-wrap').scrollLeft = 280;",
                        vec![],
                    )
                    .await
                    .expect("scroll the table");
                b.screenshot(&format!("phones-{lang}-{name}-360-table-scrolled"))
                    .await;
            }
            for p in problems_here(b).await {
                problems.push(format!("[{lang}] {name} {page}: {p}"));
            }
            seen += 1;
        }
        b.set_width(1280).await;
        if walk.who.is_some() {
            b.goto("/").await;
            b.sign_out().await;
        }
    }
    assert!(seen >= 28, "walked only {seen} pages");
    assert!(
        problems.is_empty(),
        "{} problems at 360 px:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

in_every_language!(every_page_kind_reads_on_a_phone, sv);

/// On a phone the results come before the filters (shut behind their disclosure) and
/// start on the first screen; after a search focus is on the results heading. On a wide
/// screen the filters are open beside the results.
async fn a_search_on_a_phone_lands_on_the_results(_app: &TestApp, b: &Browser, lang: &str) {
    b.goto("/").await;
    b.language(lang).await;
    b.set_width(360).await;
    b.goto("/search").await;
    let focused = b
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .expect("focus");
    assert_ne!(
        focused,
        json!("results-heading"),
        "opening the empty search page does not move focus"
    );
    b.fill("#q", "koti").await;
    b.go(".search-box button[type=submit]").await;
    assert!(b.path().await.contains("q=koti"), "searched");
    let state = b
        .client
        .execute(
            r#"const h = document.getElementById('results-heading');
               return {
                 focused: document.activeElement === h,
                 tag: document.activeElement.tagName,
                 filtersOpen: document.getElementById('filters').open,
                 headingTop: Math.round(h.getBoundingClientRect().top + window.scrollY),
                 firstHitTop: Math.round(document.querySelector('.hits .hit').getBoundingClientRect().top + window.scrollY)
               };"#,
            vec![],
        )
        .await
        .expect("read the page");
    assert_eq!(
        state["focused"],
        json!(true),
        "after a search focus is on the results heading: {state}"
    );
    assert_eq!(
        state["filtersOpen"],
        json!(false),
        "on a phone the filters wait behind their disclosure: {state}"
    );
    let first_hit = state["firstHitTop"].as_i64().unwrap_or(i64::MAX);
    assert!(
        first_hit < 800,
        "the first result starts on the first screen of a phone (at {first_hit} px): {state}"
    );
    b.screenshot(&format!("phones-{lang}-search-focused-360"))
        .await;

    // The disclosure opens and the filters in it work.
    b.click("#filters summary").await;
    b.select("#sort", "price").await;
    b.go("#filters button[type=submit]").await;
    assert!(b.path().await.contains("sort=price"), "filtered");
    let focused = b
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .expect("focus");
    assert_eq!(
        focused,
        json!("results-heading"),
        "and focus is on the results again"
    );

    // A refused filter opens the disclosure, so the field with the error shows.
    b.goto("/search?max_price=abc").await;
    let open = b
        .client
        .execute("return document.getElementById('filters').open", vec![])
        .await
        .expect("disclosure");
    assert_eq!(open, json!(true), "a refused filter shows the filters");

    // On a wide screen the filters are open beside the results.
    b.set_width(1280).await;
    b.goto("/search?q=koti").await;
    let open = b
        .client
        .execute("return document.getElementById('filters').open", vec![])
        .await
        .expect("disclosure");
    assert_eq!(open, json!(true), "a wide screen shows the filters open");
    b.screenshot(&format!("phones-{lang}-search-focused-1280"))
        .await;
}

mod a_search_on_a_phone_lands_on_the_results {
    portal_test!(a_search_on_a_phone_lands_on_the_results, fi, sqlite);
    portal_test!(a_search_on_a_phone_lands_on_the_results, sv, postgres);
}
