//! Ids of the HSDS objects that have no row of their own (a cost option, a language, a
//! service area, ...): derived from the offering's id, so they stay the same between calls.
use uuid::Uuid;

/// What a derived id stands for; kept in the last 48 bits so that the id stays a well-formed
/// UUID and ids of different kinds of the same offering never collide.
#[derive(Clone, Copy)]
pub enum Kind {
    CostOption = 1,
    Language = 2,
    ServiceArea = 3,
    Attribute = 4,
    Location = 5,
    ServiceAtLocation = 6,
    Identifier = 7,
    Accessibility = 8,
}

/// The id of the `n`th object of `kind` that belongs to `owner`.
pub fn derived(owner: Uuid, kind: Kind, n: usize) -> Uuid {
    let tag = ((kind as u128) << 40) | ((n as u128 + 1) & 0xff_ffff_ffff);
    Uuid::from_u128(owner.as_u128() ^ tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_differ_by_kind_and_number_and_are_stable() {
        let owner = Uuid::new_v4();
        let a = derived(owner, Kind::Language, 0);
        assert_eq!(a, derived(owner, Kind::Language, 0));
        assert_ne!(a, derived(owner, Kind::Language, 1));
        assert_ne!(a, derived(owner, Kind::ServiceArea, 0));
        assert_ne!(a, owner);
        assert_eq!(a.get_version_num(), owner.get_version_num());
    }
}
