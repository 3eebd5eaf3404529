//! Personal budget plans: a plan per client from the need to the decision (due three months
//! later), the support plan's answers in the client's own words with their history, goals by
//! life area and their evaluations, the budget lines the estimate is priced from, and which
//! commitments serve which goal.
use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{create_all, created_at, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 6] = [
    "goal_commitments",
    "goal_evaluations",
    "plan_budget_lines",
    "plan_goals",
    "plan_answers",
    "plans",
];

fn plans() -> TableCreateStatement {
    Table::create()
        .table("plans")
        .col(pk_uuid("id"))
        .col(uuid("client_id"))
        .col(uuid("purchaser_id"))
        // draft | decided | closed | cancelled
        .col(string("status"))
        .col(text_null("status_reason"))
        .col(date("need_identified_on"))
        .col(date("decision_due"))
        .col(uuid_null("allocation_id"))
        // Unique per purchaser; numbered per purchaser and year.
        .col(string_null("decision_number"))
        .col(json_null("decision_text"))
        .col(timestamp_with_time_zone_null("decided_at"))
        .col(uuid("created_by"))
        .col(created_at())
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut fk("plans", "client_id", "clients"))
        .foreign_key(&mut fk("plans", "purchaser_id", "purchasers"))
        .foreign_key(&mut fk("plans", "allocation_id", "allocations"))
        .foreign_key(&mut fk("plans", "created_by", "users"))
        .to_owned()
}

fn answers() -> TableCreateStatement {
    // An update adds a row; the latest row of a question is the current answer.
    Table::create()
        .table("plan_answers")
        .col(pk_uuid("id"))
        .col(uuid("plan_id"))
        .col(string("question_key"))
        .col(text("text"))
        // client | proxy | case_worker
        .col(string("written_by"))
        .col(uuid("written_by_user"))
        .col(timestamp_with_time_zone("written_at"))
        .foreign_key(&mut fk("plan_answers", "plan_id", "plans"))
        .foreign_key(&mut fk("plan_answers", "written_by_user", "users"))
        .to_owned()
}

fn goals() -> TableCreateStatement {
    Table::create()
        .table("plan_goals")
        .col(pk_uuid("id"))
        .col(uuid("plan_id"))
        // home | work | learning | leisure | health | relationships
        .col(string("area"))
        .col(text("text"))
        .col(date_null("target_date"))
        .col(string("written_by"))
        .col(uuid("created_by"))
        .col(created_at())
        .foreign_key(&mut fk("plan_goals", "plan_id", "plans"))
        .foreign_key(&mut fk("plan_goals", "created_by", "users"))
        .to_owned()
}

fn evaluations() -> TableCreateStatement {
    Table::create()
        .table("goal_evaluations")
        .col(pk_uuid("id"))
        .col(uuid("goal_id"))
        // 1..5
        .col(integer("progress"))
        .col(text("note"))
        .col(string("written_by"))
        .col(uuid("created_by"))
        .col(created_at())
        .foreign_key(&mut fk("goal_evaluations", "goal_id", "plan_goals"))
        .foreign_key(&mut fk("goal_evaluations", "created_by", "users"))
        .to_owned()
}

fn budget_lines() -> TableCreateStatement {
    Table::create()
        .table("plan_budget_lines")
        .col(pk_uuid("id"))
        .col(uuid("plan_id"))
        .col(uuid("service_id"))
        // Thousandths of the service's unit per month.
        .col(big_integer("quantity_per_month_milli"))
        .col(integer("months"))
        .col(big_integer("unit_price_cents"))
        .col(big_integer("amount_cents"))
        .col(uuid("created_by"))
        .col(created_at())
        .foreign_key(&mut fk("plan_budget_lines", "plan_id", "plans"))
        .foreign_key(&mut fk("plan_budget_lines", "service_id", "services"))
        .foreign_key(&mut fk("plan_budget_lines", "created_by", "users"))
        .to_owned()
}

fn goal_commitments() -> TableCreateStatement {
    Table::create()
        .table("goal_commitments")
        .col(pk_uuid("id"))
        .col(uuid("goal_id"))
        .col(uuid("commitment_id"))
        .col(created_at())
        .foreign_key(&mut fk("goal_commitments", "goal_id", "plan_goals"))
        .foreign_key(&mut fk("goal_commitments", "commitment_id", "commitments"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(
            manager,
            vec![
                plans(),
                answers(),
                goals(),
                evaluations(),
                budget_lines(),
                goal_commitments(),
            ],
            vec![
                index("plans", &["client_id"], false),
                index("plans", &["purchaser_id", "status", "decision_due"], false),
                index("plans", &["purchaser_id", "decision_number"], true),
                index("plans", &["allocation_id"], false),
                index("plan_answers", &["plan_id", "question_key"], false),
                index("plan_goals", &["plan_id"], false),
                index("goal_evaluations", &["goal_id"], false),
                index("plan_budget_lines", &["plan_id"], false),
                index("goal_commitments", &["goal_id", "commitment_id"], true),
                index("goal_commitments", &["commitment_id"], false),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
