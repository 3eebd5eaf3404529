//! Which language a page is drawn in, and the page's language-bearing URLs. An explicit
//! choice always wins: `?lang=` in the URL, then the language cookie, then the signed-in
//! user's remembered choice; a visitor who has chosen nothing gets what the browser's
//! `Accept-Language` prefers among ours, else Finnish.
use axum::{
    extract::Request,
    http::{HeaderMap, HeaderValue, Uri, header},
    middleware::Next,
    response::Response,
};
use axum_extra::extract::cookie::CookieJar;

use crate::auth::Actor;

use super::{
    i18n::Lang,
    session::{LANG_COOKIE, cookie},
};

/// The language of this request and whether the URL chose it.
pub struct Resolved {
    pub lang: Lang,
    pub from_url: bool,
}

pub fn resolve(uri: &Uri, headers: &HeaderMap, actor: Option<&Actor>) -> Resolved {
    if let Some(lang) = Lang::from_query(uri.query()) {
        return Resolved {
            lang,
            from_url: true,
        };
    }
    let chosen = CookieJar::from_headers(headers)
        .get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .or_else(|| {
            actor
                .filter(|a| a.locale_chosen)
                .and_then(|a| Lang::parse(&a.locale))
        });
    let lang = chosen
        .or_else(|| browser_language(headers))
        .or_else(|| actor.and_then(|a| Lang::parse(&a.locale)))
        .unwrap_or_default();
    Resolved {
        lang,
        from_url: false,
    }
}

/// What the browser's `Accept-Language` prefers among our languages.
pub fn browser_language(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
}

/// A page opened with `?lang=sv` remembers the choice in this browser, as the language
/// menu does (the signed-in user's profile is updated by `Web`).
pub async fn remember_url_choice(request: Request, next: Next) -> Response {
    let chosen = Lang::from_query(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let set = cookie(LANG_COOKIE, lang.code().to_owned(), 400).to_string();
        if let Ok(value) = HeaderValue::from_str(&set) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// `here` (a path and query) in another language: `lang` set to it, every other
/// parameter kept in its place. `None` drops the parameter (the `x-default` URL).
pub fn url_in(here: &str, lang: Option<Lang>) -> String {
    let (path, query) = here.split_once('?').unwrap_or((here, ""));
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        // A confirmation ("?done=…") belongs to the moment after a form, not the page.
        if k != "lang" && k != "done" {
            out.append_pair(&k, &v);
        }
    }
    if let Some(lang) = lang {
        out.append_pair("lang", lang.code());
    }
    let query = out.finish();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_the_path_and_other_parameters() {
        assert_eq!(
            url_in("/search?q=siivous&page=2", Some(Lang::Sv)),
            "/search?q=siivous&page=2&lang=sv"
        );
        assert_eq!(
            url_in("/search?lang=fi&q=a%20b", Some(Lang::En)),
            "/search?q=a+b&lang=en"
        );
        assert_eq!(url_in("/search?lang=fi&q=x", None), "/search?q=x");
        assert_eq!(url_in("/", None), "/");
        assert_eq!(url_in("/my?done=saved", Some(Lang::Fi)), "/my?lang=fi");
    }

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                name.clone(),
                HeaderValue::from_str(value).unwrap_or_else(|_| HeaderValue::from_static("")),
            );
        }
        map
    }

    #[test]
    fn an_explicit_choice_wins_over_the_browser() {
        let swedish = (header::ACCEPT_LANGUAGE, "sv-FI,sv;q=0.9,en;q=0.5");
        let uri = |s: &'static str| Uri::from_static(s);
        assert_eq!(
            resolve(&uri("/"), &headers(std::slice::from_ref(&swedish)), None).lang,
            Lang::Sv
        );
        let by_url = resolve(
            &uri("/?lang=fi"),
            &headers(std::slice::from_ref(&swedish)),
            None,
        );
        assert!(by_url.from_url && by_url.lang == Lang::Fi);
        let cookie = (header::COOKIE, "valinta_lang=en");
        assert_eq!(
            resolve(&uri("/"), &headers(&[swedish, cookie]), None).lang,
            Lang::En
        );
        assert_eq!(resolve(&uri("/"), &HeaderMap::new(), None).lang, Lang::Fi);
    }
}
