"""The ceilings `scripts/bench` sets each slice's figures against: the submission's transaction
issued without ctopulse (the sqlite3 CLI; pgbench), and on PostgreSQL also the design's store
and the whole flow's statements (EXTRA_CEILINGS)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

from bench_proc import cpu_seconds_by_program, cpu_split
from bench_report import EXTRA_CEILINGS


def ceiling_answers(n):
    """The ceilings' `n` answers as SQL literals (key, value, text): a rating of 4 on each
    question but the last, which carries a short comment. One list for every ceiling's
    statements."""
    return [(f"q{q}", "NULL", "'A short comment.'") if q == n - 1 else (f"q{q}", "4", "NULL")
            for q in range(n)]


# The link's lookup exactly as serve sends it on GET /s/{token} (PostgreSQL's statement log),
# the throttle's values written in (the client's tenth newest failed link in the one-minute
# window before the procedure's `now` decides whether it must wait).
LOOKUP_SQL = (
    'SELECT "invitations"."id", "invitations"."reporting_group", "invitations"."responded", '
    '"employees"."department", "employees"."locale", "rounds"."id", "rounds"."template_hash", '
    '"rounds"."status", "rounds"."closes_on", "rounds"."closes_at", "rounds"."k", '
    '"rounds"."comment_threshold", (SELECT "login_failures"."failed_at" FROM "login_failures" '
    'WHERE ((("login_failures"."kind" = \'survey_link\') AND ("login_failures"."client_ip" = \'127.0.0.1\')) '
    'AND ("login_failures"."failed_at" > \'2026-05-31 23:59:00\'::timestamp)) '
    'ORDER BY "login_failures"."failed_at" DESC LIMIT 1 OFFSET 9) '
    'FROM ("invitation_links" INNER JOIN (("invitations" INNER JOIN "employees" ON '
    '("invitations"."employee_id" = "employees"."id")) INNER JOIN "rounds" ON '
    '("invitations"."round_id" = "rounds"."id")) ON ("invitation_links"."invitation_id" = "invitations"."id")) '
    'WHERE ("invitation_links"."token_hash" = \'h\' || :id::text);\n')


class Ceilings:
    """The ceilings' setup and runs, mixed into `Bench`: they use its `suite`, `p` (the run's
    counts), `tmp`, `pgbench`, `faults` (the harness it loaded) and `n_answers`."""

    def ceiling(self, backend, when):
        c = self.sqlite_ceiling(when) if backend == "sqlite" else self.pg_ceiling_run()
        c["when"] = when
        return c

    def sqlite_ceiling_setup(self):
        """A database file with the real schema (migrated by ctopulse) and enough open
        invitations for every ceiling run, copied fresh for each run."""
        self.sqlite3 = shutil.which("sqlite3")
        self.faults.check(self.sqlite3, "the sqlite3 CLI is not installed (apt-get install sqlite3)")
        inst = self.faults.Instance(self.suite, "sqlite-ceiling", "sqlite")
        inst.cli("migrate")
        per_run = self.p["sqlite_tx"]
        self.sqlite_template = Path(inst.db_path)
        rows = per_run * self.p["slices"]
        self.sqlite_cli(self.sqlite_template, f"""
            BEGIN;
            INSERT INTO rounds (id, template_key, template_version, template_content, template_hash,
              quarter, audience, status, closes_on, closes_at, k, comment_threshold, reporting_groups,
              weights, created_at)
            VALUES ('bench-round', 'engineering-culture', 1, '', '', '2026Q4', 'engineering-culture',
              'open', '2099-12-31', '2099-12-31 23:59:59', 5, 5, '[]', '{{}}', '2026-01-01 00:00:00');
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {rows})
            INSERT INTO employees (id, email, name, department, locale, is_engineer, is_executive,
              active, created_at, updated_at)
            SELECT 'e' || i, 'p' || i || '@example.test', 'P', 'engineering', 'en', 1, 0, 1,
              '2026-01-01 00:00:00', '2026-01-01 00:00:00' FROM c;
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {rows})
            INSERT INTO invitations (id, round_id, employee_id, reporting_group, responded,
              undeliverable, emails_sent)
            SELECT 'i' || i, 'bench-round', 'e' || i, 'engineering', 0, 0, 1 FROM c;
            COMMIT;
            PRAGMA wal_checkpoint(TRUNCATE);""")
        self.sqlite_next = 0

    def sqlite_cli(self, db, sql):
        # The service's per-connection settings (`db::pool`): WAL, synchronous=FULL, foreign keys.
        pragmas = ("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; "
                   "PRAGMA synchronous = FULL;\n")
        r = subprocess.run([self.sqlite3, "-batch", "-bail", str(db)], input=pragmas + sql,
                           capture_output=True, text=True, timeout=600)
        self.faults.check(r.returncode == 0, f"sqlite3 failed: {r.stderr.strip()[-400:]}")
        return r.stdout

    def sqlite_ceiling(self, when):
        """The submission transaction (flag flip, response, 12 answers in one multi-row insert),
        one writer, issued by the sqlite3 CLI on a copy of the seeded database: no ctopulse
        code on the path."""
        db = Path(self.tmp) / f"ceiling-{when}.db".replace(" ", "-")
        shutil.copyfile(self.sqlite_template, db)
        n = self.p["sqlite_tx"]
        first = self.sqlite_next + 1
        self.sqlite_next += n
        tx, answers = [], ceiling_answers(self.n_answers)
        for i in range(first, first + n):
            values = ", ".join(f"('r{i}', '{k}', {v}, 0, {t}, 'bench-round')" for k, v, t in answers)
            tx.append(
                "BEGIN IMMEDIATE;\n"
                f"UPDATE invitations SET responded = 1 WHERE id = 'i{i}' AND responded = 0;\n"
                f"INSERT INTO responses (id, round_id, reporting_group) VALUES ('r{i}', 'bench-round', 'engineering');\n"
                f"INSERT INTO answers (response_id, question_key, value, not_applicable, text, round_id) VALUES {values};\n"
                "COMMIT;\n")
        sql = "".join(tx) + "SELECT count(*) FROM responses;\n"
        cpu0, t0 = cpu_seconds_by_program(), time.monotonic()
        out = self.sqlite_cli(db, sql)
        seconds = time.monotonic() - t0
        # The CLI is this script's child: its CPU shows under "driver" once it has ended.
        cli_ms = 1000 * cpu_split(cpu0, cpu_seconds_by_program(), seconds)["driver"] * seconds / n
        flipped = int(out.strip().splitlines()[-1])
        self.faults.check(flipped == n, f"sqlite3: {flipped} responses stored of {n}")
        db.unlink(missing_ok=True)
        for extra in ("-wal", "-shm"):
            Path(str(db) + extra).unlink(missing_ok=True)
        return {"answers": self.n_answers, "runs": [{"writers": 1, "tx_per_s": n / seconds}],
                "best_tx_per_s": n / seconds, "cpu_ms": {"database": cli_ms}}

    def pg_ceiling_setup(self):
        """A database with the real schema and enough open invitations for every pgbench run."""
        inst = self.faults.Instance(self.suite, "pg-ceiling", "postgres")
        inst.cli("migrate")
        self.pg_per_run = int(8_000 * self.p["pg_seconds"])
        # The plain ceiling and each of EXTRA_CEILINGS flip their own invitations.
        rows = (1 + len(EXTRA_CEILINGS)) * self.pg_per_run * len(self.p["pg_clients"]) * self.p["slices"]
        self.suite.psql(inst.db_url, f"""
            INSERT INTO rounds (id, template_key, template_version, template_content, template_hash,
              quarter, audience, status, closes_on, closes_at, k, comment_threshold, reporting_groups,
              weights, created_at)
            VALUES ('bench-round', 'engineering-culture', 1, '', '', '2026Q4', 'engineering-culture',
              'open', '2099-12-31', '2099-12-31 23:59:59', 5, 5, '[]', '{{}}', '2026-01-01');
            INSERT INTO employees SELECT 'e' || i, 'p' || i || '@example.test', 'P', 'engineering', 'en',
              true, false, true, '2026-01-01', '2026-01-01' FROM generate_series(1, {rows}) i;
            INSERT INTO invitations (id, round_id, employee_id, reporting_group, responded, undeliverable,
              emails_sent) SELECT 'i' || i, 'bench-round', 'e' || i, 'engineering', false, false, 1
              FROM generate_series(1, {rows}) i;
            INSERT INTO invitation_links (token_hash, invitation_id, round_id)
              SELECT 'h' || i, 'i' || i, 'bench-round' FROM generate_series(1, {rows}) i;
            ANALYZE;""")
        answers = ceiling_answers(self.n_answers)
        values = ", ".join(f"(:r_id, '{k}', {v}, false, {t}, 'bench-round')" for k, v, t in answers)
        # Each client walks its own stretch of invitation ids (`k` persists across a client's
        # transactions), so every script's statements hit a fresh invitation, as a real
        # submission does.
        pick = "\\set k :k + 1\n\\set id :base + :client_id * :stride + (:k % :stride) + 1\n"
        self.pg_script = Path(self.tmp) / "submission.sql"
        self.pg_script.write_text(
            pick +
            "BEGIN;\n"
            "UPDATE invitations SET responded = true WHERE id = 'i' || :id::text AND responded = false;\n"
            "INSERT INTO responses (id, round_id, reporting_group) VALUES "
            "(gen_random_uuid()::text, 'bench-round', 'engineering') RETURNING id \\gset r_\n"
            f"INSERT INTO answers (response_id, question_key, value, not_applicable, text, round_id) VALUES {values};\n"
            "COMMIT;\n"
        )
        # The design's ceiling: the same store as the design has it, without ctopulse's HTTP
        # or Rust: `ctopulse_submit`, the procedure serve calls, whose two transactions keep
        # the response's transaction id apart from the invitation's (DESIGN, anonymity 5).
        def array(items, of):
            return f"ARRAY[{', '.join(items)}]::{of}[]"
        arrays = ", ".join([array((f"'{k}'" for k, _, _ in answers), "text"),
                            array((v for _, v, _ in answers), "int4"),
                            array(("false" for _ in answers), "bool"),
                            array((t for _, _, t in answers), "text")])
        call = ("CALL ctopulse_submit('h' || :id::text, 'bench-round', 'open', "
                f"'2026-06-01 00:00:00'::timestamp, gen_random_uuid()::text, {arrays}, NULL, NULL);\n")
        # The flow's ceiling: every statement serve sends for one respondent (PostgreSQL's
        # statement log: the link's lookup with its throttle on GET /s/{token}, nothing for the
        # form, the CALL on POST), issued by pgbench with nothing else.
        texts = {"design": pick + call, "flow": pick + LOOKUP_SQL + call}
        self.faults.check(set(texts) == set(EXTRA_CEILINGS), f"pgbench scripts {sorted(texts)} ≠ EXTRA_CEILINGS")
        self.pg_extra_scripts = {key: Path(self.tmp) / f"{key}.sql" for key in EXTRA_CEILINGS}
        for key, path in self.pg_extra_scripts.items():
            path.write_text(texts[key])
        self.pg_base = 0
        self.pg_inst = inst

    def pg_ceiling_run(self):
        out = self.pgbench_runs(self.pg_script)
        for key in EXTRA_CEILINGS:
            before = self.pg_inst.scalar("SELECT count(*) FROM responses")
            out[key] = self.pgbench_runs(self.pg_extra_scripts[key])
            # A call that flips nothing returns quietly: each one must have stored its response.
            stored = self.pg_inst.scalar("SELECT count(*) FROM responses") - before
            calls = sum(r["processed"] for r in out[key]["runs"])
            self.faults.check(stored == calls,
                              f"pgbench ({key}): {calls} calls of ctopulse_submit stored {stored} responses")
        return out

    def pgbench_runs(self, script):
        """pgbench running `script` at each client count, on fresh invitations each time."""
        inst, runs = self.pg_inst, []
        for clients in self.p["pg_clients"]:
            stride = self.pg_per_run // clients
            r = subprocess.run(
                [self.pgbench, "-n", "-M", "prepared", "-f", str(script), "-c", str(clients),
                 "-j", str(min(clients, 2)), "-T", str(self.p["pg_seconds"]),
                 "-D", f"base={self.pg_base}", "-D", f"stride={stride}", "-D", "k=0", inst.db_url],
                capture_output=True, text=True, timeout=self.p["pg_seconds"] + 60)
            self.pg_base += self.pg_per_run
            m = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", r.stdout)
            self.faults.check(r.returncode == 0 and m, f"pgbench -c {clients} failed: {r.stderr.strip()[-400:]}")
            # No CPU figure here: pgbench's server processes end with it, before /proc can
            # be read, so their CPU would go uncounted.
            processed = re.search(r"number of transactions actually processed: (\d+)", r.stdout)
            self.faults.check(processed, f"pgbench -c {clients}: no count of transactions processed in its output")
            runs.append({"clients": clients, "tx_per_s": float(m.group(1)),
                         "processed": int(processed.group(1))})
        flipped = inst.scalar("SELECT count(*) FROM invitations WHERE responded")
        responses = inst.scalar("SELECT count(*) FROM responses")
        answers = inst.scalar("SELECT count(*) FROM answers")
        self.faults.check(responses > 0 and flipped == responses and answers == responses * self.n_answers,
                          f"pgbench: {responses} responses, {flipped} invitations flipped, {answers} answers "
                          f"(ids reused, or the procedure stored nothing?)")
        return {"answers": self.n_answers, "runs": runs, "best_tx_per_s": max(r["tx_per_s"] for r in runs)}
