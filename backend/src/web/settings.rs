//! `/settings/notifications`: anyone signed in chooses which optional emails they get
//! (delivery emails one by one, as a weekly digest, or not at all). The page says which
//! emails are always sent, and why.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use valinta_emails::Topic;

use crate::{
    error::AppResult,
    notify::choices::{self as notifications, choices_for},
    notify::queue::Choice,
    web::{
        page::{self, Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "settings/notifications.html")]
struct NotificationsPage {
    page: PageCtx,
    fields: Vec<Field>,
    errors: FormErrors,
}

fn label(lang: crate::web::i18n::Lang, choice: Choice, topic: Topic) -> String {
    match (choice, topic) {
        (Choice::On, Topic::Deliveries) => lang.t("choice-each"),
        (Choice::On, _) => lang.t("choice-on"),
        (Choice::Weekly, _) => lang.t("choice-weekly"),
        (Choice::Off, _) => lang.t("choice-off"),
    }
}

async fn draw(
    web: &Web,
    typed: Option<&[(String, String)]>,
    errors: FormErrors,
) -> AppResult<Response> {
    let actor = web.signed_in()?;
    let lang = web.lang;
    let current = notifications::current(&web.state.db, actor.user_id).await?;
    let mut fields = Vec::new();
    for topic in Topic::ALL {
        let name = topic.as_str();
        let saved = current
            .topics
            .iter()
            .find(|t| t.topic == name)
            .map(|t| t.choice.clone())
            .unwrap_or_default();
        let chosen = typed
            .and_then(|t| t.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
            .unwrap_or(saved);
        let options = choices_for(topic)
            .into_iter()
            .map(|c| page::Choice::new(c.as_str(), label(lang, c, topic), c.as_str() == chosen))
            .collect();
        fields.push(
            Field::new(
                field_name(topic),
                "select",
                lang.t(&format!("topic-{name}")),
            )
            .hint(lang.t(&format!("topic-{name}-hint")))
            .options(options),
        );
    }
    errors.apply(&mut fields);
    render(&NotificationsPage {
        page: PageCtx::new(web, "notifications-title"),
        fields,
        errors,
    })
}

/// Form field names are the topic names (`'static` for the field).
fn field_name(topic: Topic) -> &'static str {
    match topic {
        Topic::Deliveries => "deliveries",
        Topic::Commitments => "commitments",
        Topic::Reminders => "reminders",
        Topic::Reviews => "reviews",
    }
}

pub async fn show(web: Web) -> AppResult<Response> {
    draw(&web, None, FormErrors::default()).await
}

pub async fn submit(
    web: Web,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let actor = web.signed_in()?.clone();
    let typed: Vec<(String, String)> = pairs.into_iter().filter(|(k, _)| k != "csrf").collect();
    let input = typed.iter().cloned().collect();
    let saved = match notifications::parse_choices(&input) {
        Ok(choices) => notifications::save(&web.state.db, actor.user_id, choices).await,
        Err(e) => Err(e),
    };
    match saved {
        Ok(()) => Ok(done("/settings/notifications", "notifications-saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, Some(&typed), errors).await
        }
    }
}
