//! What a signed-in client (or her proxy) reads about her own money on the offering, compare
//! and order pages: whether her decision pays for the service, her own share of one unit and
//! about how many units her balance buys, or plainly why it cannot be used and what to do.
//! The figures come from `offerings::coverage`, which holds the ledger's rules.
use crate::i18n::Translate;
use crate::{
    db::entities::allocation,
    domain::today_in_finland,
    error::AppResult,
    offerings::coverage::{self, Blocker, Coverage, Fit},
    web::{
        amounts,
        client::{self, ClientCtx},
        format,
        i18n::Lang,
        session::Web,
        views,
    },
};

/// The client whose money is shown and all her decisions (an audited read), when the
/// signed-in user is a client or a proxy who has chosen whom they act for; else `None`.
pub async fn client_side(web: &Web) -> AppResult<Option<(ClientCtx, Vec<allocation::Model>)>> {
    let Some(actor) = web.actor.as_ref() else {
        return Ok(None);
    };
    let Ok(ctx) = client::current(web).await else {
        return Ok(None);
    };
    let decisions = crate::allocations::read::for_client(&web.state.db.conn, actor, ctx.id, None)
        .await?
        .items;
    Ok(Some((ctx, decisions)))
}

/// Her figures under one decision.
pub struct OwnView {
    /// "Personal budget, 1 200,00 € left, valid until 31.12.2026".
    pub decision: String,
    /// "0,00 € / hour".
    pub own_share: String,
    /// "Your money buys about 12 hours."
    pub buys: String,
}

/// What the page says about her money for one offering.
pub struct CoverageView {
    /// Figures of the decision she would pay with (or picked), when it can pay.
    pub own: Option<OwnView>,
    /// Why she cannot order it, when she cannot.
    pub why: Option<String>,
    /// What she can do about it.
    pub todo: Option<String>,
}

impl CoverageView {
    pub fn usable(&self) -> bool {
        self.why.is_none()
    }
}

/// "Personal budget, 1 200,00 € left, valid until 31.12.2026".
pub fn decision_label(lang: Lang, a: &allocation::Model) -> String {
    lang.t_with(
        "allocation-label",
        &[
            ("kind", views::word(lang, "funding", a.kind.as_ref()).into()),
            ("available", format::euros(a.available).into()),
            ("until", format::date(a.valid_to).into()),
        ],
    )
}

pub fn own_view(lang: Lang, fit: &Fit, unit: &str) -> OwnView {
    OwnView {
        decision: decision_label(lang, &fit.allocation),
        own_share: views::price_per_unit(lang, fit.own_share_per_unit, unit),
        buys: lang.t_with(
            "ordering-buys",
            &[(
                "amount",
                amounts::whole_units(lang, fit.units_affordable, unit).into(),
            )],
        ),
    }
}

/// The view for a coverage: the picked decision's figures (or why it cannot pay), else
/// the first usable decision's, else why none can be used.
pub fn view(
    lang: Lang,
    coverage: &Coverage,
    picked: Option<uuid::Uuid>,
    unit: &str,
) -> CoverageView {
    let picked = picked.and_then(|id| {
        coverage
            .fits
            .iter()
            .find(|f| f.allocation.id == crate::domain::ids::AllocationId::from(id))
    });
    match picked.or_else(|| coverage.usable().next()) {
        Some(fit) => match fit.blocker {
            None => CoverageView {
                own: Some(own_view(lang, fit, unit)),
                why: None,
                todo: None,
            },
            Some(blocker) => why_view(lang, blocker, coverage, unit),
        },
        None => why_view(
            lang,
            coverage.blocker().unwrap_or(Blocker::NoDecision),
            coverage,
            unit,
        ),
    }
}

fn why_view(lang: Lang, blocker: Blocker, coverage: &Coverage, unit: &str) -> CoverageView {
    let ended = coverage
        .fits
        .iter()
        .map(|f| f.allocation.valid_to)
        .max()
        .map(format::date)
        .unwrap_or_default();
    let available = coverage
        .fits
        .iter()
        .find(|f| f.blocker == Some(Blocker::BalanceTooLow))
        .map(|f| format::euros(f.allocation.available))
        .unwrap_or_default();
    let code = blocker.code();
    CoverageView {
        own: None,
        why: Some(lang.t_with(
            &format!("coverage-why-{code}"),
            &[
                ("date", ended.into()),
                ("available", available.into()),
                ("unit", views::word(lang, "unit", unit).into()),
            ],
        )),
        todo: Some(lang.t(&format!("coverage-todo-{code}"))),
    }
}

/// The coverage of one offering for the client side, with the view, when there is a
/// client side.
pub async fn for_offering(
    web: &Web,
    offering: &crate::db::entities::offering::Model,
    service: &crate::db::entities::service::Model,
    picked: Option<uuid::Uuid>,
) -> AppResult<Option<(ClientCtx, Coverage, CoverageView)>> {
    let Some((ctx, decisions)) = client_side(web).await? else {
        return Ok(None);
    };
    let coverage = coverage::of(&decisions, offering, service, today_in_finland())?;
    let view = view(web.lang, &coverage, picked, service.unit.as_ref());
    Ok(Some((ctx, coverage, view)))
}

/// The home municipality of the client whose matters are shown (an audited read), for
/// "near me" in search; `None` for anyone else.
pub async fn home_municipality(web: &Web) -> AppResult<Option<String>> {
    let Some(actor) = web.actor.as_ref() else {
        return Ok(None);
    };
    let Ok(ctx) = client::current(web).await else {
        return Ok(None);
    };
    let conn = &web.state.db.conn;
    let (model, acting) = crate::auth::access::load_client(conn, actor, ctx.id).await?;
    crate::audit::record(
        conn,
        Some(actor),
        Some(acting),
        crate::audit::AuditEvent {
            action: "client_home_read",
            subject_type: "client",
            subject_id: ctx.id.to_string(),
            client: Some(ctx.id),
            detail: None,
        },
    )
    .await?;
    Ok(Some(model.municipality))
}

/// Which of these offerings none of the client's decisions can pay for, each with the
/// short reason (`coverage-short-*`); empty for anyone but a client side user.
pub async fn uncovered_among(
    web: &Web,
    offering_ids: &[crate::domain::ids::OfferingId],
) -> AppResult<std::collections::HashMap<crate::domain::ids::OfferingId, String>> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use crate::db::entities::{offering, service};
    let mut marks = std::collections::HashMap::new();
    let Some((_, decisions)) = client_side(web).await? else {
        return Ok(marks);
    };
    let conn = &web.state.db.conn;
    let offerings = offering::Entity::find()
        .filter(offering::Column::Id.is_in(offering_ids.iter().copied()))
        .all(conn)
        .await?;
    let services = service::Entity::find()
        .filter(service::Column::Id.is_in(offerings.iter().map(|o| o.service_id)))
        .all(conn)
        .await?;
    let today = today_in_finland();
    for o in &offerings {
        let Some(s) = services.iter().find(|s| s.id == o.service_id) else {
            continue;
        };
        if let Some(blocker) = coverage::of(&decisions, o, s, today)?.blocker() {
            let text = web.lang.t(&format!("coverage-short-{}", blocker.code()));
            marks.insert(o.id, text);
        }
    }
    Ok(marks)
}
