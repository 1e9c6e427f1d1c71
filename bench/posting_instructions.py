"""Issue 15's P1 in instructions instead of seconds: the same 1,000-line documents at the store year's end,
posted by the app and written by the raw floor, each side counted by valgrind, so two trees or two ideas
compare without this machine's minute-to-minute swings (the CPU ratio of `store_year.py both` moved
between 2.8× and 4.2× in one afternoon).

    python bench/posting_instructions.py WORKDIR [--sales 10] [--receipts 3]

WORKDIR keeps the store year (`store_year.py app`, built once, ~30 s) and the floor's copy of it. Each side
then runs twice under `valgrind --tool=callgrind` (apt-get install valgrind), once up to its first timed
document and once through all of them; the difference is what the documents cost. A few minutes; prints one
JSON line: instructions per document of each side and their ratio. Instructions are not time (cache misses
and the disk are not in them), but they do not move with the load. Numbers, not a test.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STOCK_KEY = "instructions:stock"  # the receipt that stocks the sold products, posted before counting starts
STOCK_UNITS = 20
PRODUCTS = 1000  # lines of every document


def _fresh_copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, target)


def app_side(workdir: Path, sales: int, receipts: int, setup_only: bool) -> None:
    """Post a stock receipt, then (unless `setup_only`) `sales` sales and `receipts` receipts of PRODUCTS lines,
    on a copy of the year; the copy stays as after.sqlite3 for the floor to read."""
    from models import database, open_database
    from services.catalog.locations import default_store, virtual
    from services.core.clock import clock_at
    from services.core.messages import set_language
    from services.shop.setup import initialise
    from services.stock import ledger

    work = workdir / "after.sqlite3"
    _fresh_copy(workdir / "year.sqlite3", work)
    set_language("zh_CN")
    open_database(work)
    owner = initialise()
    day = dt.date.fromisoformat(database.execute_sql("SELECT MAX(doc_date) FROM document").fetchone()[0])
    store, supplier, customer = default_store().id, virtual("supplier").id, virtual("customer").id
    ids = [row[0] for row in database.execute_sql(f"SELECT id FROM product ORDER BY id LIMIT {PRODUCTS}")]
    with clock_at(dt.datetime.combine(day, dt.time(8))):
        ledger.post_document(owner, "receipt", [ledger.Line(p, Decimal(STOCK_UNITS), supplier, store,
                                                            unit_cost=Decimal(3)) for p in ids],
                             key=STOCK_KEY, doc_date=day)
    rng = random.Random(1)
    documents = [("sale", [ledger.Line(p, Decimal(1), store, customer) for p in rng.sample(ids, len(ids))])
                 for _ in range(sales)]
    for n in range(receipts):  # one after every few sales, as in the year
        documents.insert((n + 1) * sales // (receipts + 1) + n, ("receipt", [
            ledger.Line(p, Decimal(8), supplier, store, unit_cost=Decimal("3.5")) for p in rng.sample(ids, len(ids))]))
    if setup_only:
        return
    with clock_at(dt.datetime.combine(day, dt.time(20))):
        for n, (kind, lines) in enumerate(documents):
            ledger.post_document(owner, kind, lines, key=f"instructions:{n}", doc_date=day)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def floor_side(workdir: Path, setup_only: bool) -> None:
    """The floor's writes of the same documents (bench/floor's minimal schema and statements), read from the
    app's after.sqlite3, on a copy of the floor's year."""
    from bench.floor import connect, documents, real_locations, write_minimal

    work = workdir / "floor-after.sqlite3"
    _fresh_copy(workdir / "year-floor.sqlite3", work)
    src = sqlite3.connect(workdir / "after.sqlite3")
    first = src.execute("SELECT id FROM document WHERE key = ?", (STOCK_KEY,)).fetchone()[0]
    writes = list(documents(src, real_locations(src), first))
    src.close()
    conn = connect(work)
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    write_minimal(conn, *writes[0])  # the stock receipt
    if not setup_only:
        for document in writes[1:]:
            write_minimal(conn, *document)
    conn.close()


def _instructions(workdir: Path, side: str, setup_only: bool, sales: int, receipts: int) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, str(Path(__file__)),
               str(workdir), "--side", side, "--sales", str(sales), "--receipts", str(receipts)]
    done = subprocess.run(command + (["--setup-only"] if setup_only else []), cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"}, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        raise RuntimeError(done.stderr[-2000:])
    return int(found.group(1))


def _year(workdir: Path) -> None:
    """The store year and its floor copy, built once into `workdir`."""
    if (workdir / "year.sqlite3").exists() and (workdir / "year-floor.sqlite3").exists():
        return
    workdir.mkdir(parents=True, exist_ok=True)
    for name in ("year.sqlite3", "year-floor.sqlite3"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{workdir / name}{suffix}").unlink(missing_ok=True)
    for args in (["app", str(workdir / "year.sqlite3")],
                 ["floor", str(workdir / "year.sqlite3"), str(workdir / "year-floor.sqlite3")]):
        subprocess.run([sys.executable, str(ROOT / "bench" / "store_year.py"), *args], cwd=ROOT, check=True,
                       capture_output=True)
    with sqlite3.connect(workdir / "year.sqlite3") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir")
    parser.add_argument("--sales", type=int, default=10)
    parser.add_argument("--receipts", type=int, default=3)
    parser.add_argument("--side", choices=("app", "floor"), help=argparse.SUPPRESS)  # one counted run
    parser.add_argument("--setup-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    if args.side == "app":
        app_side(workdir, args.sales, args.receipts, args.setup_only)
        return 0
    if args.side == "floor":
        floor_side(workdir, args.setup_only)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is needed (apt-get install valgrind)", file=sys.stderr)
        return 2
    _year(workdir)
    documents = args.sales + args.receipts
    counted = {}
    for side in ("app", "floor"):  # the start first: the app's whole run leaves what the floor reads
        start = _instructions(workdir, side, True, args.sales, args.receipts)
        counted[side] = _instructions(workdir, side, False, args.sales, args.receipts) - start
    print(json.dumps({"documents": documents, "lines": PRODUCTS,
                      "app_per_document": counted["app"] // documents, "floor_per_document": counted["floor"] // documents,
                      "app_over_floor": round(counted["app"] / counted["floor"], 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
