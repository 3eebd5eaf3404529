//! The flows, clicked through as users would, in the language under test. Pages
//! are found by what users see (selectors tied to form names and values, which do not
//! change with the language) and checked by the numbers they show.
use crate::harness::{TestApp, browser::Browser};

use super::{PASSWORD, cents};

/// Aino (a client) finds cleaning by search with a language filter, compares two
/// offerings, requests a commitment; the provider accepts it and records two hours; Aino
/// sees her balance drop by exactly the purchaser's share.
async fn a_client_chooses_and_sees_her_balance_change(_app: &TestApp, b: &Browser, lang: &str) {
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    assert_eq!(b.path().await, "/my", "a client starts on her money page");
    let voucher = "section.allocation";
    let before = cents(&b.text(&format!("{voucher} [data-testid=available]")).await);

    // Search from the front page, then narrow to services given in Swedish.
    b.goto("/").await;
    b.fill("#q", "").await;
    b.go(".search-box button").await;
    b.select("#language", "sv").await;
    b.go(".filters button[type=submit]").await;
    let results = b.text(".hits").await;
    assert!(
        !results.contains("Palvelukoti Kielo") && !results.contains("Maalauskurssi"),
        "Finnish-only offerings are filtered out: {results}"
    );
    let hits = b
        .client
        .find_all(fantoccini::Locator::Css(".hits li.hit"))
        .await
        .expect("hits");
    assert_eq!(
        hits.len(),
        3,
        "home care, taxi and cleaning serve in Swedish: {results}"
    );
    // Tick cleaning and home care for comparison.
    let mut ticked = 0;
    for hit in &hits {
        let title = hit
            .find(fantoccini::Locator::Css("h3"))
            .await
            .expect("title")
            .text()
            .await
            .unwrap_or_default();
        let wanted = ["Kotisiivous", "Städning", "Kotihoito", "Hemvård"]
            .iter()
            .any(|t| title.contains(t));
        if wanted {
            hit.find(fantoccini::Locator::Css("input[name=ids]"))
                .await
                .expect("box")
                .click()
                .await
                .expect("tick");
            ticked += 1;
        }
    }
    assert_eq!(ticked, 2, "cleaning and home care ticked: {results}");
    b.go("#compare-form button[type=submit]").await;
    assert!(
        b.path().await.starts_with("/compare"),
        "on the comparison page"
    );
    let table = b.text("table.compare").await;
    assert!(
        table.contains("36,00"),
        "cleaning's price side by side: {table}"
    );
    assert!(
        table.contains("6,00"),
        "Aino's own share per hour under her 30,00 voucher: {table}"
    );

    // Choose the cleaning offering from the comparison.
    let choose = b
        .client
        .find_all(fantoccini::Locator::Css("table.compare a.button"))
        .await
        .expect("choose links");
    let mut chosen = false;
    for link in choose {
        let text = link.text().await.unwrap_or_default();
        if text.contains("Kotisiivous") || text.contains("Städning") {
            b.client
                .execute("window.__valinta_before_click = true", vec![])
                .await
                .expect("mark");
            link.click().await.expect("choose cleaning");
            b.wait_for_new_page().await;
            chosen = true;
            break;
        }
    }
    assert!(chosen, "a choose link for cleaning");
    assert!(
        !b.exists(".acting").await && !b.exists(".whose").await,
        "a client on her own pages is not told she handles someone's matters"
    );
    b.select("#method", "voucher").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(b.path().await.starts_with("/my"), "back on the money page");
    assert!(b.exists(".notice").await, "a confirmation is shown");
    b.sign_out().await;

    // The cleaning firm accepts and records two hours.
    b.sign_in("stad@demo.valinta.fi", PASSWORD).await;
    b.goto("/provider/commitments").await;
    b.go("button[name=answer][value=accept]").await;
    assert!(b.exists(".notice").await, "accepted");
    b.go("a[href$='/deliver']").await;
    b.fill("#quantity", "2").await;
    b.go("button[name=step][value=check]").await;
    let preview = b.text(".preview").await;
    assert!(
        preview.contains("72,00") && preview.contains("60,00") && preview.contains("12,00"),
        "preview: total, purchaser and own share: {preview}"
    );
    b.go("button[name=step][value=record]").await;
    assert!(
        b.path().await.starts_with("/provider/deliveries"),
        "on the month's deliveries"
    );
    assert!(
        b.text("table").await.contains("72,00"),
        "the delivery is listed"
    );
    b.sign_out().await;

    // Aino sees the change at once.
    b.sign_in("aino@demo.valinta.fi", PASSWORD).await;
    let after = cents(&b.text(&format!("{voucher} [data-testid=available]")).await);
    assert_eq!(
        before - after,
        6000,
        "available drops by the purchaser's share 60,00 ({before} → {after})"
    );
    let page = b.text("main").await;
    assert!(page.contains("12,00"), "her own share is shown: {page}");
}
in_every_language!(a_client_chooses_and_sees_her_balance_change, fi);

/// Liisa acts for her son Matti: every page says so; she chooses the gym for him with
/// his personal budget, the gym accepts and records a month, and Matti's balance drops.
async fn a_proxy_does_the_same_for_her_client(_app: &TestApp, b: &Browser, lang: &str) {
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("liisa@demo.valinta.fi", PASSWORD).await;
    assert!(
        b.text(".acting").await.contains("Matti"),
        "whose matters are shown"
    );
    let before = cents(&b.text("section.allocation [data-testid=available]").await);
    b.goto("/search?q=kuntosali").await;
    b.go(".hits h3 a").await;
    b.go("a.button[href$='/choose']").await;
    assert!(
        b.text(".acting").await.contains("Matti"),
        "still acting for Matti"
    );
    b.select("#method", "payment_commitment").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(b.exists(".notice").await, "requested");
    b.sign_out().await;

    b.sign_in("voima@demo.valinta.fi", PASSWORD).await;
    b.goto("/provider/commitments").await;
    b.go("button[name=answer][value=accept]").await;
    b.go("a[href$='/deliver']").await;
    b.fill("#quantity", "1").await;
    b.go("button[name=step][value=record]").await;
    assert!(
        b.exists(".notice").await,
        "recorded: {}",
        b.text("main").await
    );
    b.sign_out().await;

    b.sign_in("liisa@demo.valinta.fi", PASSWORD).await;
    let after = cents(&b.text("section.allocation [data-testid=available]").await);
    assert!(
        after < before,
        "Matti's available money dropped ({before} → {after})"
    );
}
in_every_language!(a_proxy_does_the_same_for_her_client, sv);

/// A case worker grants a personal budget to Aino; a bad amount is refused first, with
/// the field named and marked invalid.
async fn a_case_worker_grants_an_allocation(_app: &TestApp, b: &Browser, lang: &str) {
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("sosiaalityo@demo.valinta.fi", PASSWORD).await;
    b.goto("/purchaser/clients").await;
    b.go_text("Aino").await;
    b.go("a.button[href$='/allocations']").await;
    b.select("#kind", "personal_budget").await;
    b.fill("#granted", "kolmesataa").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(b.exists("#error-summary").await, "the error is summarised");
    let invalid = b
        .find("#granted")
        .await
        .attr("aria-invalid")
        .await
        .expect("attr");
    assert_eq!(
        invalid.as_deref(),
        Some("true"),
        "the amount field is marked invalid"
    );
    let described = b
        .find("#granted")
        .await
        .attr("aria-describedby")
        .await
        .expect("attr")
        .unwrap_or_default();
    assert!(
        described.contains("granted-error"),
        "the error is tied to the field: {described}"
    );
    b.fill("#granted", "1 500,00").await;
    b.go("form.narrow button[type=submit]").await;
    // First the confirmation: what will be granted and to whom.
    let what = b
        .text("[data-testid=what-happens]")
        .await
        .replace('\u{a0}', " ");
    assert!(
        what.contains("1 500,00 €") && what.contains("Aino"),
        "{what}"
    );
    b.go("button[name=step][value=confirm]").await;
    assert!(
        b.exists(".notice").await,
        "granted: {}",
        b.text("main").await
    );
    let page = b.text("main").await.replace('\u{a0}', " ");
    assert!(
        page.contains("1 500,00 €"),
        "the new decision's amount is shown: {page}"
    );
}
in_every_language!(a_case_worker_grants_an_allocation, en);

/// The art school applies for the gym service (the rulebook must be accepted), the
/// catalogue manager approves, and the school can then list a gym offering.
async fn a_provider_applies_and_a_catalogue_manager_approves(
    app: &TestApp,
    b: &Browser,
    lang: &str,
) {
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in("savy@demo.valinta.fi", PASSWORD).await;
    b.goto("/provider/applications").await;
    let purchaser = b
        .find("#purchaser option:nth-child(2)")
        .await
        .attr("value")
        .await
        .expect("attr")
        .expect("a purchaser");
    b.select("#purchaser", &purchaser).await;
    b.go("form.inline-form button").await;
    // The gym service's id, from the public catalogue.
    let services = app
        .get(
            &format!("/api/v1/purchasers/{purchaser}/services?per_page=100"),
            "",
        )
        .await;
    let gym = services.1["items"]
        .as_array()
        .and_then(|items| items.iter().find(|s| s["code"] == "KUNTOSALI"))
        .map(|s| s["id"].as_str().unwrap_or_default().to_owned())
        .expect("the gym service");
    b.click(&format!("input[name=services][value='{gym}']"))
        .await;
    // Without accepting the rulebook the browser does not send the form (the box is
    // required); the server would refuse it too.
    b.click("form[action='/provider/applications'][method=post] button[type=submit]")
        .await;
    assert!(!b.exists(".notice").await, "not sent without accepting");
    // The browser itself refuses an unticked required box; the server refuses it too.
    b.click("#accept").await;
    if !b
        .find(&format!("input[name=services][value='{gym}']"))
        .await
        .is_selected()
        .await
        .expect("state")
    {
        b.click(&format!("input[name=services][value='{gym}']"))
            .await;
    }
    b.go("form[action='/provider/applications'][method=post] button[type=submit]")
        .await;
    assert!(
        b.exists(".notice").await,
        "application sent: {}",
        b.text("main").await
    );
    b.sign_out().await;

    b.sign_in("palveluvalikoima@demo.valinta.fi", PASSWORD)
        .await;
    b.goto("/purchaser/applications").await;
    b.go("button[name=decision][value=approve]").await;
    assert!(
        b.exists(".notice").await,
        "approved: {}",
        b.text("main").await
    );
    b.sign_out().await;

    b.sign_in("savy@demo.valinta.fi", PASSWORD).await;
    b.goto("/provider/offerings/new").await;
    b.select("#service_id", &gym).await;
    b.fill("#title_fi", "Kuntosali taiteilijoille").await;
    b.fill(
        "#description_fi",
        "Kuntosali ja venyttely maalauskurssin jälkeen.",
    )
    .await;
    b.fill("#unit_price", "25,50").await;
    b.click("input[name=municipalities]").await;
    b.go("form[action='/provider/offerings/new'] button[type=submit]")
        .await;
    assert!(
        b.exists(".notice").await,
        "offering saved: {}",
        b.text("main").await
    );
    assert!(
        b.text("table").await.contains("25,50"),
        "listed with its price"
    );
}
in_every_language!(a_provider_applies_and_a_catalogue_manager_approves, fi);
