//! What every page shares: the layout's context (language, navigation, whose matters
//! are shown), form fields with their errors, and turning a template into a response.
use crate::i18n::Translate;
use std::collections::BTreeMap;

use askama::Template;
use axum::{
    http::header,
    response::{Html, IntoResponse, Redirect, Response},
};

use crate::{
    auth::Actor,
    domain::catalogue::Role,
    error::{AppError, AppResult},
};

use super::{
    i18n::{Arg, Lang},
    session::Web,
};

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// The layout's context; every page template has one as `page`.
pub struct PageCtx {
    pub lang: Lang,
    pub title: String,
    pub csrf: String,
    pub here: String,
    pub user_name: Option<String>,
    pub nav: Vec<NavItem>,
    /// "Whose matters are shown", on staff pages about one client.
    pub whose: Option<String>,
    /// On every page while a proxy acts for someone: that person's name.
    pub acting_for: Option<String>,
    /// The signed-in person is a client or a proxy: the client-side pages need no
    /// "whose" line (a proxy has the banner; a client sees her own matters).
    client_side: bool,
    /// A short confirmation after a form succeeded, announced politely.
    pub notice: Option<String>,
    /// The portal's public address ("https://valinta.example.fi"), for absolute
    /// `hreflang` links; empty when not configured (the links are then relative).
    origin: String,
}

impl PageCtx {
    pub fn new(web: &Web, title_key: &str) -> Self {
        let lang = web.lang;
        let nav = nav_for(lang, web.actor.as_ref(), &web.here);
        let notice = notice_from(&web.here).and_then(|key| lang.try_t(&key));
        PageCtx {
            lang,
            title: lang.t(title_key),
            csrf: web.csrf.clone(),
            here: web.here.clone(),
            user_name: web.actor.as_ref().map(|a| a.name.clone()),
            nav,
            whose: None,
            acting_for: web.acting.as_ref().map(|a| a.name.clone()),
            client_side: web
                .actor
                .as_ref()
                .is_some_and(|a| a.has(Role::Client) || a.has(Role::Proxy)),
            notice,
            origin: web
                .state
                .config
                .email
                .public_url
                .as_deref()
                .unwrap_or_default()
                .trim_end_matches('/')
                .to_owned(),
        }
    }

    /// The page title when it is a name (an offering, a provider) rather than a key.
    pub fn titled(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    pub fn whose(mut self, client_name: &str) -> Self {
        if !self.client_side {
            self.whose = Some(self.t_with("whose-matters", &[("name", client_name.into())]));
        }
        self
    }

    /// The label of a button that commits money: for a proxy it names the person the
    /// money belongs to ("Tilaa asiakkaalle Matti"), for a client the plain label.
    pub fn for_whom(&self, plain_key: &str, named_key: &str) -> String {
        match &self.acting_for {
            Some(name) => self.t1(named_key, "name", name),
            None => self.t(plain_key),
        }
    }

    /// A staff member's long menu folds behind a menu button on a phone (see
    /// `portal.js`), so the page's own content starts on the first screen.
    pub fn compact_nav(&self) -> bool {
        self.nav.len() > 6
    }

    /// Where "switch" returns to: this page.
    pub fn here_encoded(&self) -> String {
        form_urlencoded::byte_serialize(self.here.as_bytes()).collect()
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t_with(&self, key: &str, args: &[(&'static str, Arg)]) -> String {
        self.lang.t_with(key, args)
    }

    /// A text with a `count` argument (plural forms).
    pub fn tn(&self, key: &str, count: &u64) -> String {
        self.lang.t_with(key, &[("count", Arg::from(*count))])
    }

    /// A text with one named text argument.
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t_with(key, &[(name, Arg::from(value))])
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn languages(&self) -> [Lang; 3] {
        Lang::ALL
    }

    pub fn is_lang(&self, other: &Lang) -> bool {
        self.lang == *other
    }

    /// This page in language `l`: its path and other parameters with `?lang=` (the
    /// language menu's links).
    pub fn lang_url(&self, l: &Lang) -> String {
        super::language_choice::url_in(&self.here, Some(*l))
    }

    /// `<link rel="alternate" hreflang>` targets: this page in each language, then the
    /// `x-default` one without `lang` (it follows the browser's languages).
    pub fn alternates(&self) -> Vec<(&'static str, String)> {
        let mut links: Vec<(&'static str, String)> = Lang::ALL
            .iter()
            .map(|l| (l.code(), format!("{}{}", self.origin, self.lang_url(l))))
            .collect();
        let default = super::language_choice::url_in(&self.here, None);
        links.push(("x-default", format!("{}{default}", self.origin)));
        links
    }
}

/// `?done=<key>` after a redirect names a confirmation text; only `notice-*` keys count.
fn notice_from(here: &str) -> Option<String> {
    let query = here.split_once('?')?.1;
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "done")
        .map(|(_, v)| format!("notice-{v}"))
        .filter(|k| k.len() < 60 && k.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
}

fn nav_for(lang: Lang, actor: Option<&Actor>, here: &str) -> Vec<NavItem> {
    let path = here.split('?').next().unwrap_or(here);
    let mut items: Vec<(&'static str, &'static str)> = vec![("/search", "nav-search")];
    if let Some(actor) = actor {
        if super::start::is_staff(actor) {
            items.insert(0, ("/start", "nav-start"));
        }
        if actor.has(Role::Client) || actor.has(Role::Proxy) {
            items.push(("/my", "nav-my-money"));
            items.push(("/my/reviews", "nav-my-reviews"));
        }
        if actor.has(Role::ProviderStaff) {
            items.extend([
                ("/provider", "nav-provider"),
                ("/provider/offerings", "nav-offerings"),
                ("/provider/commitments", "nav-commitments"),
                ("/provider/deliveries", "nav-deliveries"),
                ("/provider/deliveries/upload", "nav-upload"),
                ("/provider/statement", "nav-statement"),
                ("/provider/disputes", "nav-disputes"),
                ("/provider/reviews", "nav-reviews"),
                ("/provider/api-keys", "nav-api-keys"),
            ]);
        }
        if actor.has(Role::CatalogueManager) {
            items.extend([
                ("/purchaser/catalogue", "nav-catalogue"),
                ("/purchaser/applications", "nav-applications"),
            ]);
        }
        if actor.has(Role::CaseWorker) {
            items.extend([
                ("/purchaser/clients", "nav-clients"),
                ("/purchaser/plans", "plan-staff-nav"),
                ("/purchaser/disputes", "nav-disputes"),
            ]);
        }
        if actor.has(Role::CaseWorker) || actor.has(Role::CatalogueManager) {
            items.push(("/purchaser/demand-gaps", "nav-demand-gaps"));
        }
        if actor.has(Role::Moderator) {
            items.push(("/purchaser/reviews", "nav-moderation"));
        }
        if [Role::Finance, Role::CatalogueManager, Role::CaseWorker]
            .iter()
            .any(|r| actor.has(*r))
        {
            items.push(("/purchaser/recording", "nav-recording"));
        }
        if actor.has(Role::Finance) {
            items.extend([
                ("/purchaser/settlement", "nav-settlement"),
                ("/purchaser/finance", "nav-finance"),
            ]);
        }
        if actor.has(Role::Admin) {
            items.push(("/admin/users", "nav-users"));
            items.push(("/admin/emails", "nav-emails"));
        }
        items.push(("/settings/notifications", "nav-notifications"));
        if actor.api_key.is_none() {
            items.push(("/settings/password", "nav-password"));
        }
    }
    items
        .into_iter()
        .map(|(href, key)| NavItem {
            href,
            label: lang.t(key),
            current: path == href,
        })
        .collect()
}

/// Renders a page; personal pages must not linger in shared caches.
pub fn render(template: &impl Template) -> AppResult<Response> {
    let html = template
        .render()
        .map_err(|e| AppError::internal(format!("template: {e}")))?;
    Ok(([(header::CACHE_CONTROL, "private, no-store")], Html(html)).into_response())
}

/// After a successful form: back to a page, with a confirmation to show.
pub fn done(to: &str, notice: &str) -> Response {
    let sep = if to.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{to}{sep}done={notice}")).into_response()
}

/// One form control with its label, current value and error; `fields.html` draws it.
#[derive(Clone, Default)]
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    /// text, number, date, email, password, textarea, select, checks, checkbox
    pub kind: &'static str,
    pub value: String,
    pub required: bool,
    pub inputmode: Option<&'static str>,
    pub autocomplete: Option<&'static str>,
    pub options: Vec<Choice>,
    /// Suggestions a text field offers as the user types (a `<datalist>`); any other
    /// value may still be typed.
    pub suggestions: Vec<String>,
    pub error: Option<String>,
}

#[derive(Clone, Default)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Field {
    pub fn new(name: &'static str, kind: &'static str, label: String) -> Self {
        Field {
            name,
            kind,
            label,
            ..Default::default()
        }
    }
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = value.into();
        self
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn inputmode(mut self, mode: &'static str) -> Self {
        self.inputmode = Some(mode);
        self
    }
    pub fn autocomplete(mut self, value: &'static str) -> Self {
        self.autocomplete = Some(value);
        self
    }
    pub fn options(mut self, options: Vec<Choice>) -> Self {
        self.options = options;
        self
    }
    pub fn suggestions(mut self, suggestions: Vec<String>) -> Self {
        self.suggestions = suggestions;
        self
    }
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>, selected: bool) -> Self {
        Choice {
            value: value.into(),
            label: label.into(),
            selected,
        }
    }
}

/// What went wrong with a form, in the user's language: a summary at the top and a
/// message at each field the server named.
#[derive(Default)]
pub struct FormErrors {
    pub summary: Option<String>,
    pub fields: BTreeMap<String, String>,
}

impl FormErrors {
    /// From a refusal of the domain (the same one the API gives). Errors that are not
    /// about the input (a failure on our side) are passed on to the error page.
    pub fn from_app(lang: Lang, error: AppError) -> AppResult<FormErrors> {
        if error.status.is_server_error()
            || error.status == axum::http::StatusCode::UNAUTHORIZED
            || error.status == axum::http::StatusCode::NOT_FOUND
        {
            return Err(error);
        }
        let summary = lang
            .try_t(&format!("error-{}", error.code.replace('_', "-")))
            .unwrap_or_else(|| lang.t("error-check-form"));
        let fields = error
            .fields
            .keys()
            .map(|name| {
                let key = format!("field-error-{}", name.replace(['_', '.'], "-"));
                let text = lang
                    .try_t(&key)
                    .unwrap_or_else(|| lang.t("field-error-generic"));
                (name.clone(), text)
            })
            .collect();
        Ok(FormErrors {
            summary: Some(summary),
            fields,
        })
    }

    /// Adds a refusal of one field to these errors (several fields may be wrong at once).
    pub fn add_app(&mut self, lang: Lang, error: AppError) {
        if let Ok(more) = FormErrors::from_app(lang, error) {
            if self.summary.is_none() {
                self.summary = more.summary;
            }
            self.fields.extend(more.fields);
        }
    }

    pub fn apply(&self, fields: &mut [Field]) {
        for field in fields {
            field.error = self.fields.get(field.name).cloned();
        }
    }

    /// Errors about fields the form does not show (say, an id in the URL): the summary
    /// is then the only place the user hears about them.
    pub fn is_empty(&self) -> bool {
        self.summary.is_none()
    }
}

/// A posted form read as name–value pairs: checkbox groups repeat their name.
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    pub fn one(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// A whole number typed into `name`, or `None` when left empty; what it may be is the
    /// API's to decide (and to name the field when it refuses).
    pub fn whole_number(&self, name: &str) -> AppResult<Option<i64>> {
        let raw = self.one(name);
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        raw.parse()
            .map(Some)
            .map_err(|_| AppError::invalid(name, "must be a whole number"))
    }

    pub fn many(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// The API names some fields as its JSON does; the form names them as its controls do.
pub fn rename_field(mut e: AppError, from: &str, to: &str) -> AppError {
    if let Some(message) = e.fields.remove(from) {
        e.fields.insert(to.to_owned(), message);
    }
    e
}

/// Only a path on this site is a safe place to go after signing in or choosing: not
/// `//host`, not a backslash (which browsers read as a slash), and no white space or
/// control character (browsers drop tabs and newlines, turning `/\t/host` into `//host`).
pub fn safe_next(next: &str) -> Option<&str> {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control() || c.is_whitespace())
        && next.len() < 500;
    local.then_some(next)
}

#[cfg(test)]
mod next_tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next("/my?x=1"), Some("/my?x=1"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "evil",
            "",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }
}
