//! `GET /api/v1/compare`: offerings side by side, and for the client their own share per unit
//! under their voucher value and how many units their available balance buys.
use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, approve, offering, provider},
};

async fn a_client_sees_their_own_share_and_units_affordable(app: TestApp) {
    let market = Market::build(&app).await;
    let cheaper = provider(&app).await;
    approve(&app, &cheaper, &market.purchaser, &[&market.service_id]).await;
    let cheap_offering = offering(&app, &cheaper, &market.service_id, "38.00").await;
    let ids = format!("{},{}", market.offering_id, cheap_offering);

    let public = app.get(&format!("/api/v1/compare?ids={ids}"), "").await;
    let public = expect_status(&public, 200, "anyone compares");
    assert_eq!(
        public["offerings"][0]["offering_id"],
        market.offering_id.as_str()
    );
    assert_eq!(public["offerings"][0]["unit_price"], "45.00");
    assert_eq!(public["offerings"][1]["unit_price"], "38.00");
    assert!(
        public["offerings"][0]
            .get("client_share_per_unit")
            .is_none(),
        "no personal figures without a client"
    );

    let path = format!(
        "/api/v1/compare?ids={ids}&allocation_id={}",
        market.allocation_id
    );
    let personal = app.get(&path, &market.client.user.token).await;
    let personal = expect_status(&personal, 200, "the client compares");
    // Voucher value 40.00: 45.00 leaves 5.00 to the client and 1000.00 buys 25 units;
    // 38.00 is fully covered and 1000.00 buys 26 units.
    assert_eq!(personal["offerings"][0]["client_share_per_unit"], "5.00");
    assert_eq!(personal["offerings"][0]["units_affordable"], 25);
    assert_eq!(personal["offerings"][1]["client_share_per_unit"], "0.00");
    assert_eq!(personal["offerings"][1]["units_affordable"], 26);

    // Someone else's allocation is not visible; one id, five ids or a bad id is a 400.
    let stranger = provider(&app).await;
    let refused = app.get(&path, &stranger.staff.token).await;
    assert_eq!(refused.0.as_u16(), 404, "{refused:?}");
    for bad in [
        market.offering_id.clone(),
        format!("{ids},{ids},x"),
        "nope,also-nope".to_owned(),
    ] {
        let reply = app.get(&format!("/api/v1/compare?ids={bad}"), "").await;
        assert_eq!(reply.0.as_u16(), 400, "{bad}: {reply:?}");
        assert!(reply.1["error"]["fields"]["ids"].is_string(), "{reply:?}");
    }
}
db_test!(a_client_sees_their_own_share_and_units_affordable);
