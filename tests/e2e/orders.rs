//! The client side ends an order from the portal on a confirmation page: a pending one is
//! cancelled, an accepted one closed, and what was reserved returns once, whatever is
//! replayed. Only the order's own client side may, from that client's own page.
use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{Market, client, proxy, request_commitment},
    form_session::FormSession,
    money::Balance,
};

async fn a_client_cancels_a_pending_order_and_the_reservation_returns_once(app: TestApp) {
    let market = Market::build(&app).await;
    let reply = request_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        Some("100.00"),
    )
    .await;
    let order = id_of(expect_status(&reply, 201, "order"));
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "900.00", "100.00", "0.00")
    );

    let page = FormSession::new(&app, Some(&market.client.user.token)).await;
    let (status, money) = page.get(&app, "/my").await;
    assert_eq!(status, 200);
    assert!(
        money.contains(&format!("href=\"/my/commitments/{order}/end\"")),
        "a cancel link on the money page: {money}"
    );
    let (status, confirm) = page
        .get(&app, &format!("/my/commitments/{order}/end"))
        .await;
    assert_eq!(status, 200, "{confirm}");
    assert!(confirm.contains("Perutaanko tilaus?"), "{confirm}");
    assert!(confirm.contains("100,00"), "shows what returns: {confirm}");
    // Looking changes nothing.
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "900.00", "100.00", "0.00")
    );

    // Another client, and a proxy of another client, find no such order.
    let stranger = client(&app, &market.purchaser).await;
    let other = FormSession::new(&app, Some(&stranger.user.token)).await;
    let (status, _) = other
        .post(&app, &format!("/my/commitments/{order}/end"), &[], true)
        .await;
    assert_eq!(status, 404, "another client's order");
    let strangers_proxy = proxy(&app, &market.purchaser, &stranger).await;
    let their_proxy = FormSession::new(&app, Some(&strangers_proxy.token)).await;
    let (status, _) = their_proxy
        .post(&app, &format!("/my/commitments/{order}/end"), &[], true)
        .await;
    assert!(
        status == 404 || status == 303,
        "a proxy of someone else reaches nothing (404, or the chooser): {status}"
    );
    // Without the browser's token nothing happens.
    let (status, _) = page
        .post(&app, &format!("/my/commitments/{order}/end"), &[], false)
        .await;
    assert_eq!(status, 403, "CSRF");
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "900.00", "100.00", "0.00")
    );

    let (status, _) = page
        .post(&app, &format!("/my/commitments/{order}/end"), &[], true)
        .await;
    assert_eq!(status, 303, "post-redirect-get");
    let read = app
        .get(
            &format!("/api/v1/commitments/{order}"),
            &market.client.user.token,
        )
        .await;
    assert_eq!(expect_status(&read, 200, "read")["status"], "cancelled");
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "1000.00", "0.00", "0.00")
    );
    // A replayed form changes nothing more.
    let (status, _) = page
        .post(&app, &format!("/my/commitments/{order}/end"), &[], true)
        .await;
    assert_eq!(status, 409, "already ended");
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "1000.00", "0.00", "0.00")
    );
    let (_, money) = page.get(&app, "/my?done=order-cancelled").await;
    assert!(money.contains("Tilaus on peruttu."), "{money}");
    assert!(
        !money.contains(&format!("/my/commitments/{order}/end")),
        "no cancel link on an ended order"
    );
}
db_test!(a_client_cancels_a_pending_order_and_the_reservation_returns_once);
