#!/usr/bin/env python3
"""Seeding a large demo company on PostgreSQL, against restoring the same data.

Creates a fresh database on the PostgreSQL server (default 127.0.0.1:5432, user postgres) and
runs a release `ctopulse demo --employees N --seed-only` into it, timed from process start to
exit. The demo runs under a pseudo-terminal so its progress bar is drawn; every change of the
bar's message is timestamped, which gives the time of each phase (roster import, launches,
answers stored, seals, the storage scrub, HR events, register, calendar, the open round with
its emailed invitations). Peak RSS comes from the kernel's accounting of the finished process
(`wait4`), the load average from /proc before and after.

The same-run baseline: `pg_dump` of the seeded database (plain SQL: COPY, then indexes and
constraints), restored with `psql` into a second fresh database, timed: the raw cost of
writing the same rows, indexes and constraints without the product. Ratio = seed ÷ restore.

    scripts/bench_demo.py                          # 100,000 employees, ~12 min here
    scripts/bench_demo.py --employees 5000 --keep  # keep the seeded database for bench_pages.py
    scripts/bench_demo.py --binary target/release/ctopulse --json demo.json

The databases are dropped at the end unless --keep (then the seeded one is left, named on the
last line; the restored copy is always dropped).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import secrets
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchkit import release_binary, loadavg  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# "seeding the demo ████ 5/28 2m msg": the message is what follows the elapsed time.
BAR = re.compile(r"seeding the demo .*? (\d+)/(\d+) (\S+) ?(.*)$")


def psql(admin_url: str, sql: str) -> str:
    return subprocess.run(["psql", admin_url, "-qAtc", sql], check=True, capture_output=True,
                          text=True).stdout.strip()


def phase_of(msg: str) -> str:
    """Groups the demo's progress messages into kinds of work."""
    if msg == "" or msg == "roster":
        return "roster import (and start-up)" if msg == "" else "launching"
    if msg.endswith(": launching"):
        return "launching"
    if ": storing answers" in msg:
        return "storing answers"
    if ": sealing" in msg:
        return "sealing"
    if msg.startswith("scrubbing"):
        return "storage scrub"
    if msg.startswith("HR events"):
        return "HR events"
    if msg.startswith("inflection"):
        return "register, commentary, actions"
    if msg.startswith("the CTO's calendar"):
        return "calendar"
    if msg.startswith("the open round"):
        return "open round (invitations emailed, 40 % answered)"
    return "finishing (accounts, marker)"


def run_demo(binary: Path, url: str, employees: int, workdir: Path):
    """Runs the seed under a pseudo-terminal; returns (seconds, max RSS kB, phase timeline,
    its output without the progress bar)."""
    master, slave = pty.openpty()
    # A wide terminal so indicatif does not cut the message off.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 400, 0, 0))
    env = dict(os.environ, CTOPULSE_LOG_FORMAT="text", RUST_LOG="warn",
               CTOPULSE_MAIL_DIR=str(workdir / "mail"))
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(binary), "--database-url", url, "demo", "--employees", str(employees), "--seed-only"],
        cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    timeline: list[tuple[float, str]] = [(0.0, "")]
    lines: list[str] = []
    raw = []
    buf = ""
    while True:
        r, _, _ = select.select([master], [], [], 0.5)
        if not r:
            continue
        try:
            chunk = os.read(master, 65536).decode(errors="replace")
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        now = time.perf_counter() - t0
        buf += chunk
        raw.append(chunk)
        *parts, buf = re.split(r"[\r\n]", buf)
        for part in parts:
            text = ANSI.sub("", part).strip()
            if not text:
                continue
            m = BAR.match(text)
            if m:
                msg = m.group(4).strip()
                if msg != timeline[-1][1]:
                    timeline.append((now, msg))
            elif not text.startswith("seeding the demo"):
                lines.append(text)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    os.close(master)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"ctopulse demo exited {code}:\n" + "\n".join(lines[-20:]))
    timeline.append((seconds, "(exit)"))
    # The summary's first line may share a terminal line with the finished bar.
    m = re.search(r"seeded \d+ employees and \d+ board members in [\d.]+ s", ANSI.sub("", "".join(raw)))
    if m:
        lines.insert(0, m.group(0))
    return seconds, usage.ru_maxrss, timeline, lines


def phases(timeline):
    """Seconds per kind of work, and per message (longest first)."""
    kinds: dict[str, float] = {}
    for (t, msg), (t_next, _) in zip(timeline, timeline[1:]):
        kinds[phase_of(msg)] = kinds.get(phase_of(msg), 0.0) + (t_next - t)
    return kinds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--employees", type=int, default=100_000)
    ap.add_argument("--keep", action="store_true", help="keep the seeded database (for bench_pages.py)")
    ap.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432",
                    help="server URL without a database name (default: %(default)s)")
    ap.add_argument("--admin-db", default="test", help="database to connect to for CREATE/DROP DATABASE")
    ap.add_argument("--binary", help="ctopulse binary (default: build and use the release build)")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    binary = release_binary(args.binary)
    for tool in ("psql", "pg_dump"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (postgresql-client)")

    admin = f"{args.pg_url}/{args.admin_db}"
    tag = secrets.token_hex(3)
    seeded = f"bench_demo_{args.employees}_{tag}"
    restored = f"bench_demo_restore_{tag}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-demo-"))
    keep_seeded = False
    try:
        psql(admin, f"CREATE DATABASE {seeded}")
        url = f"{args.pg_url}/{seeded}"
        load_start = loadavg()
        print(f"seeding {args.employees:,} employees into {seeded} (load average {load_start})", flush=True)
        seconds, rss_kb, timeline, output = run_demo(binary, url, args.employees, workdir)
        load_after_seed = loadavg()
        kinds = phases(timeline)
        summary = [l for l in output if l.startswith("seeded") or "sealed rounds over" in l or " is open: " in l]
        size = psql(admin, f"SELECT pg_size_pretty(pg_database_size('{seeded}'))")
        answers = psql(url, "SELECT count(*) FROM answers")

        # Baseline: the same data written by psql from a plain dump.
        dump = workdir / "seeded.sql"
        t0 = time.perf_counter()
        subprocess.run(["pg_dump", "--no-owner", "--no-privileges", "-f", str(dump), url], check=True)
        dump_s = time.perf_counter() - t0
        psql(admin, f"CREATE DATABASE {restored}")
        load_before_restore = loadavg()
        t0 = time.perf_counter()
        subprocess.run(["psql", f"{args.pg_url}/{restored}", "-q", "-X", "-v", "ON_ERROR_STOP=1",
                        "-1", "-f", str(dump)], check=True, stdout=subprocess.DEVNULL)
        restore_s = time.perf_counter() - t0
        load_end = loadavg()
        dump_mb = dump.stat().st_size / 1e6

        print()
        print(f"employees {args.employees:,}; {answers} answer rows; database {size}")
        for l in summary:
            print(f"  demo: {l.strip()}")
        print(f"ctopulse demo --seed-only: {seconds:.1f} s ({seconds / 60:.1f} min), peak RSS {rss_kb / 1024:.0f} MB")
        print("  phases (from the progress bar's messages):")
        for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]):
            print(f"    {k:<50} {v:7.1f} s")
        print(f"baseline: psql restoring pg_dump's plain SQL ({dump_mb:.0f} MB, dumped in {dump_s:.1f} s) "
              f"into a fresh database, one transaction: {restore_s:.1f} s")
        print(f"ratio seed ÷ restore: {seconds / restore_s:.1f}×")
        print(f"load average: {load_start} at the start, {load_after_seed} after the seed, "
              f"{load_before_restore} before the restore, {load_end} at the end")
        if args.json:
            Path(args.json).write_text(json.dumps({
                "employees": args.employees, "seed_s": seconds, "peak_rss_mb": rss_kb / 1024,
                "phases_s": kinds, "restore_s": restore_s, "dump_s": dump_s,
                "ratio": seconds / restore_s, "answers": int(answers), "database_size": size,
                "timeline": timeline,
                "load": [load_start, load_after_seed, load_before_restore, load_end]}, indent=2))
        keep_seeded = args.keep
        if keep_seeded:
            print(f"kept: {url}  (drop with: psql {admin} -c 'DROP DATABASE {seeded}')")
    finally:
        psql(admin, f"DROP DATABASE IF EXISTS {restored}")
        if not keep_seeded:
            psql(admin, f"DROP DATABASE IF EXISTS {seeded}")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
