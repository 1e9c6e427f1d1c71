"""Document numbers: a prefix, the day and that day's counter (RK20261122-0001), one counter row
per prefix and day, counted up inside the caller's transaction so two documents never share one."""
from __future__ import annotations

import datetime as dt

from models import Counter, database


def next_number(prefix: str, day: dt.date) -> str:
    name = f"{prefix}{day:%Y%m%d}"
    ph, table = database.param, Counter._meta.table_name  # plain SQL (SQLite ≥ 3.24, PostgreSQL): every document
    database.execute_sql(f"INSERT INTO {table} (name, value) VALUES ({ph}, 0) ON CONFLICT DO NOTHING", (name,))
    database.execute_sql(f"UPDATE {table} SET value = value + 1 WHERE name = {ph}", (name,))
    value = database.execute_sql(f"SELECT value FROM {table} WHERE name = {ph}", (name,)).fetchone()[0]
    return f"{name}-{value:04d}"
