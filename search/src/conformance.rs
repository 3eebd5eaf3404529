//! The conformance suite every engine must pass: named cases over a fixed set of 30
//! offerings, asserting hit sets, ordering, totals and facets.
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::{Engine, Facets, Filters, GeoPoint, OfferingDoc, SearchQuery, SearchResults, Sort};

type Outcome = Result<(), String>;

/// Runs every case against `engine` (which it clears first) and panics with the list of
/// failed cases, so one run shows every difference at once.
pub async fn run(engine: &Engine) {
    let failures = failures(engine).await;
    assert!(
        failures.is_empty(),
        "{} conformance case(s) failed on {}:\n{}",
        failures.len(),
        engine.name(),
        failures.join("\n")
    );
}

/// Every failed case as "name: reason"; empty when the engine conforms.
pub async fn failures(engine: &Engine) -> Vec<String> {
    let mut failed = Vec::new();
    if let Err(e) = load(engine).await {
        return vec![format!("loading fixtures: {e}")];
    }
    macro_rules! case {
        ($name:literal, $case:expr) => {
            if let Err(e) = $case.await {
                failed.push(format!("{}: {e}", $name));
            }
        };
    }
    case!(
        "prefix: siivous finds Siivouspalvelut",
        contains("siivous", &[1], &[2], engine)
    );
    case!(
        "typo: fysiotrapia finds Fysioterapia",
        contains("fysiotrapia", &[2], &[1], engine)
    );
    case!(
        "typo: kotihoito finds Kotihoidon palvelut",
        contains("kotihoito", &[3], &[9], engine)
    );
    case!(
        "swedish: städning finds a Swedish-only title",
        contains("städning", &[4], &[1], engine)
    );
    case!(
        "typo: stadning finds städning",
        contains("stadning", &[4], &[2], engine)
    );
    case!(
        "english: cleaning finds an English title",
        contains("cleaning", &[5], &[2], engine)
    );
    case!(
        "case: upper case query",
        contains("SIIVOUSPALVELUT", &[1], &[], engine)
    );
    case!(
        "words: all words must match",
        contains("Fysioterapia kuntoutus", &[2], &[1], engine)
    );
    case!(
        "words: no document has both",
        exact(text("fysioterapia städning"), &[], engine)
    );
    case!(
        "field: provider name",
        exact(text("kiiltokodit"), &[1], engine)
    );
    case!(
        "municipality: the Swedish name Vanda finds what serves Vantaa",
        contains("vanda", &[3], &[4], engine)
    );
    case!(
        "municipality: the Swedish name Esbo finds what serves Espoo",
        contains("Esbo", &[4], &[3], engine)
    );
    case!(
        "municipality: the Finnish name Vantaa too",
        contains("vantaa", &[3], &[4], engine)
    );
    case!(
        "field: service name",
        exact(text("puheterapia"), &[9, 10, 11, 12], engine)
    );
    case!("relevance: title before description", title_first(engine));
    case!("empty text matches all", all_match(engine));
    case!("relevance without text: newest first", newest_first(engine));
    case!("filters", each_filter(engine));
    case!(
        "filter with text",
        exact(
            with(text("hieronta"), |q| q.filters.min_rating = Some(4.9)),
            &[6],
            engine
        )
    );
    case!(
        "sort: rating (bayesian)",
        ordered(
            with(text("hieronta"), |q| q.sort = Sort::Rating),
            &[7, 6, 8],
            engine
        )
    );
    case!("sort: rating over all", rating_order(engine));
    case!("sort: price", price_order(engine));
    case!("sort: distance", distance_order(engine));
    case!(
        "facets: all documents",
        facets_match(SearchQuery::default(), engine)
    );
    case!(
        "facets: over filtered matches",
        facets_match(
            with(all(), |q| q.filters.municipality = Some("049".into())),
            engine
        )
    );
    case!("facets: off", facets_off(engine));
    case!("paging and total", paging(engine));
    case!("total counts beyond the page", total_beyond_page(engine));
    case!("robustness: hostile input", hostile_input(engine));
    case!("upsert replaces", upsert_replaces(engine));
    case!("delete removes", delete_removes(engine));
    case!("clear drops everything", clear_drops_all(engine));
    failed
}

async fn load(engine: &Engine) -> Outcome {
    engine.clear().await.map_err(|e| e.to_string())?;
    engine.upsert(fixtures()).await.map_err(|e| e.to_string())
}

// ---- cases ----

async fn contains(text_: &str, wanted: &[u128], unwanted: &[u128], engine: &Engine) -> Outcome {
    let found = ids(&search(engine, text(text_)).await?);
    let missing: Vec<_> = wanted.iter().filter(|n| !found.contains(n)).collect();
    let extra: Vec<_> = unwanted.iter().filter(|n| found.contains(n)).collect();
    if missing.is_empty() && extra.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{text_:?}: missing {missing:?}, unexpected {extra:?} (found {found:?})"
    ))
}

async fn exact(q: SearchQuery, wanted: &[u128], engine: &Engine) -> Outcome {
    let r = search(engine, q.clone()).await?;
    let found: BTreeSet<u128> = ids(&r).into_iter().collect();
    let wanted: BTreeSet<u128> = wanted.iter().copied().collect();
    check(found == wanted, || {
        format!("{q:?}: found {found:?}, wanted {wanted:?}")
    })?;
    check(r.total == wanted.len() as u64, || {
        format!("total {} for {} hits", r.total, wanted.len())
    })
}

async fn ordered(q: SearchQuery, wanted: &[u128], engine: &Engine) -> Outcome {
    let found = ids(&search(engine, q).await?);
    check(found == wanted, || {
        format!("order {found:?}, wanted {wanted:?}")
    })
}

async fn title_first(engine: &Engine) -> Outcome {
    let found = ids(&search(engine, text("kuntoutus")).await?);
    check(found.first() == Some(&2) && found.contains(&13), || {
        format!("found {found:?}")
    })
}

async fn all_match(engine: &Engine) -> Outcome {
    let r = search(engine, all()).await?;
    check(r.total == 30 && r.hits.len() == 30, || {
        format!("total {} hits {}", r.total, r.hits.len())
    })
}

async fn newest_first(engine: &Engine) -> Outcome {
    let r = search(engine, all()).await?;
    let times: Vec<i64> = r.hits.iter().map(|h| h.doc.updated_at).collect();
    check(times.windows(2).all(|w| w[0] > w[1]), || {
        format!("updated_at order {times:?}")
    })
}

async fn each_filter(engine: &Engine) -> Outcome {
    let docs = fixtures();
    for (filters, predicate) in filter_cases() {
        let wanted: Vec<u128> = docs
            .iter()
            .filter(|d| predicate(d))
            .map(|d| d.offering_id.as_u128())
            .collect();
        check(!wanted.is_empty(), || {
            format!("{filters:?} selects no fixture")
        })?;
        exact(
            with(all(), |q| q.filters = filters.clone()),
            &wanted,
            engine,
        )
        .await?;
    }
    Ok(())
}

type Predicate = fn(&OfferingDoc) -> bool;

fn filter_cases() -> Vec<(Filters, Predicate)> {
    let case = |f: Filters, p: Predicate| (f, p);
    vec![
        case(
            Filters {
                purchaser: Some(P2),
                ..Filters::default()
            },
            |d| d.purchaser_id == P2,
        ),
        case(
            Filters {
                municipality: Some("049".into()),
                ..Filters::default()
            },
            |d| d.municipalities.iter().any(|m| m == "049"),
        ),
        case(
            Filters {
                service: Some(S_PHYSIO),
                ..Filters::default()
            },
            |d| d.service_id == S_PHYSIO,
        ),
        case(
            Filters {
                unit: Some("visit".into()),
                ..Filters::default()
            },
            |d| d.unit == "visit",
        ),
        case(
            Filters {
                method: Some("direct_invoice".into()),
                ..Filters::default()
            },
            |d| d.methods.iter().any(|m| m == "direct_invoice"),
        ),
        case(
            Filters {
                language: Some("sv".into()),
                ..Filters::default()
            },
            |d| d.languages.iter().any(|l| l == "sv"),
        ),
        case(
            Filters {
                accessibility: vec!["wheelchair".into(), "sign_language".into()],
                ..Filters::default()
            },
            |d| {
                ["wheelchair", "sign_language"]
                    .iter()
                    .all(|a| d.accessibility.iter().any(|x| x == a))
            },
        ),
        case(
            Filters {
                social_care: Some(false),
                ..Filters::default()
            },
            |d| !d.social_care,
        ),
        case(
            Filters {
                max_price_cents: Some(4500),
                ..Filters::default()
            },
            |d| d.unit_price_cents <= 4500,
        ),
        case(
            Filters {
                min_rating: Some(4.5),
                ..Filters::default()
            },
            |d| d.rating_average.is_some_and(|r| r >= 4.5),
        ),
        case(
            Filters {
                min_rating: Some(0.0),
                ..Filters::default()
            },
            |d| d.rating_average.is_some(),
        ),
        case(
            Filters {
                municipality: Some("091".into()),
                method: Some("voucher".into()),
                max_price_cents: Some(6000),
                ..Filters::default()
            },
            |d| {
                d.municipalities.iter().any(|m| m == "091")
                    && d.methods.iter().any(|m| m == "voucher")
                    && d.unit_price_cents <= 6000
            },
        ),
    ]
}

async fn rating_order(engine: &Engine) -> Outcome {
    let r = search(engine, with(all(), |q| q.sort = Sort::Rating)).await?;
    let scores: Vec<f64> = r
        .hits
        .iter()
        .map(|h| crate::rating::bayesian_score(h.doc.rating_average, h.doc.rating_count))
        .collect();
    check(
        scores.windows(2).all(|w| w[0] >= w[1]) && r.hits.len() == 30,
        || format!("scores {scores:?}"),
    )
}

async fn price_order(engine: &Engine) -> Outcome {
    let q = with(all(), |q| {
        q.sort = Sort::Price;
        q.filters.service = Some(S_CLEAN);
    });
    let mut wanted: Vec<OfferingDoc> = fixtures()
        .into_iter()
        .filter(|d| d.service_id == S_CLEAN)
        .collect();
    wanted.sort_by_key(|d| d.unit_price_cents);
    let wanted: Vec<u128> = wanted.iter().map(|d| d.offering_id.as_u128()).collect();
    ordered(q, &wanted, engine).await
}

async fn distance_order(engine: &Engine) -> Outcome {
    let q = with(all(), |q| {
        q.sort = Sort::Distance(RAILWAY_STATION);
        q.filters.service = Some(S_SPEECH);
    });
    let r = search(engine, q).await?;
    let found = ids(&r);
    check(found == [9, 10, 11, 12], || format!("order {found:?}"))?;
    let km: Vec<Option<f64>> = r.hits.iter().map(|h| h.distance_km).collect();
    let expected = [Some(0.277), Some(16.22), Some(160.70), None];
    let close = km
        .iter()
        .zip(expected)
        .all(|(got, want)| match (got, want) {
            (Some(g), Some(w)) => (g - w).abs() < 0.5,
            (None, None) => true,
            _ => false,
        });
    check(close, || {
        format!("distances {km:?}, expected about {expected:?}")
    })
}

async fn facets_match(q: SearchQuery, engine: &Engine) -> Outcome {
    let r = search(engine, with(q.clone(), |q| q.facets = true)).await?;
    let matching: Vec<OfferingDoc> = fixtures()
        .into_iter()
        .filter(|d| passes(&q.filters, d))
        .collect();
    let wanted = expected_facets(&matching);
    check(r.facets == wanted, || {
        format!("facets {:?}, wanted {wanted:?}", r.facets)
    })
}

async fn facets_off(engine: &Engine) -> Outcome {
    let r = search(engine, with(all(), |q| q.facets = false)).await?;
    check(r.facets == Facets::default(), || {
        format!("facets {:?}", r.facets)
    })
}

async fn paging(engine: &Engine) -> Outcome {
    let mut seen = Vec::new();
    for page in 1..=5 {
        let r = search(engine, with(all(), |q| (q.page, q.per_page) = (page, 7))).await?;
        check(r.total == 30, || format!("page {page} total {}", r.total))?;
        let want = if page == 5 { 2 } else { 7 };
        check(r.hits.len() == want, || {
            format!("page {page} has {} hits", r.hits.len())
        })?;
        seen.extend(ids(&r));
    }
    let unique: BTreeSet<_> = seen.iter().collect();
    check(unique.len() == 30, || format!("pages overlap: {seen:?}"))?;
    let past = search(engine, with(all(), |q| (q.page, q.per_page) = (6, 7))).await?;
    check(past.hits.is_empty() && past.total == 30, || {
        format!(
            "past the end: {} hits, total {}",
            past.hits.len(),
            past.total
        )
    })
}

async fn total_beyond_page(engine: &Engine) -> Outcome {
    let r = search(engine, with(text("puheterapia"), |q| q.per_page = 2)).await?;
    check(r.total == 4 && r.hits.len() == 2, || {
        format!("total {} hits {}", r.total, r.hits.len())
    })
}

async fn hostile_input(engine: &Engine) -> Outcome {
    let mut inputs = vec![
        garbage(4096),
        "\"():^~*".to_string(),
        "\"unclosed (( AND OR NOT -x +y title:z [1 TO 5] {a} /re/ \\".to_string(),
        "\u{0}\u{1}\u{7}\u{1b}[31m\t\r\n".to_string(),
        "😀 漢字 العربية ÅÄÖ åäö ß ﬁ İ".to_string(),
        "a".repeat(5000),
        "kotihoito ".repeat(400),
        "* ? ~ ^ - + ! : \" '".to_string(),
        String::new(),
    ];
    inputs.push(inputs.concat());
    for input in &inputs {
        for sort in [
            Sort::Relevance,
            Sort::Rating,
            Sort::Distance(RAILWAY_STATION),
        ] {
            let q = with(text(input), |q| q.sort = sort);
            let started = Instant::now();
            search(engine, q).await?;
            let took = started.elapsed();
            check(took < Duration::from_millis(100), || {
                format!(
                    "{took:?} for {:?}…",
                    input.chars().take(40).collect::<String>()
                )
            })?;
        }
    }
    let hostile_filter = with(all(), |q| {
        q.filters.municipality = Some("091\" OR social_care = true OR x = \"".into())
    });
    exact(hostile_filter, &[], engine).await
}

async fn upsert_replaces(engine: &Engine) -> Outcome {
    let v1 = extra_doc("Puutarhatyöt pihalla");
    upsert(engine, vec![v1.clone()]).await?;
    exact(text("puutarhatyöt"), &[100], engine).await?;
    let v2 = extra_doc("Lumityöt talvella");
    // A batch holding the same offering twice keeps the last version.
    upsert(engine, vec![extra_doc("Ikkunanpesu"), v2]).await?;
    exact(text("lumityöt"), &[100], engine).await?;
    exact(text("puutarhatyöt"), &[], engine).await?;
    exact(text("ikkunanpesu"), &[], engine).await?;
    let r = search(engine, all()).await?;
    check(r.total == 31, || {
        format!("total {} after replacing", r.total)
    })
}

async fn delete_removes(engine: &Engine) -> Outcome {
    let unknown = Uuid::from_u128(999);
    engine
        .delete(vec![id(100), unknown])
        .await
        .map_err(|e| e.to_string())?;
    exact(text("lumityöt"), &[], engine).await?;
    let r = search(engine, all()).await?;
    check(r.total == 30, || format!("total {} after delete", r.total))
}

async fn clear_drops_all(engine: &Engine) -> Outcome {
    engine.clear().await.map_err(|e| e.to_string())?;
    let r = search(engine, all()).await?;
    check(r.total == 0 && r.hits.is_empty(), || {
        format!("total {} after clear", r.total)
    })?;
    // Leaves the fixtures in place for whoever looks at the index next.
    upsert(engine, fixtures()).await
}

// ---- helpers ----

fn check(ok: bool, why: impl FnOnce() -> String) -> Outcome {
    if ok { Ok(()) } else { Err(why()) }
}

async fn search(engine: &Engine, q: SearchQuery) -> Result<SearchResults, String> {
    engine.search(&q).await.map_err(|e| {
        format!(
            "search {:?} failed: {e}",
            q.text.chars().take(40).collect::<String>()
        )
    })
}

async fn upsert(engine: &Engine, docs: Vec<OfferingDoc>) -> Outcome {
    engine.upsert(docs).await.map_err(|e| e.to_string())
}

fn ids(r: &SearchResults) -> Vec<u128> {
    r.hits.iter().map(|h| h.doc.offering_id.as_u128()).collect()
}

fn all() -> SearchQuery {
    SearchQuery {
        per_page: 100,
        ..SearchQuery::default()
    }
}

fn text(t: &str) -> SearchQuery {
    SearchQuery {
        text: t.to_string(),
        ..all()
    }
}

fn with(mut q: SearchQuery, change: impl FnOnce(&mut SearchQuery)) -> SearchQuery {
    change(&mut q);
    q
}

fn passes(f: &Filters, d: &OfferingDoc) -> bool {
    let has = |values: &[String], wanted: &Option<String>| {
        wanted.as_ref().is_none_or(|w| values.contains(w))
    };
    f.purchaser.is_none_or(|p| p == d.purchaser_id)
        && f.service.is_none_or(|s| s == d.service_id)
        && has(&d.municipalities, &f.municipality)
        && has(&d.methods, &f.method)
        && has(&d.languages, &f.language)
        && f.accessibility.iter().all(|a| d.accessibility.contains(a))
        && f.social_care.is_none_or(|s| s == d.social_care)
        && f.max_price_cents.is_none_or(|m| d.unit_price_cents <= m)
        && f.min_rating
            .is_none_or(|m| d.rating_average.is_some_and(|r| r >= m))
}

fn expected_facets(docs: &[OfferingDoc]) -> Facets {
    let mut f = Facets::default();
    let bump =
        |map: &mut BTreeMap<String, u64>, key: &str| *map.entry(key.to_string()).or_default() += 1;
    for d in docs {
        bump(&mut f.service, &d.service_id.to_string());
        d.municipalities
            .iter()
            .for_each(|m| bump(&mut f.municipality, m));
        d.languages.iter().for_each(|l| bump(&mut f.language, l));
        d.methods.iter().for_each(|m| bump(&mut f.method, m));
    }
    f
}

/// Deterministic noise over ASCII, punctuation, control characters and other scripts.
fn garbage(len: usize) -> String {
    const POOL: &[char] = &[
        'a', 'Z', '9', ' ', '"', '(', ')', ':', '^', '~', '*', '\\', '/', '[', ']', '{', '}', '-',
        '+', '!', '\u{0}', '\u{1}', '\u{7f}', '\u{200b}', 'ä', 'ö', 'å', 'é', '漢', '😀', '\n',
        '\t', '\'', '?', '&', '|',
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            POOL[(state >> 33) as usize % POOL.len()]
        })
        .collect()
}

// ---- fixtures ----

pub const P1: Uuid = Uuid::from_u128(0xA1);
pub const P2: Uuid = Uuid::from_u128(0xA2);
pub const S_CLEAN: Uuid = Uuid::from_u128(0x5C1);
pub const S_PHYSIO: Uuid = Uuid::from_u128(0x5C2);
pub const S_HOME: Uuid = Uuid::from_u128(0x5C3);
pub const S_SPEECH: Uuid = Uuid::from_u128(0x5C4);
pub const S_OTHER: Uuid = Uuid::from_u128(0x5C5);

/// Helsinki railway station: the point distance cases measure from.
pub const RAILWAY_STATION: GeoPoint = GeoPoint {
    lat: 60.1719,
    lon: 24.9414,
};
const HELSINKI: GeoPoint = GeoPoint {
    lat: 60.1699,
    lon: 24.9384,
};
const ESPOO: GeoPoint = GeoPoint {
    lat: 60.2055,
    lon: 24.6559,
};
const TAMPERE: GeoPoint = GeoPoint {
    lat: 61.4978,
    lon: 23.7610,
};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

pub(crate) fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|s| s.to_string()).collect()
}

pub(crate) fn lang_map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub(crate) fn base(n: u128, title_fi: &str, service: Uuid) -> OfferingDoc {
    let (code, name) = match service {
        s if s == S_CLEAN => ("SIIV", "Puhtaanapito"),
        s if s == S_PHYSIO => ("FYSIO", "Fysioterapia"),
        s if s == S_HOME => ("KOTI", "Arjen tuki"),
        s if s == S_SPEECH => ("PUHE", "Puheterapia"),
        _ => ("MUU", "Sosiaalipalvelu"),
    };
    OfferingDoc {
        offering_id: id(n),
        provider_id: id(0x1000 + n),
        provider_name: format!("Hoiva Oy {n}"),
        purchaser_id: P1,
        service_id: service,
        service_code: code.to_string(),
        service_name: lang_map(&[("fi", name)]),
        title: lang_map(&[("fi", title_fi)]),
        description: lang_map(&[("fi", "Laadukasta palvelua asiakkaan tarpeiden mukaan.")]),
        unit_price_cents: 5000 + n as i64 * 10,
        // Physiotherapy is priced per visit, the rest per hour: the unit filter has a
        // real choice to make.
        unit: if service == S_PHYSIO { "visit" } else { "hour" }.to_string(),
        municipalities: strings(&["091"]),
        municipality_names: Vec::new(),
        languages: strings(&["fi"]),
        methods: strings(&["voucher"]),
        accessibility: Vec::new(),
        social_care: true,
        rating_average: None,
        rating_count: 0,
        location: None,
        updated_at: 1_700_000_000 + n as i64 * 1_000,
    }
}

pub(crate) fn rated(mut d: OfferingDoc, average: f64, count: u32) -> OfferingDoc {
    d.rating_average = Some(average);
    d.rating_count = count;
    d
}

fn extra_doc(title: &str) -> OfferingDoc {
    base(100, title, S_OTHER)
}

/// The 30 fixture offerings. Ids are `Uuid::from_u128(1..=30)`.
pub fn fixtures() -> Vec<OfferingDoc> {
    let mut docs = vec![
        {
            let mut d = rated(base(1, "Siivouspalvelut kotiin", S_CLEAN), 4.2, 10);
            d.provider_name = "Kiiltokodit Oy".into();
            (d.unit_price_cents, d.social_care, d.location) = (3500, false, Some(HELSINKI));
            (d.municipalities, d.languages) = (strings(&["091", "049"]), strings(&["fi", "sv"]));
            (d.methods, d.accessibility) = (
                strings(&["voucher", "direct_invoice"]),
                strings(&["wheelchair"]),
            );
            d
        },
        {
            let mut d = rated(base(2, "Fysioterapia ja kuntoutus", S_PHYSIO), 4.8, 50);
            (d.unit_price_cents, d.location, d.languages) =
                (6500, Some(HELSINKI), strings(&["fi", "en"]));
            d.accessibility = strings(&["wheelchair", "sign_language"]);
            d
        },
        {
            let mut d = rated(base(3, "Kotihoidon palvelut", S_HOME), 3.9, 8);
            (d.unit_price_cents, d.municipalities) = (4500, strings(&["092"]));
            d.municipality_names = strings(&["Vantaa", "Vanda"]);
            d.methods = strings(&["payment_commitment"]);
            d
        },
        {
            let mut d = base(4, "Ruotsinkielinen kotiapu", S_CLEAN);
            d.title.insert("sv".into(), "Städning i hemmet".into());
            (d.unit_price_cents, d.municipalities, d.languages) =
                (3900, strings(&["049"]), strings(&["sv"]));
            d.municipality_names = strings(&["Espoo", "Esbo"]);
            (d.accessibility, d.location, d.purchaser_id) =
                (strings(&["plain_language"]), Some(ESPOO), P2);
            d
        },
        {
            let mut d = rated(base(5, "Kotiapu englanniksi", S_CLEAN), 4.0, 3);
            d.title.insert("en".into(), "Home cleaning service".into());
            (d.unit_price_cents, d.languages, d.methods) =
                (4100, strings(&["en", "fi"]), strings(&["direct_invoice"]));
            d
        },
        rated(base(6, "Hieronta Plus", S_PHYSIO), 5.0, 1),
        rated(base(7, "Hieronta Premium", S_PHYSIO), 4.8, 50),
        base(8, "Hieronta Perus", S_PHYSIO),
    ];
    for (n, place, location) in [
        (9, "Helsinki", Some(HELSINKI)),
        (10, "Espoo", Some(ESPOO)),
        (11, "Tampere", Some(TAMPERE)),
        (12, "etänä", None),
    ] {
        let mut d = base(n, &format!("Puheterapia {place}"), S_SPEECH);
        d.location = location;
        docs.push(d);
    }
    let mut d = base(13, "Ryhmätoiminta", S_OTHER);
    d.description.insert("fi".into(), "Viikoittaiset tapaamiset, joihin sisältyy myös kuntoutus ja virkistys yhdessä muiden kanssa.".into());
    docs.push(d);
    docs.extend(
        FILLER_TITLES
            .iter()
            .enumerate()
            .map(|(i, title)| filler(i, title)),
    );
    docs
}

const FILLER_TITLES: [&str; 17] = [
    "Asumispalvelu",
    "Päivätoiminta",
    "Kuljetuspalvelu",
    "Ateriapalvelu",
    "Turvapuhelin",
    "Omaishoidon vapaat",
    "Henkilökohtainen apu",
    "Tukiasuminen",
    "Perhehoito",
    "Kehitysvammaisten päiväkeskus",
    "Muistikuntoutus",
    "Saattajapalvelu",
    "Vaatehuolto",
    "Kauppakassipalvelu",
    "Lyhytaikainen asuminen",
    "Kylvetyspalvelu",
    "Ulkoiluapu",
];

fn filler(i: usize, title: &str) -> OfferingDoc {
    let n = 14 + i as u128;
    let mut d = base(n, title, if i.is_multiple_of(3) { S_HOME } else { S_OTHER });
    const MUNICIPALITIES: [&str; 4] = ["091", "049", "092", "853"];
    const METHODS: [&str; 3] = ["voucher", "payment_commitment", "direct_invoice"];
    d.municipalities = strings(&[MUNICIPALITIES[i % 4], MUNICIPALITIES[(i + 1) % 4]]);
    d.methods = strings(&[METHODS[i % 3]]);
    d.languages = if i % 4 == 1 {
        strings(&["fi", "sv"])
    } else {
        strings(&["fi"])
    };
    d.purchaser_id = if i.is_multiple_of(2) { P1 } else { P2 };
    d.social_care = !i.is_multiple_of(5);
    if i % 4 == 2 {
        d.accessibility = strings(&["wheelchair"]);
    }
    if i % 3 == 1 {
        d = rated(d, 3.0 + (i % 5) as f64 * 0.4, 2 + i as u32);
    }
    d
}
