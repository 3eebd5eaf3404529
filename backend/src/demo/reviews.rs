//! Demo reviews: two more home-care clients of Kielo who used the service and reviewed it
//! through the same domain code as real clients; Kielo replied to one, and someone reported
//! the other, so the offering page, the provider's reply page and the moderation queue all
//! show something. Aino has not reviewed yet: "How did it go?" is hers to try.
use chrono::{Duration, NaiveDate};
use sea_orm::EntityTrait;

use crate::{
    auth::{ActingFor, Actor},
    db::Db,
    domain::{
        Money, Quantity,
        catalogue::{CommitmentStatus, FundingKind, Method, Role},
        ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
        review::Stars,
        today_in_finland,
    },
    ledger::{
        commitments,
        deliveries::{self, NewDelivery},
        grant::{self, NewAllocation},
    },
    reviews::{
        moderation, replies,
        write::{self, NewReview},
    },
    vault::Vault,
};

pub(super) struct Kielo<'a> {
    pub county: PurchaserId,
    pub case_worker: &'a Actor,
    pub period: (NaiveDate, NaiveDate),
    pub home_care_service: ServiceId,
    pub home_care: OfferingId,
    pub provider: ProviderId,
    pub staff: &'a Actor,
}

struct Reviewer {
    name: &'static str,
    email: &'static str,
    personal_id: (u32, u32, u32, u32),
    stars: u8,
    text: &'static str,
}

const REVIEWERS: [Reviewer; 2] = [
    Reviewer {
        name: "Helmi Laine",
        email: "helmi@demo.valinta.fi",
        personal_id: (4, 9, 38, 226),
        stars: 4,
        text: "Hoitajat ovat ystävällisiä ja kiireettömiä. Aamukäynti on joskus myöhässä, mutta siitä ilmoitetaan.",
    },
    Reviewer {
        name: "Eino Mäkelä",
        email: "eino@demo.valinta.fi",
        personal_id: (21, 1, 40, 517),
        stars: 2,
        text: "Eri hoitaja melkein joka kerta, eikä kukaan tiennyt mitä edellinen oli tehnyt.",
    },
];

pub(super) async fn load(db: &Db, vault: &Vault, kielo: &Kielo<'_>) -> anyhow::Result<()> {
    let today = today_in_finland();
    for (n, who) in REVIEWERS.iter().enumerate() {
        let (d, m, y, i) = who.personal_id;
        let client = super::new_client(
            db,
            vault,
            kielo.county,
            who.name,
            super::personal_id(d, m, y, i)?,
            "091",
        )
        .await?;
        let actor = super::account(
            db,
            who.email,
            who.name,
            vec![Role::Client],
            (None, None, Some(client)),
        )
        .await?;
        let voucher = grant::grant(
            db,
            NewAllocation {
                client,
                purchaser: kielo.county,
                kind: FundingKind::Voucher,
                granted: Money::from_cents(150_000),
                valid_from: kielo.period.0,
                valid_to: kielo.period.1,
                services: vec![kielo.home_care_service],
                voucher_value: None,
                grace_days: crate::domain::grace::GraceDays::NONE,
                income: None,
            },
            kielo.case_worker,
        )
        .await?;
        let commitment = super::choose(
            db,
            voucher.id,
            kielo.home_care,
            Method::Voucher,
            Money::ZERO,
            &actor,
            ActingFor::Client,
        )
        .await?;
        commitments::transition(
            db,
            commitment,
            |_| CommitmentStatus::Accepted,
            &[CommitmentStatus::Requested],
            kielo.staff,
            None,
        )
        .await?;
        deliveries::record(
            db,
            kielo.provider,
            NewDelivery {
                commitment,
                date: (today - Duration::days(5 + 3 * n as i64)).max(kielo.period.0),
                quantity: Quantity::parse("1").map_err(|e| anyhow::anyhow!("{e}"))?,
                unit_price: Money::from_cents(4800),
                reference: format!("KIELO-20{n:02}"),
            },
            kielo.staff,
        )
        .await?;
        let offering = crate::db::entities::offering::Entity::find_by_id(kielo.home_care)
            .one(&db.conn)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo offering"))?;
        let review = write::create(
            db,
            &offering,
            client,
            ActingFor::Client,
            NewReview {
                stars: Stars::parse(i64::from(who.stars)).map_err(|e| anyhow::anyhow!("{e}"))?,
                text: who.text.into(),
            },
            &actor,
        )
        .await?;
        if n == 0 {
            replies::set_reply(
                db,
                review.id,
                "Kiitos palautteesta! Olemme muuttaneet aamukäyntien reittejä, jotta ehdimme ajallaan.".into(),
                replies::ReplyMode::First,
                kielo.staff,
            )
            .await?;
        } else {
            moderation::report(db, review.id, "Arvio on mielestäni epäreilu.".into(), None).await?;
        }
    }
    Ok(())
}
