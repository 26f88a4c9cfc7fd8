//! The subcommands: flags (validated only) and one `run` per file.

mod bench;
mod bench_store;
mod code;
mod dict;
mod eval;
mod explain;
mod export;
mod ingest;
mod models;
mod query;
mod recode;
mod segment;
mod serve;
mod train;
mod validate;

use clap::{Parser, Subcommand};

use crate::ExitStatus;

const AFTER_HELP: &str = "\
Exit codes: 0 success, 1 success with diagnostics (bad input was reported and skipped),
2 failure (nothing could be read, or a fatal error).

Examples:
  dyad code examples/*.txt
  dyad segment ../shared/corpus/tass-sample/tass-2020-09-04.txt
  dyad eval segment ../shared/ud/test.conllu --json
  dyad ingest --store news.db examples/*.txt && dyad query --store news.db --group actor --limit 20";

/// dyad: political event data (who did what to whom, when, where) from news text.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Bench(bench::Args),
    Code(code::Args),
    Dict(dict::Args),
    Eval(eval::Args),
    Explain(explain::Args),
    Export(export::Args),
    Ingest(ingest::Args),
    Query(query::Args),
    Recode(recode::Args),
    Segment(segment::Args),
    Serve(serve::Args),
    Train(train::Args),
    Validate(validate::Args),
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Bench(args) => bench::run(args),
        Command::Code(args) => code::run(args),
        Command::Dict(args) => dict::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Export(args) => export::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args),
        Command::Recode(args) => recode::run(args),
        Command::Segment(args) => segment::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Train(args) => train::run(args),
        Command::Validate(args) => validate::run(args),
    }
}
