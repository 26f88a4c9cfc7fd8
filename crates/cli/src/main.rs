//! The `dyad` binary: parses flags, runs one subcommand, maps the outcome to an exit code.
//!
//! This is glue only. Every decision that matters lives in a library crate; one file per
//! subcommand under `commands/`. Integration tests are in `tests/`.

mod commands;
mod dictionaries;
mod input;
mod output;
mod store;

use std::process::ExitCode;

use clap::Parser;

/// How a run ended, and the exit code each outcome maps to (documented in `--help`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything worked: exit 0.
    Success,
    /// The work was done, but some input produced diagnostics: exit 1.
    Diagnostics,
    /// Nothing useful could be done: exit 2.
    Failure,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Diagnostics => ExitCode::from(1),
            ExitStatus::Failure => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(status) => status.into(),
        Err(error) => {
            // A closed pipe (`dyad code | head`) is how a reader says it has seen enough.
            if output::is_broken_pipe(&error) {
                return ExitStatus::Success.into();
            }
            eprintln!("dyad: error: {error:#}");
            ExitStatus::Failure.into()
        }
    }
}
