//! CSV cells a spreadsheet will not run: every CSV the product writes passes its cells
//! through [`neutralise`], so a provider named `=HYPERLINK(...)` or a reference typed as
//! `+cmd|...` arrives as text, not as a formula (CSV injection, OWASP).
use std::borrow::Cow;

/// Characters that make Excel, LibreOffice or Sheets read a cell as a formula (or, for tab
/// and carriage return, hide one behind a line the eye skips).
const TRIGGERS: [char; 5] = ['=', '+', '@', '\t', '\r'];

/// The cell, or the cell behind a `'` when a spreadsheet would evaluate it. A leading `-`
/// is a formula too unless the whole cell is a number: `-12,50` and `-12.50` stay numbers.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = match cell.chars().next() {
        Some('-') => !is_number(cell),
        Some(c) => TRIGGERS.contains(&c),
        None => false,
    };
    if risky {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A whole row through [`neutralise`], for `csv::Writer::write_record`.
pub fn row<I, T>(cells: I) -> Vec<String>
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    cells
        .into_iter()
        .map(|c| neutralise(c.as_ref()).into_owned())
        .collect()
}

/// `-` then digits, with at most one decimal point or comma between digits.
fn is_number(cell: &str) -> bool {
    let Some(digits) = cell.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = match digits.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(neutralise("+358 40 123"), "'+358 40 123");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\t=1"), "'\t=1");
        assert_eq!(neutralise("\r=1"), "'\r=1");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("-"), "'-");
        assert_eq!(neutralise("-1,"), "'-1,");
        assert_eq!(neutralise("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
    }

    #[test]
    fn plain_values_and_negative_numbers_stay() {
        for cell in [
            "",
            "-12.50",
            "-12,50",
            "-3",
            "12,50",
            "Kotihoito Kielo",
            "2026-11-02",
            "a=b",
            "1234567-8",
        ] {
            assert_eq!(neutralise(cell), cell);
        }
        assert_eq!(row(["=1", "-1,00", "x"]), vec!["'=1", "-1,00", "x"]);
    }

    proptest! {
        #[test]
        fn no_output_starts_a_formula(cell in "\\PC{0,12}|[=+@\\-\t\r][\\PC\t\r]{0,12}") {
            let out = neutralise(&cell);
            let first = out.chars().next();
            prop_assert!(
                !matches!(first, Some('=' | '+' | '@' | '\t' | '\r'))
                    && (first != Some('-') || is_number(&out)),
                "{:?} -> {:?}", cell, out
            );
            // Nothing is lost: the original is the output, or the output without its mark.
            prop_assert!(out == cell || out.strip_prefix('\'') == Some(cell.as_str()));
        }

        #[test]
        fn negative_amounts_stay_numbers(euros in 0u32..1_000_000, cents in 0u32..100) {
            let comma = format!("-{euros},{cents:02}");
            let point = format!("-{euros}.{cents:02}");
            prop_assert_eq!(neutralise(&comma), comma.as_str());
            prop_assert_eq!(neutralise(&point), point.as_str());
        }
    }
}
