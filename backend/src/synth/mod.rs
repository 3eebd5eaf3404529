//! Synthetic data at scale, for benchmarks and demos: a purchaser covering 27 real
//! municipalities, a twelve-service catalogue, providers and N offerings with Finnish and
//! Swedish titles built from real service vocabulary, prices, ratings and coordinates inside
//! Finland. Deterministic for a given seed. Written straight into the database; the search
//! index is rebuilt from it afterwards (`valinta search reindex`).
mod vocabulary;

use chrono::Utc;
use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use sea_orm::{ActiveModelTrait, EntityTrait, QuerySelect, Set};
use serde_json::json;
use std::collections::HashSet;
use uuid::Uuid;

use crate::{
    db::{
        Db,
        entities::{
            approval, offering, offering_rating, provider, purchaser, purchaser_municipality,
            service,
        },
    },
    domain::{
        Money,
        business_id::check_digit,
        ids::{ApplicationId, OfferingId, ProviderId, PurchaserId, ServiceId},
    },
};

use vocabulary::*;

pub struct Generated {
    pub purchaser_id: PurchaserId,
    pub providers: usize,
    pub offerings: usize,
}

const BATCH: usize = 1000;

/// A valid business ID not in `taken` (random IDs for thousands of providers would
/// otherwise collide: the birthday bound of ~9 million valid IDs is reached fast).
fn business_id(rng: &mut StdRng, taken: &mut HashSet<String>) -> String {
    loop {
        let mut digits = [0u32; 7];
        for d in &mut digits {
            *d = rng.gen_range(0..10);
        }
        if let Some(check) = check_digit(&digits) {
            let body: String = digits
                .iter()
                .filter_map(|d| char::from_digit(*d, 10))
                .collect();
            let id = format!("{body}-{check}");
            if taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

struct SynthProvider {
    id: ProviderId,
    name: String,
    services: Vec<usize>,
    home: usize,
}

pub async fn generate(db: &Db, count: usize, seed: u64) -> anyhow::Result<Generated> {
    let mut rng = StdRng::seed_from_u64(seed);
    let now = Utc::now();
    let mut taken: HashSet<String> = provider::Entity::find()
        .select_only()
        .column(provider::Column::BusinessId)
        .into_tuple::<String>()
        .all(&db.conn)
        .await?
        .into_iter()
        .chain(
            purchaser::Entity::find()
                .select_only()
                .column(purchaser::Column::BusinessId)
                .into_tuple::<String>()
                .all(&db.conn)
                .await?,
        )
        .collect();
    let purchaser_id = PurchaserId::new();
    purchaser::ActiveModel {
        id: Set(purchaser_id),
        name: Set(format!("Synteettinen hyvinvointialue {seed}")),
        business_id: Set(business_id(&mut rng, &mut taken)),
        payment_terms_days: Set(14),
        recording_days: Set(crate::domain::recording::RecordingDays::DEFAULT.stored()),
        grace_days: Set(0),
        einvoice_address: Set(None),
        einvoice_operator: Set(None),
        created_at: Set(now),
    }
    .insert(&db.conn)
    .await?;
    purchaser_municipality::Entity::insert_many(MUNICIPALITIES.iter().map(|(code, ..)| {
        purchaser_municipality::ActiveModel {
            purchaser_id: Set(purchaser_id),
            municipality: Set((*code).to_owned()),
        }
    }))
    .exec(&db.conn)
    .await?;
    let service_ids: Vec<ServiceId> = SERVICES.iter().map(|_| ServiceId::new()).collect();
    service::Entity::insert_many(SERVICES.iter().zip(&service_ids).map(|(s, id)| {
        service::ActiveModel {
            id: Set(*id),
            purchaser_id: Set(purchaser_id),
            code: Set(s.code.to_owned()),
            name: Set(json!({"fi": s.fi, "sv": s.sv, "en": s.en})),
            unit: Set(s.unit),
            social_care: Set(s.social_care),
            methods: Set(json!(s.methods)),
            voucher_value: Set(s.voucher_value.map(Money::from_cents)),
            price_cap: Set(Some(Money::from_cents(s.price.1))),
            rulebook: Set(json!([])),
            vat_basis_points: Set(if s.social_care { 0 } else { 2550 }),
            created_at: Set(now),
            ..Default::default()
        }
    }))
    .exec(&db.conn)
    .await?;

    let provider_count = (count / 20).max(1);
    let mut providers = Vec::with_capacity(provider_count);
    for batch_start in (0..provider_count).step_by(BATCH) {
        let mut rows = Vec::new();
        let mut approvals = Vec::new();
        for _ in batch_start..(batch_start + BATCH).min(provider_count) {
            let home = rng.gen_range(0..MUNICIPALITIES.len());
            let name = format!(
                "{}{} {}",
                PROVIDER_HEADS.choose(&mut rng).copied().unwrap_or("Hoiva"),
                PROVIDER_TAILS
                    .choose(&mut rng)
                    .map(|t| if t.starts_with(char::is_lowercase) {
                        t.to_string()
                    } else {
                        format!(" {t}")
                    })
                    .unwrap_or_default(),
                MUNICIPALITIES[home].1,
            );
            let mut services: Vec<usize> = (0..SERVICES.len()).collect();
            services.shuffle(&mut rng);
            services.truncate(rng.gen_range(1..=3));
            let id = ProviderId::new();
            rows.push(provider::ActiveModel {
                id: Set(id),
                name: Set(name.clone()),
                business_id: Set(business_id(&mut rng, &mut taken)),
                email: Set(format!("{}@synth.valinta.invalid", id.0.simple())),
                phone: Set(None),
                iban: Set(None),
                bic: Set(None),
                bank_changed_at: Set(None),
                einvoice_address: Set(None),
                einvoice_operator: Set(None),
                created_at: Set(now),
            });
            for s in &services {
                approvals.push(approval::ActiveModel {
                    provider_id: Set(id),
                    service_id: Set(service_ids[*s]),
                    purchaser_id: Set(purchaser_id),
                    // Synthetic providers are approved directly, without an application.
                    application_id: Set(ApplicationId(Uuid::nil())),
                    approved_at: Set(now),
                });
            }
            providers.push(SynthProvider {
                id,
                name,
                services,
                home,
            });
        }
        let tx = db.begin_write().await?;
        // Business IDs are random; a rare clash is simply skipped.
        provider::Entity::insert_many(rows)
            .on_conflict_do_nothing()
            .exec(&*tx)
            .await?;
        approval::Entity::insert_many(approvals)
            .on_conflict_do_nothing()
            .exec(&*tx)
            .await?;
        tx.commit().await?;
    }

    for batch_start in (0..count).step_by(BATCH) {
        let mut rows = Vec::new();
        let mut ratings = Vec::new();
        for _ in batch_start..(batch_start + BATCH).min(count) {
            let provider = &providers[rng.gen_range(0..providers.len())];
            let s = provider.services[rng.gen_range(0..provider.services.len())];
            let words = &SERVICES[s];
            let id = OfferingId::new();
            let tail_fi = TITLE_TAILS_FI.choose(&mut rng).copied().unwrap_or("arkeen");
            let tail_sv = TITLE_TAILS_SV.choose(&mut rng).copied().unwrap_or("hemma");
            let swedish = rng.gen_bool(0.3);
            let mut phrases: Vec<&str> = words.phrases_fi.to_vec();
            phrases.shuffle(&mut rng);
            let description_fi = format!(
                "{}. {}. Palvelua tarjoaa {}.",
                capitalise(phrases[0]),
                capitalise(phrases[phrases.len() - 1]),
                provider.name
            );
            let description_sv = format!(
                "{}.",
                capitalise(
                    words
                        .phrases_sv
                        .choose(&mut rng)
                        .copied()
                        .unwrap_or(words.sv)
                )
            );
            let mut municipalities = vec![MUNICIPALITIES[provider.home].0.to_owned()];
            for _ in 0..rng.gen_range(0..3) {
                let m = MUNICIPALITIES
                    .choose(&mut rng)
                    .map(|m| m.0.to_owned())
                    .unwrap_or_default();
                if !municipalities.contains(&m) {
                    municipalities.push(m);
                }
            }
            let mut languages = vec!["fi".to_owned()];
            if swedish {
                languages.push("sv".into());
            }
            if rng.gen_bool(0.2) {
                languages.push(LANGUAGES[rng.gen_range(2..LANGUAGES.len())].to_owned());
            }
            let accessibility: Vec<&str> = ACCESSIBILITY
                .iter()
                .copied()
                .filter(|_| rng.gen_bool(0.3))
                .collect();
            let (lat0, lon0) = (
                MUNICIPALITIES[provider.home].2,
                MUNICIPALITIES[provider.home].3,
            );
            let price = rng.gen_range(words.price.0 / 10..=words.price.1 / 10) * 10;
            rows.push(offering::ActiveModel {
                id: Set(id),
                provider_id: Set(provider.id),
                service_id: Set(service_ids[s]),
                purchaser_id: Set(purchaser_id),
                title: Set(if swedish {
                    json!({"fi": format!("{} {tail_fi}", words.fi), "sv": format!("{} {tail_sv}", words.sv)})
                } else {
                    json!({"fi": format!("{} {tail_fi}", words.fi)})
                }),
                description: Set(if swedish { json!({"fi": description_fi, "sv": description_sv}) } else { json!({"fi": description_fi}) }),
                unit_price: Set(Money::from_cents(price)),
                municipalities: Set(json!(municipalities)),
                languages: Set(json!(languages)),
                accessibility: Set(json!(accessibility)),
                address: Set(Some(format!("Esimerkkikatu {}, {}", rng.gen_range(1..120), MUNICIPALITIES[provider.home].1))),
                lat: Set(Some(lat0 + rng.gen_range(-0.08..0.08))),
                lon: Set(Some(lon0 + rng.gen_range(-0.15..0.15))),
                archived: Set(false),
                created_at: Set(now),
                updated_at: Set(now - chrono::Duration::seconds(rng.gen_range(0..90 * 24 * 3600))),
            });
            if rng.gen_bool(0.7) {
                let reviews: i32 = rng.gen_range(1..120);
                let mean: f64 = rng.gen_range(2.8..5.0);
                // Each review's stars scatter around the offering's mean.
                let mut stars = [0i32; 5];
                for _ in 0..reviews {
                    let drawn = (mean + rng.gen_range(-1.2..1.2)).round().clamp(1.0, 5.0);
                    stars[drawn as usize - 1] += 1;
                }
                let star_total = stars
                    .iter()
                    .zip(1..)
                    .map(|(count, value)| count * value)
                    .sum();
                ratings.push(offering_rating::ActiveModel {
                    offering_id: Set(id),
                    review_count: Set(reviews),
                    star_total: Set(star_total),
                    stars_1: Set(stars[0]),
                    stars_2: Set(stars[1]),
                    stars_3: Set(stars[2]),
                    stars_4: Set(stars[3]),
                    stars_5: Set(stars[4]),
                    updated_at: Set(now),
                });
            }
        }
        let tx = db.begin_write().await?;
        offering::Entity::insert_many(rows).exec(&*tx).await?;
        if !ratings.is_empty() {
            offering_rating::Entity::insert_many(ratings)
                .exec(&*tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(Generated {
        purchaser_id,
        providers: providers.len(),
        offerings: count,
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
