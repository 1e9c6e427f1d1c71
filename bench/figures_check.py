"""Did a change move a figure? The demand, the purchase suggestions and the 临期 worklist of a database
written to JSON by one version of the code and compared with another's; and the tables a demo or
simulated run wrote, hashed, so two builds can be compared without reading them.

    python bench/figures_check.py dump DB OUT.json      # from each checkout (git worktree), same clock:
                                                        # XIAOPU_NOW=2026-12-06T10:00
    python bench/figures_check.py compare A.json B.json # every value compared as a number; exit 1 on a difference
    python bench/figures_check.py tables DB             # a hash per table of what the run posted

Numbers, not a test: a speed change should compare equal, an engine change shows what it moved.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sqlite3
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path.cwd()  # the checkout whose code is compared: run from it
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TABLES = {  # what a demo or simulated run posts, in the order it posted it
    "move": "SELECT document_id, line_no, product_id, lot_id, from_location_id, to_location_id, quantity, unit_cost, "
            "move_date FROM move ORDER BY id",
    "document": "SELECT number, doc_type, state, doc_date, occurred_at, partner FROM document ORDER BY id",
    "purchase_order": "SELECT number, state, expected_date FROM purchase_order ORDER BY id",
    "purchase_order_line": "SELECT order_id, product_id, quantity, factor, price, received, damaged "
                           "FROM purchase_order_line ORDER BY id",
    "balance": "SELECT product_id, lot_id, location_id, quantity FROM balance ORDER BY product_id, location_id, lot_id",
    "lost_sale": "SELECT product_id, occurred_at, quantity FROM lost_sale ORDER BY id",
}


def _demand(d) -> dict:
    return {"sold": str(d.sold), "lost": str(d.lost), "weekday_factor": [str(f) for f in d.weekday_factor],
            "hour_cum": [str(h) for h in d.hour_cum], "peak": None if d.peak is None else list(vars(d.peak).values()),
            "level": str(d.level), "avg_daily": str(d.avg_daily), "censored_days": d.censored_days,
            "seen_days": d.seen_days, "loss_rate": str(d.loss_rate)}


def dump(db: str, out: str) -> None:
    from models import open_database
    from services.core.clock import fix_clock_from_environment, now, today
    from services.core.messages import set_language
    from services.core.users import default_user
    from services.purchasing import suggestions
    from services.reports.expiry_worklist import expiry_worklist
    from services.stock.demand import demand_by_product

    fix_clock_from_environment()
    set_language("zh_CN")
    open_database(db)
    figures, seconds = {}, {}
    for days in (7, 14, 28):
        start = time.perf_counter()
        every = demand_by_product(today(), days)
        seconds[f"demand {days}"] = time.perf_counter() - start
        figures[f"demand {days}"] = {str(pid): _demand(d) for pid, d in sorted(every.items())}
    some = set(sorted(every)[::7])
    figures["demand 14 of some"] = {str(pid): _demand(d) for pid, d in sorted(demand_by_product(today(), 14, some).items())}
    evening = dt.datetime.combine(today() - dt.timedelta(days=1), dt.time(21, 30))
    for label, at in (("now", now()), ("last evening", evening)):
        start = time.perf_counter()
        plans = suggestions.plan_all(at)
        seconds[f"plan_all {label}"] = time.perf_counter() - start
        figures[f"plans {label}"] = [{**s.as_json(), "need": str(s.need), "wasted": str(s.wasted),
                                      "demand": _demand(s.demand)} for s in plans]
        figures[f"suggested {label}"] = [s.sku for s in suggestions.suggest(at)]
    start = time.perf_counter()
    figures["worklist"] = expiry_worklist(default_user()).as_json()
    seconds["worklist"] = time.perf_counter() - start
    Path(out).write_text(json.dumps(figures, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(json.dumps({name: round(s, 3) for name, s in seconds.items()}))


def _same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str) and a != b:
        try:
            return Decimal(a) == Decimal(b)  # 0.500 and 0.5 are one figure
        except InvalidOperation:
            return False
    return a == b


def differences(a, b, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out = [f"{path}: keys {sorted(set(a) ^ set(b))[:5]}"] if set(a) != set(b) else []
        return out + [d for key in a if key in b for d in differences(a[key], b[key], f"{path}/{key}")]
    if isinstance(a, list) and isinstance(b, list):
        out = [f"{path}: {len(a)} against {len(b)} items"] if len(a) != len(b) else []
        return out + [d for n, (x, y) in enumerate(zip(a, b, strict=False)) for d in differences(x, y, f"{path}[{n}]")]
    return [] if _same(a, b) else [f"{path}: {a} against {b}"]


def tables(db: str) -> None:
    conn = sqlite3.connect(db)
    for name, sql in TABLES.items():
        rows = conn.execute(sql).fetchall()
        print(name, len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("dump")
    one.add_argument("db")
    one.add_argument("out")
    two = sub.add_parser("compare")
    two.add_argument("a")
    two.add_argument("b")
    sub.add_parser("tables").add_argument("db")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.db, args.out)
    elif args.command == "tables":
        tables(args.db)
    else:
        found = differences(*(json.loads(Path(p).read_text(encoding="utf-8")) for p in (args.a, args.b)))
        print(f"{len(found)} differences", *found[:20], sep="\n")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
