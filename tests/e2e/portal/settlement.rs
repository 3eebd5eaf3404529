//! Invoicing in the browser: purchaser finance sees what waits to be invoiced in a month,
//! checks the preview of what settling will make and confirms it, reads the invoice list
//! (its total checked against the spend report over the API), opens an invoice's page
//! (its rows adding up to its total, readable at 1280 and 360 px, checked with axe) and
//! its Finvoice file (valid against the official schema), and finds the books reconciled.
use crate::harness::{TestApp, browser::Browser, client::expect_status, finvoice, fixtures::today};

use super::{PASSWORD, cents};

const FINANCE: &str = "talous@demo.valinta.fi";

async fn sum_of(b: &Browser, css: &str) -> i64 {
    let cells = b
        .client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .expect("amount cells");
    let mut sum = 0;
    for cell in cells {
        sum += cents(&cell.text().await.expect("cell text"));
    }
    sum
}

/// axe-core finds nothing, and at 360 px the page does not scroll sideways (wide tables
/// scroll in their own region); screenshots at both widths.
async fn check_page(b: &Browser, name: &str, problems: &mut Vec<String>) {
    b.set_width(1280).await;
    for v in b.axe_violations().await {
        problems.push(format!("{name}: {v}"));
    }
    b.screenshot(&format!("{name}-desktop")).await;
    b.set_width(360).await;
    if let Some(wide) = b.overflow().await {
        problems.push(format!("{name}: scrolls sideways at 360 px: {wide}"));
    }
    b.screenshot(&format!("{name}-phone")).await;
    // The first wide table, as it scrolls in its own region on a phone.
    b.client
        .execute(
            "document.querySelector('.table-wrap')?.scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");
    b.screenshot(&format!("{name}-phone-table")).await;
    // The page as it prints: the print rules applied on screen, at about A4's width.
    b.set_width(800).await;
    b.client
        .execute(
            "for (const s of document.styleSheets) for (const r of s.cssRules) \
             if (r.media && r.media.mediaText === 'print') r.media.mediaText = 'all';",
            vec![],
        )
        .await
        .expect("print rules");
    b.screenshot(&format!("{name}-print")).await;
    b.client
        .execute(
            "document.querySelector('.table-wrap')?.scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");
    b.screenshot(&format!("{name}-print-table")).await;
    b.set_width(1280).await;
    b.client.refresh().await.expect("reload");
}

async fn finance_invoices_a_month_and_the_books_match(app: &TestApp, b: &Browser, lang: &str) {
    let mut problems = Vec::new();
    // The demo's latest home-care visit was two days ago: its month has work to invoice.
    let month = (today() - chrono::Duration::days(2))
        .format("%Y-%m")
        .to_string();
    b.goto("/").await;
    b.language(lang).await;
    b.sign_in(FINANCE, PASSWORD).await;
    b.goto(&format!("/purchaser/settlement?month={month}"))
        .await;
    assert!(
        b.exists("#waiting-caption").await,
        "deliveries wait to be invoiced"
    );
    assert!(
        !b.exists("#invoices-caption").await,
        "no invoices before the run"
    );
    assert!(
        !b.exists("form[action='/purchaser/settlement'] button")
            .await,
        "nothing is invoiced from the month page without the preview"
    );

    // First the preview: what will be invoiced, per provider.
    b.go("a[href^='/purchaser/settlement/preview']").await;
    assert!(b.path().await.starts_with("/purchaser/settlement/preview"));
    assert!(b.exists("#preview-caption").await, "the preview's table");
    let previewed = sum_of(b, "#preview-caption ~ tbody tr td:nth-child(5)").await;
    assert!(previewed > 0, "something to invoice");
    check_page(
        b,
        &format!("talous-settlement-preview-{lang}"),
        &mut problems,
    )
    .await;

    // Then the explicit confirmation.
    b.go("form[action='/purchaser/settlement'] button[type=submit]")
        .await;
    assert!(b.exists(".notice").await, "a confirmation");
    assert!(
        b.path().await.starts_with("/purchaser/settlement"),
        "back on the invoicing page"
    );
    let shown = sum_of(
        b,
        "section[aria-labelledby=invoices-heading] tbody tr td:nth-child(4)",
    )
    .await;

    // The same month's spend, read over the API, is what was invoiced, and what the
    // preview said (the providers without bank details wait, in both).
    let finance = app.login(FINANCE, PASSWORD).await;
    let me = app.get("/api/v1/me", &finance.token).await;
    let pid = expect_status(&me, 200, "me")["purchaser_id"]
        .as_str()
        .expect("finance belongs to a purchaser")
        .to_owned();
    let spend = app
        .get(
            &format!("/api/v1/purchasers/{pid}/reports/spend?from={month}&to={month}"),
            &finance.token,
        )
        .await;
    let spend = expect_status(&spend, 200, "spend");
    let invoiced: i64 = spend["by_provider"]
        .as_array()
        .expect("providers")
        .iter()
        .filter(|p| !p["name"].as_str().unwrap_or_default().contains("Städ"))
        .map(|p| {
            cents(
                &p["purchaser_share"]
                    .as_str()
                    .unwrap_or_default()
                    .replace('.', ","),
            )
        })
        .sum();
    assert_eq!(
        shown, invoiced,
        "the invoices shown add up to the month's spend"
    );

    // Every invoice's Finvoice, as the API serves it, passes the official schema and
    // adds up; the demo county and Kielo have routing, so one carries the envelope.
    let listed = app
        .get(
            &format!("/api/v1/purchasers/{pid}/invoices?month={month}&per_page=100"),
            &finance.token,
        )
        .await;
    let mut routed = 0;
    for invoice in expect_status(&listed, 200, "invoices")["items"]
        .as_array()
        .expect("items")
    {
        let id = invoice["id"].as_str().expect("id");
        let checked = finvoice::served(app, id, &finance.token, "demo invoice").await;
        routed += usize::from(checked.has("MessageTransmissionDetails"));
    }
    assert_eq!(routed, 1, "Kielo's invoice is routed");

    // The invoice's page: header, rows that add up to its total, links to both files.
    b.go("section[aria-labelledby=invoices-heading] tbody tr td:first-child a")
        .await;
    assert!(
        b.path().await.starts_with("/invoices/"),
        "{}",
        b.path().await
    );
    let rows = sum_of(b, "#rows-caption ~ tbody tr td:nth-child(8)").await;
    let total = cents(&b.text("#rows-caption ~ tfoot td:nth-child(4)").await);
    assert_eq!(rows, total, "the rows add up to the invoice's total");
    assert!(b.exists("a[href$='/finvoice.xml']").await && b.exists("a[href$='/lines.csv']").await);
    assert!(b.exists("#seller-heading").await && b.exists("#buyer-heading").await);
    check_page(b, &format!("talous-invoice-{lang}"), &mut problems).await;

    // The Finvoice file opens for finance in the browser session.
    let finvoice = b
        .find("a[href$='/finvoice.xml']")
        .await
        .attr("href")
        .await
        .expect("href")
        .expect("a link");
    b.goto(&finvoice).await;
    let source = b.client.source().await.expect("page source");
    assert!(source.contains("Finvoice"), "{source}");

    b.goto("/purchaser/finance").await;
    assert!(b.exists(".books-ok").await, "the books reconcile");
    assert!(
        b.text(".books").await.contains('✔'),
        "the result is said with a symbol and words, not colour alone"
    );
    assert!(problems.is_empty(), "{problems:#?}");
}
in_every_language!(finance_invoices_a_month_and_the_books_match, fi);
