//! CLI entry: parse, dispatch, nothing else.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = ctopulse::cli::Cli::parse();
    if !cli.command.is_server() {
        restore_sigpipe();
    }
    bound_malloc_arenas();
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

/// Caps glibc's malloc arenas at one per core (at least 2) unless `MALLOC_ARENA_MAX` is set.
/// glibc gives each new thread that meets a locked arena one of its own, up to 8 per core, and
/// rarely returns their memory: `serve` under 8 clients on a 20,000-person company peaked at
/// 436 MB with the default and 172 MB with 2 arenas (BENCHMARKS.md, pages).
fn bound_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores.max(2)).unwrap_or(libc::c_int::MAX);
        // SAFETY: called once at start-up, before any thread exists; mallopt only tunes
        // allocator limits.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}
