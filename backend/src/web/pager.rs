//! Links between the pages of a long list ("page 2 of 3, 130 rows"), so that a page shows
//! a part of a list only when it says so and links to the rest.
use crate::i18n::Translate;
use axum::http::Uri;

use crate::{
    paging::{Page, Paged},
    web::i18n::Lang,
};

/// How many rows a portal list shows on one page.
pub const PER_PAGE: u64 = 50;

pub struct Pager {
    /// "Page 2 of 3 (130 rows)".
    pub status: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// More than one page: the links are shown.
    pub paged: bool,
}

/// The page a list page asks for (`?page=N`); anything else is the first page.
pub fn requested(uri: &Uri) -> Page {
    requested_as(uri, "page")
}

/// The page asked for in the query parameter `param`: for a second list on a page, whose
/// pages turn apart from the first's.
pub fn requested_as(uri: &Uri, param: &str) -> Page {
    let number = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == param)
        .and_then(|(_, v)| v.trim().parse::<u64>().ok())
        .filter(|n| (1..=1_000_000).contains(n))
        .unwrap_or(1);
    Page::number(number, PER_PAGE)
}

impl Pager {
    /// The links of `listed` on the page at `uri`: the same address with another `page`,
    /// its other query parameters (a month, a filter, the language) kept.
    pub fn of<T>(lang: Lang, uri: &Uri, listed: &Paged<T>) -> Pager {
        Pager::from_total(lang, uri, listed.page, listed.total)
    }

    /// The links for page `page` of a list of `total` rows.
    pub fn from_total(lang: Lang, uri: &Uri, page: Page, total: u64) -> Pager {
        Pager::from_total_as(lang, uri, "page", page, total)
    }

    /// The same, with the page number in the query parameter `param`; the other list's
    /// page number in the address is kept.
    pub fn from_total_as(lang: Lang, uri: &Uri, param: &str, page: Page, total: u64) -> Pager {
        let pages = page.count_of(total);
        let current = page.page.min(pages);
        let link = |number: u64| {
            let mut query = form_urlencoded::Serializer::new(String::new());
            for (k, v) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
                if k != param {
                    query.append_pair(&k, &v);
                }
            }
            if number > 1 {
                query.append_pair(param, &number.to_string());
            }
            let query = query.finish();
            if query.is_empty() {
                uri.path().to_owned()
            } else {
                format!("{}?{query}", uri.path())
            }
        };
        Pager {
            status: lang.t_with(
                "pager-status",
                &[
                    ("page", current.into()),
                    ("pages", pages.into()),
                    ("total", total.into()),
                ],
            ),
            previous: (current > 1).then(|| link(current - 1)),
            next: (current < pages).then(|| link(current + 1)),
            paged: pages > 1,
        }
    }
}
