//! The plans report for a purchaser's case workers and finance staff: how fast needs become
//! decisions, what is overdue now, and the goals by life area with their evaluations. The
//! same figures as the API's report (both read `plans::report`).
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};

use crate::{
    error::AppResult,
    plans::report::{PeriodText, PlanReport, report},
    web::{
        page::{Field, FormErrors, PageCtx, render},
        session::Web,
    },
};

/// One line of the figures: a label and its value, already in words.
pub struct Figure {
    pub label: String,
    pub value: String,
}

pub struct AreaRow {
    pub area: String,
    pub goals: u64,
    pub evaluated: u64,
    pub average: String,
}

#[derive(Template)]
#[template(path = "purchaser/plan_report.html")]
struct ReportPage {
    page: PageCtx,
    fields: Vec<Field>,
    errors: FormErrors,
    figures: Vec<Figure>,
    areas: Vec<AreaRow>,
}

fn query_value(uri: &Uri, name: &str) -> String {
    uri.query()
        .and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
        })
        .unwrap_or_default()
}

fn figures(web: &Web, r: &PlanReport) -> Vec<Figure> {
    let lang = web.lang;
    let none = || lang.t("plan-extra-report-none");
    let figure = |key: &str, value: String| Figure {
        label: lang.t(key),
        value,
    };
    vec![
        figure("plan-extra-report-plans", r.plans.to_string()),
        figure("plan-extra-report-decided", r.decided.to_string()),
        figure(
            "plan-extra-report-median",
            r.median_days_to_decision
                .map(|d| {
                    let days = d.to_string().replace('.', &decimal_mark(web));
                    lang.t_with("plan-extra-report-days", &[("count", days.into())])
                })
                .unwrap_or_else(none),
        ),
        figure(
            "plan-extra-report-in-time",
            match r.decided_in_time_percent {
                Some(p) => lang.t_with(
                    "plan-extra-report-in-time-value",
                    &[
                        (
                            "percent",
                            p.to_string().replace('.', &decimal_mark(web)).into(),
                        ),
                        ("count", r.decided_in_time.into()),
                    ],
                ),
                None => none(),
            },
        ),
        figure("plan-extra-report-overdue", r.overdue_now.to_string()),
        figure("plan-extra-report-cancelled", r.cancelled.to_string()),
        figure("plan-extra-report-evaluations", r.evaluations.to_string()),
    ]
}

/// The decimal mark of the reader's language: a comma in Finnish and Swedish.
fn decimal_mark(web: &Web) -> String {
    match web.lang.code() {
        "en" => ".".to_owned(),
        _ => ",".to_owned(),
    }
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let lang = web.lang;
    let from = query_value(&uri, "from");
    let to = query_value(&uri, "to");
    let mut fields = vec![
        Field::new("from", "date", lang.t("plan-extra-report-from")).value(from.clone()),
        Field::new("to", "date", lang.t("plan-extra-report-to")).value(to.clone()),
    ];
    let period = PeriodText {
        from: Some(&from),
        to: Some(&to),
    };
    let (mut shown, mut areas) = (Vec::new(), Vec::new());
    let errors = match report(&web.state.db.conn, &actor, pid, period).await {
        Ok(r) => {
            shown = figures(&web, &r);
            areas = r
                .goals_by_area
                .iter()
                .map(|a| AreaRow {
                    area: lang.t(&format!("plan-extra-area-{}", a.area)),
                    goals: a.goals,
                    evaluated: a.evaluated,
                    average: a
                        .average_latest_progress
                        .map(|d| d.to_string().replace('.', &decimal_mark(&web)))
                        .unwrap_or_else(|| lang.t("plan-extra-report-none")),
                })
                .collect();
            FormErrors::default()
        }
        Err(e) => FormErrors::from_app(lang, e.into())?,
    };
    errors.apply(&mut fields);
    render(&ReportPage {
        page: PageCtx::new(&web, "plan-extra-report-title"),
        fields,
        errors,
        figures: shown,
        areas,
    })
}
