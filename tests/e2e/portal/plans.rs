//! The client's plan in a real browser (issue #17): Liisa, a proxy with two clients, opens
//! the plan of the one she acts for (Matti) from his money page and writes answers with
//! him; a refused submit keeps every typed word; she adds a goal and evaluates it. The case
//! worker prices and decides it on her own pages, and Matti reads his decision in Swedish.
//! Every new page has no axe-core violations and reads at 360 px.
use serde_json::{Value, json};

use crate::harness::{Backend, TestApp, browser::Browser, client::expect_status, fixtures};

use super::{PASSWORD, acting::give_liisa_a_second_client, phones::problems_here};

fn api_id(reply: &crate::harness::client::Reply, what: &str) -> String {
    expect_status(reply, 201, what)["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

/// A plan for the client, opened by the demo case worker through the API.
async fn open_plan(app: &TestApp, worker: &str, client: &str) -> String {
    let reply = app
        .post(
            &format!("/api/v1/clients/{client}/plans"),
            worker,
            &json!({"need_identified_on": fixtures::day(-20)}),
        )
        .await;
    api_id(&reply, "a plan")
}

/// What the page shows, and its axe-core and 360 px problems (none expected).
async fn check_page(b: &Browser, what: &str) {
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "{what}: axe-core: {violations:#?}");
    b.set_width(360).await;
    let problems = problems_here(b).await;
    b.screenshot(&format!("plans-{what}-360")).await;
    b.set_width(1280).await;
    assert!(problems.is_empty(), "{what} at 360 px: {problems:#?}");
}

async fn plan_of(app: &TestApp, worker: &str, plan: &str) -> Value {
    let reply = app.get(&format!("/api/v1/plans/{plan}"), worker).await;
    expect_status(&reply, 200, "the plan").clone()
}

/// The demo's people and the two plans of the test.
struct Scene {
    worker: String,
    matti: String,
    matti_plan: String,
    ilmari_plan: String,
}

/// Liisa gets her second client, Ilmari; the case worker opens a plan for each.
async fn scene(app: &TestApp) -> Scene {
    let (ilmari, _) = give_liisa_a_second_client(app).await;
    let worker = app.login("sosiaalityo@demo.valinta.fi", PASSWORD).await;
    let matti_user = app.login("matti@demo.valinta.fi", PASSWORD).await;
    let me = app.get("/api/v1/me", &matti_user.token).await;
    let matti = expect_status(&me, 200, "me")["client_id"]
        .as_str()
        .expect("Matti is a client")
        .to_owned();
    let matti_plan = open_plan(app, &worker.token, &matti).await;
    let ilmari_plan = open_plan(app, &worker.token, &ilmari).await;

    Scene {
        worker: worker.token,
        matti,
        matti_plan,
        ilmari_plan,
    }
}

/// Liisa chooses Matti, finds his plan from his money page and writes answers with him;
/// a refused submit keeps every typed word.
async fn liisa_writes_matti_s_answers(app: &TestApp, b: &Browser, sc: &Scene) {
    let (matti, matti_plan, worker) = (&sc.matti, &sc.matti_plan, &sc.worker);
    b.goto("/").await;
    b.language("fi").await;
    b.sign_in("liisa@demo.valinta.fi", PASSWORD).await;
    b.go(&format!("form:has(input[value='{matti}']) button"))
        .await;
    assert!(b.text(".acting").await.contains("Matti Korhonen"));
    let due = b.text("[data-testid=plan-due]").await;
    assert!(
        due.contains("viimeistään"),
        "the money page says when: {due}"
    );
    b.go(&format!(
        "a[data-testid=plan-link][href='/my/plans/{matti_plan}']"
    ))
    .await;
    assert_eq!(
        b.path().await,
        format!("/my/plans/{matti_plan}"),
        "Matti's plan"
    );
    assert!(
        b.text("h1").await.contains("Matti Korhonen"),
        "the plan is named"
    );
    assert!(
        b.text(".acting").await.contains("Matti Korhonen"),
        "and for whom she acts"
    );
    check_page(b, "plan-draft").await;

    // A refused submit: one answer too long. Every typed word comes back.
    b.go(&format!("a[href='/my/plans/{matti_plan}/answers']"))
        .await;
    b.fill("#what_matters", "Oma koti ja musiikki.").await;
    b.client
        .execute(
            "document.getElementById('risks').value = 'x'.repeat(4001);",
            vec![],
        )
        .await
        .expect("type a long text");
    b.go("form.plan-answers-form button[type=submit]").await;
    assert!(b.exists("#error-summary").await, "the error is told");
    assert!(b.text("#risks-error").await.contains("Millaisia riskejä"));
    let kept = b
        .client
        .execute(
            "return [document.getElementById('what_matters').value, document.getElementById('risks').value.length];",
            vec![],
        )
        .await
        .expect("read the fields");
    assert_eq!(
        kept,
        json!(["Oma koti ja musiikki.", 4001]),
        "nothing typed is lost"
    );
    check_page(b, "answers-refused").await;
    assert_eq!(plan_of(app, worker, matti_plan).await["answers"], json!([]));

    b.fill("#risks", "Väsyn, jos päivä on liian pitkä.").await;
    b.go("form.plan-answers-form button[type=submit]").await;
    assert!(b.text(".notice").await.contains("Tallennettu"));
    let page = b.text("main").await;
    assert!(
        page.contains("Oma koti ja musiikki.") && page.contains("Kirjoittaja: sinä"),
        "{page}"
    );
}

/// A goal (the area a radio button in a fieldset), then its evaluation.
async fn liisa_adds_and_evaluates_a_goal(b: &Browser, matti_plan: &str) {
    // A goal: the area is a radio button in a fieldset; then an evaluation.
    b.go(&format!("a[href='/my/plans/{matti_plan}/goals/new']"))
        .await;
    check_page(b, "goal-form").await;
    b.fill("#text", "Käyn kitaratunnilla joka viikko.").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(b.exists("#area-error").await, "the area is asked for");
    assert_eq!(
        b.find("#text")
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default(),
        "Käyn kitaratunnilla joka viikko.",
        "the goal's text is kept"
    );
    b.click("#area-leisure").await;
    b.go("form.narrow button[type=submit]").await;
    assert!(b.text(".notice").await.contains("Tavoite lisätty"));
    b.go("article.goal a[href$='/evaluation']").await;
    check_page(b, "evaluation-form").await;
    b.click("#progress-4").await;
    b.fill("#note", "Kaksi tuntia käyty.").await;
    b.go("form.narrow button[type=submit]").await;
    let goal = b.text("article.goal").await;
    assert!(
        goal.contains("4/5: Melkein valmis") && goal.contains("Kaksi tuntia käyty."),
        "{goal}"
    );
    assert!(goal.contains("Vapaa-aika"), "{goal}");
}

/// The demo case worker prices Matti's plan and decides it on her own pages, with the
/// confirmation step; she sees Liisa's answer first. Returns the decision number.
async fn the_case_worker_prices_and_decides(app: &TestApp, b: &Browser, sc: &Scene) -> String {
    let (matti_plan, worker) = (&sc.matti_plan, &sc.worker);
    let pid = expect_status(&app.get("/api/v1/me", worker).await, 200, "me")["purchaser_id"]
        .as_str()
        .expect("purchaser")
        .to_owned();
    let services = app
        .get(
            &format!("/api/v1/purchasers/{pid}/services?per_page=100"),
            worker,
        )
        .await;
    let service = expect_status(&services, 200, "services")["items"][0]["id"]
        .as_str()
        .expect("a service")
        .to_owned();

    b.sign_out().await;
    b.sign_in("sosiaalityo@demo.valinta.fi", PASSWORD).await;
    b.goto(&format!("/purchaser/plans/{matti_plan}")).await;
    assert!(b.text("h1").await.contains("Matti Korhonen"), "whose plan");
    let answers = b.text("[data-testid=answers]").await;
    assert!(
        answers.contains("Oma koti ja musiikki.") && answers.contains("Liisa Korhonen"),
        "the proxy's answer and who wrote it: {answers}"
    );
    // 4 a month × 6 months × 25,50 € = 612,00 €.
    b.select("#service_id", &service).await;
    b.fill("#quantity_per_month", "4").await;
    b.fill("#months", "6").await;
    b.fill("#unit_price", "25,50").await;
    b.go("form[action$='/lines'] button[type=submit]").await;
    assert_eq!(b.text("[data-testid=estimate-total]").await, "612,00 €");
    b.go(&format!("a[href='/purchaser/plans/{matti_plan}/decision']"))
        .await;
    b.go("form[action$='/decision'] button[type=submit]").await;
    let what = b.text("[data-testid=what-happens]").await;
    assert!(
        what.contains("Matti Korhonen") && what.contains("612,00 €"),
        "the confirmation says what and to whom: {what}"
    );
    b.go("button[value=confirm]").await;
    let decision = b.text("[data-testid=decision]").await;
    assert!(decision.contains("612,00 €"), "{decision}");
    let plan = expect_status(
        &app.get(&format!("/api/v1/plans/{matti_plan}"), worker)
            .await,
        200,
        "the decided plan",
    )
    .clone();
    assert_eq!(plan["status"], "decided", "{plan}");
    let number = plan["allocation"]["decision_number"]
        .as_str()
        .or_else(|| plan["decision_number"].as_str())
        .unwrap_or_else(|| panic!("a decision number: {plan}"))
        .to_owned();
    assert!(decision.contains(&number), "{decision}");
    number
}

/// Liisa writes Matti's plan in Finnish, and Matti reads his decision in Swedish.
async fn a_proxy_writes_the_right_clients_plan_and_the_client_reads_the_decision(backend: Backend) {
    let (app, browser) = super::demo(backend).await;
    let Some(b) = browser else { return };
    let sc = scene(&app).await;
    liisa_writes_matti_s_answers(&app, &b, &sc).await;
    liisa_adds_and_evaluates_a_goal(&b, &sc.matti_plan).await;
    // Ilmari's plan is untouched.
    let other = plan_of(&app, &sc.worker, &sc.ilmari_plan).await;
    assert_eq!(
        (other["answers"].clone(), other["goals"].clone()),
        (json!([]), json!([]))
    );

    let number = the_case_worker_prices_and_decides(&app, &b, &sc).await;
    let matti_plan = &sc.matti_plan;
    // Matti reads it in Swedish.
    b.sign_out().await;
    b.sign_in("matti@demo.valinta.fi", PASSWORD).await;
    b.language("sv").await;
    b.goto("/my").await;
    let pace = b
        .text(&format!(
            "div.plan-link:has(a[href='/my/plans/{matti_plan}']) [data-testid=pace]"
        ))
        .await;
    assert!(
        pace.contains("Inga pengar har använts"),
        "the money page tells the pace: {pace}"
    );
    b.go(&format!(
        "a[data-testid=plan-link][href='/my/plans/{matti_plan}']"
    ))
    .await;
    assert!(
        b.text("main").await.contains("Liisa Korhonen (för dig)"),
        "who wrote it"
    );
    check_page(&b, "plan-decided").await;
    b.go(&format!("a[href='/plans/{matti_plan}/decision']"))
        .await;
    let text = b.text("[data-testid=decision-text]").await;
    assert!(
        text.contains(&format!("Beslut {number}")) && text.contains("omprövningsyrkande"),
        "the decision in Swedish: {text}"
    );
    assert_eq!(
        b.text("[data-testid=decision-client]").await,
        "Matti Korhonen"
    );
    assert!(
        b.exists("button[data-print]:not([hidden])").await,
        "a print button"
    );
    check_page(&b, "decision").await;
    b.close().await;
}
db_test!(backend a_proxy_writes_the_right_clients_plan_and_the_client_reads_the_decision);
