//! A VAT rate as the law sets it, held on the catalogue entry so that a change of law is
//! data, not code: social-care services are exempt (0 %), others carry the rate in force
//! for them (the general rate is 25.5 % since 1.9.2024). At most two decimals, 0 to 100.
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VatRate(Decimal);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a percentage from 0 to 100 with at most two decimals, e.g. 25.5")]
pub struct VatRateError;

impl VatRate {
    pub const EXEMPT: VatRate = VatRate(Decimal::ZERO);

    pub fn parse(text: &str) -> Result<Self, VatRateError> {
        let rate: Decimal = text
            .trim()
            .replace(',', ".")
            .parse()
            .map_err(|_| VatRateError)?;
        Self::from_decimal(rate)
    }

    pub fn from_decimal(rate: Decimal) -> Result<Self, VatRateError> {
        let in_range = rate >= Decimal::ZERO && rate <= Decimal::ONE_HUNDRED;
        if in_range && rate.normalize().scale() <= 2 {
            Ok(VatRate(rate.normalize()))
        } else {
            Err(VatRateError)
        }
    }

    /// Hundredths of a percent, as stored (25.5 % is 2550).
    pub fn basis_points(self) -> i32 {
        (self.0 * Decimal::ONE_HUNDRED)
            .trunc()
            .try_into()
            .unwrap_or(0)
    }

    pub fn from_basis_points(points: i32) -> Self {
        VatRate(Decimal::new(i64::from(points), 2).normalize())
    }

    pub fn percent(self) -> Decimal {
        self.0
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ServiceVatError {
    #[error(transparent)]
    Rate(#[from] VatRateError),
    #[error("must be 0 or left out: social-care services are VAT-exempt")]
    SocialCareIsExempt,
    #[error("is required for a service outside social care (e.g. 25.5)")]
    Required,
}

impl VatRate {
    /// The rate of a catalogue entry. Social care is VAT-exempt by law; anything else must
    /// state its rate, so that no service is invoiced without VAT by accident.
    pub fn for_service(social_care: bool, given: Option<&str>) -> Result<VatRate, ServiceVatError> {
        let rate = given.map(VatRate::parse).transpose()?;
        match (social_care, rate) {
            (true, None) => Ok(VatRate::EXEMPT),
            (true, Some(rate)) if rate == VatRate::EXEMPT => Ok(rate),
            (true, Some(_)) => Err(ServiceVatError::SocialCareIsExempt),
            (false, Some(rate)) => Ok(rate),
            (false, None) => Err(ServiceVatError::Required),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rates_parse_and_round_trip() {
        let Ok(general) = VatRate::parse("25,5") else {
            panic!("25,5 % was refused");
        };
        assert_eq!(general.basis_points(), 2550);
        assert_eq!(VatRate::from_basis_points(2550), general);
        assert_eq!(general.percent().to_string(), "25.5");
        assert_eq!(VatRate::parse("0"), Ok(VatRate::EXEMPT));
        assert_eq!(VatRate::parse("100.001"), Err(VatRateError));
        assert_eq!(VatRate::parse("-1"), Err(VatRateError));
        assert_eq!(VatRate::parse("10.555"), Err(VatRateError));
        assert_eq!(VatRate::parse("x"), Err(VatRateError));
    }

    #[test]
    fn social_care_is_exempt_and_the_rest_must_say_their_rate() {
        assert_eq!(VatRate::for_service(true, None), Ok(VatRate::EXEMPT));
        assert_eq!(VatRate::for_service(true, Some("0")), Ok(VatRate::EXEMPT));
        assert_eq!(
            VatRate::for_service(true, Some("24")),
            Err(ServiceVatError::SocialCareIsExempt)
        );
        assert_eq!(
            VatRate::for_service(false, None),
            Err(ServiceVatError::Required)
        );
        assert_eq!(
            VatRate::for_service(false, Some("25.5")).map(VatRate::basis_points),
            Ok(2550)
        );
        assert!(matches!(
            VatRate::for_service(false, Some("x")),
            Err(ServiceVatError::Rate(_))
        ));
    }

    proptest! {
        #[test]
        fn stored_points_round_trip(points in 0i32..=10_000) {
            prop_assert_eq!(VatRate::from_basis_points(points).basis_points(), points);
        }
    }
}
