//! CLI entry: parse, dispatch, nothing else.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = ctopulse::cli::Cli::parse();
    if !cli.command.is_server() {
        restore_sigpipe();
    }
    ctopulse::commands::run(cli)
}

/// Lets `ctopulse roster list | head` end quietly instead of panicking on a closed pipe.
/// Servers keep Rust's default (ignored), so a vanished client never kills them.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
