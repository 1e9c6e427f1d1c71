"""The test harness's own databases on the server: a pytest run killed before its atexit (Ctrl-C twice, a
CI timeout) left xp_test_<pid> behind for good; the next run drops those of processes that are gone and
leaves a running one's alone."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.pg_engine import PREFIX, SKIP_REASON, _admin, drop_stale, fresh_database, server_url

pytestmark = pytest.mark.skipif(server_url() is None, reason=SKIP_REASON)


def databases(admin) -> set[str]:
    return {row[0] for row in admin.execute("SELECT datname FROM pg_database").fetchall()}


def test_a_killed_runs_database_is_dropped_and_a_running_ones_kept():
    fresh_database()  # this process's own: a running run's
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()  # a process that has ended: as a killed run's
    killed, mine = f"{PREFIX}{gone}", f"{PREFIX}{os.getpid()}"
    with _admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {killed}")
        admin.execute(f"CREATE DATABASE {killed}")
        dropped = drop_stale(admin)
        left = databases(admin)
    assert killed in dropped and mine not in dropped  # (others' killed runs may be dropped too)
    assert killed not in left and mine in left
