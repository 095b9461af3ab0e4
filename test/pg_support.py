"""The tests' private PostgreSQL/PostGIS cluster (scripts/pg_cluster.sh), as a pytest fixture.

One cluster per test session, in build/pg on 127.0.0.1 and a free port, with the roles an office
would have: ``sr_writer`` (the planning office, owns schema ``bericht``) and ``sr_reader`` (other
departments, read only); ``sr_admin`` is the administrator who sets things up. Tests that need it
are skipped only when the server cannot start, and the skip says why.
"""
from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "pg_cluster.sh"
ROLES = ("sr_admin", "sr_writer", "sr_reader")


@dataclass
class PgCluster:
    host: str
    port: int
    dbname: str
    passwords: dict

    def conninfo(self, user: str = "sr_admin") -> str:
        """libpq key=value words for ``user`` (tests only: the plugin gets credentials from QGIS's
        authentication database)."""
        return (f"dbname='{self.dbname}' host={self.host} port={self.port} user='{user}' "
                f"password='{self.passwords[user]}' sslmode=disable")

    def layer_uri(self, schema: str, table: str, user: str = "sr_admin", geometry: str | None = "geom",
                  key: str | None = None) -> str:
        """A QGIS ``postgres`` provider URI of a table."""
        uri = self.conninfo(user)
        if key:
            uri += f" key='{key}'"
        uri += f' table="{schema}"."{table}"'
        if geometry:
            uri += f" ({geometry})"
        return uri

    def env(self, user: str = "sr_admin") -> dict:
        """PG* variables for psql or a subprocess, as ``user``."""
        return {"PGHOST": self.host, "PGPORT": str(self.port), "PGDATABASE": self.dbname, "PGUSER": user,
                "PGPASSWORD": self.passwords[user]}

    def sql(self, statement: str, user: str = "sr_admin", check: bool = True) -> subprocess.CompletedProcess:
        """Run SQL through psql (what a database administrator would type); rows as 'a|b' lines."""
        env = dict(os.environ, **self.env(user))
        return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", statement],
                              env=env, capture_output=True, text=True, check=check, timeout=120)

    def rows(self, statement: str, user: str = "sr_admin") -> list[list[str]]:
        out = self.sql(statement, user).stdout
        return [line.split("|") for line in out.splitlines() if line.strip()]

    def new_schema(self, owner: str = "sr_writer", prefix: str = "t") -> str:
        """A schema of its own for one test, owned by ``owner``, readable by the reader role."""
        name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        self.sql(f"CREATE SCHEMA {name} AUTHORIZATION {owner}; GRANT USAGE ON SCHEMA {name} TO sr_reader; "
                 f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {name} GRANT SELECT ON TABLES TO sr_reader")
        return name


def read_env(path: Path) -> dict:
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def start_cluster() -> tuple[PgCluster | None, str]:
    """(cluster, '') or (None, why it could not start)."""
    try:
        done = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=180)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"scripts/pg_cluster.sh start: {error}"
    if done.returncode != 0:
        return None, f"scripts/pg_cluster.sh start failed: {(done.stderr or done.stdout).strip()[-400:]}"
    values = read_env(Path(done.stdout.strip().splitlines()[-1]))
    passwords = {"sr_admin": values["PG_ADMIN_PASSWORD"], "sr_writer": values["PG_WRITER_PASSWORD"],
                 "sr_reader": values["PG_READER_PASSWORD"]}
    return PgCluster(values["PGHOST"], int(values["PGPORT"]), values["PGDATABASE"], passwords), ""


def stop_cluster() -> None:
    subprocess.run(["bash", str(SCRIPT), "stop"], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def postgis():
    """The running cluster; stopped at the end of the session (also when tests failed)."""
    cluster, why = start_cluster()
    if cluster is None:
        pytest.skip(f"PostgreSQL/PostGIS test server could not start: {why}")
    try:
        yield cluster
    finally:
        stop_cluster()
