//! How free query text becomes query words, and the rules both engines share for them
//! (word caps, typo budgets, synonyms), so that they agree on what a query means.

/// Words past this are ignored: each word costs a few term-dictionary walks, and a
/// pasted paragraph must not turn into a slow query. Meilisearch has the same cap.
pub const MAX_QUERY_WORDS: usize = 10;

/// Longer words are cut to this many characters; the cut word still matches as a prefix.
pub const MAX_WORD_CHARS: usize = 50;

/// Words of at least this many characters match as prefixes ("siivous" → "siivouspalvelut").
/// Single letters would expand to a large part of the dictionary for no useful result.
pub const MIN_PREFIX_CHARS: usize = 2;

/// Mutually synonymous single words. Kept small and uncontroversial: both engines expand
/// a query word to its group, so every entry widens what a query finds.
pub const SYNONYM_GROUPS: &[&[&str]] = &[
    &["fysioterapia", "fysio"],
    &["physiotherapy", "physio"],
    &["sjukgymnastik", "fysioterapi"],
    &["kotihoito", "kotipalvelu"],
    &["hemvård", "hemtjänst"],
    &["omaishoito", "omaishoitaja"],
];

/// Splits text into lowercase words the way the embedded engine's tokenizer does
/// (runs of alphanumeric characters), capped in number and length. Everything else
/// (punctuation, query-syntax characters, control characters) is a separator, so any
/// input is safe.
pub fn query_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_QUERY_WORDS)
        .map(|w| {
            w.chars()
                .take(MAX_WORD_CHARS)
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect()
}

/// Edits allowed for a query word, as Meilisearch's defaults: one typo from five
/// characters, two from nine.
pub fn typo_budget(word: &str) -> u8 {
    match word.chars().count() {
        n if n >= 9 => 2,
        n if n >= 5 => 1,
        _ => 0,
    }
}

/// The other words of `word`'s synonym group; empty when it has none.
pub fn synonyms(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    SYNONYM_GROUPS
        .iter()
        .filter(move |group| group.contains(&word))
        .flat_map(|group| group.iter().copied())
        .filter(move |other| *other != word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_capped_and_stripped_of_syntax() {
        assert_eq!(
            query_words("\"Siivous\"(AND) ~koti*^2"),
            ["siivous", "and", "koti", "2"]
        );
        assert_eq!(
            query_words("a b c d e f g h i j k l").len(),
            MAX_QUERY_WORDS
        );
        assert_eq!(
            query_words(&"ä".repeat(80))[0].chars().count(),
            MAX_WORD_CHARS
        );
        assert!(query_words("\u{0}\u{1}  -- ").is_empty());
    }

    #[test]
    fn typo_budget_follows_word_length() {
        assert_eq!(typo_budget("koti"), 0);
        assert_eq!(typo_budget("städning"), 1);
        assert_eq!(typo_budget("kotihoito"), 2);
    }

    #[test]
    fn synonyms_are_mutual() {
        assert!(synonyms("fysio").any(|w| w == "fysioterapia"));
        assert!(synonyms("fysioterapia").any(|w| w == "fysio"));
        assert_eq!(synonyms("siivous").count(), 0);
    }
}
