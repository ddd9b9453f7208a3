//! CLI entry: parse, dispatch, nothing else.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = ctopulse::cli::Cli::parse();
    if !cli.command.is_server() {
        restore_sigpipe();
    }
    tune_malloc();
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

/// Tunes glibc's malloc for a long-running server, unless the operator set the same knob
/// (`MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`, or `GLIBC_TUNABLES`).
///
/// - Arenas: one per core (at least 2). glibc gives each new thread that meets a locked arena
///   one of its own, up to 8 per core, and rarely returns their memory: `serve` under 8
///   clients on a 20,000-person company peaked at 436 MB with the default and 172 MB with 2.
/// - Blocks of 128 KiB and more (page bodies, report images, comment lists) are mapped and
///   returned on free, and free heap above 256 KiB is trimmed. glibc's default raises the
///   mapping threshold after each large free, up to 32 MB, so those blocks stayed in the heap:
///   152 MB held after the pages' timing and a 165–170 MB peak, against 80–108 MB and 145 MB
///   (BENCHMARKS.md, pages).
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let tunables = std::env::var("GLIBC_TUNABLES").unwrap_or_default();
        let unset = |var: &str, tunable: &str| {
            std::env::var_os(var).is_none() && !tunables.contains(tunable)
        };
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores.max(2)).unwrap_or(libc::c_int::MAX);
        // SAFETY: called once at start-up, before any thread exists; mallopt only tunes
        // allocator limits.
        unsafe {
            if unset("MALLOC_ARENA_MAX", "arena_max") {
                libc::mallopt(libc::M_ARENA_MAX, arenas);
            }
            if unset("MALLOC_MMAP_THRESHOLD_", "mmap_threshold") {
                libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
            }
            if unset("MALLOC_TRIM_THRESHOLD_", "trim_threshold") {
                libc::mallopt(libc::M_TRIM_THRESHOLD, 256 * 1024);
            }
        }
    }
}
