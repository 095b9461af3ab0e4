"""One report run at a time per schema: a lease row in ``<schema>.sozialraum_runs``.

Not an advisory lock: QGIS pools its database connections, so a session lock taken in one
executeSql call may sit on a connection another call never uses again (or one a second run in the
same QGIS borrows). The lease is a row, taken by one INSERT … ON CONFLICT statement (atomic; the
primary key admits one holder), renewed while the run writes, checked inside the transaction that
puts the new tables into place, and deleted at the end. A lease is taken over when its run stopped
without finishing: its process is gone (same computer) or it showed no sign of life for
``STALE_MINUTES``.
"""
from __future__ import annotations

import getpass
import os
import socket
import time
import uuid

from ..core.errors import SozialraumError
from ..core.report.db_source import dollar_quoted, sql_literal, sql_name
from .pg_connection import DB_ERRORS, sql

STALE_MINUTES = 60
RENEW_SECONDS = 60  # (renewing on progress: not an UPDATE per progress tick)
LOCK = "report"


def runs_table(schema: str) -> str:
    return f"{sql_name(schema)}.sozialraum_runs"


def private_sql(table: str) -> str:
    """Only the report's own role(s) may see the runs table: it names the planner's login, computer
    and process, which the schema's default privileges would show to every reading department."""
    body = (f"DECLARE g text; BEGIN "
            f"FOR g IN SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END "
            f"FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = {sql_literal(table)}::regclass "
            f"AND a.grantee <> c.relowner LOOP "
            f"EXECUTE 'REVOKE ALL ON ' || {sql_literal(table)} || ' FROM ' || g; END LOOP; END")
    return f"DO {dollar_quoted(body)}"


#: tokens of the runs of this process that hold a lease now (two runs in one QGIS: two tasks)
_LIVE: set = set()


def _alive(host: str, pid, token: str = "") -> bool:
    """False only when certain: the holder ran on this computer and its process is gone, or it is
    this process and none of its runs holds that lease (a release the server missed: else the
    planner's own next run would be refused for STALE_MINUTES by a QGIS that is still open)."""
    if host == socket.gethostname() and str(pid) == str(os.getpid()):
        return token in _LIVE
    if host != socket.gethostname() or os.name != "posix" or not pid:
        return True  # (os.kill on Windows would end the process: no check there)
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError, OverflowError):
        return True
    return True


class Lease:
    def __init__(self, conn, schema: str, role: str):
        self.conn, self.schema, self.role = conn, schema, role
        self.token = uuid.uuid4().hex
        self.held = False
        self.renewed_at = time.monotonic()

    def acquire(self) -> None:
        table = runs_table(self.schema)
        create = (f"CREATE TABLE IF NOT EXISTS {table} (lock text PRIMARY KEY, token text NOT NULL, "
                  "holder text, host text, pid integer, started timestamptz, heartbeat timestamptz)")
        for attempt in range(2):  # two first runs at once: one CREATE loses the race on the catalogue
            try:
                sql(self.conn, create)
                break
            except DB_ERRORS:
                if attempt:
                    raise
        sql(self.conn, private_sql(table))
        row = self._current()
        stale = row[0] if row and not _alive(row[2], row[3], row[0]) else ""
        holder = f"role {self.role}, user {_user()} on {socket.gethostname()}, process {os.getpid()}"
        got = sql(self.conn, (
            f"INSERT INTO {table} AS r (lock, token, holder, host, pid, started, heartbeat) VALUES ("
            f"{sql_literal(LOCK)}, {sql_literal(self.token)}, {sql_literal(holder)}, "
            f"{sql_literal(socket.gethostname())}, {os.getpid()}, now(), now()) "
            "ON CONFLICT (lock) DO UPDATE SET token = excluded.token, holder = excluded.holder, "
            "host = excluded.host, pid = excluded.pid, started = excluded.started, heartbeat = excluded.heartbeat "
            f"WHERE r.heartbeat < now() - interval '{STALE_MINUTES} minutes' OR r.token = {sql_literal(stale)} "
            "RETURNING r.token"))
        if not got or got[0][0] != self.token:
            row = self._current()
            raise SozialraumError("db_run_busy", schema=self.schema,
                                  holder=row[1] if row else "?", since=row[4] if row else "?",
                                  minutes=STALE_MINUTES)
        self.held = True
        _LIVE.add(self.token)

    def _current(self):
        rows = sql(self.conn, (
            f"SELECT token, holder, host, pid, to_char(started AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') "
            f"FROM {runs_table(self.schema)} WHERE lock = {sql_literal(LOCK)}"))
        return rows[0] if rows else None

    def check_sql(self) -> str:
        """Statements for the transaction that puts the tables into place: it fails (and changes
        nothing) when this run's lease was taken over meanwhile."""
        check = (f"BEGIN IF NOT EXISTS (SELECT 1 FROM {runs_table(self.schema)} WHERE lock = "
                 f"{sql_literal(LOCK)} AND token = {sql_literal(self.token)}) THEN RAISE EXCEPTION "
                 f"'the lease of this run was taken over'; END IF; END")
        return (f"DO {dollar_quoted(check)}; "
                f"UPDATE {runs_table(self.schema)} SET heartbeat = now() WHERE token = {sql_literal(self.token)}")

    def renew(self) -> None:
        """A sign of life between steps; a server gone for a moment is no reason to stop the run
        (the transaction that puts the tables into place checks the lease anyway)."""
        if not self.held:
            return
        self.renewed_at = time.monotonic()
        try:
            sql(self.conn, f"UPDATE {runs_table(self.schema)} SET heartbeat = now() "
                           f"WHERE token = {sql_literal(self.token)}")
        except DB_ERRORS:
            pass

    def keep_alive(self, feedback) -> None:
        """Renew on the run's progress too, at most once a minute: a single step may outlast
        STALE_MINUTES (the profile atlas of a large grid), and a live run must not be taken over."""
        feedback.progressChanged.connect(self._renew_if_due)

    def _renew_if_due(self, *_progress) -> None:
        if self.held and time.monotonic() - self.renewed_at >= RENEW_SECONDS:
            self.renew()

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        _LIVE.discard(self.token)
        try:
            sql(self.conn, f"DELETE FROM {runs_table(self.schema)} WHERE token = {sql_literal(self.token)}")
        except DB_ERRORS:
            pass  # the server went away: the lease goes stale and is taken over


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 (no login name in some services)
        return "?"
