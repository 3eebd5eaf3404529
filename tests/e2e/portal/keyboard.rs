//! The client flow with the keyboard only: Tab to move, typing into fields, Enter and
//! Space to act. Focus must be visible at every step.
use fantoccini::key::Key;

use crate::harness::{TestApp, browser::Browser};

use super::PASSWORD;

async fn a_client_can_do_everything_with_the_keyboard(_app: &TestApp, b: &Browser, lang: &str) {
    b.goto("/").await;
    b.language(lang).await;
    b.goto("/").await;
    // The first Tab reaches the skip link; Enter moves into the main content.
    let skip = b.tab_to("a.skip", 1).await;
    assert!(
        skip.is_displayed().await.expect("displayed"),
        "the skip link shows when focused"
    );
    b.press(Key::Enter).await;
    let focused = b
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .expect("focus");
    assert_eq!(
        focused,
        serde_json::json!("main"),
        "the skip link moves focus to the content"
    );

    b.goto("/signin").await;
    b.tab_to("#email", 40)
        .await
        .send_keys("aino@demo.valinta.fi")
        .await
        .expect("type");
    b.tab_to("#password", 5)
        .await
        .send_keys(PASSWORD)
        .await
        .expect("type");
    b.press_to_go(Key::Enter).await;
    assert_eq!(b.path().await, "/my", "signed in with Enter");

    b.tab_to("nav a[href='/search']", 40).await;
    b.press_to_go(Key::Enter).await;
    b.tab_to("#q", 40)
        .await
        .send_keys("koti")
        .await
        .expect("type");
    b.press_to_go(Key::Enter).await;
    assert!(b.path().await.contains("q=koti"), "searched with Enter");

    b.tab_to(".hits li:nth-child(1) input[name=ids]", 80).await;
    b.press(Key::Space).await;
    b.tab_to(".hits li:nth-child(2) input[name=ids]", 20).await;
    b.press(Key::Space).await;
    b.tab_to("#compare-form button[type=submit]", 40).await;
    b.press_to_go(Key::Enter).await;
    assert!(
        b.path().await.starts_with("/compare"),
        "compared with the keyboard"
    );

    b.tab_to("table.compare a.button", 60).await;
    b.press_to_go(Key::Enter).await;
    assert!(b.path().await.ends_with("/choose"), "on the choose page");
    b.tab_to("form.narrow button[type=submit]", 40).await;
    b.press_to_go(Key::Enter).await;
    assert!(
        b.path().await.starts_with("/my"),
        "the request was sent: {}",
        b.text("main").await
    );
    assert!(b.exists(".notice").await, "and confirmed");
}

mod a_client_can_do_everything_with_the_keyboard {
    portal_test!(a_client_can_do_everything_with_the_keyboard, fi, sqlite);
}
