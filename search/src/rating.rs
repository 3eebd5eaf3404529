//! The Bayesian rating used for sorting: a prior of `PRIOR_COUNT` reviews at
//! `PRIOR_MEAN` stars is mixed in, so one 5-star review does not outrank fifty 4.8s.
//! score = (PRIOR_COUNT × PRIOR_MEAN + count × average) / (PRIOR_COUNT + count)

/// The prior: as if every offering started with five 3.5-star reviews.
pub const PRIOR_MEAN: f64 = 3.5;
pub const PRIOR_COUNT: f64 = 5.0;

pub fn bayesian_score(average: Option<f64>, count: u32) -> f64 {
    let count = f64::from(count);
    let sum = average.unwrap_or(0.0) * count;
    (PRIOR_COUNT * PRIOR_MEAN + sum) / (PRIOR_COUNT + count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_good_reviews_outrank_one_perfect_one() {
        assert!(bayesian_score(Some(4.8), 50) > bayesian_score(Some(5.0), 1));
        assert!(bayesian_score(Some(5.0), 1) > bayesian_score(None, 0));
        assert!((bayesian_score(None, 0) - PRIOR_MEAN).abs() < 1e-9);
    }
}
