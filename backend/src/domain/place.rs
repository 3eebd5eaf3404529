//! Where a person is, for "near me" without an external map service: a municipality (name
//! in Finnish or Swedish, or its code) or a postal code, resolved to a point from the lists
//! embedded in the binary: `backend/data/municipality_centres.csv` (GeoNames, CC BY 4.0)
//! and `backend/data/postal_codes.csv` (Posti), whose headers name their sources. A postal
//! code resolves to its municipality's centre: no open list of postal-code points is
//! packaged for this project, so distances are from the municipality's main centre.
use std::{collections::HashMap, sync::LazyLock};

use super::Municipality;

const CENTRES: &str = include_str!("../../data/municipality_centres.csv");
const POSTAL_CODES: &str = include_str!("../../data/postal_codes.csv");

/// The rows of an embedded list: comment lines and the header skipped. The files are part
/// of the binary and checked by a unit test, so a malformed row is a build-time mistake;
/// it is skipped rather than stopping the server.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .map(|line| line.split(',').map(str::trim).collect())
}

static CENTRE: LazyLock<HashMap<&'static str, (f64, f64)>> = LazyLock::new(|| {
    rows(CENTRES)
        .filter_map(|cells| {
            let lat = cells.get(1)?.parse().ok()?;
            let lon = cells.get(2)?.parse().ok()?;
            Some((*cells.first()?, (lat, lon)))
        })
        .collect()
});

static POSTAL: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(POSTAL_CODES)
        .filter_map(|cells| Some((*cells.first()?, *cells.get(1)?)))
        .collect()
});

/// A place resolved to the municipality it lies in and the point distances start from.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The municipality's three-digit code.
    pub municipality: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "must be a Finnish postal code (like \"04200\") or a municipality's name or code \
     (like \"Kerava\", \"Kervo\" or \"245\")"
)]
pub struct PlaceError;

impl Place {
    /// A five-digit postal code, or a municipality by name or code.
    pub fn parse(text: &str) -> Result<Place, PlaceError> {
        let text = text.trim();
        let code = if text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit()) {
            POSTAL
                .get(text)
                .map(|m| (*m).to_owned())
                .ok_or(PlaceError)?
        } else {
            Municipality::parse(text)
                .map_err(|_| PlaceError)?
                .to_string()
        };
        Place::of_municipality(&code).ok_or(PlaceError)
    }

    /// The centre of a municipality by its code.
    pub fn of_municipality(code: &str) -> Option<Place> {
        CENTRE.get(code).map(|(lat, lon)| Place {
            municipality: code.to_owned(),
            lat: *lat,
            lon: *lon,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_municipality_has_a_centre_in_finland() {
        for m in super::super::municipality::all() {
            let place = Place::of_municipality(m.code);
            let Some(p) = place else {
                panic!("{} {} has no centre", m.code, m.fi);
            };
            assert!((59.5..70.2).contains(&p.lat), "{} {}", m.fi, p.lat);
            assert!((19.0..31.6).contains(&p.lon), "{} {}", m.fi, p.lon);
        }
    }

    #[test]
    fn every_postal_code_lies_in_a_known_municipality() {
        assert!(POSTAL.len() > 3000, "{}", POSTAL.len());
        for (code, municipality) in POSTAL.iter() {
            assert!(
                Place::of_municipality(municipality).is_some(),
                "{code} → {municipality}"
            );
        }
    }

    #[test]
    fn a_place_is_a_postal_code_a_name_or_a_code() {
        let kerava = Place::of_municipality("245");
        assert!(kerava.is_some());
        assert_eq!(Place::parse("04200").ok(), kerava);
        assert_eq!(Place::parse(" Kervo ").ok(), kerava);
        assert_eq!(Place::parse("kerava").ok(), kerava);
        assert_eq!(Place::parse("245").ok(), kerava);
        assert_eq!(
            Place::parse("00100").map(|p| p.municipality),
            Ok("091".into())
        );
        for bad in ["", "00000", "0420", "Atlantis", "=1+1"] {
            assert_eq!(Place::parse(bad), Err(PlaceError), "{bad}");
        }
    }
}
