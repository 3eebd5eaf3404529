//! One `InvoiceRow` of a Finvoice, with the figures of `settlement::row`.
use crate::settlement::{
    document::ShownLine,
    export::{money, signed_quantity, unit_amount, vat_percent},
};

use super::xml::{Xml, fit, vat_code};

/// One `InvoiceRow`, elements in the schema's order. The client's own share is the row
/// discount: `InvoicedQuantity × UnitPriceAmount − RowDiscountAmount = RowVatExcludedAmount`.
pub(super) fn write(x: &mut Xml, shown: &ShownLine<'_>) -> anyhow::Result<()> {
    let line = shown.line;
    let f = &shown.figures;
    let (unit, unit_un) = shown.unit;
    x.open("InvoiceRow", &[])?;
    if !shown.service_code.is_empty() {
        x.leaf("ArticleIdentifier", &[], &fit(&shown.service_code, 70))?;
    }
    x.leaf("ArticleName", &[], &fit(&shown.service_fi, 100))?;
    x.leaf(
        "InvoicedQuantity",
        &[("QuantityUnitCode", unit), ("QuantityUnitCodeUN", unit_un)],
        &signed_quantity(f.quantity),
    )?;
    let euro = [("AmountCurrencyIdentifier", "EUR")];
    x.leaf(
        "UnitPriceAmount",
        &euro,
        &unit_amount(f.unit_price_vat_excluded),
    )?;
    x.leaf(
        "UnitPriceVatIncludedAmount",
        &euro,
        &unit_amount(f.unit_price.decimal()),
    )?;
    // The schema allows 35 characters: the delivery's id without hyphens (32).
    x.leaf(
        "RowIdentifier",
        &[],
        &line.delivery_id.0.simple().to_string(),
    )?;
    if let Some((number, date)) = shown.original {
        x.leaf("OriginalInvoiceNumber", &[], &number.to_string())?;
        x.date("OriginalInvoiceDate", date)?;
    }
    x.date("RowDeliveryDate", line.delivery_date)?;
    x.leaf(
        "RowAgreementIdentifier",
        &[],
        &line.commitment_id.to_string(),
    )?;
    x.leaf(
        "RowFreeText",
        &[],
        &format!("Asiakas {}", line.client_pseudonym),
    )?;
    if !f.client_share.is_zero() {
        let share = if line.vat_basis_points == 0 {
            format!("Asiakkaan omavastuu {} EUR", money(f.client_share))
        } else {
            format!(
                "Asiakkaan omavastuu {} EUR (sis. alv), veroton {} EUR",
                money(f.client_share),
                money(f.client_share_vat_excluded)
            )
        };
        x.leaf("RowFreeText", &[], &share)?;
    }
    if !f.client_share_vat_excluded.is_zero() {
        x.euros("RowDiscountAmount", f.client_share_vat_excluded)?;
        x.leaf("RowDiscountTypeText", &[], "Asiakkaan omavastuu")?;
    }
    x.leaf(
        "RowVatRatePercent",
        &[],
        &vat_percent(line.vat_basis_points),
    )?;
    x.leaf("RowVatCode", &[], vat_code(line.vat_basis_points))?;
    x.euros("RowVatAmount", f.vat)?;
    x.euros("RowVatExcludedAmount", f.net)?;
    x.euros("RowAmount", f.gross)?;
    x.close("InvoiceRow")
}
