//! Finvoice 3.0 XML, valid against the official schema (`Finvoice3.0.xsd`; the e2e tests
//! check every kind of document with xmllint): the routing envelope only when both parties
//! have given their e-invoice address and operator, seller and buyer with their e-invoice
//! addresses where known, the invoice details with totals and VAT per rate, one row per
//! line whose figures add up (`row.rs`), and the payment (EPI) details.
mod row;
mod xml;

use chrono::NaiveDate;
use quick_xml::{
    Writer,
    events::{BytesDecl, Event},
};

use crate::domain::{Money, reference::FinnishReference};

use super::{document::InvoiceDocument, export::vat_percent, routing};

use self::xml::{Xml, name_field, vat_code};

impl InvoiceDocument {
    pub fn finvoice(&self) -> anyhow::Result<Vec<u8>> {
        let mut x = Xml {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
        };
        x.writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        x.open("Finvoice", &[("Version", "3.0")])?;
        self.envelope(&mut x)?;
        self.parties(&mut x)?;
        self.details(&mut x)?;
        for shown in self.shown() {
            row::write(&mut x, &shown)?;
        }
        self.epi(&mut x)?;
        x.close("Finvoice")?;
        Ok(x.writer.into_inner())
    }

    /// `MessageTransmissionDetails` needs both parties' address and operator; without them
    /// it is left out (the schema allows that) and the operator routes by other means.
    fn envelope(&self, x: &mut Xml) -> anyhow::Result<()> {
        let seller = routing::of_provider(&self.seller);
        let buyer = routing::of_purchaser(&self.buyer);
        let (Some((from, from_operator)), Some((to, to_operator))) =
            (seller.complete(), buyer.complete())
        else {
            return Ok(());
        };
        let inv = &self.invoice;
        x.open("MessageTransmissionDetails", &[])?;
        x.open("MessageSenderDetails", &[])?;
        x.leaf("FromIdentifier", &[], from)?;
        x.leaf("FromIntermediator", &[], from_operator)?;
        x.close("MessageSenderDetails")?;
        x.open("MessageReceiverDetails", &[])?;
        x.leaf("ToIdentifier", &[], to)?;
        x.leaf("ToIntermediator", &[], to_operator)?;
        x.close("MessageReceiverDetails")?;
        x.open("MessageDetails", &[])?;
        x.leaf("MessageIdentifier", &[], &inv.id.to_string())?;
        // The moment the invoice was made, so that every download is the same message.
        let made = inv.created_at.with_timezone(&chrono_tz::Europe::Helsinki);
        x.leaf(
            "MessageTimeStamp",
            &[],
            &made.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        )?;
        x.close("MessageDetails")?;
        x.close("MessageTransmissionDetails")
    }

    fn parties(&self, x: &mut Xml) -> anyhow::Result<()> {
        let inv = &self.invoice;
        x.open("SellerPartyDetails", &[])?;
        x.leaf("SellerPartyIdentifier", &[], &self.seller.business_id)?;
        let seller = name_field(&self.seller.name, &self.seller.business_id, 70);
        x.leaf("SellerOrganisationName", &[], &seller)?;
        x.close("SellerPartyDetails")?;
        if let Some(address) = &self.seller.einvoice_address {
            x.leaf("SellerOrganisationUnitNumber", &[], address)?;
        }
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
        let buyer = name_field(&self.buyer.name, &self.buyer.business_id, 70);
        x.leaf("BuyerOrganisationName", &[], &buyer)?;
        x.close("BuyerPartyDetails")?;
        if let Some(address) = &self.buyer.einvoice_address {
            x.leaf("BuyerOrganisationUnitNumber", &[], address)?;
        }
        Ok(())
    }

    fn details(&self, x: &mut Xml) -> anyhow::Result<()> {
        let inv = &self.invoice;
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
        let mut originals: Vec<(i64, NaiveDate)> = self.originals.values().copied().collect();
        originals.sort_unstable();
        originals.dedup();
        if let [(number, date)] = originals.as_slice() {
            // Every row credits the same invoice: name it in the header too.
            x.leaf("OriginalInvoiceNumber", &[], &number.to_string())?;
            x.date("OriginalInvoiceDate", *date)?;
        }
        if !self.is_credit_note()
            && let Ok(month) = super::Month::parse(&inv.month)
        {
            // A credit note may credit deliveries of any month; an invoice bills one.
            x.date("InvoicingPeriodStartDate", month.first_day)?;
            let last = month.next_first_day.pred_opt().unwrap_or(month.first_day);
            x.date("InvoicingPeriodEndDate", last)?;
        }
        let net = inv.net;
        x.euros("RowsTotalVatExcludedAmount", net)?;
        x.euros("InvoiceTotalVatExcludedAmount", net)?;
        x.euros("InvoiceTotalVatAmount", inv.vat)?;
        x.euros("InvoiceTotalVatIncludedAmount", inv.gross)?;
        let mut rates: Vec<i32> = self.lines.iter().map(|l| l.vat_basis_points).collect();
        rates.sort_unstable();
        rates.dedup();
        for rate in rates {
            let of_rate = self.lines.iter().filter(|l| l.vat_basis_points == rate);
            let (net, vat) = of_rate.fold((Money::ZERO, Money::ZERO), |(n, v), l| {
                (n + l.net, v + l.vat)
            });
            x.open("VatSpecificationDetails", &[])?;
            x.euros("VatBaseAmount", net)?;
            x.leaf("VatRatePercent", &[], &vat_percent(rate))?;
            x.leaf("VatCode", &[], vat_code(rate))?;
            x.euros("VatRateAmount", vat)?;
            if rate == 0 {
                x.leaf(
                    "VatFreeText",
                    &[],
                    "Arvonlisäveroton sosiaalihuollon palvelu (AVL 37 §)",
                )?;
            }
            x.close("VatSpecificationDetails")?;
        }
        let note = match (self.is_credit_note(), inv.supplementary) {
            (true, _) => Some(format!(
                "Hyvitys peruutetuista tai kiistetyistä suoritteista ({}).",
                inv.month
            )),
            (false, true) => Some(format!(
                "Lisälasku kuukaudelle {}: suoritteet, jotka kirjattiin kuukauden ensimmäisen laskun jälkeen.",
                inv.month
            )),
            (false, false) => None,
        };
        if let Some(note) = note {
            x.leaf("InvoiceFreeText", &[], &note)?;
        }
        x.open("PaymentTermsDetails", &[])?;
        let days = (inv.due_date - inv.issue_date).num_days();
        x.leaf("PaymentTermsFreeText", &[], &format!("{days} pv netto"))?;
        x.date("InvoiceDueDate", inv.due_date)?;
        x.close("PaymentTermsDetails")?;
        x.close("InvoiceDetails")
    }

    fn epi(&self, x: &mut Xml) -> anyhow::Result<()> {
        let inv = &self.invoice;
        let reference = FinnishReference::parse(&inv.reference)
            .map_err(|e| anyhow::anyhow!("stored reference: {e}"))?;
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
        let beneficiary = name_field(&self.seller.name, &self.seller.business_id, 35);
        x.leaf("EpiNameAddressDetails", &[], &beneficiary)?;
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
        x.euros("EpiInstructedAmount", inv.gross)?;
        x.leaf("EpiCharge", &[("ChargeOption", "SLEV")], "SLEV")?;
        x.date("EpiDateOptionDate", inv.due_date)?;
        x.close("EpiPaymentInstructionDetails")?;
        x.close("EpiDetails")
    }
}
