//! Generators for valid (and deliberately invalid) Finnish business IDs and personal identity
//! codes, random enough to be unique within a test.

use rand::Rng;

const BUSINESS_ID_WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];
const PERSONAL_ID_CHECK: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// The check digit for seven business-ID digits, or `None` when no digit fits (remainder 1).
pub fn business_id_check(digits: &[u32; 7]) -> Option<u32> {
    let sum: u32 = digits
        .iter()
        .zip(BUSINESS_ID_WEIGHTS)
        .map(|(d, w)| d * w)
        .sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some(11 - r),
    }
}

/// A random valid business ID, "NNNNNNN-C".
pub fn business_id() -> String {
    let mut rng = rand::thread_rng();
    loop {
        let digits: [u32; 7] = std::array::from_fn(|_| rng.gen_range(0..10));
        if let Some(check) = business_id_check(&digits) {
            let body: String = digits
                .iter()
                .map(|d| char::from_digit(*d, 10).unwrap())
                .collect();
            return format!("{body}-{check}");
        }
    }
}

/// A business ID with a wrong check digit.
pub fn business_id_with_wrong_check() -> String {
    let valid = business_id();
    let check = valid.as_bytes()[8] - b'0';
    format!("{}{}", &valid[..8], (check + 1) % 10)
}

/// The check character of a personal identity code from DDMMYY and ZZZ.
pub fn personal_id_check(ddmmyy: &str, zzz: &str) -> char {
    let number: u64 = format!("{ddmmyy}{zzz}").parse().expect("digits");
    PERSONAL_ID_CHECK[(number % 31) as usize] as char
}

/// A random valid personal identity code, born 1930–1999 ('-') or 2000–2019 ('A').
pub fn personal_id() -> String {
    let mut rng = rand::thread_rng();
    let day = rng.gen_range(1..=28);
    let month = rng.gen_range(1..=12);
    let (year, sign) = if rng.gen_bool(0.7) {
        (rng.gen_range(30..=99), '-')
    } else {
        (rng.gen_range(0..=19), 'A')
    };
    let ddmmyy = format!("{day:02}{month:02}{year:02}");
    let zzz = format!("{:03}", rng.gen_range(2..=899));
    let check = personal_id_check(&ddmmyy, &zzz);
    format!("{ddmmyy}{sign}{zzz}{check}")
}

/// The masked form every reader must see: first 7 characters, "***", the check character.
pub fn masked(personal_id: &str) -> String {
    format!("{}***{}", &personal_id[..7], &personal_id[10..])
}

/// A personal identity code whose check character is wrong.
pub fn personal_id_with_wrong_check() -> String {
    let valid = personal_id();
    let check = valid.as_bytes()[10];
    let position = PERSONAL_ID_CHECK
        .iter()
        .position(|c| *c == check)
        .expect("check char");
    let wrong = PERSONAL_ID_CHECK[(position + 1) % 31] as char;
    format!("{}{wrong}", &valid[..10])
}

#[test]
fn the_generators_agree_with_published_examples() {
    // Nokia Oyj and the identity code used in the Finnish population register's docs.
    assert_eq!(business_id_check(&[0, 1, 1, 2, 0, 3, 8]), Some(9));
    assert_eq!(personal_id_check("131052", "308"), 'T');
    assert_eq!(masked("131052-308T"), "131052-***T");
    for _ in 0..100 {
        let id = business_id();
        let digits: [u32; 7] = std::array::from_fn(|i| id.as_bytes()[i] as u32 - '0' as u32);
        assert_eq!(
            business_id_check(&digits),
            Some(id.as_bytes()[8] as u32 - '0' as u32)
        );
        assert_ne!(business_id_with_wrong_check(), id);
        let code = personal_id();
        assert_eq!(code.len(), 11);
        assert_eq!(
            personal_id_check(&code[..6], &code[7..10]),
            code.as_bytes()[10] as char
        );
    }
}
