//! Domain values that parse at the edge: once a value has one of these types it is valid,
//! so nothing unparsed reaches the ledger or the database.
pub mod bank;
pub mod business_id;
pub mod catalogue;
pub mod csv_cell;
pub mod day;
pub mod dispute_window;
pub mod einvoice;
pub mod email;
pub mod grace;
pub mod ids;
pub mod income_rule;
pub mod localized;
pub mod money;
pub mod municipality;
pub mod order;
pub mod personal_id;
pub mod place;
pub mod price_change;
pub mod quantity;
pub mod recording;
pub mod reference;
pub mod review;
pub mod text;
pub mod vat;

pub use business_id::BusinessId;
pub use email::EmailAddress;
pub use localized::LocalizedText;
pub use money::Money;
pub use municipality::Municipality;
pub use personal_id::PersonalId;
pub use quantity::Quantity;

/// Today's date in Finland, where services are delivered: delivery dates and the
/// dispute window are counted in Finnish days, not UTC ones.
/// The moment a Finnish day begins (midnight in Helsinki), for comparing stored instants
/// with days as people in Finland count them.
pub fn start_of_finnish_day(day: chrono::NaiveDate) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    chrono_tz::Europe::Helsinki
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |at| at.with_timezone(&chrono::Utc))
}

/// The Finnish day of a stored instant.
pub fn finnish_day_of(at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Helsinki).date_naive()
}

pub fn today_in_finland() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive()
}
