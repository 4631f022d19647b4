//! The `redline` command.

#![deny(unsafe_code)]

mod baseline;
mod cache;
mod changed;
mod check;
mod cli;
mod commands;
mod config_error;
mod discover;
mod fixing;
mod registry;
mod report;
mod shard;
mod write;

use clap::Parser;
use std::process::ExitCode;

/// Exit code when the run itself failed: bad arguments or config, no input.
pub const EXIT_RUN_FAILED: u8 = 2;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(EXIT_RUN_FAILED)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        cli::Command::Check(args) => check::run(&args),
        cli::Command::Rules(config) => commands::rules(&config),
        cli::Command::Explain { rule, config } => commands::explain(&rule, &config),
        cli::Command::Init { force } => commands::init(force),
    }
}
