//! Ordering that guides (issue #16 item 7), clicked through on the demo county in the
//! language under test, each page also at 360 px with axe-core finding nothing: a client
//! sees before any form whether her decision pays for a service (and a service it does not
//! pay for opens no form); her own share and what her money buys on the offering, compare
//! and order pages; an order with a start date, a quantity and a message that the provider
//! reads; cancelling it while it waits and seeing the money back; search near a postal code
//! or her home municipality with distances; a price sort grouped by unit; a wrong selection
//! for comparing that keeps every filter.
use fantoccini::Locator;

use crate::harness::{TestApp, browser::Browser, fixtures::day};

use super::{PASSWORD, cents};

/// Checks the page at 1280 and 360 px: axe-core finds nothing, nothing scrolls sideways,
/// and a screenshot of each is saved.
async fn look(b: &Browser, name: &str, lang: &str) {
    for width in [1280, 360] {
        b.set_width(width).await;
        let violations = b.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{name} at {width} px: {violations:#?}"
        );
        assert_eq!(
            b.overflow().await,
            None,
            "{name}: no sideways scrolling at {width} px"
        );
        b.screenshot(&format!("ordering-{name}-{lang}-{width}"))
            .await;
    }
    b.set_width(1280).await;
}

/// The href of the first result whose title contains one of `titles`.
async fn result_href(b: &Browser, titles: &[&str]) -> String {
    for link in b
        .client
        .find_all(Locator::Css(".hits h3 a"))
        .await
        .expect("results")
    {
        let text = link.text().await.unwrap_or_default();
        if titles.iter().any(|t| text.contains(t)) {
            return link.attr("href").await.expect("href").expect("a link");
        }
    }
    panic!("no result titled {titles:?}: {}", b.text(".hits").await)
}

async fn available(b: &Browser) -> i64 {
    b.goto("/my").await;
    cents(&b.text("section.allocation [data-testid=available]").await)
}

async fn a_client_is_guided_from_search_to_a_sent_order(_app: &TestApp, b: &Browser, lang: &str) {
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    let before = available(b).await;

    // Search: near her home municipality from the start, with distances; the results her
    // voucher (home care and cleaning) does not cover are marked.
    b.goto(&format!("/search?lang={lang}")).await;
    let near = b
        .find("#near")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert!(
        near == "Kerava" || near == "Kervo",
        "her home municipality: {near:?}"
    );
    assert!(b.text(".hits").await.contains("km"), "distances shown");
    let marked = b
        .client
        .find_all(Locator::Css(".hits .uncovered"))
        .await
        .expect("marks");
    assert!(
        !marked.is_empty(),
        "the services her voucher does not cover are marked"
    );
    let home_care = result_href(b, &["Kotihoito arkeen", "Hemvård i vardagen"]).await;
    let housing = result_href(b, &["Palvelukoti Kielo", "Servicehemmet Kielo"]).await;
    look(b, "search-near-home", lang).await;

    // A service her decision does not cover: said plainly on its page, and no form.
    b.goto(&housing).await;
    assert!(b.exists("#coverage-why").await, "why she cannot order it");
    assert!(b.exists("#coverage-todo").await, "and what to do");
    assert!(
        !b.exists("a.button[href$='/choose']").await,
        "no way into a failing form"
    );
    look(b, "uncovered-offering", lang).await;
    b.goto(&format!("{housing}/choose")).await;
    assert!(
        !b.exists("#order-form").await,
        "the order page opens no form either"
    );
    assert!(b.exists("#coverage-why").await);

    // A covered one: her own share and what her money buys, then the form.
    b.goto(&home_care).await;
    let buys = b.text("#coverage-buys").await;
    assert!(
        buys.chars().any(|c| c.is_ascii_digit()),
        "units her money buys: {buys}"
    );
    assert!(
        b.text(".own-money").await.contains('€'),
        "her own share per unit"
    );
    look(b, "covered-offering", lang).await;
    b.go("a.button[href$='/choose']").await;
    assert!(
        b.text(".own-money").await.contains(&buys),
        "the same figures on the form"
    );
    let method = b.find("#method").await.prop("value").await.expect("value");
    assert_eq!(
        method.as_deref(),
        Some("voucher"),
        "the one allowed method is chosen"
    );
    let hint = b.text("#method-hint").await;
    assert!(hint.len() > 40, "the method in plain words: {hint}");
    look(b, "order-form", lang).await;

    // A start date in the past is named at its field, and nothing is sent.
    set_date(b, &day(-1)).await;
    b.fill("#message", "Soittakaa ensin, ovikoodi 1234.").await;
    b.go("#order-form button[type=submit]").await;
    assert!(
        b.exists("#start_date-error").await,
        "the start date is named"
    );
    assert_eq!(
        b.find("#message")
            .await
            .prop("value")
            .await
            .expect("v")
            .as_deref(),
        Some("Soittakaa ensin, ovikoodi 1234."),
        "what she typed is kept"
    );
    look(b, "order-form-error", lang).await;
    set_date(b, &day(7)).await;
    b.fill("#quantity", "10").await;
    b.fill("#reserve", "100").await;
    b.go("#order-form button[type=submit]").await;
    assert!(
        b.path().await.starts_with("/my"),
        "sent: {}",
        b.text("main").await
    );
    assert!(b.exists(".notice").await, "and confirmed");
    let wish = b.text(".order-wish").await;
    assert!(
        wish.contains("ovikoodi 1234"),
        "her orders show what she asked: {wish}"
    );
    assert_eq!(
        available(b).await,
        before - 10_000,
        "100,00 € reserved for it"
    );
    b.sign_out().await;

    // The provider reads the start date, quantity and message before accepting.
    b.sign_in("kielo@demo.valinta.fi", PASSWORD).await;
    b.goto("/provider/commitments").await;
    let waiting = b.text("main").await;
    assert!(waiting.contains("ovikoodi 1234"), "the message: {waiting}");
    let start = chrono::NaiveDate::parse_from_str(&day(7), "%Y-%m-%d").expect("day");
    assert!(
        waiting.contains(&start.format("%-d.%-m.%Y").to_string()),
        "the start date: {waiting}"
    );
    look(b, "provider-orders", lang).await;
    b.sign_out().await;

    // She cancels it while it waits: the money is back at once.
    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    b.goto("/my").await;
    b.go("a.button[href$='/end']").await;
    let confirm = b.text("main").await;
    assert!(confirm.contains("100,00"), "says what returns: {confirm}");
    look(b, "cancel-order", lang).await;
    b.go("form.actions button[type=submit]").await;
    assert!(b.exists(".notice").await, "cancelled");
    assert_eq!(available(b).await, before, "the reserved 100,00 € is back");
}

/// Sets a date field the way a date picker does (typing into one depends on the locale).
async fn set_date(b: &Browser, iso: &str) {
    b.client
        .execute(
            "document.getElementById('start_date').value = arguments[0];",
            vec![serde_json::json!(iso)],
        )
        .await
        .expect("set the date");
}

async fn search_compares_like_with_like_and_keeps_its_filters(
    _app: &TestApp,
    b: &Browser,
    lang: &str,
) {
    b.goto("/").await;
    b.language(lang).await;

    // Price sort over everything: €/hour is not ranked against €/day or €/trip; one unit
    // at a time, with tabs.
    b.goto("/search?sort=price").await;
    let tabs = b
        .client
        .find_all(Locator::Css(".unit-tabs a"))
        .await
        .expect("tabs");
    assert!(
        tabs.len() >= 2,
        "one tab per unit: {}",
        b.text("main").await
    );
    let note = b.text("#price-note").await;
    let prices: Vec<i64> = hit_prices(b).await;
    assert!(
        prices.windows(2).all(|w| w[0] <= w[1]),
        "cheapest first: {prices:?}"
    );
    let units: std::collections::BTreeSet<String> = hit_units(b).await;
    assert_eq!(units.len(), 1, "one unit on the list ({note}): {units:?}");
    look(b, "price-by-unit", lang).await;
    b.go(".unit-tabs a:not([aria-current])").await;
    let other: std::collections::BTreeSet<String> = hit_units(b).await;
    assert_eq!(other.len(), 1, "the other unit's list: {other:?}");
    assert_ne!(units, other, "another unit");

    // Near a postal code: nearest first, in kilometres.
    b.goto("/search?near=04200&sort=distance").await;
    let distances = hit_distances(b).await;
    assert!(distances.len() >= 3, "distances: {}", b.text(".hits").await);
    assert!(
        distances.windows(2).all(|w| w[0] <= w[1]),
        "nearest first: {distances:?}"
    );
    look(b, "near-postal-code", lang).await;

    // The municipality from the address is the one selected; a wrong selection for
    // comparing comes back to the same search, everything kept.
    b.goto("/search?q=koti&municipality=Kervo&language=fi")
        .await;
    let chosen = b
        .find("#municipality")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(
        chosen.as_deref(),
        Some("245"),
        "Kervo is Kerava, shown as chosen"
    );
    // The compare form carries the search's filters (portal.js stops a wrong count in the
    // browser; without it the server sends the form back to the same search).
    for (name, value) in [("q", "koti"), ("municipality", "245"), ("language", "fi")] {
        let css = format!("#compare-form input[type=hidden][name={name}][value='{value}']");
        assert!(
            b.exists(&css).await,
            "the compare form carries {name}={value}"
        );
    }
    let first = b
        .find(".hits li:nth-child(1) input[name=ids]")
        .await
        .attr("value")
        .await
        .expect("v")
        .expect("id");
    b.goto(&format!(
        "/compare?q=koti&municipality=245&language=fi&ids={first}"
    ))
    .await;
    let path = b.path().await;
    assert!(path.starts_with("/search"), "back on the results: {path}");
    for kept in ["q=koti", "municipality=245", "language=fi"] {
        assert!(path.contains(kept), "{kept} kept: {path}");
    }
    assert!(b.exists("#compare-error").await, "told to pick 2–4");
    assert!(
        b.find(".hits li:nth-child(1) input[name=ids]")
            .await
            .is_selected()
            .await
            .unwrap_or(false),
        "her tick is kept"
    );
    look(b, "compare-wrong-selection", lang).await;

    // Signed in, comparing shows her own share and what her money buys under each.
    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    b.goto("/search?q=koti&municipality=245").await;
    b.click(".hits li:nth-child(1) input[name=ids]").await;
    b.click(".hits li:nth-child(2) input[name=ids]").await;
    b.go("#compare-form button[type=submit]").await;
    assert!(b.path().await.starts_with("/compare"), "compared");
    let table = b.text("table.compare").await;
    assert!(table.contains('€'), "{table}");
    look(b, "compare-own-figures", lang).await;
}

async fn hit_prices(b: &Browser) -> Vec<i64> {
    let mut prices = Vec::new();
    for hit in b
        .client
        .find_all(Locator::Css(".hits li.hit"))
        .await
        .expect("hits")
    {
        let dd = hit
            .find(Locator::Css("dl.facts div:first-child dd"))
            .await
            .expect("price");
        let text = dd.text().await.unwrap_or_default();
        let amount = text.split('€').next().unwrap_or_default();
        prices.push(cents(amount));
    }
    prices
}

async fn hit_units(b: &Browser) -> std::collections::BTreeSet<String> {
    let mut units = std::collections::BTreeSet::new();
    for hit in b
        .client
        .find_all(Locator::Css(".hits li.hit"))
        .await
        .expect("hits")
    {
        let dd = hit
            .find(Locator::Css("dl.facts div:first-child dd"))
            .await
            .expect("price");
        let text = dd.text().await.unwrap_or_default();
        units.insert(text.split('/').nth(1).unwrap_or_default().trim().to_owned());
    }
    units
}

async fn hit_distances(b: &Browser) -> Vec<u64> {
    let mut km = Vec::new();
    for hit in b
        .client
        .find_all(Locator::Css(".hits li.hit"))
        .await
        .expect("hits")
    {
        let text = hit.text().await.unwrap_or_default();
        if let Some(at) = text.find(" km") {
            let digits: String = text[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if let Ok(n) = digits.parse() {
                km.push(n);
            }
        }
    }
    km
}

mod a_client_is_guided_from_search_to_a_sent_order {
    portal_test!(a_client_is_guided_from_search_to_a_sent_order, fi, sqlite);
    portal_test!(a_client_is_guided_from_search_to_a_sent_order, sv, sqlite);
    portal_test!(a_client_is_guided_from_search_to_a_sent_order, sv, postgres);
}

mod search_compares_like_with_like_and_keeps_its_filters {
    portal_test!(
        search_compares_like_with_like_and_keeps_its_filters,
        fi,
        sqlite
    );
    portal_test!(
        search_compares_like_with_like_and_keeps_its_filters,
        sv,
        sqlite
    );
}
