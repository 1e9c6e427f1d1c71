"""Issue 15's stock reads, P3–P5: the services against raw sqlite3 asking the same on a minimal schema, same run.

    python bench/stock_reads.py SERVICE_DB [--repeat 200]

P3 stock of all products (`on_hand_by_product`) and the 库存 tab's first page (`stock_page`: 200 rows sorted
in SQL with the whole list's counts); P4 one product by barcode with its stock (`stock_of_code`, the scan
path); P5 stock of every product per lot and location at the end of a past day (`stock_at_date`) in the
middle of the history — the most the ledger can be read from its nearer end — and at the last month's end.
The floor copies the same rows into a minimal schema (product, barcode, lot, location, move with an index on
its date, balance) and answers each question in hand-written SQL, rows fetched. Prints one JSON line;
`run_bench.py` runs it in a process of its own on the store year's database and puts the rows in its table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.floor import connect  # noqa: E402

VIRTUAL = ("supplier", "customer", "loss", "production", "adjustment", "internal")  # models.VIRTUAL_KINDS
SCHEMA = (
    "CREATE TABLE product (id INTEGER PRIMARY KEY, sku TEXT NOT NULL, name TEXT NOT NULL, base_unit TEXT)",
    "CREATE TABLE barcode (code TEXT PRIMARY KEY, product_id INTEGER NOT NULL)",
    "CREATE INDEX barcode_product ON barcode (product_id)",
    "CREATE TABLE location (id INTEGER PRIMARY KEY, code TEXT, name TEXT, real INTEGER NOT NULL)",
    "CREATE TABLE lot (id INTEGER PRIMARY KEY, code TEXT, expiry_date TEXT)",
    "CREATE TABLE move (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, lot_id INTEGER, "
    "from_location_id INTEGER NOT NULL, to_location_id INTEGER NOT NULL, quantity INTEGER NOT NULL, "
    "move_date TEXT NOT NULL)",
    "CREATE INDEX move_date ON move (move_date)",
    "CREATE TABLE balance (product_id INTEGER NOT NULL, lot_id INTEGER, location_id INTEGER NOT NULL, "
    "quantity INTEGER NOT NULL, PRIMARY KEY (product_id, location_id, lot_id))",
)
COPY = (
    "INSERT INTO product SELECT id, sku, name, base_unit FROM src.product",
    "INSERT INTO barcode SELECT code, product_id FROM src.barcode",
    f"INSERT INTO location SELECT id, code, name, kind NOT IN {VIRTUAL} FROM src.location",
    "INSERT INTO lot SELECT id, code, expiry_date FROM src.lot",
    "INSERT INTO move SELECT id, product_id, lot_id, from_location_id, to_location_id, quantity, move_date FROM src.move",
    "INSERT INTO balance SELECT product_id, lot_id, location_id, quantity FROM src.balance",
)
ROW = ("SELECT s.product_id, p.sku, p.name, p.base_unit, s.lot_id, l.code, l.expiry_date, s.location_id, loc.code, "
       "loc.name, s.quantity FROM {source} s JOIN product p ON p.id = s.product_id "
       "JOIN location loc ON loc.id = s.location_id LEFT JOIN lot l ON l.id = s.lot_id {where} "
       "ORDER BY p.sku, l.expiry_date, loc.code {limit}")
COUNTS = ("SELECT COUNT(*), SUM(l.expiry_date < :day), SUM(l.expiry_date >= :day AND l.expiry_date < :near) "
          "FROM balance s LEFT JOIN lot l ON l.id = s.lot_id WHERE s.quantity != 0")
FLOWS = ("SELECT product_id, lot_id, {loc} AS location_id, {sign}quantity AS quantity FROM move "
         "WHERE move_date {op} :day AND {loc} IN (SELECT id FROM location WHERE real)")
AT_DATE = ("(SELECT product_id, lot_id, location_id, SUM(quantity) AS quantity FROM ({flows}) "
           "GROUP BY product_id, lot_id, location_id HAVING SUM(quantity) != 0)")
BY_CODE = ("SELECT bc.code, p.id, p.sku, p.name, p.base_unit, (SELECT TOTAL(quantity) FROM balance b "
           "WHERE b.product_id = p.id AND b.quantity != 0) FROM barcode bc JOIN product p ON p.id = bc.product_id "
           "WHERE bc.code = ?")


def timed(action, repeat: int) -> list[float]:
    """[wall ms, CPU ms], medians of `repeat` runs: on a shared machine the wall time includes the waiting, the
    CPU time of this process (SQLite runs in it) does not."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return [statistics.median(wall) * 1000, statistics.median(cpu) * 1000]


def build_floor(service_db: Path, floor_db: Path) -> None:
    conn = connect(floor_db)
    conn.execute("BEGIN")
    for sql in SCHEMA:
        conn.execute(sql)
    conn.execute("ATTACH DATABASE ? AS src", (str(service_db),))
    for sql in COPY:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.close()


def floor_at_date(conn: sqlite3.Connection, day: str) -> list[tuple]:
    """The service's question the same way: the nearer end of the ledger, one grouped query."""
    after = conn.execute("SELECT COUNT(*) FROM move WHERE move_date > ?", (day,)).fetchone()[0]
    if after * 2 < conn.execute("SELECT MAX(id) FROM move").fetchone()[0]:
        flows = " UNION ALL ".join(
            ["SELECT product_id, lot_id, location_id, quantity FROM balance WHERE quantity != 0 AND location_id IN "
             "(SELECT id FROM location WHERE real)",
             FLOWS.format(loc="to_location_id", sign="-", op=">"), FLOWS.format(loc="from_location_id", sign="", op=">")])
    else:
        flows = " UNION ALL ".join([FLOWS.format(loc="to_location_id", sign="", op="<="),
                                    FLOWS.format(loc="from_location_id", sign="-", op="<=")])
    sql = ROW.format(source=AT_DATE.format(flows=flows), where="", limit="")
    return conn.execute(sql, {"day": day}).fetchall()


def floor_page(conn: sqlite3.Connection, day: str, near: str) -> list[tuple]:
    """The first 200 rows in the list's order, their barcodes, and the whole list's counts."""
    rows = conn.execute(ROW.format(source="balance", where="WHERE s.quantity != 0", limit="LIMIT 200"),
                        {"day": day, "near": near}).fetchall()
    conn.execute(COUNTS, {"day": day, "near": near}).fetchone()
    ids = sorted({r[0] for r in rows})
    conn.execute(f"SELECT product_id, MIN(code) FROM barcode WHERE product_id IN ({', '.join('?' * len(ids))}) "
                 "GROUP BY product_id", ids).fetchall()
    return rows


def days_asked(service_db: Path) -> dict[str, str]:
    """The middle of the history and the end of the month before the last move's."""
    conn = sqlite3.connect(str(service_db))
    first, last = (dt.date.fromisoformat(d) for d in conn.execute("SELECT MIN(move_date), MAX(move_date) FROM move")
                   .fetchone())
    conn.close()
    return {"middle": (first + (last - first) / 2).isoformat(),
            "month_end": (last.replace(day=1) - dt.timedelta(days=1)).isoformat()}


def run(service_db: Path, repeat: int) -> dict:
    """Both sides, each question timed in turn ([wall, CPU] ms); the floor is a copy in a temp folder."""
    from models import Barcode, open_database
    from services.core.clock import today
    from services.stock.stock import StockFilter, on_hand_by_product, stock_of_code, stock_page
    from services.stock.stock_at_date import stock_at_date

    days = days_asked(service_db)
    open_database(service_db)
    codes = [c for (c,) in Barcode.select(Barcode.code).tuples()]
    codes = random.Random(1).sample(codes, min(500, len(codes)))
    it = iter(codes * (repeat // len(codes) + 1))
    app = {"P3 on_hand_by_product": timed(on_hand_by_product, 20),
           "P3 stock_page": timed(lambda: stock_page(StockFilter(), limit=200), 20),
           "P4 stock_of_code": timed(lambda: stock_of_code(next(it)), repeat)}
    sizes = {}
    for name, day in days.items():
        app[f"P5 {name}"] = timed(lambda day=day: stock_at_date(dt.date.fromisoformat(day)), 5)
        sizes[name] = len(stock_at_date(dt.date.fromisoformat(day)))
    on, near = today().isoformat(), (today() + dt.timedelta(days=4)).isoformat()
    with tempfile.TemporaryDirectory(prefix="xiaopu-stock-floor-") as folder:
        floor_db = Path(folder) / "floor.sqlite3"
        build_floor(service_db, floor_db)
        conn = connect(floor_db)
        it = iter(codes * (repeat // len(codes) + 1))
        raw = {"P3 on_hand_by_product": timed(lambda: dict(conn.execute(
                   "SELECT product_id, SUM(quantity) FROM balance WHERE quantity != 0 GROUP BY product_id")), 20),
               "P3 stock_page": timed(lambda: floor_page(conn, on, near), 20),
               "P4 stock_of_code": timed(lambda: conn.execute(BY_CODE, (next(it),)).fetchone(), repeat)}
        for name, day in days.items():
            raw[f"P5 {name}"] = timed(lambda day=day: floor_at_date(conn, day), 5)
            assert len(floor_at_date(conn, day)) == sizes[name], "the floor answers another question"
        moves = conn.execute("SELECT COUNT(*) FROM move").fetchone()[0]
        products = conn.execute("SELECT COUNT(*) FROM product").fetchone()[0]
        conn.close()
    return {"app": app, "floor": raw,
            "days": days, "rows": sizes, "moves": moves, "products": products, "repeat": repeat}


def measure(service_db: Path, repeat: int = 200) -> dict:
    """`run` in a process of its own (the services' database is a process-wide proxy)."""
    done = subprocess.run([sys.executable, str(Path(__file__)), str(service_db), "--repeat", str(repeat)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def table_rows(result: dict) -> list[tuple]:
    """run_bench's Row(figure, value, unit, target, floor, higher_is_better, note) for P3–P5: wall times, the CPU
    times in the note."""
    app, raw, days, rows = result["app"], result["floor"], result["days"], result["rows"]

    def row(figure: str, key: str, target: float, note: str) -> tuple:
        cpu = f"CPU {app[key][1]:.3g} ms, floor {raw[key][1]:.3g} ms"
        return figure, app[key][0], "ms", target, raw[key][0], False, f"{cpu}; {note}" if note else cpu

    return [
        row("P3 stock of all products (on_hand_by_product)", "P3 on_hand_by_product", 30,
            f"{result['products']:,} products, {result['moves']:,} moves (the store year)"),
        row("P3 库存 tab first page (stock_page: 200 rows sorted, counts of all)", "P3 stock_page", 60,
            "floor: the same page, its barcodes and the list's counts"),
        row("P4 one product by barcode with its stock (stock_of_code)", "P4 stock_of_code", 0.5,
            f"median of {result['repeat']}"),
        row(f"P5 stock at the end of {days['middle']}, mid-history (stock_at_date)", "P5 middle", 150,
            f"{rows['middle']} rows; floor: the same nearer-end grouped query"),
        row(f"P5 stock at the end of {days['month_end']}, last month's end (stock_at_date)", "P5 month_end", 150,
            f"{rows['month_end']} rows"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="a service database (the store year: bench/store_year.py app DB)")
    parser.add_argument("--repeat", type=int, default=200, help="barcode scans timed (the other reads fewer)")
    args = parser.parse_args(argv)
    from services.core.messages import set_language

    set_language("zh_CN")
    print(json.dumps(run(Path(args.db), args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
