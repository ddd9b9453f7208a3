//! `ctopulse init` options.

use clap::Args;

/// `init` options.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The first admin's email (their sign-in name).
    #[arg(long, value_name = "EMAIL", required_unless_present = "check_only")]
    pub email: Option<String>,
    /// The first admin's name, as staff will see it (1–100 characters).
    #[arg(long, value_name = "NAME", required_unless_present = "check_only")]
    pub name: Option<String>,
    /// Send the test email to this address instead of the admin's.
    #[arg(long, value_name = "ADDR")]
    pub test_email: Option<String>,
    /// Run the checks only, creating no account (the test email needs --test-email).
    #[arg(long, conflicts_with_all = ["email", "name"])]
    pub check_only: bool,
    /// URL respondents and staff use to reach the service (overrides CTOPULSE_PUBLIC_URL).
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
}
