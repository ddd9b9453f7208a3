#!/usr/bin/env python3
"""SCIM provisioning at roster scale: 10,000 Users created one request at a time, then listed.

Starts a release `ctopulse serve` on SQLite or PostgreSQL with a fresh database and an API
token with the scim scope, then:

- **ctopulse**: POSTs `--count` Users to /scim/v2/Users, one request per User (keep-alive
  connections, `--concurrency` at once), each a full User with its extension; then lists them
  all with GET /scim/v2/Users?startIndex=…&count=1000, page after page;
- **raw database** (the same-run baseline): the same rows written without the product, into a
  second fresh database migrated to the same schema: one transaction per User holding the
  employee INSERT and its audit INSERT (what a SCIM create writes), sent by the `sqlite3` CLI
  (with the product's pragmas: WAL, synchronous=FULL) or by `psql` over TCP; the list is one
  SELECT of every row (less the client's start and connection, timed with `SELECT 1`).

Prints Users/s and list time for each, the ratios, and the load average before and after.

    scripts/bench_scim.py                         # SQLite, 10,000 Users
    scripts/bench_scim.py --backend postgres      # a throwaway database on 127.0.0.1:5432
    scripts/bench_scim.py --smoke                 # 200 Users, a debug binary is fine
    scripts/bench_scim.py --count 2000 --concurrency 4 --binary target/debug/ctopulse

Builds `cargo build --release --locked --bin ctopulse` when no --binary is given. Everything
lives in a temp folder (and throwaway PostgreSQL databases) removed at the end; the token is
never printed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchkit import release_binary, loadavg, free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
EXT = "urn:ietf:params:scim:schemas:extension:ctopulse:2.0:User"
DEPARTMENTS = ["sales", "bd", "marketing", "engineering"]


def user(i: int) -> dict:
    return {
        "schemas": [CORE, EXT],
        "userName": f"bench-{i:05d}",
        "externalId": f"ext-{i:05d}",
        "displayName": f"Bench Person {i}",
        "name": {"formatted": f"Bench Person {i}"},
        "emails": [{"value": f"p{i:05d}@bench.test", "type": "work", "primary": True}],
        "active": True,
        EXT: {
            "department": DEPARTMENTS[i % len(DEPARTMENTS)],
            "locale": "en",
            "engineer": i % len(DEPARTMENTS) == 3,
            "executive": False,
        },
    }


class Postgres:
    """Throwaway databases on the server `admin_url` names, dropped at the end."""

    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        self.made: list[str] = []

    def fresh(self, label: str) -> str:
        name = f"ctopulse_bench_scim_{label}_{os.getpid()}"
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.sql(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return self.admin_url.rsplit("/", 1)[0] + "/" + name

    def sql(self, statement: str) -> None:
        subprocess.run(
            ["psql", self.admin_url, "-qAtc", statement],
            check=True,
            capture_output=True,
            env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"),
        )

    def drop_all(self) -> None:
        for name in self.made:
            self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def env_for(db_url: str, port: int, work: Path) -> dict:
    return dict(
        os.environ,
        CTOPULSE_DATABASE_URL=db_url,
        CTOPULSE_BIND=f"127.0.0.1:{port}",
        CTOPULSE_PUBLIC_URL=f"http://127.0.0.1:{port}",
        CTOPULSE_MAIL_TRANSPORT="file",
        CTOPULSE_MAIL_DIR=str(work / "mail"),
        RUST_LOG="warn",
    )


def wait_ready(url: str, proc: subprocess.Popen) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            sys.exit("ctopulse serve exited early")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("ctopulse serve did not become ready")


def create_all(port: int, token: str, count: int, concurrency: int) -> float:
    """POSTs every User, one request each; returns the wall time in seconds."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/scim+json"}
    failures: list[str] = []
    next_i = iter(range(count))
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                i = next(next_i, None)
            if i is None or failures:
                break
            conn.request("POST", "/scim/v2/Users", json.dumps(user(i)), headers)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 201:
                failures.append(f"User {i}: {resp.status} {body[:300]!r}")
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if failures:
        sys.exit("creating Users failed: " + "; ".join(failures[:3]))
    return elapsed


def list_all(port: int, token: str, count: int) -> float:
    """Lists every User a page of 1,000 at a time; returns the wall time in seconds."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Authorization": f"Bearer {token}"}
    seen, start, total = 0, 1, None
    started = time.perf_counter()
    while total is None or start <= total:
        conn.request("GET", f"/scim/v2/Users?startIndex={start}&count=1000", headers=headers)
        resp = conn.getresponse()
        page = json.loads(resp.read())
        if resp.status != 200:
            sys.exit(f"listing failed: {resp.status} {page}")
        total = page["totalResults"]
        seen += len(page["Resources"])
        start += page["itemsPerPage"] or 1000
    elapsed = time.perf_counter() - started
    conn.close()
    if seen != count or total != count:
        sys.exit(f"listed {seen} of {total} Users, expected {count}")
    return elapsed


def literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def raw_script(count: int, backend: str) -> tuple[str, str]:
    """The baseline's INSERTs (one transaction per User) and its list SELECT."""
    now = "2026-12-04 12:00:00"
    true, false = ("1", "0") if backend == "sqlite" else ("TRUE", "FALSE")
    lines = []
    if backend == "sqlite":
        lines.append("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
    for i in range(count):
        u = user(i)
        email = u["emails"][0]["value"]
        dept = u[EXT]["department"]
        lines.append(
            "BEGIN;"
            "INSERT INTO employees (id, email, name, department, locale, is_engineer, is_executive,"
            " active, created_at, updated_at, user_name, external_id, name_formatted) VALUES ("
            f"{literal(str(uuid.uuid4()))}, {literal(email)}, {literal(u['displayName'])},"
            f" {literal(dept)}, 'en', {true if u[EXT]['engineer'] else false}, {false}, {true},"
            f" '{now}', '{now}', {literal(u['userName'])}, {literal(u['externalId'])},"
            f" {literal(u['name']['formatted'])});"
            "INSERT INTO audit_log (id, at, actor, action, object_type, object_id, detail) VALUES ("
            f"{literal(str(uuid.uuid4()))}, '{now}', 'token:bench', 'roster.add', 'employee',"
            f" {literal(email)}, {literal('added: ' + dept + ', en')});"
            "COMMIT;"
        )
    select = "SELECT * FROM employees WHERE scim_deleted_at IS NULL ORDER BY email, id;"
    return "\n".join(lines) + "\n", select


def baseline(exe: Path, db_url: str, work: Path, count: int, backend: str) -> tuple[float, float]:
    """The same rows written and read without the product; returns (insert s, list s)."""
    subprocess.run([exe, "migrate"], env=env_for(db_url, 0, work), check=True, capture_output=True)
    inserts, select = raw_script(count, backend)
    if backend == "sqlite":
        path = db_url.removeprefix("sqlite://")
        write_cmd = ["sqlite3", path]
        read_cmd = ["sqlite3", path, select]
        idle_cmd = ["sqlite3", path, "SELECT 1;"]
    else:
        write_cmd = ["psql", db_url, "-qX", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null"]
        read_cmd = ["psql", db_url, "-qX", "-o", "/dev/null", "-c", select]
        idle_cmd = ["psql", db_url, "-qX", "-o", "/dev/null", "-c", "SELECT 1;"]
    started = time.perf_counter()
    subprocess.run(write_cmd, input=inserts, text=True, check=True, capture_output=True)
    written = time.perf_counter() - started
    def timed(cmd: list) -> float:
        started = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started

    # The client's own start and connection are not the query's: take off a `SELECT 1`'s.
    listed = timed(read_cmd) - min(timed(idle_cmd) for _ in range(3))
    return written, max(listed, 0.001)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/postgres",
                    help="a database on the server where throwaway databases are made")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--concurrency", type=int, default=1)
    ap.add_argument("--binary")
    ap.add_argument("--smoke", action="store_true", help="200 Users: checks the script, not the speed")
    args = ap.parse_args()
    count = 200 if args.smoke else args.count

    exe = release_binary(args.binary)
    work = Path(tempfile.mkdtemp(prefix="bench-scim-"))
    pg = Postgres(args.pg_url) if args.backend == "postgres" else None
    proc = None
    try:
        if pg:
            db_url, raw_url = pg.fresh("serve"), pg.fresh("raw")
        else:
            db_url, raw_url = f"sqlite://{work}/ctopulse.db", f"sqlite://{work}/raw.db"
        port = free_port()
        env = env_for(db_url, port, work)
        subprocess.run([exe, "migrate"], env=env, check=True, capture_output=True)
        token = subprocess.run(
            [exe, "token", "create", "--role", "admin", "--scope", "scim", "--name", "bench"],
            env=env, check=True, capture_output=True, text=True,
        ).stdout.strip()
        load_before = loadavg()
        with open(work / "serve.log", "w") as out:
            proc = subprocess.Popen([exe, "serve"], env=env, stdout=out, stderr=subprocess.STDOUT)
        wait_ready(f"http://127.0.0.1:{port}", proc)

        created = create_all(port, token, count, args.concurrency)
        listed = list_all(port, token, count)
        proc.terminate()
        proc.wait(timeout=20)
        proc = None
        raw_created, raw_listed = baseline(exe, raw_url, work, count, args.backend)
        load_after = loadavg()

        rate, raw_rate = count / created, count / raw_created
        print(f"SCIM create and list, {args.backend}, {count} Users, concurrency {args.concurrency}")
        print(f"  ctopulse:     {rate:8.0f} Users/s ({created:.1f} s), list {listed * 1000:.0f} ms "
              f"({-(-count // 1000)} pages of 1,000)")
        print(f"  raw database: {raw_rate:8.0f} Users/s ({raw_created:.1f} s), list {raw_listed * 1000:.0f} ms (one SELECT)")
        print(f"  ratio:        creates {raw_rate / rate:.1f}x the raw time, list {listed / raw_listed:.1f}x")
        print(f"  load average: {load_before} before, {load_after} after")
        return 0
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
        if pg:
            pg.drop_all()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
