"""The seal at scale, for `scripts/bench --parts seal`.

Two rounds every invitee answered (12 answers each, stored as submissions store them: random
ids, each response's answers together), over a history of sealed quarters of the same size:

- ctopulse: `ctopulse round close` of one round; the seal is timed to its "closed and sealed"
  line, the storage scrub that follows (off a person's path in `serve`) separately;
- baseline: the same rewrite of the other round issued by the database's own client (psql or
  the sqlite3 CLI) in one transaction: links deleted, responses and answers copied in a random
  order under fresh ascending ids, the old ones deleted (on PostgreSQL, where answers are
  partitioned by round, the round's answers written into a new table that replaces its old
  one), one tally GROUP BY, the round marked.
  No key drivers, index tallies, comment copy, audit entry or checks: what any seal must do.
  On PostgreSQL it runs with the planner settings the product's seal uses.
"""

from __future__ import annotations

import subprocess
import time


def _uuid_sql(backend: str) -> str:
    if backend == "postgres":
        return "gen_random_uuid()::text"
    h = "lower(hex(randomblob({})))"
    return (f"{h.format(4)} || '-' || {h.format(2)} || '-4' || substr({h.format(2)}, 2) || '-a' || "
            f"substr({h.format(2)}, 2) || '-' || {h.format(6)}")


def raw_client(bench, inst, backend: str, sql: str, timeout: int = 3600, secure_delete: bool = False) -> float:
    """Runs `sql` through the database's own client (psql, or the sqlite3 CLI with the service's
    pragmas); returns its wall time."""
    if backend == "postgres":
        cmd = ["psql", inst.query_url, "-qAtX", "-v", "ON_ERROR_STOP=1"]
    else:
        cmd = ["sqlite3", "-bail", str(inst.db_path)]
        # The service's pragmas (and zeroed deletes where its seal has them).
        sql = ("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
               f"PRAGMA foreign_keys = ON; PRAGMA secure_delete = {'ON' if secure_delete else 'OFF'};\n" + sql)
    t0 = time.monotonic()
    r = subprocess.run(cmd, input=sql, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - t0
    if r.returncode != 0 or "Error" in r.stderr:
        raise bench.failure(f"{cmd[0]}: {r.stderr.strip()[-600:]}")
    return took


def launch_baseline(bench, inst, backend: str, rid: str, now_sql: str) -> float:
    """What `round launch` writes, issued by the database's own client in one transaction:
    one invitation per active employee and one pending invite email per invitation, both
    under fresh ids inserted in ascending order (as the launch does), the round marked open.
    No audience or group planning, audit entry or checks. Returns its wall time."""
    uuid = _uuid_sql(backend)
    false = "false" if backend == "postgres" else "0"
    return raw_client(bench, inst, backend, f"""
        BEGIN;
        INSERT INTO invitations (id, round_id, employee_id, reporting_group, responded, undeliverable, emails_sent)
          SELECT id, '{rid}', employee_id, department, {false}, {false}, 0
          FROM (SELECT {uuid} AS id, e.id AS employee_id, e.department FROM employees e WHERE e.active) p ORDER BY id;
        INSERT INTO outbox (id, kind, recipient, round_id, invitation_id, locale, status, attempts, next_attempt_at, created_at)
          SELECT id, 'invite', email, '{rid}', invitation_id, locale, 'pending', 0, {now_sql}, {now_sql}
          FROM (SELECT {uuid} AS id, e.email, i.id AS invitation_id, e.locale
                FROM invitations i JOIN employees e ON e.id = i.employee_id WHERE i.round_id = '{rid}') m
          ORDER BY id;
        UPDATE rounds SET status = 'open', launched_at = {now_sql} WHERE id = '{rid}';
        COMMIT;""")


def _answers_select(form, backend: str, round_filter: str) -> str:
    """Every response of the rounds matched gets the form's answers, a response's together."""
    rows = " UNION ALL ".join(
        f"SELECT '{k}' AS k, {('NULL' if not v.isdigit() else v)} AS v, "
        f"{('NULL' if v.isdigit() else repr(v))} AS t" for k, v in form)
    return (f"INSERT INTO answers (response_id, question_key, value, not_applicable, text, round_id) "
            f"SELECT r.id, f.k, f.v, {'false' if backend == 'postgres' else '0'}, f.t, r.round_id "
            f"FROM responses r CROSS JOIN ({rows}) f WHERE {round_filter} ORDER BY r.id, f.k")


class SealBench:
    def __init__(self, bench, inst, backend: str, n: int, form, history: int):
        self.bench, self.inst, self.backend, self.n = bench, inst, backend, n
        self.form, self.history = form, history

    # ------------------------------------------------------------------ raw client

    def client(self, sql: str, timeout: int = 3600) -> float:
        """Runs `sql` through the database's own client; returns its wall time."""
        return raw_client(self.bench, self.inst, self.backend, sql, timeout, secure_delete=True)

    # ------------------------------------------------------------------ data

    def new_round(self, quarter: str, closes: str) -> str:
        rid = self.inst.cli("round", "create", "--template", "engineering-culture", "--quarter", quarter,
                            "--closes", closes)
        self.inst.cli("round", "launch", rid)
        # Its emails went out, as a round's would have by its close.
        self.inst.execute(f"UPDATE outbox SET status = 'sent', claim_owner = NULL WHERE round_id = '{rid}'")
        return rid

    def answer_everyone(self, rid: str) -> None:
        uuid = _uuid_sql(self.backend)
        true = "true" if self.backend == "postgres" else "1"
        self.client(f"""
            BEGIN;
            UPDATE invitations SET responded = {true} WHERE round_id = '{rid}';
            INSERT INTO responses (id, round_id, reporting_group)
              SELECT {uuid}, round_id, reporting_group FROM invitations WHERE round_id = '{rid}' ORDER BY random();
            {_answers_select(self.form, self.backend, f"r.round_id = '{rid}'")};
            COMMIT;""")

    def sealed_history(self, template_rid: str) -> None:
        """`history` sealed quarters of everyone's answers, as earlier seals left them."""
        uuid = _uuid_sql(self.backend)
        for h in range(self.history):
            quarter = f"{2000 + h}Q1"
            self.client(f"""
                BEGIN;
                INSERT INTO rounds (id, template_key, template_version, template_content, template_hash, quarter,
                  audience, status, opens_on, closes_on, closes_at, k, comment_threshold, reporting_groups, weights,
                  created_at, launched_at, closed_at, sealed_at)
                SELECT {uuid}, template_key, template_version, template_content, template_hash, '{quarter}', audience,
                  'sealed', opens_on, closes_on, closes_at, k, comment_threshold, reporting_groups, weights,
                  created_at, launched_at, created_at, created_at
                FROM rounds WHERE id = '{template_rid}';
                {self.answers_table_sql(f"(SELECT id FROM rounds WHERE quarter = '{quarter}')")}
                INSERT INTO responses (id, round_id, reporting_group)
                  SELECT {uuid}, (SELECT id FROM rounds WHERE quarter = '{quarter}'), reporting_group
                  FROM invitations WHERE round_id = '{template_rid}';
                {_answers_select(self.form, self.backend,
                                 f"r.round_id = (SELECT id FROM rounds WHERE quarter = '{quarter}')")};
                COMMIT;""")

    def answers_table_sql(self, round_expr: str) -> str:
        """On PostgreSQL, answers are partitioned by round: a round made here by SQL gets its
        table as `round create` gives it one (the migration's function)."""
        if self.backend != "postgres":
            return ""
        return f"SELECT ctopulse_answers_partition({round_expr});"

    def answers_rewrite_sql(self, rid: str) -> str:
        """The round's answers under the fresh ids, in the new order, the old rows gone: on
        SQLite rows inserted and deleted; on PostgreSQL, where each round's answers are a table
        of their own, a new table written in order, its key built, swapped for the old one."""
        select = ("SELECT m.new_id, a.question_key, a.value, a.not_applicable, a.text, a.round_id "
                  f"FROM base_map m JOIN answers a ON a.response_id = m.old_id AND a.round_id = '{rid}' "
                  "ORDER BY m.ord, a.question_key")
        cols = "(response_id, question_key, value, not_applicable, text, round_id)"
        if self.backend != "postgres":
            return (f"INSERT INTO answers {cols} {select};\n"
                    "DELETE FROM answers WHERE response_id IN (SELECT old_id FROM base_map);")
        table = "answers_" + rid.replace("-", "")
        return f"""
            CREATE TABLE base_answers (LIKE answers INCLUDING DEFAULTS, CHECK (round_id = '{rid}'));
            SET LOCAL enable_hashjoin = on;
            INSERT INTO base_answers {cols} {select};
            SET LOCAL enable_hashjoin = off;
            ALTER TABLE base_answers ADD PRIMARY KEY (response_id, question_key, round_id);
            DROP TABLE {table};
            ALTER TABLE base_answers RENAME TO {table};
            ALTER TABLE answers ATTACH PARTITION {table} FOR VALUES IN ('{rid}');"""

    # ------------------------------------------------------------------ the two seals

    def product_seal(self, rid: str) -> dict:
        """`ctopulse round close`: seal to its report line, then the scrub to the exit."""
        t0 = time.monotonic()
        p = subprocess.Popen([str(self.bench.suite.binary), "round", "close", rid], cwd=self.inst.dir,
                             env=self.inst.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sealed_at, lines, steps = None, [], ""
        for line in p.stderr:
            lines.append(line)
            if "closed and sealed" in line and sealed_at is None:
                sealed_at = time.monotonic()
            if "closed and sealed" in line and "(steps: " in line:
                # How long each step of the seal took, as the command reports it.
                steps = line.split("(steps: ", 1)[1].strip().rstrip(")")
        rc = p.wait(timeout=3600)
        done = time.monotonic()
        if rc != 0 or sealed_at is None:
            raise self.bench.failure(f"round close exited {rc}: {''.join(lines)[-600:]}")
        return {"seal_s": sealed_at - t0, "scrub_s": done - sealed_at, "steps": steps}

    def baseline_seal(self, rid: str) -> float:
        uuid = _uuid_sql(self.backend)
        temp = "TEMPORARY TABLE" if self.backend == "postgres" else "TEMP TABLE"
        # Fresh ids ascending in the shuffled order, as the product's seal gives them.
        # The planner settings the product's seal uses on PostgreSQL (probes of one round's
        # rows by key rather than hashing every round's answers), so both plan alike; set
        # after the id map is built, whose join of two 100,000-row lists needs a hash.
        plan = ("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; "
                "SET LOCAL work_mem = '512MB'; SET LOCAL jit = off;") if self.backend == "postgres" else ""
        return self.client(f"""
            BEGIN;
            DELETE FROM invitation_links WHERE round_id = '{rid}';
            CREATE {temp} base_ids AS SELECT {uuid} AS new_id FROM responses WHERE round_id = '{rid}';
            CREATE {temp} base_map AS
              SELECT o.old_id, n.new_id, o.ord FROM
                (SELECT id AS old_id, ROW_NUMBER() OVER (ORDER BY random()) AS ord FROM responses WHERE round_id = '{rid}') o
                JOIN (SELECT new_id, ROW_NUMBER() OVER (ORDER BY new_id) AS ord FROM base_ids) n ON n.ord = o.ord;
            {plan}
            INSERT INTO responses (id, round_id, reporting_group)
              SELECT m.new_id, r.round_id, r.reporting_group FROM base_map m JOIN responses r ON r.id = m.old_id ORDER BY m.ord;
            {self.answers_rewrite_sql(rid)}
            DELETE FROM responses WHERE id IN (SELECT old_id FROM base_map);
            INSERT INTO tallies (round_id, reporting_group, question_key, value, not_applicable, count)
              SELECT r.round_id, r.reporting_group, a.question_key, COALESCE(a.value, -1), a.not_applicable, COUNT(*)
              FROM base_map m JOIN responses r ON r.id = m.new_id
                JOIN answers a ON a.response_id = r.id AND a.round_id = '{rid}'
              WHERE a.value IS NOT NULL OR a.not_applicable
              GROUP BY r.round_id, r.reporting_group, a.question_key, COALESCE(a.value, -1), a.not_applicable;
            UPDATE rounds SET status = 'sealed' WHERE id = '{rid}';
            DROP TABLE base_map;
            DROP TABLE base_ids;
            COMMIT;""")

    def run(self, out: dict, quarters, closes: str, loadavg) -> None:
        log = self.bench.log
        mine, base = (self.new_round(q, closes) for q in quarters)
        log(f"[{self.backend}] seal: {self.n:,} answers per round, {self.history} sealed quarters of history")
        t0 = time.monotonic()
        for rid in (mine, base):
            self.answer_everyone(rid)
        self.sealed_history(mine)
        self.client("ANALYZE;" if self.backend == "sqlite" else "VACUUM ANALYZE;")
        fill_s = time.monotonic() - t0
        answers = self.inst.scalar("SELECT count(*) FROM answers")
        before = loadavg()
        # The baseline first, then ctopulse: each sees the other round still open.
        base_s = self.baseline_seal(base)
        product = self.product_seal(mine)
        moved = self.inst.scalar(f"SELECT count(*) FROM responses WHERE round_id = '{mine}'")
        if moved != self.n:
            raise self.bench.failure(f"the sealed round holds {moved} responses, not {self.n}")
        out["seal"] = {"respondents": self.n, "history_quarters": self.history, "answers_in_table": answers,
                       "fill_s": fill_s, "baseline_s": base_s, **product,
                       "ratio": product["seal_s"] / base_s if base_s else 0.0,
                       "loadavg_before": before, "loadavg_after": loadavg()}
