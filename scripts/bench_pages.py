#!/usr/bin/env python3
"""The CTO's and the board's pages on a large demo company, against the SQL they issue.

Against a database seeded by `ctopulse demo` (scripts/bench_demo.py --keep leaves one; without
--database-url this script seeds a fresh one itself and drops it at the end), starts a release
`ctopulse serve`, signs in as the demo's CTO and board member (passwords reset through
`user reset-password`; API tokens from `token create`), then:

1. **latency**: GET /dashboard (CTO, signed in), /api/v1/scorecard with all comments, with
   `comments=sample` and with `comments=none` (CTO token), /board
   (board, signed in), and the board report from /api/v1/report as PNG, SVG and PDF (board
   token): --requests each after 3 warm-ups, from --clients concurrent keep-alive clients;
   p50/p95 and the body size;
2. **memory**: 8 concurrent clients cycling through all of them for --rss-seconds while serve's
   VmRSS is sampled from /proc every 50 ms; the peak, and VmHWM at the end;
3. **the SQL each page issues**: `log_statement = all` is set on the database, a second serve
   (whose connections pick it up) answers each page --log-requests times, and the statements
   logged for the database in that window are counted by kind and table;
4. **baseline**: those statements, with their logged parameters written in, replayed by
   `pgbench -n -c 1` (one connection, as one request uses one at a time; same TLS as serve):
   the time PostgreSQL and the round trips alone need per page, p50 from pgbench's log.
   Ratio = page p50 ÷ pgbench p50.

The load average is printed before and after each part.

    scripts/bench_pages.py --database-url postgres://postgres@127.0.0.1:5432/bench_demo_100000_abc123
    scripts/bench_pages.py --employees 5000          # seeds its own (bench_demo.py's way)
    scripts/bench_pages.py --database-url … --statements /tmp/dashboard-sql   # keep the captured SQL
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from benchkit import release_binary, loadavg, free_port  # noqa: E402
import bench_demo  # noqa: E402

DOMAIN = "northwind.example"
PG_LOG_DIR = Path("/var/log/postgresql")


class Client:
    """One keep-alive connection with its cookies and headers."""

    def __init__(self, port: int, headers: dict[str, str] | None = None):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}
        self.headers = headers or {}

    def request(self, path: str, form: dict | None = None):
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        t0 = time.perf_counter()
        try:
            self.conn.request("POST" if form is not None else "GET", path, body, headers)
            resp = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            self.conn.request("POST" if form is not None else "GET", path, body, headers)
            resp = self.conn.getresponse()
        data = resp.read()
        seconds = time.perf_counter() - t0
        for h in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = h.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return resp.status, resp.headers, data, seconds

    def clone(self) -> "Client":
        c = Client(self.port, self.headers)
        c.cookies = dict(self.cookies)
        return c


def sign_in(port: int, email: str, password: str) -> Client:
    c = Client(port)
    status, _, page, _ = c.request("/login")
    m = re.search(rb'name="csrf_token" value="([^"]+)"', page)
    if status != 200 or not m:
        raise SystemExit(f"GET /login answered {status} without a form")
    status, headers, _, _ = c.request("/login", {"email": email, "password": password,
                                                 "csrf_token": m.group(1).decode()})
    if status not in (302, 303):
        raise SystemExit(f"signing in as {email} answered {status}")
    return c


def ctl(binary: Path, url: str, *args: str, stdin: str | None = None) -> str:
    out = subprocess.run([str(binary), "--database-url", url, *args], input=stdin, text=True,
                         capture_output=True, env=dict(os.environ, RUST_LOG="warn"))
    if out.returncode != 0:
        raise SystemExit(f"ctopulse {' '.join(args)} failed: {out.stderr.strip()}")
    return out.stdout.strip()


def start_serve(binary: Path, url: str, workdir: Path, name: str):
    port = free_port()
    env = dict(os.environ, CTOPULSE_DATABASE_URL=url, CTOPULSE_BIND=f"127.0.0.1:{port}",
               CTOPULSE_PUBLIC_URL=f"http://127.0.0.1:{port}", CTOPULSE_MAIL_TRANSPORT="memory",
               CTOPULSE_LOG_FORMAT="text", RUST_LOG="warn")
    proc = subprocess.Popen([str(binary), "serve"], cwd=workdir, env=env, stdout=subprocess.DEVNULL,
                            stderr=open(workdir / f"{name}.log", "w"))
    for _ in range(600):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/readyz")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"serve exited; see {workdir / (name + '.log')}")
        time.sleep(0.1)
    raise SystemExit("serve did not become ready")


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def timed(clients: list[Client], path: str, n: int) -> tuple[list[float], int]:
    """n requests of path spread over the clients, concurrently; latencies in ms."""
    lat: list[float] = []
    size = [0]
    lock = threading.Lock()
    todo = iter(range(n))

    def work(c: Client):
        while True:
            with lock:
                if next(todo, None) is None:
                    return
            status, _, body, s = c.request(path)
            if status != 200:
                raise SystemExit(f"GET {path} answered {status}")
            with lock:
                lat.append(s * 1000)
                size[0] = len(body)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat, size[0]


def rss_under_load(pid: int, targets, seconds: float, clients: int):
    """Peak VmRSS (sampled) and VmHWM of pid while `clients` threads cycle the targets."""
    stop = threading.Event()
    done = Counter()

    def work(i: int):
        cs = {name: base.clone() for name, (base, _) in targets.items()}
        names = list(targets)
        k = i
        while not stop.is_set():
            name = names[k % len(names)]
            status, _, _, _ = cs[name].request(targets[name][1])
            if status != 200:
                raise SystemExit(f"{name} answered {status} under load")
            done[name] += 1
            k += 1

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    peak = 0
    end = time.time() + seconds
    while time.time() < end:
        peak = max(peak, status_kb(pid, "VmRSS"))
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join()
    return peak, status_kb(pid, "VmHWM"), sum(done.values())


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


# --- statement capture -----------------------------------------------------------------

def pg_log_file() -> Path:
    logs = sorted(PG_LOG_DIR.glob("postgresql-*.log"), key=lambda p: p.stat().st_mtime)
    if not logs:
        raise SystemExit(f"no PostgreSQL server log in {PG_LOG_DIR} (needed for the statement capture)")
    return logs[-1]


PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[(\d+)\] (\S*)@(\S*) (LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT):  (.*)$")


def read_statements(log: Path, start: int, db: str) -> list[tuple[str, str | None]]:
    """(statement, parameters) logged for db after byte offset start."""
    with open(log, "rb") as f:
        f.seek(start)
        text = f.read().decode(errors="replace")
    entries: list[list] = []  # [kind, message, db]
    for line in text.splitlines():
        m = PREFIX.match(line)
        if m:
            entries.append([m.group(4), m.group(5), m.group(3), m.group(1)])
        elif entries:
            entries[-1][1] += "\n" + line
    # Grouped by backend: a page may use several pooled connections at once, and their
    # statements interleave in the log; each connection's run stays in its order.
    by_pid: dict[str, list[tuple[str, str | None]]] = {}
    for kind, msg, d, pid in entries:
        if d != db:
            continue
        out = by_pid.setdefault(pid, [])
        if kind == "LOG":
            m = re.match(r"(?:statement|execute [^:]*): (.*)$", msg, re.S)
            if m:
                out.append((m.group(1).strip(), None))
        elif kind == "DETAIL" and msg.startswith("parameters: ") and out:
            out[-1] = (out[-1][0], msg[len("parameters: "):])
    return [s for run in by_pid.values() for s in run]


PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)


def bind(sql: str, params: str | None) -> str:
    """The statement with its logged parameter values written in as literals."""
    if not params:
        return sql
    values = {int(n): v for n, v in PARAM.findall(params)}
    return re.sub(r"\$(\d+)", lambda m: values.get(int(m.group(1)), m.group(0)), sql)


def kind_of(sql: str) -> str:
    s = re.sub(r"\s+", " ", sql).strip()
    verb = s.split(" ", 1)[0].upper()
    tables = re.findall(r'\b(?:FROM|JOIN|INTO|UPDATE)\s+"?(\w+)"?', s, re.I)
    seen = []
    for t in tables:
        if t.lower() not in seen:
            seen.append(t.lower())
    return f"{verb} {'+'.join(seen)}" if seen else s[:60]


def pgbench_script(stmts: list[tuple[str, str | None]]) -> str:
    """One request's statements as a pgbench script, its transactions balanced (the log
    window may cut one; pgbench refuses a script that ends inside a transaction)."""
    out, depth = [], 0
    for sql, params in stmts:
        line = bind(sql, params).strip().rstrip(";").replace("\n", " ")
        verb = line.split(" ", 1)[0].upper()
        if verb in ("BEGIN", "START"):
            if depth:
                continue
            depth = 1
        elif verb in ("COMMIT", "ROLLBACK", "END"):
            if not depth:
                continue
            depth = 0
        out.append(line + ";\n")
    if depth:
        out.append("COMMIT;\n")
    return "".join(out)


def pgbench_p50(url: str, script: Path, n: int, workdir: Path) -> tuple[float, float, int]:
    """p50 and p95 (ms) of the script run n times on one connection, and its failures."""
    logdir = workdir / f"pgbench-{script.stem}"
    logdir.mkdir(exist_ok=True)
    out = subprocess.run(["pgbench", "-n", "-c", "1", "-t", str(n), "-l", "-f", str(script), url],
                         cwd=logdir, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"pgbench failed on {script}: {out.stderr[-2000:]}")
    us = []
    for f in logdir.glob("pgbench_log.*"):
        for line in f.read_text().splitlines():
            us.append(int(line.split()[2]))
    ms = [u / 1000 for u in us]
    return statistics.median(ms), pct(ms, 95), n - len(ms)


def capture(binary: Path, url: str, db: str, admin: str, workdir: Path, targets, repeat: int,
            keep_dir: Path | None):
    """Statements per page: list of (name, statements per request, kinds Counter, script)."""
    log = pg_log_file()
    subprocess.run(["psql", admin, "-qc", f"ALTER DATABASE {db} SET log_statement = 'all'"], check=True)
    results = {}
    proc = None
    try:
        proc, port = start_serve(binary, url, workdir, "serve-logged")
        # The sign-ins again on this server (sessions live in the database, tokens too).
        for name, (base, path) in targets.items():
            c = base.clone()
            c.port = port
            c.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            c.request(path)  # warm: per-connection prepares, template parse, caches
            counts: list[int] = []
            kinds: Counter = Counter()
            stmts: list[tuple[str, str | None]] = []
            for _ in range(repeat):
                time.sleep(0.3)
                start = log.stat().st_size
                status, _, _, _ = c.request(path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status} on the logged server")
                time.sleep(0.3)
                stmts = read_statements(log, start, db)
                counts.append(len(stmts))
                kinds.update(kind_of(s) for s, _ in stmts)
            script = workdir / f"{name.replace('/', '_').replace(' ', '_')}.sql"
            script.write_text(pgbench_script(stmts))
            if keep_dir:
                keep_dir.mkdir(parents=True, exist_ok=True)
                shutil.copy(script, keep_dir / script.name)
            results[name] = (statistics.mean(counts), kinds, script, counts)
    finally:
        if proc:
            proc.terminate()
            proc.wait()
        subprocess.run(["psql", admin, "-qc", f"ALTER DATABASE {db} RESET log_statement"], check=True)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database-url", help="a database seeded by `ctopulse demo` (kept as it is)")
    ap.add_argument("--employees", type=int, default=100_000, help="without --database-url: seed this many")
    ap.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument("--admin-db", default="test")
    ap.add_argument("--requests", type=int, default=50, help="timed requests per page (default 50)")
    ap.add_argument("--clients", type=int, default=2, help="concurrent clients while timing (default 2)")
    ap.add_argument("--rss-seconds", type=float, default=20.0)
    ap.add_argument("--log-requests", type=int, default=3, help="requests per page with statements logged")
    ap.add_argument("--pgbench-runs", type=int, default=20)
    ap.add_argument("--statements", help="folder to keep the captured SQL of each page in")
    ap.add_argument("--binary", help="ctopulse binary (default: build and use the release build)")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--pages", help="only the pages whose name holds one of these comma-separated "
                    "words (e.g. 'PDF,dashboard'; default: all)")
    ap.add_argument("--parts", default="latency,rss,sql",
                    help="comma-separated parts to run: latency, rss, sql (default: all three)")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    if parts - {"latency", "rss", "sql"}:
        ap.error(f"--parts takes latency, rss and sql; got {args.parts!r}")
    if "sql" in parts and "latency" not in parts:
        ap.error("--parts sql needs latency: its ratio is the page's p50 over pgbench's")
    binary = release_binary(args.binary)
    admin = f"{args.pg_url}/{args.admin_db}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    own_db = None
    serve = None
    try:
        if args.database_url:
            url = args.database_url
        else:
            own_db = f"bench_pages_{args.employees}_{secrets.token_hex(3)}"
            subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {own_db}"], check=True)
            url = f"{args.pg_url}/{own_db}"
            print(f"seeding {args.employees:,} employees into {own_db} …", flush=True)
            secs, _, _, _ = bench_demo.run_demo(binary, url, args.employees, workdir)
            print(f"  seeded in {secs:.0f} s", flush=True)
        db = urllib.parse.urlsplit(url).path.lstrip("/")
        employees = subprocess.run(["psql", url, "-qAtc", "SELECT count(*) FROM employees"],
                                   check=True, capture_output=True, text=True).stdout.strip()

        password = secrets.token_urlsafe(24)
        for who in ("cto", "board"):
            ctl(binary, url, "user", "reset-password", f"{who}@{DOMAIN}", stdin=password + "\n")
        cto_token = ctl(binary, url, "token", "create", "--role", "cto", "--name", "bench-pages").splitlines()[-1]
        board_token = ctl(binary, url, "token", "create", "--role", "board", "--name", "bench-pages").splitlines()[-1]

        serve, port = start_serve(binary, url, workdir, "serve")
        cto = sign_in(port, f"cto@{DOMAIN}", password)
        board = sign_in(port, f"board@{DOMAIN}", password)
        cto_api = Client(port, {"Authorization": f"Bearer {cto_token}"})
        board_api = Client(port, {"Authorization": f"Bearer {board_token}"})
        targets = {
            "GET /dashboard (CTO)": (cto, "/dashboard"),
            "GET /api/v1/scorecard (CTO)": (cto_api, "/api/v1/scorecard"),
            "GET /api/v1/scorecard?comments=sample (CTO)": (cto_api, "/api/v1/scorecard?comments=sample"),
            "GET /api/v1/scorecard?comments=none (CTO)": (cto_api, "/api/v1/scorecard?comments=none"),
            "GET /board (board)": (board, "/board"),
            "board report PNG": (board_api, "/api/v1/report?format=png"),
            "board report SVG": (board_api, "/api/v1/report?format=svg"),
            "board report PDF": (board_api, "/api/v1/report?format=pdf"),
        }
        if args.pages:
            words = [w.lower() for w in args.pages.split(",") if w]
            targets = {k: v for k, v in targets.items() if any(w in k.lower() for w in words)}
            if not targets:
                raise SystemExit(f"--pages {args.pages!r} names none of the pages")
        print(f"{employees} people in {db}; {args.requests} requests per page from {args.clients} "
              f"clients after 3 warm-ups", flush=True)
        lat = {}
        for name, (base, path) in (targets.items() if "latency" in parts else ()):
            clients = [base.clone() for _ in range(args.clients)]
            timed(clients, path, 3)
            la = loadavg()
            ms, size = timed(clients, path, args.requests)
            lat[name] = (statistics.median(ms), pct(ms, 95), size, la, loadavg())
            print(f"  {name:<30} p50 {lat[name][0]:7.1f} ms  p95 {lat[name][1]:7.1f} ms  "
                  f"{size / 1000:8.1f} kB  load {la} → {lat[name][4]}", flush=True)

        la = loadavg()
        rss_idle = status_kb(serve.pid, "VmRSS")
        peak, hwm, n = (rss_under_load(serve.pid, targets, args.rss_seconds, 8)
                        if "rss" in parts else (0, 0, 0))
        if "rss" in parts:
            print(f"serve RSS: {rss_idle / 1024:.0f} MB before; peak {peak / 1024:.0f} MB sampled, "
                  f"VmHWM {hwm / 1024:.0f} MB after {args.rss_seconds:.0f} s of 8 clients cycling "
                  f"them all ({n} requests); load {la} → {loadavg()}", flush=True)
        serve.terminate()
        serve.wait()
        serve = None

        keep = Path(args.statements) if args.statements else None
        caught = (capture(binary, url, db, admin, workdir, targets, args.log_requests, keep)
                  if "sql" in parts else {})
        if caught:
            print("SQL per request (log_statement = all on a second serve) and pgbench replaying it "
                  f"(one connection, {args.pgbench_runs} runs):", flush=True)
        # Each page's figures, with what was measured of it (latency alone without `sql`).
        figures = {name: {"p50_ms": l[0], "p95_ms": l[1], "bytes": l[2], "load": [l[3], l[4]]}
                   for name, l in lat.items()}
        for name, (per_request, kinds, script, counts) in caught.items():
            la = loadavg()
            p50, p95, failed = pgbench_p50(url, script, args.pgbench_runs, workdir)
            ratio = lat[name][0] / p50 if p50 else float("nan")
            figures[name].update({"statements": per_request,
                                  "pgbench_p50_ms": p50, "pgbench_p95_ms": p95, "ratio": ratio,
                                  "pgbench_load": [la, loadavg()], "statement_counts": counts,
                                  "kinds": {k: v / args.log_requests for k, v in kinds.most_common()}})
            print(f"  {name:<30} {per_request:6.0f} statements; pgbench p50 {p50:7.1f} ms p95 {p95:7.1f} ms; "
                  f"page p50 ÷ pgbench p50 = {ratio:.2f}×  (load {la} → {loadavg()})", flush=True)
            for k, v in kinds.most_common(12):
                print(f"      {v / args.log_requests:6.1f} × {k}")
        if args.json:
            out = {"database": db, "employees": employees, "pages": figures}
            if "rss" in parts:
                out["rss_mb"] = {"idle": rss_idle / 1024, "peak_sampled": peak / 1024, "hwm": hwm / 1024}
            Path(args.json).write_text(json.dumps(out, indent=2))
    finally:
        if serve:
            serve.terminate()
            serve.wait()
        if own_db:
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {own_db}"])
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
