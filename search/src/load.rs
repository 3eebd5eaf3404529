//! Synthetic load: a varied offering catalogue of any size, a realistic query mix, and a
//! runner that measures latency under concurrent clients. Used by the perf test and the
//! `perf` example, and available to the backend's own benchmarks.
use std::sync::Arc;
use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::conformance::{base, lang_map, rated, strings};
use crate::{Engine, Filters, GeoPoint, OfferingDoc, SearchError, SearchQuery, Sort};

const WORDS_FI: [&str; 24] = [
    "siivous",
    "kotihoito",
    "fysioterapia",
    "kuntoutus",
    "asumispalvelu",
    "päivätoiminta",
    "kuljetus",
    "ateriapalvelu",
    "turvapuhelin",
    "omaishoito",
    "henkilökohtainen",
    "apu",
    "tukiasuminen",
    "perhehoito",
    "muistikuntoutus",
    "saattaja",
    "vaatehuolto",
    "kauppakassi",
    "lyhytaikainen",
    "kylvetys",
    "ulkoilu",
    "puheterapia",
    "toimintaterapia",
    "ravitsemus",
];
const WORDS_SV: [&str; 8] = [
    "städning",
    "hemvård",
    "fysioterapi",
    "rehabilitering",
    "boende",
    "dagverksamhet",
    "färdtjänst",
    "måltidsservice",
];
const WORDS_EN: [&str; 8] = [
    "cleaning",
    "home",
    "care",
    "physiotherapy",
    "rehabilitation",
    "housing",
    "transport",
    "meals",
];

/// `count` varied offerings for load measurements: 24 Finnish, 8 Swedish and 8 English
/// content words, 12 services, 40 municipalities, a third rated, most located in Finland.
pub fn synthetic_docs(count: usize) -> Vec<OfferingDoc> {
    (0..count).map(synthetic_doc).collect()
}

fn synthetic_doc(i: usize) -> OfferingDoc {
    let pick = |pool: &[&'static str], salt: usize| {
        pool[(i.wrapping_mul(2_654_435_761) >> 7).wrapping_add(salt * 7919) % pool.len()]
    };
    let title = format!(
        "{} {} {}",
        capitalise(pick(&WORDS_FI, 1)),
        pick(&WORDS_FI, 2),
        i % 997
    );
    let description = format!(
        "Tarjoamme {} ja {} palveluja. Meillä on kokemusta {} vuotta, ja {} onnistuu joustavasti.",
        pick(&WORDS_FI, 3),
        pick(&WORDS_FI, 4),
        i % 30,
        pick(&WORDS_FI, 5)
    );
    let mut d = base(
        1_000_000 + i as u128,
        &title,
        Uuid::from_u128(0x5E00 + (i % 12) as u128),
    );
    d.service_name = lang_map(&[
        ("fi", pick(&WORDS_FI, 6)),
        ("sv", pick(&WORDS_SV, 7)),
        ("en", pick(&WORDS_EN, 8)),
    ]);
    d.description = lang_map(&[("fi", &description)]);
    if i.is_multiple_of(3) {
        d.title.insert(
            "sv".into(),
            format!("{} och {}", pick(&WORDS_SV, 9), pick(&WORDS_SV, 10)),
        );
    }
    if i.is_multiple_of(4) {
        d.title.insert(
            "en".into(),
            format!("{} and {}", pick(&WORDS_EN, 11), pick(&WORDS_EN, 12)),
        );
    }
    d.provider_name = format!("Palveluyritys {} Oy", i % 5_000);
    d.purchaser_id = Uuid::from_u128(0xA0 + (i % 4) as u128);
    d.unit_price_cents = 2_000 + ((i * 37) % 8_000) as i64;
    d.municipalities = (0..1 + i % 3)
        .map(|k| format!("{:03}", 5 + ((i + k * 13) % 40) * 20))
        .collect();
    d.languages = if i.is_multiple_of(5) {
        strings(&["fi", "sv"])
    } else {
        strings(&["fi"])
    };
    d.methods = strings(&[["voucher", "payment_commitment", "direct_invoice"][i % 3]]);
    d.accessibility = if i.is_multiple_of(6) {
        strings(&["wheelchair"])
    } else {
        Vec::new()
    };
    d.social_care = !i.is_multiple_of(7);
    if i % 3 == 1 {
        d = rated(d, 1.0 + (i % 41) as f64 / 10.0, 1 + (i % 60) as u32);
    }
    if !i.is_multiple_of(10) {
        d.location = Some(GeoPoint {
            lat: 60.0 + (i % 500) as f64 / 100.0,
            lon: 21.0 + (i % 900) as f64 / 100.0,
        });
    }
    d.updated_at = 1_700_000_000 + i as i64;
    d
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `count` queries mixing empty, one- and two-word, misspelt, prefix and Swedish/English
/// text with filters, every sort, pages 1–3 and facets on.
pub fn query_mix(count: usize) -> Vec<SearchQuery> {
    (0..count).map(mixed_query).collect()
}

fn mixed_query(i: usize) -> SearchQuery {
    let word = |salt: usize| WORDS_FI[(i * 7 + salt) % WORDS_FI.len()];
    let text = match i % 6 {
        0 => String::new(),
        1 => word(0).to_string(),
        2 => format!("{} {}", word(1), word(2)),
        3 => misspell(word(3)),
        4 => word(4).chars().take(4).collect(),
        _ => [WORDS_SV[i % WORDS_SV.len()], WORDS_EN[i % WORDS_EN.len()]][i % 2].to_string(),
    };
    let filters = Filters {
        municipality: i
            .is_multiple_of(4)
            .then(|| format!("{:03}", 5 + (i % 40) * 20)),
        service: i
            .is_multiple_of(3)
            .then(|| Uuid::from_u128(0x5E00 + (i % 12) as u128)),
        language: i.is_multiple_of(9).then(|| "sv".to_string()),
        max_price_cents: i.is_multiple_of(5).then_some(6_000),
        min_rating: i.is_multiple_of(7).then_some(4.0),
        ..Filters::default()
    };
    let sort = match i % 4 {
        0 => Sort::Relevance,
        1 => Sort::Rating,
        2 => Sort::Price,
        _ => Sort::Distance(GeoPoint {
            lat: 60.17,
            lon: 24.94,
        }),
    };
    SearchQuery {
        text,
        filters,
        sort,
        page: 1 + i % 3,
        per_page: 20,
        facets: true,
    }
}

/// Swaps two middle letters: a typo within the one-edit budget (with transpositions).
fn misspell(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() >= 5 {
        chars.swap(2, 3);
    }
    chars.into_iter().collect()
}

/// Latencies of one load run.
#[derive(Debug, Clone)]
pub struct LoadReport {
    pub queries: usize,
    pub wall: Duration,
    pub median: Duration,
    pub p99: Duration,
    pub max: Duration,
}

/// Runs `queries` split over `clients` concurrent tasks, each sending its share one after
/// another, and reports per-query latency percentiles.
pub async fn run_clients(
    engine: Arc<Engine>,
    queries: Vec<SearchQuery>,
    clients: usize,
) -> Result<LoadReport, SearchError> {
    let clients = clients.max(1);
    let queries = Arc::new(queries);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (engine, queries) = (Arc::clone(&engine), Arc::clone(&queries));
            tokio::spawn(async move { client(&engine, &queries, c, clients).await })
        })
        .collect();
    let mut latencies = Vec::with_capacity(queries.len());
    for task in tasks {
        let joined = task
            .await
            .map_err(|e| SearchError::Index(format!("load client failed: {e}")))?;
        latencies.extend(joined?);
    }
    latencies.sort();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    Ok(LoadReport {
        queries: latencies.len(),
        wall: started.elapsed(),
        median: at(0.5),
        p99: at(0.99),
        max: latencies.last().copied().unwrap_or_default(),
    })
}

async fn client(
    engine: &Engine,
    queries: &[SearchQuery],
    me: usize,
    clients: usize,
) -> Result<Vec<Duration>, SearchError> {
    let mut latencies = Vec::new();
    for q in queries.iter().skip(me).step_by(clients) {
        let started = Instant::now();
        engine.search(q).await?;
        latencies.push(started.elapsed());
    }
    Ok(latencies)
}
