#!/usr/bin/env python3
"""The single sign-on callback, timed without the provider's own time.

Starts the test OpenID provider (scripts/oidc-provider, the certified `oidc-provider` package,
with `--timing`: it prints its own time on every token request) and a release `ctopulse serve`
signed-on to it, on SQLite or PostgreSQL. Then, alternating one by one:

- **ctopulse**: a scripted browser walks the provider's sign-in form and calls ctopulse's
  `/login/oidc/callback`; the time of that call, less the provider's token-request time that
  the callback caused, is ctopulse's own (the state check and sign-in in the database, the
  code exchange's HTTP round trip, the ID token's signature and claims checks, the session);
- **bare client**: the same walk, then the code exchanged by this script itself with one HTTP
  POST on a fresh connection, as ctopulse does (no ID token checks, no database): the
  same-run baseline, also less the provider's time.

Prints p50/p95 of each, the ratio of the medians, and the load average.

    scripts/bench_oidc.py                      # SQLite, 200 sign-ins each way
    scripts/bench_oidc.py --backend postgres   # a throwaway database on 127.0.0.1:5432
    scripts/bench_oidc.py --count 20 --binary target/debug/ctopulse
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from benchkit import release_binary, loadavg  # noqa: E402
from sso_provider import SsoProvider, _free_port  # noqa: E402


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


class Browser:
    """Cookies per host:port, no redirects followed."""

    def __init__(self):
        self.jar: dict[str, dict[str, str]] = {}

    def request(self, url: str, data: dict | None = None):
        u = urllib.parse.urlsplit(url)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        headers = {}
        cookies = self.jar.get(u.netloc, {})
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        t0 = time.perf_counter()
        conn.request("POST" if data is not None else "GET", u.path + (f"?{u.query}" if u.query else ""), body, headers)
        resp = conn.getresponse()
        text = resp.read().decode(errors="replace")
        seconds = time.perf_counter() - t0
        conn.close()
        for h in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = h.partition("=")
            value = rest.split(";", 1)[0]
            self.jar.setdefault(u.netloc, {})[name.strip()] = value
        loc = resp.headers.get("Location", "")
        if loc.startswith("/"):
            loc = f"{u.scheme}://{u.netloc}{loc}"
        return resp.status, loc, text, seconds


def walk_to_callback(b: Browser, start: str, issuer: str, callback_prefix: str, account: str) -> str:
    """From an authorization URL (or ctopulse's /login/oidc) through the provider's form to
    the callback URL, which is returned uncalled."""
    status, nxt, _, _ = b.request(start)
    for _ in range(10):
        if nxt.startswith(callback_prefix):
            return nxt
        status, loc, _, _ = b.request(nxt)
        if status == 200 and "/interaction/" in nxt:
            status, loc, _, _ = b.request(nxt, {"prompt": "login", "login": account, "password": "x"})
        if status not in (302, 303):
            raise SystemExit(f"unexpected {status} at {nxt}")
        nxt = loc
    raise SystemExit("no way back from the provider")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--count", type=int, default=200, help="sign-ins each way (default 200)")
    ap.add_argument("--binary", help="ctopulse binary (default: build and use target/release/ctopulse)")
    args = ap.parse_args()
    binary = release_binary(args.binary)

    tmp = Path(tempfile.mkdtemp(prefix="bench-oidc-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    sso = SsoProvider(base)
    sso.install()
    provider = subprocess.Popen(
        ["node", "provider.mjs", "--port", str(sso.port), "--client-id", sso.client_id,
         "--client-secret", sso.client_secret, "--redirect-uri", f"{base}/login/oidc/callback",
         "--post-logout-uri", f"{base}/login", "--timing", "1"],
        cwd=ROOT / "scripts" / "oidc-provider", stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready = provider.stdout.readline()
    if not ready.startswith("ready "):
        raise SystemExit(f"provider did not start: {ready!r}")
    token_ms: list[float] = []
    got = threading.Condition()

    def read_timings():
        for line in provider.stdout:
            m = re.match(r"token-ms ([0-9.]+)", line)
            if m:
                with got:
                    token_ms.append(float(m.group(1)))
                    got.notify_all()

    threading.Thread(target=read_timings, daemon=True).start()

    def provider_ms_after(n_before: int) -> float:
        with got:
            got.wait_for(lambda: len(token_ms) > n_before, timeout=10)
            return token_ms[n_before]

    db_url = f"sqlite://{tmp / 'ctopulse.db'}"
    pg_name = None
    if args.backend == "postgres":
        pg_name = f"bench_oidc_{secrets.token_hex(4)}"
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc", f"CREATE DATABASE {pg_name}"], check=True)
        db_url = f"postgres://postgres@127.0.0.1:5432/{pg_name}"
    (tmp / "ctopulse.toml").write_text(sso.toml())
    env = dict(os.environ, CTOPULSE_DATABASE_URL=db_url, CTOPULSE_BIND=f"127.0.0.1:{port}",
               CTOPULSE_PUBLIC_URL=base, CTOPULSE_MAIL_TRANSPORT="memory", CTOPULSE_LOG_FORMAT="text",
               RUST_LOG="warn")
    serve = subprocess.Popen([str(binary), "serve"], cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                             stderr=open(tmp / "serve.log", "w"))
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        load_before = loadavg()
        callback = f"{base}/login/oidc/callback"
        ours, bare = [], []
        for i in range(args.count + 5):  # the first 5 of each warm up and are not counted
            # ctopulse's callback
            b = Browser()
            url = walk_to_callback(b, base + "/login/oidc", sso.issuer, callback, "cto")
            n = len(token_ms)
            status, loc, _, seconds = b.request(url)
            if status != 303 or not loc.endswith("/dashboard"):
                raise SystemExit(f"callback answered {status} → {loc!r} (see {tmp / 'serve.log'})")
            p_ms = provider_ms_after(n)
            # the bare client: the same walk, then its own code exchange
            b2 = Browser()
            verifier = secrets.token_urlsafe(48)
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            auth = f"{sso.issuer}/auth?" + urllib.parse.urlencode({
                "response_type": "code", "client_id": sso.client_id, "redirect_uri": callback,
                "scope": "openid email profile groups", "state": secrets.token_hex(16),
                "nonce": secrets.token_hex(16), "code_challenge": challenge, "code_challenge_method": "S256"})
            url2 = walk_to_callback(b2, auth, sso.issuer, callback, "cto")
            code = urllib.parse.parse_qs(urllib.parse.urlsplit(url2).query)["code"][0]
            n2 = len(token_ms)
            basic = base64.b64encode(f"{sso.client_id}:{sso.client_secret}".encode()).decode()
            t0 = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", sso.port, timeout=30)
            conn.request("POST", "/token", urllib.parse.urlencode({
                "grant_type": "authorization_code", "code": code, "redirect_uri": callback,
                "code_verifier": verifier}), {"Content-Type": "application/x-www-form-urlencoded",
                                             "Authorization": f"Basic {basic}"})
            r = conn.getresponse()
            r.read()
            bare_s = time.perf_counter() - t0
            conn.close()
            if r.status != 200:
                raise SystemExit(f"bare token exchange answered {r.status}")
            p2_ms = provider_ms_after(n2)
            if i >= 5:
                ours.append((seconds * 1000, p_ms))
                bare.append((bare_s * 1000, p2_ms))
        load_after = loadavg()

        def summary(rows):
            own = sorted(total - prov for total, prov in rows)
            prov = sorted(p for _, p in rows)
            q = statistics.quantiles(own, n=20)
            return statistics.median(own), q[18], statistics.median(prov)

        o50, o95, op = summary(ours)
        b50, b95, bp = summary(bare)
        print(f"backend {args.backend}, {args.count} sign-ins each way, load average {load_before} → {load_after}")
        print(f"  ctopulse callback, less the provider's time: p50 {o50:.2f} ms, p95 {o95:.2f} ms (provider's own p50 {op:.2f} ms)")
        print(f"  bare code exchange, less the provider's time: p50 {b50:.2f} ms, p95 {b95:.2f} ms (provider's own p50 {bp:.2f} ms)")
        print(f"  ratio of the medians (ctopulse / bare): {o50 / b50:.1f}×")
    finally:
        serve.terminate()
        provider.terminate()
        serve.wait()
        if pg_name:
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc", f"DROP DATABASE IF EXISTS {pg_name}"])


if __name__ == "__main__":
    main()
