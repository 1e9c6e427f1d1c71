"""How long `demo` takes to build its 90 days (issues 12 and 15: ≤ 20 s, ≤ 15 s), and what it built.

    python bench/demo_build.py [--products 420] [--days 90] [--seed 1] [--profile OUT.prof] [--keep FILE]
        [--figures]

Builds the demo into a temporary SQLite file on the tests' clock (2026-12-06T10:00, so the history ends
where tests/test_demo_outcomes.py's slow test reads it) and prints one JSON line: CPU and wall seconds of
`generate_demo` and the load average before and after (on a shared machine the CPU seconds are the figure
that does not count waiting). `--profile` writes cProfile's stats of the build (read them with
`python -m pstats OUT.prof`, `sort cumulative` / `sort tottime`). `--figures` adds what a speed change must
not move: the 报表 KPIs over the last 28 days (fill, loss, turnover: the slow demo test's figures), the
startup alert's too-late count and a hash per table of what the run posted (bench/figures_check.py).
Numbers, not a test.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CLOCK = dt.datetime(2026, 12, 6, 10, 0)  # tests/conftest.py's fixed clock


def _figures(db: Path) -> dict:
    from bench.figures_check import TABLES
    from services.purchasing import suggestions
    from services.reports.kpi import kpi
    from services.shop.setup import initialise

    today = CLOCK.date()
    report = kpi(initialise(), today - dt.timedelta(days=28), today - dt.timedelta(days=1))
    figures = {f.key: None if f.value is None else str(f.value) for f in report.figures}
    late = sum(1 for s in suggestions.alerts() if s.alert == "too_late")
    conn = sqlite3.connect(db)
    tables = {name: hashlib.sha256(repr(conn.execute(sql).fetchall()).encode()).hexdigest()[:16]
              for name, sql in TABLES.items()}
    conn.close()
    return {"kpi_28_days": figures, "too_late": late, "tables": tables}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=420)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", help="write cProfile stats of the build here")
    parser.add_argument("--keep", help="copy the built database here")
    parser.add_argument("--figures", action="store_true", help="add the KPIs and table hashes the build must keep")
    args = parser.parse_args()

    from models import database, open_database
    from services.core.clock import clock_at
    from services.core.messages import set_language
    from services.demo.store import generate_demo
    from services.shop.setup import initialise

    set_language("zh_CN")
    with tempfile.TemporaryDirectory() as folder, clock_at(CLOCK):
        db = Path(folder) / "demo.sqlite3"
        open_database(db)
        owner = initialise()
        load_before = os.getloadavg()
        profile = cProfile.Profile(time.process_time) if args.profile else None  # CPU: the machine is shared
        wall, cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        generate_demo(owner, products=args.products, days=args.days, seed=args.seed)
        if profile:
            profile.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        result = {"products": args.products, "days": args.days, "seed": args.seed, "cpu_s": round(cpu, 1),
                  "wall_s": round(wall, 1), "load_before": [round(x, 2) for x in load_before],
                  "load_after": [round(x, 2) for x in os.getloadavg()], "profiled": bool(profile)}
        if args.figures:
            result.update(_figures(db))
        database.close()
        if profile:
            profile.dump_stats(args.profile)
        if args.keep:
            shutil.copyfile(db, args.keep)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
