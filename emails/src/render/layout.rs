//! The two layouts every email shares: `templates/layout.html` and `templates/layout.txt`.
use askama::Template;

use super::{Block, Body, PortalUrl, RenderError, Rendered, fluent::Tr, fluent::s};
use crate::Kind;

/// Where a reader chooses which optional emails they get.
pub const SETTINGS_PATH: &str = "/settings/notifications";

/// Everything both layouts show, already in the reader's language.
struct Page<'a> {
    lang: &'static str,
    subject: &'a str,
    greeting: String,
    blocks: &'a [Block],
    action: &'a str,
    link: String,
    link_fallback: String,
    footer_sent: String,
    /// Optional kinds: how to turn them off; mandatory kinds: why they always come.
    footer_choice: String,
    /// Optional kinds only: the settings page's label and address.
    settings: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "layout.html")]
struct Html<'a> {
    page: &'a Page<'a>,
}

#[derive(Template)]
#[template(path = "layout.txt")]
struct Text<'a> {
    page: &'a Page<'a>,
}

pub(crate) fn lay_out(
    tr: &Tr,
    kind: Kind,
    body: Body,
    name: Option<&str>,
    portal: &PortalUrl,
) -> Result<Rendered, RenderError> {
    let greeting = match name.map(str::trim).filter(|name| !name.is_empty()) {
        Some(name) => tr.t_with("greeting", &[s("name", name)])?,
        None => tr.t("greeting-anonymous")?,
    };
    let (footer_choice, settings) = match kind.optional_topic() {
        Some(_) => (
            tr.t("footer-optional")?,
            Some((
                tr.t("footer-settings")?,
                portal.join(SETTINGS_PATH).to_string(),
            )),
        ),
        None => (tr.t("footer-mandatory")?, None),
    };
    let page = Page {
        lang: tr.lang.code(),
        subject: &body.subject,
        greeting,
        blocks: &body.blocks,
        action: &body.action,
        link: portal.join(&body.link).to_string(),
        link_fallback: tr.t("link-fallback")?,
        footer_sent: tr.t("footer-sent")?,
        footer_choice,
        settings,
    };
    let template_error = |e: askama::Error| RenderError::Template(e.to_string());
    let html = Html { page: &page }.render().map_err(template_error)?;
    let text = Text { page: &page }.render().map_err(template_error)?;
    Ok(Rendered {
        subject: body.subject.clone(),
        text: tidy_text(&text),
        html,
    })
}

/// Template tags leave stray blank lines; a plain-text email reads best with exactly one blank
/// line between paragraphs and no trailing spaces.
fn tidy_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0;
    for line in raw.lines().map(str::trim_end) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// Last resort when even the Finnish text fails: a fixed note in all three languages that
/// still gets the reader to the portal.
pub(crate) fn emergency(link: &str) -> Rendered {
    let subject = "Valinta: uusi viesti / nytt meddelande / new message".to_owned();
    let lines = [
        "Sinulle on uusi viesti Valinnassa. Katso se täältä:",
        "Du har ett nytt meddelande i Valinta. Se det här:",
        "You have a new message in Valinta. See it here:",
    ];
    let text = format!("{}\n\n{link}\n", lines.join("\n"));
    let escaped = link
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let html = format!(
        "<!DOCTYPE html><html lang=\"fi\"><body><p>{}</p><p><a href=\"{escaped}\">{escaped}</a></p></body></html>",
        lines.join("<br>")
    );
    Rendered {
        subject,
        text,
        html,
    }
}
