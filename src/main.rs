//! CLI entry: parse, dispatch, nothing else.

use clap::Parser;

/// mimalloc for Rust's allocations: under survey load glibc's malloc and free were ~10 % of
/// the server's CPU (BENCHMARKS.md, load benchmark). C code (SQLite, libpq) keeps glibc's,
/// tuned by `ctopulse::allocator`, as is mimalloc itself.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = ctopulse::cli::Cli::parse();
    if !cli.command.is_server() {
        restore_sigpipe();
    }
    // SAFETY: in `main` before any thread is started (parsing the command line starts none).
    unsafe { ctopulse::allocator::tune() };
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
