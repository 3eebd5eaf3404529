//! The `valinta` command: serve the portal, migrate, load demo data, check the ledger.
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;
use valinta::{
    config::{Config, DatabaseTarget, DbArgs, SearchArgs, ServeArgs},
    db::Db,
    demo, ledger,
    vault::Vault,
};

#[derive(Parser)]
#[command(
    name = "valinta",
    version,
    about = "Valinta: service vouchers and personal budgets"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the portal and the API.
    Serve(Box<ServeArgs>),
    /// Apply database migrations and exit.
    Migrate(DbArgs),
    /// Load the demo data set into the database and exit.
    Demo(DbArgs),
    /// Reconcile every allocation's balance with its ledger entries; exits 1 on a mismatch.
    LedgerCheck(DbArgs),
    /// Apply expiry and bring due prices into force once (the worker does it every minute).
    Expire(DbArgs),
    /// Search index commands.
    #[command(subcommand)]
    Search(SearchCommand),
    /// Generate synthetic offerings (for benchmarks and demos) straight into the database.
    Synth {
        #[command(flatten)]
        db: DbArgs,
        /// How many offerings.
        #[arg(long, default_value_t = 10_000)]
        offerings: usize,
        /// Seed for the random choices: the same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum SearchCommand {
    /// Rebuild the search index from the database.
    Reindex {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        search: SearchArgs,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()).await {
        Ok(code) => code,
        Err(err) => {
            tracing::error!("{err:#}");
            eprintln!("valinta: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn open(args: &DbArgs) -> anyhow::Result<Db> {
    let vault = Vault::open(args.secret_key.as_deref(), &args.data_dir)?;
    let vault = std::sync::Arc::new(vault);
    let db = Db::connect(&DatabaseTarget::from_args(args)?)
        .await?
        .with_vault(vault.clone());
    db.migrate().await?;
    valinta::identity_codes::canonicalise(&db, &vault)
        .await
        .map_err(|e| anyhow::anyhow!(e.message))?;
    Ok(db)
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve(args) => {
            valinta::app::serve(Config::from_serve_args(&args)?).await?;
        }
        Command::Migrate(args) => {
            open(&args).await?;
            eprintln!("migrations applied");
        }
        Command::Demo(args) => {
            let db = open(&args).await?;
            let vault = Vault::open(args.secret_key.as_deref(), &args.data_dir)?;
            demo::load(&db, &vault).await?;
        }
        Command::Search(SearchCommand::Reindex { db, search }) => {
            let database = open(&db).await?;
            let engine = valinta::indexing::open_engine(&search, &db.data_dir).await?;
            // A rebuild on demand needs the engine now: no answer is an error here.
            engine
                .prepare()
                .await
                .context("cannot use the search engine")?;
            let report = valinta::indexing::reindex(&database, &engine).await?;
            engine.rebuilt_from_database();
            eprintln!(
                "indexed {} offerings in {:.1} s",
                report.documents, report.seconds
            );
        }
        Command::Synth {
            db,
            offerings,
            seed,
        } => {
            let started = std::time::Instant::now();
            let generated = valinta::synth::generate(&open(&db).await?, offerings, seed).await?;
            eprintln!(
                "generated {} offerings from {} providers for purchaser {} in {:.1} s",
                generated.offerings,
                generated.providers,
                generated.purchaser_id,
                started.elapsed().as_secs_f64()
            );
        }
        Command::Expire(args) => {
            let db = open(&args).await?;
            let pass = valinta::jobs::calendar::run_once(&db, true).await?;
            eprintln!(
                "{} allocations expired, {} offering prices came into force",
                pass.expired, pass.prices
            );
        }
        Command::LedgerCheck(args) => {
            let db = open(&args).await?;
            let report = ledger::reconcile::reconcile_all(&db.conn).await?;
            eprintln!(
                "{} allocations checked, {} inconsistent",
                report.checked,
                report.inconsistent.len()
            );
            for id in &report.inconsistent {
                eprintln!("inconsistent: allocation {id}");
            }
            if !report.inconsistent.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
