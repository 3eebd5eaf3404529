//! Builds the MIME message for one rendered email: headers the receiver can rely on, and a
//! multipart/alternative body with the plain text first and the HTML second.
pub use lettre::message::Mailbox;
use lettre::{
    Message,
    message::{
        MultiPart,
        header::{Header, HeaderName, HeaderValue},
    },
};
use uuid::Uuid;

use crate::{ComposeError, Lang, Rendered};

/// The domain of every Message-ID: ids are ours, not any mail server's.
pub const MESSAGE_ID_DOMAIN: &str = "valinta.invalid";

/// Who gets the email, and in which language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub address: String,
    pub name: String,
    pub lang: Lang,
}

/// `id` is the outbox row's id: the Message-ID stays the same across retries, so a receiver
/// (or a person) can tell a resend from a new message.
pub fn compose(
    id: Uuid,
    from: &Mailbox,
    to: &Recipient,
    rendered: &Rendered,
) -> Result<Message, ComposeError> {
    let address = to
        .address
        .trim()
        .parse()
        .map_err(|e: lettre::address::AddressError| ComposeError::To {
            address: to.address.clone(),
            reason: e.to_string(),
        })?;
    let name = Some(to.name.trim().to_owned()).filter(|name| !name.is_empty());
    Message::builder()
        .message_id(Some(format!("<{id}@{MESSAGE_ID_DOMAIN}>")))
        .date_now()
        .from(from.clone())
        .to(Mailbox::new(name, address))
        .subject(rendered.subject.clone())
        .header(ContentLanguage(to.lang.code().to_owned()))
        // Tells auto-responders (vacation replies) not to answer a machine.
        .header(AutoSubmitted("auto-generated".to_owned()))
        .multipart(MultiPart::alternative_plain_html(
            rendered.text.clone(),
            rendered.html.clone(),
        ))
        .map_err(|e| ComposeError::Message(e.to_string()))
}

/// Parses the sender setting ("Valinta <noreply@example.fi>"), naming it when it is wrong.
pub fn parse_mailbox(raw: &str) -> Result<Mailbox, ComposeError> {
    raw.trim()
        .parse()
        .map_err(|e: lettre::address::AddressError| ComposeError::From {
            address: raw.to_owned(),
            reason: e.to_string(),
        })
}

/// `Content-Language` (RFC 3282), so mail clients and screen readers pick the right voice.
#[derive(Clone, Debug)]
struct ContentLanguage(String);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ContentLanguage(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `Auto-Submitted` (RFC 3834).
#[derive(Clone, Debug)]
struct AutoSubmitted(String);

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::{Notification, PortalUrl, kinds::ApplicationRejected};
    use mail_parser::{MessageParser, MimeHeaders};

    fn rendered(lang: Lang, reason: &str) -> Rendered {
        let portal = PortalUrl::parse("http://127.0.0.1:8080").unwrap();
        Notification::from(ApplicationRejected {
            purchaser: "Österbottens välfärdsområde".to_owned(),
            services: vec!["Städning".to_owned()],
            reason: reason.to_owned(),
            link: "/provider/applications/1".to_owned(),
        })
        .try_render(lang, Some("Åsa Öhman"), &portal)
        .unwrap()
    }

    fn recipient(lang: Lang) -> Recipient {
        Recipient {
            address: "asa@example.fi".to_owned(),
            name: "Åsa Öhman".to_owned(),
            lang,
        }
    }

    #[test]
    fn compose_gives_multipart_alternative_with_text_first_then_html() {
        let id = Uuid::new_v4();
        let from = parse_mailbox("Valinta <noreply@valinta.invalid>").unwrap();
        let rendered = rendered(Lang::Sv, "Försäkringsintyg saknas.");
        let message = compose(id, &from, &recipient(Lang::Sv), &rendered).unwrap();
        let bytes = message.formatted();
        let parsed = MessageParser::default().parse(&bytes).unwrap();

        assert_eq!(
            parsed.message_id(),
            Some(format!("{id}@valinta.invalid").as_str())
        );
        let to = parsed.to().unwrap().first().unwrap();
        assert_eq!(to.address(), Some("asa@example.fi"));
        assert_eq!(to.name(), Some("Åsa Öhman"));
        assert_eq!(parsed.subject(), Some("Din ansökan godkändes inte"));
        assert_eq!(rendered.subject, "Din ansökan godkändes inte");
        assert_eq!(
            parsed.header_raw("Content-Language").map(str::trim),
            Some("sv")
        );

        let root = parsed.root_part();
        let content_type = root.content_type().unwrap();
        assert_eq!(content_type.ctype(), "multipart");
        assert_eq!(content_type.subtype(), Some("alternative"));
        assert_eq!(parsed.parts.len(), 3, "root, text/plain, text/html");
        let text = &parsed.parts[1];
        let html = &parsed.parts[2];
        assert_eq!(text.content_type().unwrap().subtype(), Some("plain"));
        assert_eq!(
            text.content_type().unwrap().attribute("charset"),
            Some("utf-8")
        );
        assert_eq!(html.content_type().unwrap().subtype(), Some("html"));
        assert!(
            parsed
                .body_text(0)
                .unwrap()
                .contains("Försäkringsintyg saknas.")
        );
        assert!(parsed.body_html(0).unwrap().contains("lang=\"sv\""));
    }

    #[test]
    fn html_escapes_what_users_wrote_but_the_text_part_keeps_it_as_written() {
        let rendered = rendered(Lang::Fi, "<script>alert('x')</script> & \"lainaus\"");
        assert!(!rendered.html.contains("<script>"));
        // askama writes numeric entities: &#60; for <, &#38; for &, &#34; for ".
        assert!(rendered.html.contains("&#60;script&#62;"));
        assert!(rendered.html.contains("&#38; &#34;lainaus&#34;"));
        assert!(rendered.text.contains("<script>alert('x')</script>"));
    }

    #[test]
    fn a_bad_address_is_named_in_the_error() {
        let from = parse_mailbox("noreply@valinta.invalid").unwrap();
        let mut to = recipient(Lang::Fi);
        to.address = "not an address".to_owned();
        let error = compose(Uuid::new_v4(), &from, &to, &rendered(Lang::Fi, "x")).unwrap_err();
        assert!(error.to_string().contains("not an address"), "{error}");
        assert!(matches!(error, ComposeError::To { .. }));
        assert!(matches!(
            parse_mailbox("Valinta <nope>"),
            Err(ComposeError::From { .. })
        ));
    }

    #[test]
    fn a_recipient_without_a_name_gets_a_bare_address() {
        let from = parse_mailbox("noreply@valinta.invalid").unwrap();
        let mut to = recipient(Lang::En);
        to.name = "  ".to_owned();
        let message = compose(Uuid::new_v4(), &from, &to, &rendered(Lang::En, "x")).unwrap();
        let bytes = message.formatted();
        let parsed = MessageParser::default().parse(&bytes).unwrap();
        let to = parsed.to().unwrap().first().unwrap();
        assert_eq!(to.address(), Some("asa@example.fi"));
        assert_eq!(to.name(), None);
    }
}
