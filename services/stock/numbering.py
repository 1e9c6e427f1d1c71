"""Document numbers: a prefix, the day and that day's counter (RK20261122-0001), one counter row
per prefix and day, counted up inside the caller's transaction so two documents never share one."""
from __future__ import annotations

import datetime as dt

from models import Counter, database


def next_number(prefix: str, day: dt.date) -> str:
    name = f"{prefix}{day:%Y%m%d}"
    ph, table = database.param, Counter._meta.table_name
    # one statement for every document (SQLite ≥ 3.35, PostgreSQL): a round trip to a server costs more than the SQL
    value = database.execute_sql(
        f"INSERT INTO {table} (name, value) VALUES ({ph}, 1) "
        f"ON CONFLICT (name) DO UPDATE SET value = {table}.value + 1 RETURNING value", (name,)).fetchone()[0]
    return f"{name}-{value:04d}"
