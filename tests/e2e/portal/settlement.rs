//! Invoicing in the browser: purchaser finance sees what waits to be invoiced in a month,
//! makes the invoices with one button, reads the invoice list (its total checked against
//! the spend report over the API) and the Finvoice file, and finds the books reconciled —
//! said in words on the money page.
use crate::harness::{TestApp, browser::Browser, client::expect_status, fixtures::today};

use super::{PASSWORD, cents};

const FINANCE: &str = "talous@demo.valinta.fi";

async fn finance_invoices_a_month_and_the_books_match(app: &TestApp, b: &Browser, lang: &str) {
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

    b.go("form[action='/purchaser/settlement'] button[type=submit]")
        .await;
    assert!(b.exists(".notice").await, "a confirmation");
    assert!(
        b.path().await.starts_with("/purchaser/settlement"),
        "back on the invoicing page"
    );
    let shown: i64 = {
        let cells = b
            .client
            .find_all(fantoccini::Locator::Css(
                "section[aria-labelledby=invoices-heading] tbody tr td:nth-child(4)",
            ))
            .await
            .expect("amount cells");
        let mut sum = 0;
        for cell in cells {
            sum += cents(&cell.text().await.expect("cell text"));
        }
        sum
    };

    // The same month's spend, read over the API, is what was invoiced.
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
}
in_every_language!(finance_invoices_a_month_and_the_books_match, fi);
