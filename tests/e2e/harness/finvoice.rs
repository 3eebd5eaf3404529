//! Checks of a served Finvoice: validation against the official Finvoice 3.0 schema with
//! xmllint (Debian's `libxml2-utils`; `.ci/run` installs it, and without it these tests
//! fail rather than pass unchecked), and the arithmetic of every row and of the totals,
//! computed here from the XML alone.
use std::collections::BTreeMap;
use std::process::Command;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use super::TestApp;

/// The official schema, as published by Finance Finland, kept beside the tests.
pub fn schema_path() -> String {
    format!(
        "{}/../tests/support/finvoice-3.0/Finvoice3.0.xsd",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Runs `xmllint --noout --schema Finvoice3.0.xsd` on the document; panics with xmllint's
/// complaints when it is not valid, or when xmllint is missing.
#[track_caller]
pub fn assert_schema_valid(xml: &str, what: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("finvoice.xml");
    std::fs::write(&file, xml).expect("write xml");
    let out = Command::new("xmllint")
        .args(["--noout", "--schema", &schema_path()])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint is required to validate Finvoices (apt-get install libxml2-utils): {e}")
        });
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.contains("validates"),
        "{what}: the Finvoice fails the official Finvoice 3.0 schema:\n{stderr}\n--- document ---\n{xml}"
    );
}

/// A Finvoice number (`-1234,50`) as a decimal.
pub fn number(text: &str) -> Decimal {
    Decimal::from_str(&text.trim().replace(',', "."))
        .unwrap_or_else(|e| panic!("not a Finvoice number {text:?}: {e}"))
}

fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// One `InvoiceRow` as read from the XML.
#[derive(Clone, Debug)]
pub struct Row {
    pub id: String,
    pub quantity: Decimal,
    pub unit_price: Decimal,
    pub unit_price_vat_included: Decimal,
    pub discount: Decimal,
    pub discount_text: Option<String>,
    pub vat_rate: Decimal,
    pub vat: Decimal,
    pub vat_excluded: Decimal,
    pub amount: Decimal,
    pub original_invoice: Option<String>,
}

/// What a test needs of a Finvoice after its arithmetic was checked.
pub struct Checked {
    pub rows: Vec<Row>,
    pub total: Decimal,
    pub type_code: String,
    pub doc_text: String,
}

impl Checked {
    pub fn has(&self, element: &str) -> bool {
        self.doc_text.contains(&format!("<{element}>"))
            || self.doc_text.contains(&format!("<{element} "))
    }

    /// The text of the first element of that name.
    pub fn text(&self, name: &str) -> Option<String> {
        let doc = roxmltree::Document::parse(&self.doc_text).ok()?;
        doc.descendants()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .map(str::to_owned)
    }
}

/// Checks that every row adds up (VAT excluded, as Finvoice reads a row: quantity × unit
/// price − discount = VAT-excluded amount; that + VAT = row amount; the VAT is the rate's;
/// the VAT-included unit price is the VAT-excluded one with VAT), that the totals and the
/// VAT breakdown are the sums of the rows, and that the payment asks for the total.
#[track_caller]
pub fn assert_rows_add_up(xml: &str, what: &str) -> Checked {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{what}: not XML ({e})"));
    let child = |node: roxmltree::Node<'_, '_>, name: &str| -> Option<String> {
        node.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .map(str::to_owned)
    };
    let need = |node: roxmltree::Node<'_, '_>, name: &str| -> Decimal {
        number(&child(node, name).unwrap_or_else(|| panic!("{what}: a row without {name}")))
    };
    let type_code = doc
        .descendants()
        .find(|n| n.has_tag_name("InvoiceTypeCode"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_owned();
    let credit = type_code == "INV02";
    let mut rows = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("InvoiceRow")) {
        let row = Row {
            id: child(node, "RowIdentifier").unwrap_or_default(),
            quantity: need(node, "InvoicedQuantity"),
            unit_price: need(node, "UnitPriceAmount"),
            unit_price_vat_included: need(node, "UnitPriceVatIncludedAmount"),
            discount: child(node, "RowDiscountAmount").map_or(Decimal::ZERO, |t| number(&t)),
            discount_text: child(node, "RowDiscountTypeText"),
            vat_rate: need(node, "RowVatRatePercent"),
            vat: need(node, "RowVatAmount"),
            vat_excluded: need(node, "RowVatExcludedAmount"),
            amount: need(node, "RowAmount"),
            original_invoice: child(node, "OriginalInvoiceNumber"),
        };
        let r = &row;
        assert_eq!(
            cents(r.quantity * r.unit_price) - r.discount,
            r.vat_excluded,
            "{what}: quantity × unit price − discount ≠ VAT-excluded amount in {r:?}"
        );
        assert_eq!(
            r.vat_excluded + r.vat,
            r.amount,
            "{what}: excluded + VAT ≠ row amount in {r:?}"
        );
        let rate = r.vat_rate / Decimal::ONE_HUNDRED;
        assert!(
            (r.vat - cents(r.vat_excluded * rate)).abs() <= Decimal::new(1, 2),
            "{what}: the VAT is not the rate's in {r:?}"
        );
        assert!(
            (r.unit_price * (Decimal::ONE + rate) - r.unit_price_vat_included).abs()
                <= Decimal::new(1, 2),
            "{what}: the VAT-included unit price does not match in {r:?}"
        );
        assert!(
            r.unit_price >= Decimal::ZERO,
            "{what}: unit prices are positive: {r:?}"
        );
        if credit {
            assert!(
                r.quantity < Decimal::ZERO && r.amount <= Decimal::ZERO,
                "{what}: a credit row is negative: {r:?}"
            );
            assert!(r.discount <= Decimal::ZERO, "{what}: {r:?}");
        } else {
            assert!(
                r.quantity > Decimal::ZERO && r.amount >= Decimal::ZERO,
                "{what}: {r:?}"
            );
            assert!(r.discount >= Decimal::ZERO, "{what}: {r:?}");
        }
        if !r.discount.is_zero() {
            assert_eq!(
                r.discount_text.as_deref(),
                Some("Asiakkaan omavastuu"),
                "{what}: {r:?}"
            );
        }
        rows.push(row);
    }
    assert!(!rows.is_empty(), "{what}: no rows");
    let total = |name: &str| -> Decimal {
        number(
            doc.descendants()
                .find(|n| n.has_tag_name(name))
                .and_then(|n| n.text())
                .unwrap_or_else(|| panic!("{what}: no {name}")),
        )
    };
    let sum = |f: fn(&Row) -> Decimal| rows.iter().map(f).sum::<Decimal>();
    assert_eq!(
        total("InvoiceTotalVatExcludedAmount"),
        sum(|r| r.vat_excluded),
        "{what}"
    );
    assert_eq!(
        total("RowsTotalVatExcludedAmount"),
        sum(|r| r.vat_excluded),
        "{what}"
    );
    assert_eq!(total("InvoiceTotalVatAmount"), sum(|r| r.vat), "{what}");
    assert_eq!(
        total("InvoiceTotalVatIncludedAmount"),
        sum(|r| r.amount),
        "{what}"
    );
    assert_eq!(total("EpiInstructedAmount"), sum(|r| r.amount), "{what}");
    let mut by_rate: BTreeMap<Decimal, (Decimal, Decimal)> = BTreeMap::new();
    for r in &rows {
        let e = by_rate.entry(r.vat_rate.normalize()).or_default();
        e.0 += r.vat_excluded;
        e.1 += r.vat;
    }
    let specs: BTreeMap<Decimal, (Decimal, Decimal)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("VatSpecificationDetails"))
        .map(|n| {
            (
                need(n, "VatRatePercent").normalize(),
                (need(n, "VatBaseAmount"), need(n, "VatRateAmount")),
            )
        })
        .collect();
    assert_eq!(specs, by_rate, "{what}: VAT by rate is the rows' sum");
    Checked {
        total: total("InvoiceTotalVatIncludedAmount"),
        rows,
        type_code,
        doc_text: xml.to_owned(),
    }
}

/// The Finvoice the API serves for an invoice, checked against the schema and for its
/// arithmetic.
pub async fn served(app: &TestApp, invoice_id: &str, token: &str, what: &str) -> Checked {
    let (status, xml) = app
        .send_raw(
            reqwest::Method::GET,
            &format!("/api/v1/invoices/{invoice_id}/finvoice.xml"),
            token,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{what}: {xml}");
    assert_schema_valid(&xml, what);
    assert_rows_add_up(&xml, what)
}
