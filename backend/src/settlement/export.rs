//! An invoice as files for the outside world: the number formats Finvoice and Finnish
//! spreadsheets expect, and the CSV rows. Both CSV downloads (one invoice's lines and a
//! month's lines over all its invoices) write [`CSV_HEADER`] and [`csv_record`], so their
//! columns always mean the same. Everything is drawn from the stored invoice and lines,
//! so the files always agree with `GET /api/v1/invoices/{id}` and the invoice page.
use rust_decimal::Decimal;

use crate::{
    db::entities::invoice,
    domain::{Money, Quantity, vat::VatRate},
};

use super::{document::ShownLine, row::at_least_cents};

/// Finvoice writes amounts with a decimal comma: `1234,50`.
pub fn amount(cents: i64) -> String {
    money(Money::from_cents(cents))
}

pub fn money(m: Money) -> String {
    Money::from_cents(m.cents())
        .decimal()
        .to_string()
        .replace('.', ",")
}

/// A unit price with two to five decimals: `35,85657`, `45,00`.
pub fn unit_amount(d: Decimal) -> String {
    at_least_cents(d).to_string().replace('.', ",")
}

pub fn quantity(milli: i64) -> String {
    Quantity::from_milli(milli).to_string().replace('.', ",")
}

/// A signed quantity (negative on a credit note): `-1,5`.
pub fn signed_quantity(q: Decimal) -> String {
    q.normalize().to_string().replace('.', ",")
}

pub fn vat_percent(points: i32) -> String {
    VatRate::from_basis_points(points)
        .percent()
        .to_string()
        .replace('.', ",")
}

/// The unit as Finnish invoices abbreviate it, and its UN/ECE Recommendation 20 code.
pub fn unit_code(unit: &str) -> (&'static str, &'static str) {
    match unit {
        "hour" => ("h", "HUR"),
        "day" => ("pv", "DAY"),
        "visit" => ("krt", "C62"),
        "trip" => ("matka", "C62"),
        "month" => ("kk", "MON"),
        "session" => ("kerta", "C62"),
        _ => ("kpl", "C62"),
    }
}

/// The columns of both CSV downloads. Amounts are signed (negative on a credit note);
/// `line_total − client_share = purchaser_share`, and `purchaser_share_vat_excluded + vat
/// = purchaser_share`, the row amount the purchaser pays.
pub const CSV_HEADER: [&str; 27] = [
    "invoice_number",
    "kind",
    "supplementary",
    "month",
    "provider",
    "provider_business_id",
    "reference",
    "issue_date",
    "due_date",
    "client_pseudonym",
    "delivery_date",
    "service_code",
    "service",
    "quantity",
    "unit",
    "unit_price",
    "unit_price_vat_excluded",
    "line_total",
    "client_share",
    "client_share_vat_excluded",
    "purchaser_share_vat_excluded",
    "vat_rate",
    "vat",
    "purchaser_share",
    "original_invoice_number",
    "delivery_id",
    "commitment_id",
];

/// The invoice-level cells of a CSV row.
pub struct CsvHead<'a> {
    pub invoice: &'a invoice::Model,
    pub provider_name: &'a str,
    pub provider_business_id: &'a str,
}

/// One CSV row; cells still to be neutralised (`csv_cell::row`) by the writer.
pub fn csv_record(head: &CsvHead<'_>, shown: &ShownLine<'_>) -> [String; 27] {
    let inv = head.invoice;
    let line = shown.line;
    let f = &shown.figures;
    [
        inv.number.to_string(),
        inv.kind.to_string(),
        inv.supplementary.to_string(),
        inv.month.clone(),
        head.provider_name.to_owned(),
        head.provider_business_id.to_owned(),
        inv.reference.clone(),
        inv.issue_date.to_string(),
        inv.due_date.to_string(),
        line.client_pseudonym.clone(),
        line.delivery_date.to_string(),
        shown.service_code.clone(),
        shown.service_fi.clone(),
        signed_quantity(f.quantity),
        shown.unit.0.to_owned(),
        money(f.unit_price),
        unit_amount(f.unit_price_vat_excluded),
        money(f.line_total),
        money(f.client_share),
        money(f.client_share_vat_excluded),
        money(f.net),
        vat_percent(line.vat_basis_points),
        money(f.vat),
        money(f.gross),
        shown
            .original
            .map(|(number, _)| number.to_string())
            .unwrap_or_default(),
        line.delivery_id.to_string(),
        line.commitment_id.to_string(),
    ]
}

/// `;`-separated rows with decimal commas as Finnish spreadsheets expect, formula-like
/// cells neutralised, appended to `out`.
pub fn write_csv_row<I, T>(out: &mut Vec<u8>, row: I) -> anyhow::Result<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut csv = csv::WriterBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_writer(out);
    csv.write_record(crate::domain::csv_cell::row(row))?;
    csv.flush()?;
    Ok(())
}

impl super::document::InvoiceDocument {
    /// The invoice's lines as CSV, UTF-8 with a header row.
    pub fn lines_csv(&self) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        write_csv_row(&mut out, CSV_HEADER)?;
        let head = CsvHead {
            invoice: &self.invoice,
            provider_name: &self.seller.name,
            provider_business_id: &self.seller.business_id,
        };
        for shown in self.shown() {
            write_csv_row(&mut out, csv_record(&head, &shown))?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finvoice_numbers_use_decimal_commas() {
        assert_eq!(amount(17_050), "170,50");
        assert_eq!(amount(-2_032), "-20,32");
        assert_eq!(amount(-5), "-0,05");
        assert_eq!(quantity(1_500), "1,5");
        assert_eq!(vat_percent(2550), "25,5");
        assert_eq!(vat_percent(0), "0");
        assert_eq!(unit_amount(Decimal::new(45, 0)), "45,00");
        assert_eq!(unit_amount(Decimal::new(3_585_657, 5)), "35,85657");
        assert_eq!(signed_quantity(Decimal::new(-1_500, 3)), "-1,5");
    }
}
