"""The test OpenID provider (scripts/oidc-provider: the certified `oidc-provider` npm package
with test accounts) as a process, for scripts that sign in through it in a browser.

    provider = SsoProvider(app_base="http://127.0.0.1:8080")   # npm ci on first use
    provider.start()      # provider.issuer, provider.client_id, provider.client_secret
    ...
    provider.stop()

`toml()` gives the `[oidc]` section a ctopulse at `app_base` needs to use it.
"""

from __future__ import annotations

import secrets
import socket
import subprocess
import threading
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "oidc-provider"
# The provider's test accounts (login name on its form) and the role their groups map to.
ACCOUNTS = {"admin": "admin", "cto": "cto", "board": "board"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SsoProvider:
    def __init__(self, app_base: str, display_name: str = "Test IdP"):
        self.app_base = app_base
        self.display_name = display_name
        self.client_id = "ctopulse-browser"
        self.client_secret = secrets.token_hex(16)
        self.port = _free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def install(self):
        if not (FOLDER / "node_modules" / "oidc-provider").exists():
            subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=FOLDER, check=True
            )

    def start(self):
        self.install()
        self.proc = subprocess.Popen(
            [
                "node", "provider.mjs", "--port", str(self.port),
                "--client-id", self.client_id, "--client-secret", self.client_secret,
                "--redirect-uri", f"{self.app_base}/login/oidc/callback",
                "--post-logout-uri", f"{self.app_base}/login",
            ],
            cwd=FOLDER,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = self.proc.stdout.readline()
        if not line.startswith("ready "):
            self.stop()
            raise RuntimeError(f"the OpenID provider did not start: {line!r}")
        # Keep draining its output: the provider dies of a broken pipe otherwise.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def toml(self) -> str:
        return (
            "\n[oidc]\n"
            f'issuer_url = "{self.issuer}"\n'
            f'client_id = "{self.client_id}"\n'
            f'client_secret = "{self.client_secret}"\n'
            'scopes = ["email", "profile", "groups"]\n'
            f'display_name = "{self.display_name}"\n'
            "[oidc.roles]\n"
            '"ctopulse-admins" = "admin"\n'
            '"cto-office" = "cto"\n'
            '"board" = "board"\n'
        )

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
