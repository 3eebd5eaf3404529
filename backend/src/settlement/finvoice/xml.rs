//! The little XML writer the Finvoice is drawn with, and the schema's text limits.
use chrono::NaiveDate;
use quick_xml::{
    Writer,
    events::{BytesEnd, BytesStart, BytesText, Event},
};

use crate::domain::Money;

use crate::settlement::export::money;

pub(super) struct Xml {
    pub(super) writer: Writer<Vec<u8>>,
}

/// At most `max` characters: the schema limits most texts (names to 70, EPI names to 35).
pub(super) fn fit(text: &str, max: usize) -> String {
    text.trim()
        .chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// A party's name for a field of 2 to `max` characters: a one-letter name gets the
/// business ID beside it rather than failing the schema.
pub(super) fn name_field(name: &str, business_id: &str, max: usize) -> String {
    let fitted = fit(name, max);
    if fitted.chars().count() >= 2 {
        fitted
    } else {
        fit(&format!("{fitted} {business_id}"), max)
    }
}

impl Xml {
    pub(super) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> anyhow::Result<()> {
        let mut start = BytesStart::new(name);
        for attribute in attributes {
            start.push_attribute(*attribute);
        }
        self.writer.write_event(Event::Start(start))?;
        Ok(())
    }

    pub(super) fn close(&mut self, name: &str) -> anyhow::Result<()> {
        self.writer.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    pub(super) fn leaf(
        &mut self,
        name: &str,
        attributes: &[(&str, &str)],
        text: &str,
    ) -> anyhow::Result<()> {
        self.open(name, attributes)?;
        self.writer.write_event(Event::Text(BytesText::new(text)))?;
        self.close(name)
    }

    pub(super) fn euros(&mut self, name: &str, m: Money) -> anyhow::Result<()> {
        self.leaf(name, &[("AmountCurrencyIdentifier", "EUR")], &money(m))
    }

    pub(super) fn date(&mut self, name: &str, date: NaiveDate) -> anyhow::Result<()> {
        self.leaf(
            name,
            &[("Format", "CCYYMMDD")],
            &date.format("%Y%m%d").to_string(),
        )
    }
}

/// UNTDID 5305: `E` exempt (social care, VAT Act 37 §), `S` standard rate.
pub(super) fn vat_code(points: i32) -> &'static str {
    if points == 0 { "E" } else { "S" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_to_the_schema_limits() {
        assert_eq!(fit("  Hoiva  ", 70), "Hoiva");
        assert_eq!(fit(&"x".repeat(80), 70).chars().count(), 70);
        assert_eq!(
            fit("Päiväpaikka Verso ry ja kumppanit osakeyhtiö", 35)
                .chars()
                .count(),
            35
        );
        assert_eq!(name_field("X", "1234567-1", 70), "X 1234567-1");
        assert_eq!(name_field("Kielo", "1234567-1", 70), "Kielo");
        assert_eq!(vat_code(0), "E");
        assert_eq!(vat_code(2550), "S");
    }
}
