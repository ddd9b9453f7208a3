//! CLI entry: parse, dispatch, nothing else.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = ctopulse::cli::Cli::parse();
    ctopulse::commands::run(cli)
}
