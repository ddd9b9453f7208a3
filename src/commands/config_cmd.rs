//! `ctopulse config show`.

use super::CliError;
use crate::cli::ConfigCommand;
use crate::config::Settings;

/// Runs a `config` subcommand.
pub fn run(cmd: ConfigCommand, settings: Settings) -> Result<(), CliError> {
    match cmd {
        ConfigCommand::Show => {
            print!("{}", settings.to_masked_toml());
            Ok(())
        }
    }
}
