"""Where the machine's CPU and memory go during `scripts/bench`'s slices, read from /proc:
CPU seconds by program and by thread, and a server's peak resident memory."""

from __future__ import annotations

import collections
import os
from pathlib import Path


def read_stats(pattern):
    """(file, name, fields after the name) of each /proc `stat` file matching `pattern`
    (processes or threads); one that ended while being read is skipped."""
    for stat in Path("/proc").glob(pattern):
        try:
            text = stat.read_text()
        except OSError:
            continue
        yield stat, text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()


def cpu_seconds(fields, children=False):
    """User + system CPU seconds in a `stat` line's fields (of its ended children instead)."""
    at = 13 if children else 11
    return (int(fields[at]) + int(fields[at + 1])) / os.sysconf("SC_CLK_TCK")


def program_name(name):
    """A program's name for accounting. A kernel worker's name carries the work it is doing at
    the moment (`kworker/1:1-events`, later `kworker/1:1-writeback`): keyed by that, a worker
    renamed during a slice would count its whole lifetime's CPU as used in the slice."""
    return name.split("-", 1)[0] if name.startswith("kworker/") else name


def cpu_seconds_by_program():
    """CPU seconds (user + system) used so far by each running program, by its name."""
    used = collections.Counter()
    for stat, name, rest in read_stats("[0-9]*/stat"):
        used[program_name(name)] += cpu_seconds(rest)
        if stat.parent.name == str(os.getpid()):
            # The load driver runs as this script's child: its CPU shows here once it ends.
            used["loadbench"] += cpu_seconds(rest, children=True)
    return used


def cpu_split(before, after, seconds, serve_name="ctopulse"):
    """Where the machine's CPU went during a slice: cores used by serve, the load driver,
    the database and everything else (on 2 cores the four add up to at most 2.0)."""
    delta = {k: after[k] - before.get(k, 0) for k in after if after[k] > before.get(k, 0)}
    # /proc/<pid>/stat names a program by the first 15 bytes of its file name.
    groups = {"serve": [serve_name[:15]], "driver": ["loadbench"], "database": ["postgres"]}
    split = {g: sum(delta.pop(n, 0) for n in names) / seconds for g, names in groups.items()}
    split["other"] = sum(delta.values()) / seconds
    split["other_top"] = {k: round(v / seconds, 2) for k, v in collections.Counter(delta).most_common(3)}
    return split


def http_thread_seconds(pids):
    """CPU seconds used so far by the servers' HTTP threads (actix's workers: parsing, routing,
    rendering, cookies); the rest of serve's CPU is its blocking pool, where the database work
    runs (on SQLite the database itself). Actix's workers live as long as the server, so their
    counters never vanish mid-slice as an idle pool thread's may."""
    return sum(cpu_seconds(rest) for pid in pids for _, name, rest in read_stats(f"{pid}/task/*/stat")
               if name.startswith("actix-server wo"))


def vm_hwm_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
