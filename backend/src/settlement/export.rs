//! An invoice as files for the outside world: Finvoice 3.0 XML (the Finnish e-invoice that
//! banks and operators carry) and CSV for spreadsheets. Both are drawn from the stored
//! invoice and lines only, so they always agree with `GET /api/v1/invoices/{id}`.
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use quick_xml::{
    Writer,
    events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event},
};

use crate::{
    db::entities::{invoice, invoice_line, provider, purchaser, service},
    domain::{LocalizedText, Money, Quantity, csv_cell, reference::FinnishReference, vat::VatRate},
};

/// Everything an invoice file shows.
pub struct InvoiceDocument<'a> {
    pub invoice: &'a invoice::Model,
    pub lines: &'a [invoice_line::Model],
    pub seller: &'a provider::Model,
    pub buyer: &'a purchaser::Model,
    pub services: &'a HashMap<uuid::Uuid, service::Model>,
}

/// Finvoice writes amounts with a decimal comma: `1234,50`.
pub fn amount(cents: i64) -> String {
    Money::from_cents(cents)
        .decimal()
        .to_string()
        .replace('.', ",")
}

fn ccyymmdd(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

pub fn quantity(milli: i64) -> String {
    Quantity::from_milli(milli).to_string().replace('.', ",")
}

pub fn vat_percent(points: i32) -> String {
    VatRate::from_basis_points(points)
        .percent()
        .to_string()
        .replace('.', ",")
}

/// The unit as Finnish invoices abbreviate it.
pub fn unit_code(unit: &str) -> &'static str {
    match unit {
        "hour" => "h",
        "day" => "pv",
        "visit" => "krt",
        "trip" => "matka",
        "month" => "kk",
        "session" => "kerta",
        _ => "kpl",
    }
}

struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> anyhow::Result<()> {
        let mut start = BytesStart::new(name);
        for attribute in attributes {
            start.push_attribute(*attribute);
        }
        self.writer.write_event(Event::Start(start))?;
        Ok(())
    }

    fn close(&mut self, name: &str) -> anyhow::Result<()> {
        self.writer.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    fn leaf(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> anyhow::Result<()> {
        self.open(name, attributes)?;
        self.writer.write_event(Event::Text(BytesText::new(text)))?;
        self.close(name)
    }

    fn euros(&mut self, name: &str, cents: i64) -> anyhow::Result<()> {
        self.leaf(name, &[("AmountCurrencyIdentifier", "EUR")], &amount(cents))
    }

    fn date(&mut self, name: &str, date: NaiveDate) -> anyhow::Result<()> {
        self.leaf(name, &[("Format", "CCYYMMDD")], &ccyymmdd(date))
    }
}

impl InvoiceDocument<'_> {
    fn is_credit_note(&self) -> bool {
        self.invoice.kind == "credit_note"
    }

    fn service_of(&self, line: &invoice_line::Model) -> (String, &'static str) {
        match self.services.get(&line.service_id) {
            Some(s) => {
                let name: LocalizedText =
                    serde_json::from_value(s.name.clone()).unwrap_or_default();
                (name.fi, unit_code(&s.unit))
            }
            None => (String::new(), "kpl"),
        }
    }

    /// Finvoice 3.0: the message envelope, seller (with business ID and bank account),
    /// buyer, invoice details with totals, one row per line, and the payment (EPI) details.
    pub fn finvoice(&self) -> anyhow::Result<Vec<u8>> {
        let inv = self.invoice;
        let reference = FinnishReference::parse(&inv.reference)
            .map_err(|e| anyhow::anyhow!("stored reference: {e}"))?;
        let mut x = Xml {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
        };
        x.writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        x.open("Finvoice", &[("Version", "3.0")])?;

        x.open("MessageTransmissionDetails", &[])?;
        x.open("MessageSenderDetails", &[])?;
        x.leaf("FromIdentifier", &[], &self.seller.business_id)?;
        x.close("MessageSenderDetails")?;
        x.open("MessageReceiverDetails", &[])?;
        x.leaf("ToIdentifier", &[], &self.buyer.business_id)?;
        x.close("MessageReceiverDetails")?;
        x.open("MessageDetails", &[])?;
        x.leaf("MessageIdentifier", &[], &inv.id.to_string())?;
        x.leaf(
            "MessageTimeStamp",
            &[],
            &Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
        )?;
        x.close("MessageDetails")?;
        x.close("MessageTransmissionDetails")?;

        x.open("SellerPartyDetails", &[])?;
        x.leaf("SellerPartyIdentifier", &[], &self.seller.business_id)?;
        x.leaf("SellerOrganisationName", &[], &self.seller.name)?;
        x.close("SellerPartyDetails")?;
        x.open("SellerInformationDetails", &[])?;
        x.open("SellerAccountDetails", &[])?;
        x.leaf(
            "SellerAccountID",
            &[("IdentificationSchemeName", "IBAN")],
            &inv.iban,
        )?;
        x.leaf(
            "SellerBic",
            &[("IdentificationSchemeName", "BIC")],
            &inv.bic,
        )?;
        x.close("SellerAccountDetails")?;
        x.close("SellerInformationDetails")?;

        x.open("BuyerPartyDetails", &[])?;
        x.leaf("BuyerPartyIdentifier", &[], &self.buyer.business_id)?;
        x.leaf("BuyerOrganisationName", &[], &self.buyer.name)?;
        x.close("BuyerPartyDetails")?;

        x.open("InvoiceDetails", &[])?;
        let (code, text) = if self.is_credit_note() {
            ("INV02", "HYVITYSLASKU")
        } else {
            ("INV01", "LASKU")
        };
        x.leaf("InvoiceTypeCode", &[], code)?;
        x.leaf("InvoiceTypeText", &[], text)?;
        x.leaf("OriginCode", &[], "Original")?;
        x.leaf("InvoiceNumber", &[], &inv.number.to_string())?;
        x.date("InvoiceDate", inv.issue_date)?;
        x.leaf("AgreementIdentifier", &[], &inv.month)?;
        x.euros("InvoiceTotalVatExcludedAmount", inv.net_cents)?;
        x.euros("InvoiceTotalVatAmount", inv.vat_cents)?;
        x.euros("InvoiceTotalVatIncludedAmount", inv.gross_cents)?;
        let mut rates: Vec<i32> = self.lines.iter().map(|l| l.vat_basis_points).collect();
        rates.sort_unstable();
        rates.dedup();
        for rate in rates {
            let of_rate = self.lines.iter().filter(|l| l.vat_basis_points == rate);
            let (net, vat) = of_rate.fold((0, 0), |(n, v), l| (n + l.net_cents, v + l.vat_cents));
            x.open("VatSpecificationDetails", &[])?;
            x.euros("VatBaseAmount", net)?;
            x.leaf("VatRatePercent", &[], &vat_percent(rate))?;
            if rate == 0 {
                // Social welfare services are exempt (VAT Act 37 §).
                x.leaf("VatCode", &[], "E")?;
            }
            x.euros("VatRateAmount", vat)?;
            x.close("VatSpecificationDetails")?;
        }
        x.open("PaymentTermsDetails", &[])?;
        x.date("InvoiceDueDate", inv.due_date)?;
        x.close("PaymentTermsDetails")?;
        x.close("InvoiceDetails")?;

        for line in self.lines {
            let (article, unit) = self.service_of(line);
            x.open("InvoiceRow", &[])?;
            x.leaf("ArticleName", &[], &article)?;
            x.leaf(
                "DeliveredQuantity",
                &[("QuantityUnitCode", unit)],
                &quantity(line.quantity_milli),
            )?;
            x.date("RowDeliveryDate", line.delivery_date)?;
            x.euros("UnitPriceAmount", line.unit_price_cents)?;
            x.leaf("RowIdentifier", &[], &line.delivery_id.to_string())?;
            x.leaf(
                "RowFreeText",
                &[],
                &format!("Asiakas {}", line.client_pseudonym),
            )?;
            x.leaf(
                "RowVatRatePercent",
                &[],
                &vat_percent(line.vat_basis_points),
            )?;
            x.euros("RowVatAmount", line.vat_cents)?;
            x.euros("RowVatExcludedAmount", line.net_cents)?;
            x.euros("RowAmount", line.gross_cents)?;
            x.close("InvoiceRow")?;
        }

        x.open("EpiDetails", &[])?;
        x.open("EpiIdentificationDetails", &[])?;
        x.date("EpiDate", inv.issue_date)?;
        x.leaf("EpiReference", &[], &inv.number.to_string())?;
        x.close("EpiIdentificationDetails")?;
        x.open("EpiPartyDetails", &[])?;
        x.open("EpiBfiPartyDetails", &[])?;
        x.leaf(
            "EpiBfiIdentifier",
            &[("IdentificationSchemeName", "BIC")],
            &inv.bic,
        )?;
        x.close("EpiBfiPartyDetails")?;
        x.open("EpiBeneficiaryPartyDetails", &[])?;
        x.leaf("EpiNameAddressDetails", &[], &self.seller.name)?;
        x.leaf("EpiBei", &[], &self.seller.business_id)?;
        x.leaf(
            "EpiAccountID",
            &[("IdentificationSchemeName", "IBAN")],
            &inv.iban,
        )?;
        x.close("EpiBeneficiaryPartyDetails")?;
        x.close("EpiPartyDetails")?;
        x.open("EpiPaymentInstructionDetails", &[])?;
        x.leaf(
            "EpiRemittanceInfoIdentifier",
            &[("IdentificationSchemeName", "SPY")],
            reference.as_str(),
        )?;
        x.euros("EpiInstructedAmount", inv.gross_cents)?;
        x.leaf("EpiCharge", &[("ChargeOption", "SLEV")], "SLEV")?;
        x.date("EpiDateOptionDate", inv.due_date)?;
        x.close("EpiPaymentInstructionDetails")?;
        x.close("EpiDetails")?;

        x.close("Finvoice")?;
        Ok(x.writer.into_inner())
    }

    /// One row per line, `;`-separated with decimal commas as Finnish spreadsheets expect,
    /// UTF-8 with a header row.
    pub fn lines_csv(&self) -> anyhow::Result<Vec<u8>> {
        let mut csv = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        csv.write_record([
            "invoice_number",
            "month",
            "client_pseudonym",
            "delivery_date",
            "service",
            "quantity",
            "unit",
            "unit_price",
            "vat_rate",
            "net",
            "vat",
            "total",
            "delivery_id",
            "commitment_id",
        ])?;
        for line in self.lines {
            let (article, unit) = self.service_of(line);
            csv.write_record(csv_cell::row([
                self.invoice.number.to_string(),
                self.invoice.month.clone(),
                line.client_pseudonym.clone(),
                line.delivery_date.format("%Y-%m-%d").to_string(),
                article,
                quantity(line.quantity_milli),
                unit.to_owned(),
                amount(line.unit_price_cents),
                vat_percent(line.vat_basis_points),
                amount(line.net_cents),
                amount(line.vat_cents),
                amount(line.gross_cents),
                line.delivery_id.to_string(),
                line.commitment_id.to_string(),
            ]))?;
        }
        csv.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finvoice_numbers_use_decimal_commas() {
        assert_eq!(amount(17_050), "170,50");
        assert_eq!(amount(-2_032), "-20,32");
        assert_eq!(quantity(1_500), "1,5");
        assert_eq!(vat_percent(2550), "25,5");
        assert_eq!(
            ccyymmdd(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default()),
            "20261102"
        );
    }
}
