//! The portal: server-rendered, accessible pages for clients, proxies, providers and
//! purchasers. Pages call the same operations modules as the API (`routes/`), never its
//! handlers, so every rule lives once; this layer parses forms, picks words and draws HTML.
pub mod acting;
pub mod admin;
pub mod admin_users;
pub mod amounts;
pub mod assets;
pub mod client;
pub mod decision_form;
pub mod errors;
pub mod format;
/// The portal's languages live in [`crate::i18n`] (the API's language choice uses them too).
pub use crate::i18n;
pub mod invoice;
pub mod item_forms;
pub mod language_choice;
pub mod page;
pub mod pager;
pub mod password;
pub mod plan_decision;
pub mod provider;
pub mod public;
pub mod purchaser;
pub mod review_view;
pub mod session;
pub mod settings;
pub mod start;
pub mod statement;
pub mod views;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    middleware,
    routing::{get, post},
};

use crate::state::AppState;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(start::root))
        .route("/start", get(start::show))
        .route("/purchaser/demand-gaps", get(purchaser::demand_gaps::show))
        .route("/search", get(public::search::show))
        .route("/offerings/{id}", get(public::offering::show))
        .route("/providers/{id}", get(public::provider::show))
        .route("/compare", get(public::compare::show))
        .route(
            "/reviews/{id}/report",
            get(public::report::show).post(public::report::submit),
        )
        .route(
            "/my/offerings/{id}/review",
            get(client::review::show).post(client::review::submit),
        )
        .route("/my/reviews", get(client::reviews::show))
        .route("/provider/reviews", get(provider::reviews::list))
        .route(
            "/provider/reviews/{id}/reply",
            post(provider::reviews::reply),
        )
        .route("/purchaser/reviews", get(purchaser::reviews::list))
        .route(
            "/purchaser/reviews/{id}/decision",
            post(purchaser::reviews::decide),
        )
        .route(
            "/signin",
            get(public::signin::show).post(public::signin::submit),
        )
        .route("/signout", post(public::signin::sign_out))
        .route("/auth/oidc/login", get(public::oidc::login))
        .route("/auth/oidc/callback", get(public::oidc::callback))
        .route("/auth/oidc/choose", post(public::oidc::choose))
        .route(
            "/password/forgot",
            get(password::forgot).post(password::send_link),
        )
        .route("/password/set", get(password::choose).post(password::set))
        .route(
            "/settings/password",
            get(password::change_form).post(password::change),
        )
        .route("/admin/users", get(admin_users::list))
        .route(
            "/admin/users/{id}/active",
            get(admin_users::confirm).post(admin_users::set_active),
        )
        .route("/language", post(public::language::choose))
        .route("/my", get(client::money::show))
        .route("/my/plans/{id}", get(client::plan::show))
        .route(
            "/my/plans/{id}/answers",
            get(client::plan_answers::show).post(client::plan_answers::submit),
        )
        .route(
            "/my/plans/{id}/goals/new",
            get(client::plan_goals::new_goal).post(client::plan_goals::add_goal),
        )
        .route(
            "/my/goals/{id}/evaluation",
            get(client::plan_goals::new_evaluation).post(client::plan_goals::evaluate),
        )
        .route("/plans/{id}/decision", get(plan_decision::show))
        .route(
            "/my/acting-for",
            get(client::acting_for::show).post(client::acting_for::choose),
        )
        .route("/my/allocations/{id}/statement", get(statement::for_client))
        .route(
            "/purchaser/allocations/{id}/statement",
            get(statement::for_case_worker),
        )
        .route("/provider/statement", get(provider::statement::show))
        .route(
            "/purchaser/recording",
            get(purchaser::recording::show).post(purchaser::recording::submit),
        )
        .route(
            "/offerings/{id}/choose",
            get(client::choose::show).post(client::choose::submit),
        )
        .route(
            "/my/commitments/{id}/end",
            get(client::end_order::show).post(client::end_order::submit),
        )
        .route(
            "/my/deliveries/{id}/dispute",
            get(client::dispute::show).post(client::dispute::submit),
        )
        .route(
            "/provider",
            get(provider::profile::show).post(provider::profile::submit),
        )
        .route(
            "/provider/applications",
            get(provider::applications::show).post(provider::applications::submit),
        )
        .route("/provider/offerings", get(provider::offerings::list))
        .route(
            "/provider/offerings/new",
            get(provider::offerings::new).post(provider::offerings::create),
        )
        .route(
            "/provider/offerings/{id}",
            get(provider::offerings::edit).post(provider::offerings::update),
        )
        .route(
            "/provider/offerings/{id}/archive",
            post(provider::offerings::archive),
        )
        .route("/provider/commitments", get(provider::commitments::list))
        .route(
            "/provider/commitments/{id}/answer",
            post(provider::commitments::answer),
        )
        .route(
            "/provider/commitments/{id}/deliver",
            get(provider::deliveries::new).post(provider::deliveries::record),
        )
        .route("/provider/deliveries", get(provider::deliveries::by_month))
        .route(
            "/provider/deliveries/upload",
            get(provider::upload::show)
                .post(provider::upload::submit)
                // The file may be as large as the API takes (see `routes::limit_body`).
                .layer(DefaultBodyLimit::max(
                    crate::upload::record::UPLOAD_LIMIT + 64 * 1024,
                )),
        )
        .route(
            "/provider/api-keys",
            get(provider::api_keys::show).post(provider::api_keys::create),
        )
        .route(
            "/provider/api-keys/{id}/revoke",
            get(provider::api_keys::confirm).post(provider::api_keys::revoke),
        )
        .route(
            "/provider/deliveries/{id}/void",
            get(provider::void::confirm).post(provider::void::void),
        )
        .route("/provider/disputes", get(provider::disputes::list))
        .route(
            "/provider/disputes/{id}/account",
            post(provider::disputes::account),
        )
        .route(
            "/purchaser/commitments/{id}/late-recording",
            post(purchaser::late_recording::open),
        )
        .route(
            "/purchaser/catalogue",
            get(purchaser::catalogue::show).post(purchaser::catalogue::create),
        )
        .route(
            "/purchaser/catalogue/{id}",
            get(purchaser::catalogue_entry::show).post(purchaser::catalogue_entry::update),
        )
        .route(
            "/purchaser/catalogue/{id}/archive",
            get(purchaser::catalogue_entry::confirm_archive)
                .post(purchaser::catalogue_entry::archive),
        )
        .route(
            "/purchaser/applications",
            get(purchaser::applications::list),
        )
        .route(
            "/purchaser/applications/{id}/decision",
            post(purchaser::applications::decide),
        )
        .route(
            "/purchaser/clients",
            get(purchaser::clients::list).post(purchaser::clients::create),
        )
        .route(
            "/purchaser/clients/search",
            post(purchaser::clients::search),
        )
        .route("/purchaser/clients/{id}", get(purchaser::clients::show))
        .route(
            "/purchaser/clients/{id}/proxies",
            post(purchaser::clients::add_proxy),
        )
        .route(
            "/purchaser/clients/{id}/mandates/{mid}/revoke",
            get(purchaser::mandate_end::confirm).post(purchaser::mandate_end::end),
        )
        .route(
            "/purchaser/clients/{id}/allocations",
            get(purchaser::allocations::new).post(purchaser::allocations::create),
        )
        .route("/purchaser/plans", get(purchaser::plans::caseload::list))
        .route(
            "/purchaser/clients/{id}/plans",
            get(purchaser::plans::open::new).post(purchaser::plans::open::create),
        )
        .route("/purchaser/plans/{id}", get(purchaser::plans::show::show))
        .route(
            "/purchaser/plans/{id}/answers",
            post(purchaser::plans::writing::answers),
        )
        .route(
            "/purchaser/plans/{id}/goals",
            post(purchaser::plans::writing::goal),
        )
        .route(
            "/purchaser/plans/{id}/goals/{gid}/evaluations",
            post(purchaser::plans::writing::evaluate),
        )
        .route(
            "/purchaser/plans/{id}/lines",
            post(purchaser::plans::lines::add),
        )
        .route(
            "/purchaser/plans/{id}/decision",
            get(purchaser::plans::decision::new).post(purchaser::plans::decision::submit),
        )
        .route("/purchaser/disputes", get(purchaser::disputes::list))
        .route(
            "/purchaser/disputes/{id}/decision",
            post(purchaser::disputes::decide),
        )
        .route(
            "/purchaser/settlement",
            get(purchaser::settlement::show).post(purchaser::settlement_preview::confirm),
        )
        .route(
            "/purchaser/settlement/preview",
            get(purchaser::settlement_preview::show),
        )
        .route(
            "/purchaser/settlement/einvoice",
            post(purchaser::settlement::save_einvoice),
        )
        .route("/invoices/{id}", get(invoice::show))
        .route(
            "/purchaser/settlement/{month}/lines.csv",
            get(purchaser::settlement::month_csv),
        )
        .route(
            "/invoices/{id}/finvoice.xml",
            get(purchaser::settlement::finvoice),
        )
        .route(
            "/invoices/{id}/lines.csv",
            get(purchaser::settlement::invoice_csv),
        )
        .route("/purchaser/finance", get(purchaser::finance::show))
        .route(
            "/purchaser/plans/{id}/close",
            get(purchaser::plan_close::confirm).post(purchaser::plan_close::end),
        )
        .route("/purchaser/plan-report", get(purchaser::plan_report::show))
        .route(
            "/settings/notifications",
            get(settings::show).post(settings::submit),
        )
        .route("/admin/emails", get(admin::list))
        .route("/admin/emails/{id}/retry", post(admin::retry))
        .route("/admin/emails/outbox/{file}", get(admin::stored))
        .route("/static/{file}", get(assets::serve))
        // Unknown paths: a JSON 404 under /api, a page elsewhere (see `errors`).
        .fallback(|| async { crate::error::AppError::not_found("page") })
        .layer(middleware::from_fn_with_state(state, errors::error_pages))
        .layer(middleware::from_fn(session::ensure_browser_id))
        .layer(middleware::from_fn(language_choice::remember_url_choice))
}
