//! The demo's personal budget plans: Matti's decided plan behind his budget (answers written
//! by him and by Liisa, two goals, one served by the art course he ordered, Liisa's
//! evaluation, the budget lines that sum to the 6 000 € granted), and two drafts in the case
//! worker's caseload: Aino's, due in about two months, and Eino's, already overdue. Written
//! as rows, because Matti's decision predates the demo's day: his allocation exists already.
use anyhow::Context;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{
            allocation, client, goal_commitment, goal_evaluation, plan, plan_answer,
            plan_budget_line, plan_goal,
        },
    },
    domain::{
        LocalizedText, Money, Quantity,
        catalogue::{GoalArea, PlanStatus, WrittenBy},
        ids::{
            BudgetLineId, ClientId, CommitmentId, GoalCommitmentId, GoalEvaluationId, GoalId,
            PlanAnswerId, PlanId, PurchaserId, ServiceId,
        },
        today_in_finland,
    },
    plans::{
        decision_text::{DecisionFacts, compose},
        open::decision_due,
    },
};

/// What the demo's plans hang on.
pub struct Plans<'a> {
    pub county: PurchaserId,
    pub county_name: &'a str,
    pub case_worker: &'a Actor,
    pub matti: ClientId,
    pub matti_user: &'a Actor,
    pub liisa: &'a Actor,
    pub budget: &'a allocation::Model,
    /// The art course Liisa ordered for Matti.
    pub art: CommitmentId,
    /// Matti's budget lines: service, its names, quantity a month, unit price in cents.
    pub lines: Vec<(ServiceId, LocalizedText, &'static str, i64)>,
    pub aino: ClientId,
}

/// 10:00 in Finland on `day`, as stored.
fn at_ten(day: NaiveDate) -> anyhow::Result<chrono::DateTime<Utc>> {
    let local = day.and_hms_opt(10, 0, 0).context("time")?;
    Ok(chrono_tz::Europe::Helsinki
        .from_local_datetime(&local)
        .single()
        .context("time in Finland")?
        .with_timezone(&Utc))
}

fn new_plan(
    id: PlanId,
    client: ClientId,
    county: PurchaserId,
    need: NaiveDate,
    by: &Actor,
) -> anyhow::Result<plan::ActiveModel> {
    let opened = at_ten(need)?;
    Ok(plan::ActiveModel {
        id: Set(id),
        client_id: Set(client),
        purchaser_id: Set(county),
        status: Set(PlanStatus::Draft),
        status_reason: Set(None),
        need_identified_on: Set(need),
        decision_due: Set(decision_due(need)),
        allocation_id: Set(None),
        decision_number: Set(None),
        decision_text: Set(None),
        decided_at: Set(None),
        status_changed_by: Set(None),
        status_changed_at: Set(None),
        created_by: Set(by.user_id),
        created_at: Set(opened),
        updated_at: Set(opened),
    })
}

pub async fn load(db: &Db, p: &Plans<'_>) -> anyhow::Result<()> {
    let id = matti_plan(db, p).await?;
    matti_answers(db, p, id).await?;
    matti_goals(db, p, id).await?;
    // The caseload's drafts: Aino's opened three weeks ago, Eino's long overdue.
    let today = today_in_finland();
    new_plan(
        PlanId::new(),
        p.aino,
        p.county,
        today - Duration::days(21),
        p.case_worker,
    )?
    .insert(&db.conn)
    .await?;
    let eino = client::Entity::find()
        .filter(client::Column::PurchaserId.eq(p.county.0))
        .filter(client::Column::Name.eq("Eino Mäkelä"))
        .one(&db.conn)
        .await?
        .context("demo client Eino")?;
    new_plan(
        PlanId::new(),
        eino.id,
        p.county,
        today - Duration::days(110),
        p.case_worker,
    )?
    .insert(&db.conn)
    .await?;
    Ok(())
}

/// Matti's plan, decided into his budget two weeks before it began.
async fn matti_plan(db: &Db, p: &Plans<'_>) -> anyhow::Result<PlanId> {
    let valid_from = p.budget.valid_from;
    let need = valid_from - Duration::days(70);
    let decided_on = valid_from - Duration::days(14);
    let number = format!("{}-0001", decided_on.format("%Y"));
    let names: Vec<LocalizedText> = p.lines.iter().map(|l| l.1.clone()).collect();
    let text = compose(&DecisionFacts {
        number: &number,
        kind: p.budget.kind,
        granted: p.budget.granted,
        valid_from,
        valid_to: p.budget.valid_to,
        services: &names,
        purchaser_name: p.county_name,
    });
    let id = PlanId::new();
    let mut model = new_plan(id, p.matti, p.county, need, p.case_worker)?;
    model.status = Set(PlanStatus::Decided);
    model.allocation_id = Set(Some(p.budget.id));
    model.decision_number = Set(Some(number));
    model.decision_text = Set(Some(serde_json::to_value(&text)?));
    model.decided_at = Set(Some(at_ten(decided_on)?));
    model.updated_at = Set(at_ten(decided_on)?);
    model.insert(&db.conn).await?;
    let months = 12;
    for (service, _, quantity, cents) in &p.lines {
        let quantity = Quantity::parse(quantity).map_err(|e| anyhow::anyhow!("{e}"))?;
        let unit_price = Money::from_cents(*cents);
        let amount = Money::from_cents(quantity.milli() * cents * months / 1000);
        plan_budget_line::ActiveModel {
            id: Set(BudgetLineId::new()),
            plan_id: Set(id),
            service_id: Set(*service),
            quantity_per_month: Set(quantity),
            months: Set(i32::try_from(months)?),
            unit_price: Set(unit_price),
            amount: Set(amount),
            created_by: Set(p.case_worker.user_id),
            created_at: Set(at_ten(need + Duration::days(30))?),
        }
        .insert(&db.conn)
        .await?;
    }
    Ok(id)
}

/// The support plan in Matti's words, some typed by Liisa with him.
async fn matti_answers(db: &Db, p: &Plans<'_>, id: PlanId) -> anyhow::Result<()> {
    let need = p.budget.valid_from - Duration::days(70);
    let answers = [
        (
            "what_matters",
            "Että saan tehdä asioita itse ja tavata kavereita.",
            WrittenBy::Client,
            p.matti_user,
        ),
        (
            "what_to_change",
            "Haluan käydä päivätoiminnassa ja liikkua enemmän.",
            WrittenBy::Client,
            p.matti_user,
        ),
        (
            "learn_in_free_time",
            "Matti haluaa oppia maalaamaan. Hän piirtää kotona paljon.",
            WrittenBy::Proxy,
            p.liisa,
        ),
        (
            "who_supports_me",
            "Äiti Liisa auttaa rahojen ja asioiden kanssa.",
            WrittenBy::Proxy,
            p.liisa,
        ),
    ];
    for (day, (key, text, by, who)) in answers.into_iter().enumerate() {
        plan_answer::ActiveModel {
            id: Set(PlanAnswerId::new()),
            plan_id: Set(id),
            question_key: Set(key.to_owned()),
            text: Set(text.to_owned()),
            written_by: Set(by),
            written_by_user: Set(who.user_id),
            written_at: Set(at_ten(need + Duration::days(7 + i64::try_from(day)?))?),
        }
        .insert(&db.conn)
        .await?;
    }
    Ok(())
}

/// Two goals: painting (served by the art course, evaluated by Liisa) and moving more.
async fn matti_goals(db: &Db, p: &Plans<'_>, id: PlanId) -> anyhow::Result<()> {
    let written = at_ten(p.budget.valid_from - Duration::days(40))?;
    let goals = [
        (
            GoalArea::Leisure,
            "Opin maalaamaan akvarelleilla ja pidän näyttelyn kavereille.",
            WrittenBy::Client,
            p.matti_user,
        ),
        (
            GoalArea::Health,
            "Käyn kuntosalilla kerran viikossa.",
            WrittenBy::Proxy,
            p.liisa,
        ),
    ];
    let mut ids = Vec::new();
    for (area, text, by, who) in goals {
        let goal = GoalId::new();
        plan_goal::ActiveModel {
            id: Set(goal),
            plan_id: Set(id),
            area: Set(area),
            text: Set(text.to_owned()),
            target_date: Set(Some(p.budget.valid_to)),
            written_by: Set(by),
            created_by: Set(who.user_id),
            created_at: Set(written),
        }
        .insert(&db.conn)
        .await?;
        ids.push(goal);
    }
    let painting = *ids.first().context("demo goal")?;
    goal_commitment::ActiveModel {
        id: Set(GoalCommitmentId::new()),
        goal_id: Set(painting),
        commitment_id: Set(p.art),
        created_at: Set(Utc::now()),
    }
    .insert(&db.conn)
    .await?;
    goal_evaluation::ActiveModel {
        id: Set(GoalEvaluationId::new()),
        goal_id: Set(painting),
        progress: Set(4),
        note: Set("Kurssi alkoi hyvin. Matti on maalannut jo kolme taulua.".to_owned()),
        written_by: Set(WrittenBy::Proxy),
        created_by: Set(p.liisa.user_id),
        created_at: Set(Utc::now()),
    }
    .insert(&db.conn)
    .await?;
    Ok(())
}
