"""The respondent flow's floor for `scripts/bench`: `loadbench bare`, a minimal actix-web
server doing serve's database work (the link lookup with its throttle, the store) through the
product's pool and nothing else, driven like serve in the same slices. serve ÷ floor is what
the product adds to the framework and the store; floor ÷ ceiling is what those cost."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

# /proc names a program by its file's name: the floor runs as a copy under this name so its
# CPU is told apart from the load driver's (both are the loadbench binary).
PROGRAM = "bare-server"


def _answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class FloorServer:
    """`loadbench bare` on a free port. Put it in `faults.Instance.registry` (the caller does)
    so a failed run stops it with the instances."""

    def __init__(self, loadbench, tmp, db_url, free_port, wait_until, check):
        self.program = Path(tmp) / PROGRAM
        shutil.copy(loadbench, self.program)
        self.port = free_port()
        self.log = open(Path(tmp) / f"{PROGRAM}-{self.port}.log", "w")
        self.proc = subprocess.Popen(
            [str(self.program), "bare", "--database-url", db_url, "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=self.log)
        started = wait_until(lambda: _answers(self.port) or self.proc.poll() is not None, 30) \
            and self.proc.poll() is None
        if not started:
            self.stop()
        check(started, f"the floor server did not start (log: {self.log.name})")

    @property
    def addr(self):
        return f"127.0.0.1:{self.port}"

    def stop(self):
        """Stops it (again: a no-op)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if not self.log.closed:
            self.log.close()

    drop = stop


def report_lines(floor, http, ceilings, ratio_lines):
    """The floor's lines of a backend's report: per level, its rate, its share of the ceiling,
    serve's share of it, the CPU each of its submissions cost, and `ratio_lines(who, level)`:
    its share of the further ceilings."""
    lines = []
    for level, f in floor.items():
        serve = http.get(level)
        per_slice = "; ".join(f"{x['best_tx_per_s']:,.0f} vs {d['submissions_per_s']:,.0f} = {d['ratio']:.0%}"
                              for x, d in zip(ceilings, f["slices"]))
        cpu = f["cpu_ms"]
        lines += [
            f"  floor   {level:>7} {f['submissions_per_s']:,.0f} submissions/s ({level} respondents, {f['seconds']:.1f} s, against "
            f"`loadbench bare`: actix-web and serve's database work, nothing else), POST p50 "
            f"{f['post_ms']['p50']:.1f} ms",
            f"    slices     ceiling vs floor: {per_slice}",
            f"    CPU/submission bare server {cpu['serve']:.2f} ms (HTTP threads {cpu['serve_http']:.2f}), "
            f"database {cpu['database']:.2f} ms, driver {cpu['driver']:.2f} ms (median slice)",
            f"    floor/ceiling {f['ratio']:.0%}, median slice (no target: the most a server doing this "
            f"database work reaches here)"
            + (f"; http/floor {serve['submissions_per_s'] / max(f['submissions_per_s'], 1e-9):.0%}"
               f" (what serve keeps of the floor)" if serve else ""),
        ] + ratio_lines("floor", f)
    return lines
