//! Municipalities: the three-digit code Statistics Finland numbers them by ("091" is
//! Helsinki) and their Finnish and Swedish names, from the list embedded in the binary
//! (`backend/data/municipalities.csv`, whose header names its source and year).
use serde::Serialize;
use std::{collections::HashMap, fmt, sync::LazyLock};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Municipality(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "must be a municipality's name in Finnish or Swedish (like \"Kerava\" or \"Kervo\") \
     or its three-digit code (like \"245\")"
)]
pub struct MunicipalityError;

/// One row of the embedded list.
#[derive(Debug, PartialEq, Eq)]
pub struct MunicipalityName {
    pub code: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
}

const LIST: &str = include_str!("../../data/municipalities.csv");

/// Every municipality, in code order. The file is part of the binary and checked by a
/// unit test, so a malformed row is a build-time mistake; it is skipped rather than
/// stopping the server.
static ALL: LazyLock<Vec<MunicipalityName>> = LazyLock::new(|| {
    LIST.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .filter_map(|line| {
            let mut cells = line.split(',');
            let code = cells.next()?.trim();
            let fi = cells.next()?.trim();
            let sv = cells.next()?.trim();
            let valid = code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit());
            valid.then_some(MunicipalityName { code, fi, sv })
        })
        .collect()
});

/// Name (folded) → code: Finnish and Swedish names, with and without diacritics, and the
/// long forms Statistics Finland uses where Posti's list shortens them.
static BY_NAME: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for m in ALL.iter() {
        for name in [m.fi, m.sv] {
            map.insert(fold(name), m.code);
            map.entry(strip_marks(&fold(name))).or_insert(m.code);
        }
    }
    for (alias, code) in [
        ("Pedersören kunta", "599"),
        ("Maarianhamina - Mariehamn", "478"),
    ] {
        map.insert(fold(alias), code);
    }
    map
});

static BY_CODE: LazyLock<HashMap<&'static str, &'static MunicipalityName>> =
    LazyLock::new(|| ALL.iter().map(|m| (m.code, m)).collect());

/// Lower case, single spaces: "  KERVO " and "kervo" are the same name.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// "jarvenpaa" for "järvenpää": typed on a keyboard without Nordic letters.
fn strip_marks(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'ä' | 'å' | 'á' | 'à' => 'a',
            'ö' | 'ø' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            other => other,
        })
        .collect()
}

impl Municipality {
    /// A three-digit code, or a municipality's Finnish or Swedish name from the list
    /// (case and diacritics do not matter): "Esbo", "espoo" and "049" are all Espoo.
    pub fn parse(text: &str) -> Result<Self, MunicipalityError> {
        let text = text.trim();
        if text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(Municipality(text.to_owned()));
        }
        let folded = fold(text);
        BY_NAME
            .get(&folded)
            .or_else(|| BY_NAME.get(&strip_marks(&folded)))
            .map(|code| Municipality((*code).to_owned()))
            .ok_or(MunicipalityError)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Municipality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The list's row for a code, if the code is a municipality's.
pub fn named(code: &str) -> Option<&'static MunicipalityName> {
    BY_CODE.get(code).copied()
}

/// Every municipality, in code order.
pub fn all() -> &'static [MunicipalityName] {
    &ALL
}

/// Both names of a code ("Kerava", "Kervo"; one name where they are the same), for a
/// search index: a query in either language finds what the code serves.
pub fn names_for_search(code: &str) -> Vec<String> {
    match named(code) {
        Some(m) if m.fi == m.sv => vec![m.fi.to_owned()],
        Some(m) => vec![m.fi.to_owned(), m.sv.to_owned()],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_digits_only() {
        assert!(Municipality::parse("091").is_ok());
        assert!(Municipality::parse("91").is_err());
        assert!(Municipality::parse("09a").is_err());
        assert!(Municipality::parse("٠٩١").is_err());
    }

    #[test]
    fn the_list_is_the_whole_country() {
        // 309 municipalities in 2024 (Statistics Finland), codes unique and ordered.
        assert_eq!(all().len(), 309);
        let codes: Vec<_> = all().iter().map(|m| m.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert!(all().iter().all(|m| !m.fi.is_empty() && !m.sv.is_empty()));
    }

    #[test]
    fn names_in_either_language_become_the_code() {
        for (name, code) in [
            ("Kervo", "245"),
            ("Kerava", "245"),
            ("Esbo", "049"),
            ("espoo", "049"),
            ("  VANDA ", "092"),
            ("Helsingfors", "091"),
            ("Åbo", "853"),
            ("Jarvenpaa", "186"),
            ("Träskända", "186"),
            ("Pedersören kunta", "599"),
            ("Pedersöre", "599"),
            ("Mariehamn", "478"),
        ] {
            assert_eq!(
                Municipality::parse(name).map(|m| m.0),
                Ok(code.to_owned()),
                "{name}"
            );
        }
        assert_eq!(Municipality::parse("Kervoo"), Err(MunicipalityError));
        assert_eq!(Municipality::parse(""), Err(MunicipalityError));
    }

    #[test]
    fn codes_have_both_names() {
        assert_eq!(names_for_search("049"), ["Espoo", "Esbo"]);
        assert_eq!(names_for_search("090"), ["Heinävesi"]);
        assert!(names_for_search("999").is_empty());
        let kerava = named("245").map(|m| (m.fi, m.sv));
        assert_eq!(kerava, Some(("Kerava", "Kervo")));
    }
}
