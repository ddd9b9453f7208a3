"""Small helpers the benchmark scripts share: the load average they report beside every
figure, and a free loopback port for the servers they start."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def loadavg() -> str:
    """The 1, 5 and 15 minute load averages, as /proc/loadavg gives them ("?" if unreadable)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def release_binary(arg: str | None) -> Path:
    """The ctopulse binary given on the command line, else a release build made now."""
    if arg:
        return Path(arg)
    subprocess.run(["cargo", "build", "--release", "--locked", "--bin", "ctopulse"], cwd=ROOT, check=True)
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "ctopulse"
