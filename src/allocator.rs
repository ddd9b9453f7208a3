//! The allocators' tuning for a long-running process: glibc's malloc (what C code such as
//! SQLite and libpq allocates with) and mimalloc (the global allocator of `ctopulse` and of
//! the load benchmark's servers, set in each binary). Called once at start-up by each.

/// Tunes both allocators, each knob only where the operator has not set it.
///
/// # Safety
///
/// Call it before the process has a second thread (first thing in `main`): glibc's
/// `mallopt` is not safe to call while other threads allocate.
pub unsafe fn tune() {
    // SAFETY: the caller's promise, passed on.
    unsafe { tune_malloc() };
    tune_mimalloc();
}

/// Tunes glibc's malloc (what C code allocates with) for a long-running server, unless the
/// operator set the same knob (`MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`, or
/// `GLIBC_TUNABLES`).
///
/// - Arenas: one per core (at least 2). glibc gives each new thread that meets a locked arena
///   one of its own, up to 8 per core, and rarely returns their memory: `serve` under 8
///   clients on a 20,000-person company peaked at 436 MB with the default and 172 MB with 2.
/// - Blocks of 128 KiB and more (page bodies, report images, comment lists) are mapped and
///   returned on free, and free heap above 256 KiB is trimmed. glibc's default raises the
///   mapping threshold after each large free, up to 32 MB, so those blocks stayed in the heap:
///   152 MB held after the pages' timing and a 165–170 MB peak, against 80–108 MB and 145 MB
///   (BENCHMARKS.md, pages).
///
/// # Safety
///
/// As [`tune`]: no other thread may exist yet.
unsafe fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let tunables = std::env::var("GLIBC_TUNABLES").unwrap_or_default();
        let unset = |var: &str, tunable: &str| {
            std::env::var_os(var).is_none() && !tunables.contains(tunable)
        };
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores.max(2)).unwrap_or(libc::c_int::MAX);
        // SAFETY: no other thread exists yet (this function's contract); mallopt only
        // tunes allocator limits.
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

/// mimalloc 3's option numbers (`mi_option_t` in mimalloc.h; the crate names only older ones).
/// The test below checks them by their defaults.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

/// Has mimalloc give memory back at once and keeps transparent huge pages from this process,
/// unless the operator set the same option (`MIMALLOC_PURGE_DELAY` or its old name
/// `MIMALLOC_RESET_DELAY`; `MIMALLOC_ALLOW_THP`). As it comes, mimalloc keeps freed memory for
/// a second and backs its arenas with huge pages: under the pages' load on a 100,000-person
/// company `serve` peaked at 425–437 MB, against 156–162 MB with both off (BENCHMARKS.md,
/// pages; measured before the board PDF's own memory was cut).
///
/// The purge delay is read at each purge, so setting it here works. Huge pages are not an
/// option mimalloc reads after its start (it turns them off for the process, if told to,
/// before `main`), so that is done here the same way: `prctl(PR_SET_THP_DISABLE)`, which
/// holds whatever the system's setting ("always" included). The crate's `no_thp` keeps
/// mimalloc from asking for them besides.
fn tune_mimalloc() {
    let unset = |var: &str| std::env::var_os(var).is_none();
    if unset("MIMALLOC_PURGE_DELAY") && unset("MIMALLOC_RESET_DELAY") {
        // SAFETY: stores an option value that mimalloc reads at its next purge.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
    if unset("MIMALLOC_ALLOW_THP") {
        // SAFETY: as above; mimalloc reads this one only at its start, where it would
        // have called the prctl below.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0) };
        #[cfg(target_os = "linux")]
        // SAFETY: PR_SET_THP_DISABLE takes one integer flag and changes only this process's
        // use of huge pages; a kernel without it returns an error, which changes nothing.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}

#[cfg(test)]
mod tests {
    /// The numbers name the options meant: each holds mimalloc 3's documented default (a
    /// purge delay of 1,000 ms, huge pages allowed) until `tune_mimalloc` sets it.
    #[test]
    fn mimalloc_option_numbers_name_purge_delay_and_allow_thp() {
        if [
            "MIMALLOC_PURGE_DELAY",
            "MIMALLOC_RESET_DELAY",
            "MIMALLOC_ALLOW_THP",
        ]
        .iter()
        .any(|v| std::env::var_os(v).is_some())
        {
            return;
        }
        // SAFETY: reads of mimalloc's options.
        let options = || unsafe {
            (
                libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY),
                libmimalloc_sys::mi_option_get(super::MI_OPTION_ALLOW_THP),
            )
        };
        assert_eq!(options(), (1000, 1));
        super::tune_mimalloc();
        assert_eq!(options(), (0, 0));
        // mimalloc would have turned huge pages off only at its start; the process has them
        // off now all the same.
        #[cfg(target_os = "linux")]
        // SAFETY: reads this process's flag.
        assert_eq!(
            unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) },
            1
        );
    }
}
