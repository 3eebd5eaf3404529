//! The languages Valinta speaks, in emails and pages alike: Finnish (the default), Swedish
//! and English; which one a browser or a URL asks for.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The language of a stored preference or an `Accept-Language`-style code ("fi", "sv", "en").
    pub fn parse(raw: &str) -> Option<Lang> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code, as written in `Content-Language` and the HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's own name, as a language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomeksi",
            Lang::Sv => "På svenska",
            Lang::En => "In English",
        }
    }

    /// The language a browser prefers among ours, from its `Accept-Language` header:
    /// the highest q-value wins (earlier on a tie), a region does not matter ("sv-FI" is
    /// Swedish, "en-GB" English), `q=0` means "not this one". None when the header names
    /// none of ours.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, u16)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            let Some(lang) = Lang::parse(&primary.to_ascii_lowercase()) else {
                continue;
            };
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .map(parse_quality)
                .next()
                .unwrap_or(Some(1000));
            let Some(quality) = quality.filter(|q| *q > 0) else {
                continue;
            };
            if best.is_none_or(|(_, q)| quality > q) {
                best = Some((lang, quality));
            }
        }
        best.map(|(lang, _)| lang)
    }

    /// The language a URL asks for with `?lang=sv` (the language-bearing URL every page
    /// has); None without one or with a value other than fi, sv or en.
    pub fn from_query(query: Option<&str>) -> Option<Lang> {
        url::form_urlencoded::parse(query?.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v))
    }
}

/// A q-value ("0.9", "1", "0.125") in thousandths; None when it is not one.
fn parse_quality(raw: &str) -> Option<u16> {
    let raw = raw.trim();
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_our_best_language() {
        let pick = Lang::from_accept_language;
        assert_eq!(pick("sv-FI,sv;q=0.9,en;q=0.5"), Some(Lang::Sv));
        assert_eq!(pick("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(pick("fi-FI"), Some(Lang::Fi));
        assert_eq!(pick("de-DE,de;q=0.9,sv;q=0.3,en;q=0.2"), Some(Lang::Sv));
        assert_eq!(pick("en;q=0.5, sv;q=0.8"), Some(Lang::Sv));
        assert_eq!(pick("sv;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(pick("en;q=0.7,fi;q=0.7"), Some(Lang::En));
        assert_eq!(pick("SV"), Some(Lang::Sv));
        assert_eq!(pick("de, *;q=0.5"), None);
        assert_eq!(pick(""), None);
        assert_eq!(pick("sv;q=2"), None);
    }

    #[test]
    fn the_url_names_the_language() {
        assert_eq!(Lang::from_query(Some("q=x&lang=sv")), Some(Lang::Sv));
        assert_eq!(Lang::from_query(Some("lang=de")), None);
        assert_eq!(Lang::from_query(None), None);
    }

    #[test]
    fn codes_parse_back_to_their_language() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse(" SV "), Some(Lang::Sv));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::default(), Lang::Fi);
    }
}
