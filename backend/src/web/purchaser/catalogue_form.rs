//! The catalogue forms' money fields (shared by adding and changing an entry): the income
//! rule's five fields, read into the API's rule and its errors put back on the fields.
use crate::i18n::Translate;
use crate::{
    catalogue::input::IncomeRuleIn,
    domain::{Money, income_rule::IncomeRule},
    error::AppError,
    http::extract::DecimalText,
    web::{
        format,
        i18n::Lang,
        page::{Field, Pairs, rename_field},
    },
};

const INCOME: [(&str, &str); 4] = [
    ("max_value", "income_max"),
    ("min_value", "income_min"),
    ("percent", "income_percent"),
    ("units_per_month", "income_units"),
];

/// The rule's fields, holding what the form holds.
pub fn income_fields(lang: Lang, form: &Pairs) -> Vec<Field> {
    vec![
        Field::new("income_max", "text", lang.t("field-income-max"))
            .value(form.one("income_max"))
            .inputmode("decimal")
            .hint(lang.t("field-income-rule-hint")),
        Field::new("income_min", "text", lang.t("field-income-min"))
            .value(form.one("income_min"))
            .inputmode("decimal"),
        Field::new("income_percent", "text", lang.t("field-income-percent"))
            .value(form.one("income_percent"))
            .inputmode("decimal"),
        Field::new("income_units", "text", lang.t("field-income-units"))
            .value(form.one("income_units"))
            .inputmode("decimal"),
        Field::new("income_limits", "textarea", lang.t("field-income-limits"))
            .value(form.one("income_limits"))
            .hint(lang.t("field-income-limits-hint")),
    ]
}

/// The rule as the form gives it: none when all five fields are empty.
pub fn income_rule_in(form: &Pairs) -> Option<IncomeRuleIn> {
    let names = [
        "income_max",
        "income_min",
        "income_percent",
        "income_units",
        "income_limits",
    ];
    if names.iter().all(|n| form.one(n).trim().is_empty()) {
        return None;
    }
    let number = |name: &str| DecimalText(format::decimal_input(&form.one(name)));
    Some(IncomeRuleIn {
        max_value: number("income_max"),
        min_value: number("income_min"),
        percent: number("income_percent"),
        units_per_month: number("income_units"),
        income_limits: form
            .one("income_limits")
            .split(['\n', ';'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| DecimalText(format::decimal_input(l)))
            .collect(),
    })
}

/// The form's values for a rule (and empty fields for none).
pub fn income_values(rule: Option<&IncomeRule>) -> Vec<(String, String)> {
    let money = |m: Money| format::decimal_field(m);
    let decimal = |d: rust_decimal::Decimal| d.normalize().to_string().replace('.', ",");
    match rule {
        None => Vec::new(),
        Some(r) => vec![
            ("income_max".into(), money(r.max_value())),
            ("income_min".into(), money(r.min_value())),
            ("income_percent".into(), decimal(r.percent())),
            ("income_units".into(), decimal(r.units_per_month())),
            (
                "income_limits".into(),
                r.income_limits()
                    .iter()
                    .map(|l| money(*l))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ],
    }
}

/// The API names the rule's parts `income_rule.max_value`, `income_rule.income_limits[2]`;
/// the form names its controls.
pub fn rename_income_errors(mut e: AppError) -> AppError {
    for (part, control) in INCOME {
        e = rename_field(e, &format!("income_rule.{part}"), control);
    }
    let limits: Vec<String> = e
        .fields
        .keys()
        .filter(|k| k.starts_with("income_rule.income_limits"))
        .cloned()
        .collect();
    for key in limits {
        e = rename_field(e, &key, "income_limits");
    }
    rename_field(e, "income_rule", "income_max")
}
