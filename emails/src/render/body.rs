//! The content of one email before layout: a subject, blocks of text and one action. `Draft`
//! builds it from the kind's Fluent keys (`<kind>-subject`, `<kind>-p1`, …, `<kind>-action`).
use super::{
    RenderError,
    fluent::{Arg, Tr, s},
};
use crate::Kind;

pub(crate) enum Block {
    Para(String),
    List(Vec<String>),
    Facts(Vec<Fact>),
}

/// A labelled value ("Päivä: 5.10.2026"), shown as a table row in HTML.
pub(crate) struct Fact {
    pub label: String,
    pub value: String,
}

pub(crate) struct Body {
    pub subject: String,
    pub blocks: Vec<Block>,
    pub action: String,
    pub link: String,
}

pub(crate) struct Draft<'a> {
    tr: &'a Tr,
    kind: &'static str,
    body: Body,
}

impl<'a> Draft<'a> {
    /// Starts with the subject; for a proxy, adds the client's name to the subject and a first
    /// paragraph saying whose matter this is.
    pub fn new(
        tr: &'a Tr,
        kind: Kind,
        subject: (&str, &[Arg]),
        on_behalf_of: Option<&String>,
        link: &str,
    ) -> Result<Draft<'a>, RenderError> {
        let kind = kind.as_str();
        let mut subject = tr.t_with(&format!("{kind}-{}", subject.0), subject.1)?;
        let mut blocks = Vec::new();
        if let Some(name) = on_behalf_of.filter(|name| !name.trim().is_empty()) {
            subject = tr.t_with(
                "on-behalf-subject",
                &[s("subject", subject), s("name", name.trim())],
            )?;
            blocks.push(Block::Para(
                tr.t_with("on-behalf", &[s("name", name.trim())])?,
            ));
        }
        Ok(Draft {
            tr,
            kind,
            body: Body {
                subject,
                blocks,
                action: String::new(),
                link: link.to_owned(),
            },
        })
    }

    /// A paragraph from `<kind>-<part>`.
    pub fn para(mut self, part: &str, args: &[Arg]) -> Result<Self, RenderError> {
        let text = self.tr.t_with(&format!("{}-{part}", self.kind), args)?;
        self.body.blocks.push(Block::Para(text));
        Ok(self)
    }

    /// A paragraph only when `when` holds.
    pub fn para_if(self, when: bool, part: &str, args: &[Arg]) -> Result<Self, RenderError> {
        if when {
            self.para(part, args)
        } else {
            Ok(self)
        }
    }

    /// A bulleted list of values the backend gave (service names and the like).
    pub fn list(mut self, items: Vec<String>) -> Self {
        if !items.is_empty() {
            self.body.blocks.push(Block::List(items));
        }
        self
    }

    /// Labelled values; each label is the shared key `fact-<label>`.
    pub fn facts(mut self, facts: Vec<(&str, String)>) -> Result<Self, RenderError> {
        let facts = facts
            .into_iter()
            .map(|(label, value)| {
                Ok(Fact {
                    label: self.tr.t(&format!("fact-{label}"))?,
                    value,
                })
            })
            .collect::<Result<Vec<_>, RenderError>>()?;
        self.body.blocks.push(Block::Facts(facts));
        Ok(self)
    }

    /// Ends with the action button's label, `<kind>-action`.
    pub fn finish(mut self) -> Result<Body, RenderError> {
        self.body.action = self.tr.t(&format!("{}-action", self.kind))?;
        Ok(self.body)
    }
}
