//! Plain lists of an allocation's commitments and a commitment's deliveries: visible to the
//! client side, case workers and the commitment's provider, to nobody else.
use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, client, day, deliver, delivery_body, provider, proxy},
};

async fn commitments_and_deliveries_are_listed_for_those_entitled_only(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    for (quantity, reference) in [("1", "LIST-1"), ("2", "LIST-2")] {
        let reply = deliver(
            &app,
            &market.provider,
            &commitment,
            &delivery_body(&day(0), quantity, "45.00", reference),
        )
        .await;
        expect_status(&reply, 201, "deliver");
    }
    let commitments_path = format!("/api/v1/allocations/{}/commitments", market.allocation_id);
    let deliveries_path = format!("/api/v1/commitments/{commitment}/deliveries");
    let guardian = proxy(&app, &market.purchaser, &market.client).await;

    for (who, token) in [
        ("client", &market.client.user.token),
        ("proxy", &guardian.token),
        ("case worker", &market.purchaser.case_worker.token),
    ] {
        let listed = app.get(&commitments_path, token).await;
        let body = expect_status(&listed, 200, who);
        assert_eq!(body["total"], 1, "{who}: {body}");
        assert_eq!(body["items"][0]["id"], commitment.as_str());
        let deliveries = app.get(&deliveries_path, token).await;
        let body = expect_status(&deliveries, 200, who);
        assert_eq!(body["total"], 2, "{who}: {body}");
        // Newest first: the two-unit delivery leaves 2 × (45.00 − 40.00) to the client.
        assert_eq!(body["items"][0]["client_share"], "10.00", "{who}: {body}");
        assert_eq!(body["items"][1]["client_share"], "5.00", "{who}: {body}");
    }
    let by_provider = app
        .get(&deliveries_path, &market.provider.staff.token)
        .await;
    assert_eq!(expect_status(&by_provider, 200, "provider")["total"], 2);

    let stranger_provider = provider(&app).await;
    let stranger_client = client(&app, &market.purchaser).await;
    for (who, token) in [
        ("another provider", &stranger_provider.staff.token),
        ("another client", &stranger_client.user.token),
    ] {
        for path in [&commitments_path, &deliveries_path] {
            let reply = app.get(path, token).await;
            assert_eq!(reply.0.as_u16(), 404, "{who} on {path}: {reply:?}");
        }
    }
    let providers_view = app
        .get(&commitments_path, &market.provider.staff.token)
        .await;
    assert_eq!(
        providers_view.0.as_u16(),
        404,
        "a provider does not list the client's allocation: {providers_view:?}"
    );
}
db_test!(commitments_and_deliveries_are_listed_for_those_entitled_only);
