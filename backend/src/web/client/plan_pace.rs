//! The spending pace of a decided plan as the client reads it: one plain sentence (about
//! how much a month, and whether the money lasts to the end of the decision or runs out
//! around a day), a small chart drawn as inline SVG (bars: spent each month; a line: what
//! is left) and the same figures as a table, which is what a screen reader is given.
use crate::i18n::Translate;

use crate::{
    plans::{PlanView, pages::MonthSpending},
    web::{format, i18n::Lang},
};

/// The chart's drawing area in SVG units (it scales to the width it is given).
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;

pub struct MonthRow {
    pub label: String,
    pub spent: String,
    pub left: String,
}

/// One bar, its corners in SVG units.
pub struct Bar {
    pub x: String,
    pub y: String,
    pub w: String,
    pub h: String,
}

pub struct PaceView {
    /// Tells the ids of one plan's chart and table apart from another's on the same page.
    pub id: String,
    pub sentence: String,
    pub months: Vec<MonthRow>,
    pub bars: Vec<Bar>,
    /// The `points` of the line of what is left.
    pub line: String,
}

/// The pace of a decided plan (none before the decision).
pub fn view(lang: Lang, plan: &PlanView, months: &[MonthSpending]) -> Option<PaceView> {
    let (allocation, pace) = (plan.allocation.as_ref()?, plan.pace.as_ref()?);
    let end = format::date(allocation.valid_to);
    let sentence = if pace.monthly_average.is_zero() {
        lang.t_with("plan-pace-nothing-spent", &[("until", end.into())])
    } else {
        let monthly = format::euros(pace.monthly_average);
        match pace.runs_out_on {
            None => lang.t_with(
                "plan-pace-lasts",
                &[("amount", monthly.into()), ("until", end.into())],
            ),
            Some(day) => lang.t_with(
                "plan-pace-runs-out",
                &[
                    ("amount", monthly.into()),
                    ("date", format::date(day).into()),
                    ("until", end.into()),
                ],
            ),
        }
    };
    let (bars, line) = chart(allocation.balance.granted.cents(), months);
    Some(PaceView {
        id: plan.id.to_string(),
        sentence,
        months: months
            .iter()
            .map(|m| MonthRow {
                label: m.month.format("%-m/%Y").to_string(),
                spent: format::euros(m.spent),
                left: format::euros(m.left),
            })
            .collect(),
        bars,
        line,
    })
}

/// Bars of the money spent each month and the line of what was left, on one scale whose
/// top is the most there ever was (the grant, or more if money came back).
fn chart(granted_cents: i64, months: &[MonthSpending]) -> (Vec<Bar>, String) {
    let top = months
        .iter()
        .flat_map(|m| [m.spent.cents(), m.left.cents()])
        .chain([granted_cents, 1])
        .max()
        .unwrap_or(1) as f64
        // Headroom, so that a full line is not cut in half at the top edge.
        * 1.05;
    let slot = WIDTH / months.len().max(1) as f64;
    let y_of = |cents: i64| HEIGHT - (cents.max(0) as f64 / top * HEIGHT);
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let y = y_of(m.spent.cents());
            Bar {
                x: format!("{:.1}", i as f64 * slot + slot * 0.2),
                y: format!("{y:.1}"),
                w: format!("{:.1}", slot * 0.6),
                h: format!("{:.1}", HEIGHT - y),
            }
        })
        .collect();
    // A step for each month (what was left at its end, across its whole width), so that
    // even a single month draws a line.
    let line = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let y = y_of(m.left.cents());
            format!(
                "{:.1},{y:.1} {:.1},{y:.1}",
                i as f64 * slot,
                (i + 1) as f64 * slot
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    (bars, line)
}
