//! The demo data set: a small, realistic Finnish wellbeing services county with its
//! catalogue, providers, offerings and clients, so a newcomer sees a living portal at once.
//! Loaded only on request (`valinta serve --demo` or `valinta demo`), and only once.
//! Money moves through the ledger exactly as it does for real users.
mod plans;
mod reviews;
use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::{
    auth::{ActingFor, Actor, password},
    db::{
        Db,
        entities::{
            application, approval, client, mandate, offering, provider, purchaser,
            purchaser_municipality, service,
        },
    },
    domain::{
        EmailAddress, LocalizedText, Money, PersonalId, Quantity,
        business_id::check_digit,
        catalogue::{ApplicationStatus, CommitmentStatus, FundingKind, Method, Role, Unit},
        ids::{
            ApplicationId, ClientId, CommitmentId, MandateId, OfferingId, ProviderId, PurchaserId,
            ServiceId,
        },
        personal_id::check_character,
        today_in_finland,
    },
    ledger::{
        commitments::{self, CommitmentRequest},
        deliveries::{self, NewDelivery},
        grant::{self, NewAllocation},
    },
    users::{self, NewUser},
    vault::Vault,
};

/// Every demo account signs in with this password (documented in the README).
pub const DEMO_PASSWORD: &str = "demo-salasana";

/// Municipalities of the demo county (Statistics Finland codes).
const MUNICIPALITIES: [&str; 6] = ["106", "186", "245", "505", "543", "858"];

struct ServiceSpec {
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
    unit: Unit,
    social_care: bool,
    methods: &'static [Method],
    voucher_value: Option<i64>,
    price_cap: Option<i64>,
}

const SERVICES: [ServiceSpec; 7] = [
    ServiceSpec {
        code: "KOTIHOITO",
        fi: "Kotihoito",
        sv: "Hemvård",
        en: "Home care",
        unit: Unit::Hour,
        social_care: true,
        methods: &[Method::Voucher, Method::PaymentCommitment],
        voucher_value: Some(4200),
        price_cap: Some(6000),
    },
    ServiceSpec {
        code: "PAIVATOIMINTA",
        fi: "Päivätoiminta",
        sv: "Dagverksamhet",
        en: "Day activities",
        unit: Unit::Day,
        social_care: true,
        methods: &[Method::Voucher, Method::PaymentCommitment],
        voucher_value: Some(7500),
        price_cap: Some(11000),
    },
    ServiceSpec {
        code: "KULJETUS",
        fi: "Kuljetuspalvelu",
        sv: "Färdtjänst",
        en: "Transport service",
        unit: Unit::Trip,
        social_care: true,
        methods: &[Method::PaymentCommitment, Method::DirectInvoice],
        voucher_value: None,
        price_cap: Some(4000),
    },
    ServiceSpec {
        code: "ASUMINEN",
        fi: "Tehostettu palveluasuminen",
        sv: "Serviceboende med heldygnsomsorg",
        en: "Supported housing",
        unit: Unit::Day,
        social_care: true,
        methods: &[Method::Voucher],
        voucher_value: Some(15000),
        price_cap: Some(22000),
    },
    ServiceSpec {
        code: "TAIDEKURSSI",
        fi: "Taidekurssi",
        sv: "Konstkurs",
        en: "Art course",
        unit: Unit::Session,
        social_care: false,
        methods: &[Method::PaymentCommitment, Method::DirectInvoice],
        voucher_value: None,
        price_cap: None,
    },
    ServiceSpec {
        code: "KUNTOSALI",
        fi: "Kuntosalijäsenyys",
        sv: "Gymmedlemskap",
        en: "Gym membership",
        unit: Unit::Month,
        social_care: false,
        methods: &[Method::PaymentCommitment, Method::DirectInvoice],
        voucher_value: None,
        price_cap: None,
    },
    ServiceSpec {
        code: "SIIVOUS",
        fi: "Siivouspalvelu",
        sv: "Städtjänst",
        en: "Cleaning service",
        unit: Unit::Hour,
        social_care: false,
        methods: &[
            Method::Voucher,
            Method::PaymentCommitment,
            Method::DirectInvoice,
        ],
        voucher_value: Some(3000),
        price_cap: Some(5500),
    },
];

struct OfferingSpec {
    service: &'static str,
    title_fi: &'static str,
    title_sv: Option<&'static str>,
    description_fi: &'static str,
    description_sv: Option<&'static str>,
    price: i64,
    municipalities: &'static [&'static str],
    languages: &'static [&'static str],
    accessibility: &'static [&'static str],
    address: &'static str,
    location: (f64, f64),
}

struct ProviderSpec {
    name: &'static str,
    business_base: u32,
    email: &'static str,
    offerings: &'static [OfferingSpec],
}

/// Made-up accounts with valid check digits. The last provider has not given its bank
/// details yet, as happens.
/// The OVT e-invoice address of a business ID: `0037` and its eight digits.
fn ovt(business_id: &str) -> String {
    let digits: String = business_id.chars().filter(char::is_ascii_digit).collect();
    format!("0037{digits}")
}

const DEMO_BANK_DETAILS: [Option<(&str, &str)>; 6] = [
    Some(("FI2112345600000785", "NDEAFIHH")),
    Some(("FI4610253000123456", "NDEAFIHH")),
    Some(("FI7080001400098765", "DABAFIHH")),
    Some(("FI3640550012345678", "HELSFIHH")),
    Some(("FI7239390012345670", "SBANFIHH")),
    None,
];

const PROVIDERS: [ProviderSpec; 6] = [
    ProviderSpec {
        name: "Hoivapalvelu Kielo Oy",
        business_base: 2_345_671,
        email: "kielo@demo.valinta.fi",
        offerings: &[
            OfferingSpec {
                service: "KOTIHOITO",
                title_fi: "Kotihoito arkeen",
                title_sv: Some("Hemvård i vardagen"),
                description_fi: "Apua peseytymiseen, pukeutumiseen, lääkkeisiin ja ruokailuun kotona. Sama tuttu hoitaja joka käynnillä.",
                description_sv: Some(
                    "Hjälp med tvätt, påklädning, mediciner och måltider hemma. Samma vårdare vid varje besök.",
                ),
                price: 4800,
                municipalities: &["245", "186", "858"],
                languages: &["fi", "sv"],
                accessibility: &["home_visits", "plain_language"],
                address: "Kauppakaari 10, 04200 Kerava",
                location: (60.4034, 25.1050),
            },
            OfferingSpec {
                service: "ASUMINEN",
                title_fi: "Palvelukoti Kielo",
                title_sv: Some("Servicehemmet Kielo"),
                description_fi: "Ympärivuorokautista hoivaa kodinomaisessa palvelukodissa. Omat huoneet, yhteinen piha.",
                description_sv: None,
                price: 16500,
                municipalities: &["245", "186"],
                languages: &["fi"],
                accessibility: &["wheelchair", "parking"],
                address: "Kielotie 3, 04200 Kerava",
                location: (60.4100, 25.0950),
            },
        ],
    },
    ProviderSpec {
        name: "Päiväpaikka Verso ry",
        business_base: 1_987_654,
        email: "verso@demo.valinta.fi",
        offerings: &[OfferingSpec {
            service: "PAIVATOIMINTA",
            title_fi: "Päivätoimintaa kehitysvammaisille aikuisille",
            title_sv: Some("Dagverksamhet för vuxna med utvecklingsstörning"),
            description_fi: "Tekemistä, ulkoilua ja yhteinen lounas arkipäivisin. Selkokieliset ohjeet ja kuvat.",
            description_sv: Some("Aktiviteter, utevistelse och gemensam lunch på vardagar."),
            price: 8900,
            municipalities: &["106", "505", "543"],
            languages: &["fi"],
            accessibility: &["wheelchair", "plain_language", "sign_language"],
            address: "Uudenmaankatu 22, 05800 Hyvinkää",
            location: (60.6310, 24.8580),
        }],
    },
    ProviderSpec {
        name: "Keski-Uudenmaan Taksipalvelu Oy",
        business_base: 2_876_543,
        email: "taksi@demo.valinta.fi",
        offerings: &[OfferingSpec {
            service: "KULJETUS",
            title_fi: "Esteetön taksikuljetus",
            title_sv: Some("Tillgänglig taxitransport"),
            description_fi: "Pyörätuolitaksit ja saattaja tarvittaessa. Tilaus puhelimella tai sovelluksella.",
            description_sv: Some("Rullstolstaxi och ledsagare vid behov."),
            price: 3200,
            municipalities: &MUNICIPALITIES,
            languages: &["fi", "sv", "en"],
            accessibility: &["wheelchair"],
            address: "Asemantie 1, 04400 Järvenpää",
            location: (60.4737, 25.0899),
        }],
    },
    ProviderSpec {
        name: "Taidekoulu Sävy",
        business_base: 3_012_345,
        email: "savy@demo.valinta.fi",
        offerings: &[OfferingSpec {
            service: "TAIDEKURSSI",
            title_fi: "Maalauskurssi kaikille",
            title_sv: None,
            description_fi: "Akvarelli- ja akryylimaalausta pienessä ryhmässä. Ei tarvitse osata etukäteen.",
            description_sv: None,
            price: 2500,
            municipalities: &["186", "858"],
            languages: &["fi"],
            accessibility: &["wheelchair", "plain_language", "hearing_loop"],
            address: "Sibeliuksenkatu 4, 04400 Järvenpää",
            location: (60.4740, 25.0960),
        }],
    },
    ProviderSpec {
        name: "Kuntokeskus Voima Oy",
        business_base: 2_654_321,
        email: "voima@demo.valinta.fi",
        offerings: &[OfferingSpec {
            service: "KUNTOSALI",
            title_fi: "Kuntosalin kuukausijäsenyys ja ohjaus",
            title_sv: Some("Månadskort till gymmet med handledning"),
            description_fi: "Kuntosali, ryhmäliikunta ja kaksi ohjattua käyntiä kuukaudessa. Esteetön sisäänkäynti.",
            description_sv: None,
            price: 5900,
            municipalities: &["543", "858", "106"],
            languages: &["fi", "en"],
            accessibility: &["wheelchair", "parking"],
            address: "Klaukkalantie 12, 01900 Nurmijärvi",
            location: (60.4680, 24.8100),
        }],
    },
    ProviderSpec {
        name: "Städservice Kerava Ab",
        business_base: 3_123_456,
        email: "stad@demo.valinta.fi",
        offerings: &[OfferingSpec {
            service: "SIIVOUS",
            title_fi: "Kotisiivous",
            title_sv: Some("Städning i hemmet"),
            description_fi: "Viikko- tai kuukausisiivous kotona. Omat välineet mukana.",
            description_sv: Some(
                "Veckostädning eller månadsstädning hemma. Vi tar med egna redskap.",
            ),
            price: 3600,
            municipalities: &["245", "186", "858"],
            languages: &["sv", "fi"],
            accessibility: &["home_visits"],
            address: "Torikatu 5, 04200 Kerava",
            location: (60.4030, 25.1030),
        }],
    },
];

/// A valid business ID near `base` (the first seven-digit number with a check digit).
fn business_id(base: u32) -> String {
    (base..base + 20)
        .find_map(|n| {
            let text = format!("{n:07}");
            let mut digits = [0u32; 7];
            for (slot, c) in digits.iter_mut().zip(text.chars()) {
                *slot = c.to_digit(10).unwrap_or(0);
            }
            check_digit(&digits).map(|c| format!("{text}-{c}"))
        })
        .unwrap_or_else(|| format!("{base:07}-0"))
}

/// A valid identity code for a birth date and individual number (1900s, sign '-').
fn personal_id(day: u32, month: u32, year2: u32, individual: u32) -> anyhow::Result<PersonalId> {
    let check = check_character(day * 10_000_000 + month * 100_000 + year2 * 1_000 + individual);
    let code = format!("{day:02}{month:02}{year2:02}-{individual:03}{check}");
    PersonalId::parse(&code).map_err(|e| anyhow::anyhow!("demo identity code {code}: {e}"))
}

async fn account(
    db: &Db,
    email: &str,
    name: &str,
    roles: Vec<Role>,
    tenant: (Option<PurchaserId>, Option<ProviderId>, Option<ClientId>),
) -> anyhow::Result<Actor> {
    let new = NewUser {
        email: Some(EmailAddress::parse(email)?),
        password_hash: Some(password::hash(DEMO_PASSWORD).await?),
        name: name.to_owned(),
        roles,
        purchaser: tenant.0,
        provider: tenant.1,
        client: tenant.2,
    };
    let model = users::insert(&db.conn, new).await?;
    Ok(Actor::from_user(&model))
}

fn text(fi: &str, sv: Option<&str>, en: Option<&str>) -> serde_json::Value {
    json!(LocalizedText {
        fi: fi.into(),
        sv: sv.map(Into::into),
        en: en.map(Into::into)
    })
}

pub async fn load(db: &Db, vault: &Vault) -> anyhow::Result<()> {
    let county_id = business_id(3_221_000);
    let exists = purchaser::Entity::find()
        .filter(purchaser::Column::BusinessId.eq(county_id.as_str()))
        .one(&db.conn)
        .await?;
    if exists.is_some() {
        tracing::info!("demo data is already loaded");
        return Ok(());
    }
    let now = Utc::now();
    let county = PurchaserId::new();
    purchaser::ActiveModel {
        id: Set(county),
        name: Set("Keski-Uudenmaan hyvinvointialue".into()),
        business_id: Set(county_id.clone()),
        payment_terms_days: Set(14),
        recording_days: Set(crate::domain::recording::RecordingDays::DEFAULT.stored()),
        grace_days: Set(0),
        // The county receives e-invoices through an operator (here Maventa's ID), so its
        // Finvoices to Kielo carry a complete routing envelope.
        einvoice_address: Set(Some(ovt(&county_id))),
        einvoice_operator: Set(Some("003721291126".into())),
        created_at: Set(now),
    }
    .insert(&db.conn)
    .await?;
    for municipality in MUNICIPALITIES {
        purchaser_municipality::ActiveModel {
            purchaser_id: Set(county),
            municipality: Set(municipality.into()),
        }
        .insert(&db.conn)
        .await?;
    }
    let staff = (Some(county), None, None);
    account(
        db,
        "admin@demo.valinta.fi",
        "Ylläpitäjä",
        vec![Role::Admin],
        (None, None, None),
    )
    .await?;
    let catalogue_manager = account(
        db,
        "palveluvalikoima@demo.valinta.fi",
        "Pirjo Palvelupäällikkö",
        vec![Role::CatalogueManager],
        staff,
    )
    .await?;
    let case_worker = account(
        db,
        "sosiaalityo@demo.valinta.fi",
        "Sanna Sosiaalityöntekijä",
        vec![Role::CaseWorker],
        staff,
    )
    .await?;
    account(
        db,
        "talous@demo.valinta.fi",
        "Tapio Talous",
        vec![Role::Finance],
        staff,
    )
    .await?;
    account(
        db,
        "moderointi@demo.valinta.fi",
        "Maija Moderaattori",
        vec![Role::Moderator],
        staff,
    )
    .await?;

    let mut services = Vec::new();
    for spec in &SERVICES {
        let id = ServiceId::new();
        service::ActiveModel {
            id: Set(id),
            purchaser_id: Set(county),
            code: Set(spec.code.into()),
            name: Set(text(spec.fi, Some(spec.sv), Some(spec.en))),
            unit: Set(spec.unit),
            social_care: Set(spec.social_care),
            methods: Set(json!(spec.methods)),
            voucher_value: Set(spec.voucher_value.map(Money::from_cents)),
            price_cap: Set(spec.price_cap.map(Money::from_cents)),
            rulebook: Set(json!([
                "Palveluntuottaja on merkitty ennakkoperintärekisteriin.",
                "Henkilöstöllä on tehtävään sopiva koulutus.",
                "Asiakkaan tiedot käsitellään tietosuoja-asetuksen mukaisesti."
            ])),
            // Social care is VAT-exempt; the rest carry the general rate (25.5 %).
            vat_basis_points: Set(if spec.social_care { 0 } else { 2550 }),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&db.conn)
        .await?;
        services.push((spec.code, id));
    }
    let service_id = |code: &str| {
        services
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, id)| *id)
            .context("demo service")
    };

    let mut offerings = Vec::new();
    let mut provider_actors = Vec::new();
    for (index, (spec, bank)) in PROVIDERS.iter().zip(DEMO_BANK_DETAILS).enumerate() {
        let id = ProviderId::new();
        let first = index == 0;
        provider::ActiveModel {
            id: Set(id),
            name: Set(spec.name.into()),
            business_id: Set(business_id(spec.business_base)),
            email: Set(spec.email.into()),
            phone: Set(Some("+358 40 123 4567".into())),
            iban: Set(bank.map(|(iban, _)| iban.into())),
            bic: Set(bank.map(|(_, bic)| bic.into())),
            bank_changed_at: Set(None),
            // Kielo sends e-invoices through an operator; the others have not said yet.
            einvoice_address: Set(first.then(|| ovt(&business_id(spec.business_base)))),
            einvoice_operator: Set(first.then(|| "003723327487".into())),
            created_at: Set(now),
        }
        .insert(&db.conn)
        .await?;
        provider_actors.push((
            id,
            account(
                db,
                spec.email,
                spec.name,
                vec![Role::ProviderStaff],
                (None, Some(id), None),
            )
            .await?,
        ));
        for offer in spec.offerings {
            let service = service_id(offer.service)?;
            let application = ApplicationId::new();
            application::ActiveModel {
                id: Set(application),
                provider_id: Set(id),
                purchaser_id: Set(county),
                service_ids: Set(json!([service])),
                status: Set(ApplicationStatus::Approved),
                reason: Set(None),
                decided_by: Set(Some(catalogue_manager.user_id)),
                decided_at: Set(Some(now)),
                created_at: Set(now),
            }
            .insert(&db.conn)
            .await?;
            approval::ActiveModel {
                provider_id: Set(id),
                service_id: Set(service),
                purchaser_id: Set(county),
                application_id: Set(application),
                approved_at: Set(now),
            }
            .insert(&db.conn)
            .await?;
            let offering_id = OfferingId::new();
            offering::ActiveModel {
                id: Set(offering_id),
                provider_id: Set(id),
                service_id: Set(service),
                purchaser_id: Set(county),
                title: Set(text(offer.title_fi, offer.title_sv, None)),
                description: Set(text(offer.description_fi, offer.description_sv, None)),
                unit_price: Set(Money::from_cents(offer.price)),
                municipalities: Set(json!(offer.municipalities)),
                languages: Set(json!(offer.languages)),
                accessibility: Set(json!(offer.accessibility)),
                address: Set(Some(offer.address.into())),
                lat: Set(Some(offer.location.0)),
                lon: Set(Some(offer.location.1)),
                archived: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&db.conn)
            .await?;
            crate::prices::change::first_version(
                offering_id,
                crate::domain::Money::from_cents(offer.price),
                crate::domain::today_in_finland(),
                None,
            )
            .insert(&db.conn)
            .await?;
            offerings.push((offer.service, offering_id, id));
        }
    }

    let year = today_in_finland().year();
    let (year_start, year_end) = (
        NaiveDate::from_ymd_opt(year, 1, 1).context("date")?,
        NaiveDate::from_ymd_opt(year, 12, 31).context("date")?,
    );

    // Aino, 84, has a home-care voucher and uses it with Kielo.
    let aino = new_client(
        db,
        vault,
        county,
        "Aino Virtanen",
        personal_id(15, 3, 42, 308)?,
        "245",
    )
    .await?;
    let aino_actor = account(
        db,
        "aino@demo.valinta.fi",
        "Aino Virtanen",
        vec![Role::Client],
        (None, None, Some(aino)),
    )
    .await?;
    let voucher = grant::grant(
        db,
        NewAllocation {
            client: aino,
            purchaser: county,
            kind: FundingKind::Voucher,
            granted: Money::from_cents(200_000),
            valid_from: year_start,
            valid_to: year_end,
            services: vec![service_id("KOTIHOITO")?, service_id("SIIVOUS")?],
            voucher_value: None,
            grace_days: crate::domain::grace::GraceDays::NONE,
            income: None,
        },
        &case_worker,
    )
    .await?;
    let (_, home_care, kielo) = *offerings
        .iter()
        .find(|(s, _, _)| *s == "KOTIHOITO")
        .context("demo offering")?;
    let kielo_actor = &provider_actors
        .iter()
        .find(|(id, _)| *id == kielo)
        .context("demo provider")?
        .1;
    let commitment = choose(
        db,
        voucher.id,
        home_care,
        Method::Voucher,
        Money::from_cents(84_000),
        &aino_actor,
        ActingFor::Client,
    )
    .await?;
    commitments::transition(
        db,
        commitment,
        |_| CommitmentStatus::Accepted,
        &[CommitmentStatus::Requested],
        kielo_actor,
        None,
    )
    .await?;
    let today = today_in_finland();
    for (days_ago, hours, reference) in [(9, "2", "KIELO-1001"), (2, "1.5", "KIELO-1002")] {
        let date = (today - Duration::days(days_ago)).max(year_start);
        deliveries::record(
            db,
            kielo,
            NewDelivery {
                commitment,
                date,
                quantity: Quantity::parse(hours).map_err(|e| anyhow::anyhow!("{e}"))?,
                unit_price: Money::from_cents(4800),
                reference: reference.into(),
            },
            kielo_actor,
        )
        .await?;
    }
    reviews::load(
        db,
        vault,
        &reviews::Kielo {
            county,
            case_worker: &case_worker,
            period: (year_start, year_end),
            home_care_service: service_id("KOTIHOITO")?,
            home_care,
            provider: kielo,
            staff: kielo_actor,
        },
    )
    .await?;

    // Matti, 32, has a personal budget; his mother Liisa acts for him.
    let matti = new_client(
        db,
        vault,
        county,
        "Matti Korhonen",
        personal_id(2, 11, 94, 517)?,
        "186",
    )
    .await?;
    let matti_user = account(
        db,
        "matti@demo.valinta.fi",
        "Matti Korhonen",
        vec![Role::Client],
        (None, None, Some(matti)),
    )
    .await?;
    let liisa = account(
        db,
        "liisa@demo.valinta.fi",
        "Liisa Korhonen",
        vec![Role::Proxy],
        (None, None, None),
    )
    .await?;
    mandate::ActiveModel {
        id: Set(MandateId::new()),
        proxy_user_id: Set(liisa.user_id),
        client_id: Set(matti),
        relation: Set("äiti (edunvalvoja)".into()),
        created_by: Set(case_worker.user_id),
        created_at: Set(now),
        revoked_at: Set(None),
        valid_until: Set(None),
        revoked_by: Set(None),
        revoke_reason: Set(None),
    }
    .insert(&db.conn)
    .await?;
    let budget = grant::grant(
        db,
        NewAllocation {
            client: matti,
            purchaser: county,
            kind: FundingKind::PersonalBudget,
            granted: Money::from_cents(600_000),
            valid_from: year_start,
            valid_to: year_end,
            services: ["PAIVATOIMINTA", "KULJETUS", "TAIDEKURSSI", "KUNTOSALI"]
                .iter()
                .map(|c| service_id(c))
                .collect::<anyhow::Result<_>>()?,
            voucher_value: None,
            grace_days: crate::domain::grace::GraceDays::NONE,
            income: None,
        },
        &case_worker,
    )
    .await?;
    let (_, art, _) = *offerings
        .iter()
        .find(|(s, _, _)| *s == "TAIDEKURSSI")
        .context("demo offering")?;
    let art = choose(
        db,
        budget.id,
        art,
        Method::PaymentCommitment,
        Money::from_cents(25_000),
        &liisa,
        ActingFor::Proxy,
    )
    .await?;
    // Matti's budget came from a plan: lines of 4 days, 1 trip, 2 sessions and 1 month a
    // month for 12 months sum to the 6 000.00 granted.
    let mut lines = Vec::new();
    for (code, quantity, cents) in [
        ("PAIVATOIMINTA", "4", 8900),
        ("KULJETUS", "1", 3500),
        ("TAIDEKURSSI", "2", 2500),
        ("KUNTOSALI", "1", 5900),
    ] {
        let spec = SERVICES
            .iter()
            .find(|s| s.code == code)
            .context("demo service")?;
        let name = LocalizedText {
            fi: spec.fi.into(),
            sv: Some(spec.sv.into()),
            en: Some(spec.en.into()),
        };
        lines.push((service_id(code)?, name, quantity, cents));
    }
    plans::load(
        db,
        &plans::Plans {
            county,
            county_name: "Keski-Uudenmaan hyvinvointialue",
            case_worker: &case_worker,
            matti,
            matti_user: &matti_user,
            liisa: &liisa,
            budget: &budget,
            art,
            lines,
            aino,
        },
    )
    .await?;
    tracing::info!(
        "demo data loaded: sign in with any demo account and the password {DEMO_PASSWORD}"
    );
    Ok(())
}

async fn new_client(
    db: &Db,
    vault: &Vault,
    purchaser: PurchaserId,
    name: &str,
    id: PersonalId,
    municipality: &str,
) -> anyhow::Result<ClientId> {
    let client_id = ClientId::new();
    client::ActiveModel {
        id: Set(client_id),
        purchaser_id: Set(purchaser),
        name: Set(name.into()),
        personal_id_cipher: Set(vault.encrypt(&id)?),
        personal_id_hash: Set(vault.lookup_hash(&id)),
        personal_id_masked: Set(id.masked()),
        municipality: Set(municipality.into()),
        email: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&db.conn)
    .await?;
    Ok(client_id)
}

async fn choose(
    db: &Db,
    allocation: crate::domain::ids::AllocationId,
    offering_id: OfferingId,
    method: Method,
    reserve: Money,
    actor: &Actor,
    acting: ActingFor,
) -> anyhow::Result<CommitmentId> {
    let offering = offering::Entity::find_by_id(offering_id)
        .one(&db.conn)
        .await?
        .context("demo offering")?;
    let service = service::Entity::find_by_id(offering.service_id)
        .one(&db.conn)
        .await?
        .context("demo service")?;
    let created = commitments::request(
        db,
        CommitmentRequest {
            allocation,
            offering,
            service,
            method,
            reserve,
            details: Default::default(),
        },
        actor,
        acting,
    )
    .await?;
    Ok(created.id)
}
