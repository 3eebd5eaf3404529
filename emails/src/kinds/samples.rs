//! Sample notifications: every kind at least once, and both sides of each choice the text
//! depends on (proxy or not, upheld or not, credit note or not, one or many). The tests render
//! them all in every language; the backend can use them for a preview page.
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn euros(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

fn services() -> Vec<String> {
    vec!["Kotisiivous".to_owned(), "Asiointiapu".to_owned()]
}

impl Notification {
    /// One or more sample values of every kind, with made-up names and amounts.
    pub fn samples() -> Vec<Notification> {
        let proxy = Some("Maija Meikäläinen".to_owned());
        let line = DigestLine {
            offering: "Kotisiivous".to_owned(),
            provider: "Siivouspalvelu Kirkas Oy".to_owned(),
            date: day(2026, 10, 5),
            quantity: Decimal::new(15, 1),
            unit: "hour".to_owned(),
            total: euros(6_750),
            client_share: euros(750),
        };
        vec![
            ApplicationReceived {
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                services: services(),
                link: "/provider/applications/42".to_owned(),
            }
            .into(),
            ApplicationApproved {
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                services: services(),
                link: "/provider/applications/42".to_owned(),
            }
            .into(),
            ApplicationRejected {
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                services: services(),
                reason: "Vakuutustodistus puuttuu.".to_owned(),
                link: "/provider/applications/42".to_owned(),
            }
            .into(),
            CommitmentRequested {
                offering: "Kotisiivous".to_owned(),
                client: "A-7F3K".to_owned(),
                method: Method::Voucher,
                reserve: Some(euros(120_000)),
                link: "/provider/commitments/7".to_owned(),
            }
            .into(),
            CommitmentRequested {
                offering: "Taidekoulun kurssi".to_owned(),
                client: "B-2Q9M".to_owned(),
                method: Method::PaymentCommitment,
                reserve: None,
                link: "/provider/commitments/8".to_owned(),
            }
            .into(),
            CommitmentClosed {
                offering: "Kotisiivous".to_owned(),
                client: "A-7F3K".to_owned(),
                link: "/provider/commitments/7".to_owned(),
            }
            .into(),
            DisputeOpened {
                offering: "Kotisiivous".to_owned(),
                client: "A-7F3K".to_owned(),
                delivery_date: day(2026, 10, 5),
                amount: euros(6_000),
                reason: "Siivooja ei tullut tänä päivänä.".to_owned(),
                link: "/provider/disputes/3".to_owned(),
            }
            .into(),
            ReviewReplyReminder {
                offering: "Kotisiivous".to_owned(),
                stars: 4,
                written: day(2026, 9, 28),
                link: "/provider/reviews/11".to_owned(),
            }
            .into(),
            DeliveriesOverdue {
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                commitments: 3,
                recording_days: 14,
                link: "/provider/commitments?silent=1".to_owned(),
            }
            .into(),
            DeliveriesOverdue {
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                commitments: 1,
                recording_days: 1,
                link: "/provider/commitments?silent=1".to_owned(),
            }
            .into(),
            BankDetailsChanged {
                provider: "Kotihoito Kielo Oy".to_owned(),
                by: "Kaisa Kielo".to_owned(),
                on: day(2026, 12, 6),
                iban_before: Some("FI** **** **** **07 85".to_owned()),
                iban_after: "FI** **** **** **12 34".to_owned(),
                bic_before: Some("NDEAFIHH".to_owned()),
                bic_after: Some("OKOYFIHH".to_owned()),
                link: "/provider".to_owned(),
            }
            .into(),
            BankDetailsChanged {
                provider: "Kotihoito Kielo Oy".to_owned(),
                by: "Kaisa Kielo".to_owned(),
                on: day(2026, 12, 6),
                iban_before: None,
                iban_after: "FI** **** **** **12 34".to_owned(),
                bic_before: None,
                bic_after: None,
                link: "/provider".to_owned(),
            }
            .into(),
            InvoiceReady {
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                number: "2026-000123".to_owned(),
                month: "2026-10".to_owned(),
                total: euros(1_234_550),
                credit_note: false,
                due: day(2026, 11, 30),
                link: "/invoices/5".to_owned(),
            }
            .into(),
            InvoiceReady {
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                number: "2026-000124".to_owned(),
                month: "2026-10".to_owned(),
                total: euros(6_000),
                credit_note: true,
                due: day(2026, 11, 30),
                link: "/invoices/6".to_owned(),
            }
            .into(),
            AllocationGranted {
                on_behalf_of: None,
                purchaser: "Pirkanmaan hyvinvointialue".to_owned(),
                kind: AllocationKind::Voucher,
                granted: euros(300_000),
                valid_from: day(2026, 10, 1),
                valid_to: day(2027, 3, 31),
                link: "/money".to_owned(),
            }
            .into(),
            AllocationGranted {
                on_behalf_of: proxy.clone(),
                purchaser: "Österbottens välfärdsområde".to_owned(),
                kind: AllocationKind::PersonalBudget,
                granted: euros(1_250_000),
                valid_from: day(2026, 10, 1),
                valid_to: day(2027, 9, 30),
                link: "/money".to_owned(),
            }
            .into(),
            CommitmentAccepted {
                on_behalf_of: None,
                offering: "Kotisiivous".to_owned(),
                provider: "Siivouspalvelu Kirkas Oy".to_owned(),
                link: "/money/commitments/7".to_owned(),
            }
            .into(),
            CommitmentDeclined {
                on_behalf_of: proxy.clone(),
                offering: "Taidekoulun kurssi".to_owned(),
                provider: "Taidekoulu Väri ry".to_owned(),
                link: "/money/commitments/8".to_owned(),
            }
            .into(),
            DeliveryRecorded {
                on_behalf_of: None,
                offering: "Kotisiivous".to_owned(),
                provider: "Siivouspalvelu Kirkas Oy".to_owned(),
                date: day(2026, 10, 5),
                quantity: Decimal::new(15, 1),
                unit: "hour".to_owned(),
                total: euros(6_750),
                purchaser_share: euros(6_000),
                client_share: euros(750),
                available: euros(234_000),
                dispute_until: day(2026, 10, 19),
                link: "/money/deliveries/90".to_owned(),
            }
            .into(),
            DeliveryRecorded {
                on_behalf_of: proxy.clone(),
                offering: "Kuljetus".to_owned(),
                provider: "Taksi Åström".to_owned(),
                date: day(2026, 10, 6),
                quantity: Decimal::ONE,
                unit: "trip".to_owned(),
                total: euros(2_500),
                purchaser_share: euros(2_500),
                client_share: Decimal::ZERO,
                available: euros(209_000),
                dispute_until: day(2026, 10, 20),
                link: "/money/deliveries/91".to_owned(),
            }
            .into(),
            DeliveryDigest {
                on_behalf_of: proxy.clone(),
                from: day(2026, 10, 5),
                to: day(2026, 10, 11),
                deliveries: vec![
                    line.clone(),
                    DigestLine {
                        offering: "Kuljetus".to_owned(),
                        provider: "Taksi Åström".to_owned(),
                        date: day(2026, 10, 6),
                        quantity: Decimal::ONE,
                        unit: "trip".to_owned(),
                        total: euros(2_500),
                        client_share: Decimal::ZERO,
                    },
                ],
                available: euros(209_000),
                link: "/money".to_owned(),
            }
            .into(),
            DeliveryDigest {
                on_behalf_of: None,
                from: day(2026, 10, 12),
                to: day(2026, 10, 18),
                deliveries: vec![line],
                available: euros(202_250),
                link: "/money".to_owned(),
            }
            .into(),
            BalanceLow {
                on_behalf_of: None,
                available: euros(25_000),
                granted: euros(300_000),
                percent: 8,
                link: "/money".to_owned(),
            }
            .into(),
            AllocationEnding {
                on_behalf_of: proxy.clone(),
                valid_to: day(2027, 3, 31),
                days: 30,
                available: euros(80_000),
                link: "/money".to_owned(),
            }
            .into(),
            AllocationEnding {
                on_behalf_of: None,
                valid_to: day(2027, 3, 31),
                days: 7,
                available: euros(12_050),
                link: "/money".to_owned(),
            }
            .into(),
            DisputeDecided {
                on_behalf_of: None,
                offering: "Kotisiivous".to_owned(),
                delivery_date: day(2026, 10, 5),
                amount: euros(6_000),
                upheld: true,
                note: Some("Palveluntuottaja vahvisti virheen.".to_owned()),
                partly: None,
                link: "/money/deliveries/90".to_owned(),
            }
            .into(),
            DisputeDecided {
                on_behalf_of: None,
                offering: "Kotihoito".to_owned(),
                delivery_date: day(2026, 10, 7),
                amount: euros(9_000),
                upheld: true,
                note: Some("Käynti kesti tunnin, ei kahta.".to_owned()),
                partly: Some(PartlyUpheld {
                    recorded: "2".to_owned(),
                    found: "1".to_owned(),
                    returned: euros(4_500),
                }),
                link: "/my".to_owned(),
            }
            .into(),
            PriceChanged {
                on_behalf_of: proxy.clone(),
                offering: "Kotihoito arkeen".to_owned(),
                provider: "Hoivapalvelu Kielo Oy".to_owned(),
                old_price: Some(euros(4_500)),
                new_price: euros(4_800),
                valid_from: day(2027, 1, 1),
                link: "/offerings/12".to_owned(),
            }
            .into(),
            AllocationExpired {
                on_behalf_of: None,
                valid_to: day(2026, 12, 31),
                expired: euros(12_050),
                link: "/my".to_owned(),
            }
            .into(),
            DisputeDecided {
                on_behalf_of: proxy,
                offering: "Kuljetus".to_owned(),
                delivery_date: day(2026, 10, 6),
                amount: euros(2_500),
                upheld: false,
                note: None,
                partly: None,
                link: "/money/deliveries/91".to_owned(),
            }
            .into(),
            ProviderApplication {
                provider: "Siivouspalvelu Kirkas Oy".to_owned(),
                services: services(),
                link: "/purchaser/applications/42".to_owned(),
            }
            .into(),
            DisputeToHandle {
                provider: "Siivouspalvelu Kirkas Oy".to_owned(),
                offering: "Kotisiivous".to_owned(),
                delivery_date: day(2026, 10, 5),
                amount: euros(6_000),
                link: "/purchaser/disputes/3".to_owned(),
            }
            .into(),
            ReviewReported {
                offering: "Kotisiivous".to_owned(),
                reason: "Arviossa on henkilön nimi.".to_owned(),
                link: "/purchaser/reviews/11".to_owned(),
            }
            .into(),
            AccountLink {
                purpose: LinkPurpose::SetPassword,
                valid_minutes: 7 * 24 * 60,
                link: "/password/set?token=abc".to_owned(),
            }
            .into(),
            AccountLink {
                purpose: LinkPurpose::ResetPassword,
                valid_minutes: 30,
                link: "/password/set?token=def".to_owned(),
            }
            .into(),
            MandateGranted {
                client: "Matti Meikäläinen".to_owned(),
                relation: "äiti".to_owned(),
                valid_until: Some(day(2027, 12, 31)),
                link: "/my".to_owned(),
            }
            .into(),
            MandateEnded {
                client: "Matti Meikäläinen".to_owned(),
                link: "/my".to_owned(),
            }
            .into(),
            PlanDecided {
                on_behalf_of: None,
                decision_number: "2026-0007".to_owned(),
                granted: euros(299_970),
                valid_from: day(2026, 12, 1),
                valid_to: day(2027, 5, 31),
                link: "/plans/5/decision".to_owned(),
            }
            .into(),
            PlanDecided {
                on_behalf_of: Some("Matti".to_owned()),
                decision_number: "2026-0008".to_owned(),
                granted: euros(120_000),
                valid_from: day(2026, 12, 1),
                valid_to: day(2027, 11, 30),
                link: "/plans/6/decision".to_owned(),
            }
            .into(),
            PlanDecisionDue {
                client: "Aino".to_owned(),
                decision_due: day(2027, 1, 31),
                days: 14,
                link: "/purchaser/plans/5".to_owned(),
            }
            .into(),
            PlanEvaluationDue {
                on_behalf_of: None,
                goals: 1,
                link: "/my/plans/5".to_owned(),
            }
            .into(),
            PlanEvaluationDue {
                on_behalf_of: Some("Matti".to_owned()),
                goals: 3,
                link: "/my/plans/6".to_owned(),
            }
            .into(),
        ]
    }
}
