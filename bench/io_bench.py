"""Files in and out (issue 15): import 10,000 products from .xlsx and how long it holds the write lock,
export 100,000 moves beside a plain openpyxl write of the same rows, thermal labels and A4 label sheets.

    python bench/io_bench.py                      # builds its own shop in a temp folder
    python bench/io_bench.py --db shop.sqlite3    # export the moves of an existing database (a copy)

The lock hold is seen from outside, as the counter sees it: a second connection tries BEGIN IMMEDIATE
(busy timeout 0) every millisecond during the import; the longest run of refusals is the hold.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _ean13(number: int) -> str:
    body = f"69{number:010d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def write_products_xlsx(path: Path, count: int, price: float = 3.8) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["SKU编码", "条码", "名称", "规格", "单位", "分类", "保质期天数", "进价", "售价"])
    for i in range(count):
        sheet.append([f"IMP{i:06d}", _ean13(500_000 + i), f"导入商品{i}号 鲜牛奶", "500g", "个", "杂货", 30, 2.5, price])
    book.save(path)
    return path


class LockProbe:
    """A second connection asking for the write lock every millisecond; `longest` = the longest refusal."""

    def __init__(self, db: Path):
        self.db, self.longest, self.refused = db, 0.0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        conn = sqlite3.connect(self.db, timeout=0, isolation_level=None)
        since = None
        while not self._stop.is_set():
            now = time.perf_counter()
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
                if since is not None:
                    self.longest = max(self.longest, now - since)
                since = None
            except sqlite3.OperationalError:
                self.refused += 1
                since = since if since is not None else now
            time.sleep(0.001)
        if since is not None:
            self.longest = max(self.longest, time.perf_counter() - since)
        conn.close()

    def __enter__(self) -> LockProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def bench_import(workdir: Path, count: int) -> dict[str, float]:
    from models import database, open_database
    from services.imports.product_import import import_products
    from services.shop.setup import initialise

    db = workdir / "import.sqlite3"
    open_database(db)
    owner = initialise()
    figures = {}
    for key, price in (("import", 3.8), ("update", 4.2)):  # new products, then every price changed
        path = write_products_xlsx(workdir / f"{key}.xlsx", count, price)
        with LockProbe(db) as probe:
            start, cpu = time.perf_counter(), time.process_time()
            result = import_products(owner, path)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert (result.created if key == "import" else result.updated) == count, result.message
        figures |= {f"{key}_s": seconds, f"{key}_cpu": cpu, f"{key}_lock_s": probe.longest,
                    f"{key}_rows_per_s": count / seconds}
    database.close()
    return figures


def build_moves_db(workdir: Path, products: int, moves: int) -> Path:
    from bench.workload import build
    from models import database, open_database
    from services.shop.setup import initialise

    db = workdir / "moves.sqlite3"
    open_database(db)
    build(initialise(), products, moves, 1, lambda text: print(text, flush=True))
    database.close()
    return db


def plain_openpyxl_moves(db: Path, out: Path) -> tuple[float, int]:
    """The floor: the same rows (one query, raw sqlite3) appended as plain tuples to a write-only book."""
    from openpyxl import Workbook

    start, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db)
    query = ("SELECT m.move_date, d.number, d.doc_type, u.username, p.sku, p.name, l.code, l.expiry_date, "
             "fl.name, tl.name, m.quantity, p.base_unit, m.unit_cost, d.posted_at FROM move m "
             "JOIN document d ON d.id = m.document_id JOIN user u ON u.id = d.created_by_id "
             "JOIN product p ON p.id = m.product_id LEFT JOIN lot l ON l.id = m.lot_id "
             "LEFT JOIN location fl ON fl.id = m.from_location_id LEFT JOIN location tl ON tl.id = m.to_location_id "
             "ORDER BY m.id")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("库存流水")
    count = 0
    for row in conn.execute(query):
        sheet.append(row)
        count += 1
    book.save(out)
    conn.close()
    return time.perf_counter() - start, time.process_time() - cpu, count


def bench_export(db: Path, workdir: Path) -> dict[str, float]:
    from models import database, open_database
    from services.exports.stock import export_moves

    copy = workdir / "export.sqlite3"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the WAL's pages too, which a file copy would miss
    open_database(copy)
    start, cpu = time.perf_counter(), time.process_time()
    rows = export_moves(workdir / "moves.xlsx")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    database.close()
    floor, floor_cpu, floor_rows = plain_openpyxl_moves(copy, workdir / "moves_floor.xlsx")
    assert floor_rows == rows, (floor_rows, rows)
    return {"export_s": seconds, "export_cpu": cpu, "export_rows": rows, "floor_s": floor, "floor_cpu": floor_cpu}


def sample_labels(count: int, distinct: int):
    import datetime as dt
    import json

    from reports.print_data import BarcodeValue, ProductLabel

    labels = []
    for i in range(count):
        n = i % distinct
        sku = f"P{n:05d}"
        qr = json.dumps({"type": "product", "sku": sku, "lot": f"L2612{n:03d}"}, separators=(",", ":"))
        labels.append(ProductLabel(sku, f"蓝莓 125g 盒装 第{n}号", "125g", "盒", Decimal("12.80"),
                                   BarcodeValue(_ean13(n), "ean13"), qr, f"L2612{n:03d}", dt.date(2026, 12, 20)))
    return labels


def bench_labels(workdir: Path) -> dict[str, float]:
    from reports.labels import build_labels_pdf
    from reports.pdf_common import register_font

    register_font()  # once per process in the app too; not part of a print
    figures = {}
    for key, layout, count, distinct in (("thermal_s", "40x30", 100, 1), ("thermal_distinct_s", "40x30", 100, 100),
                                         ("a4_s", "a4-3x8", 2400, 1), ("a4_distinct_s", "a4-3x8", 2400, 100)):
        labels = sample_labels(count, distinct)
        cpu = time.process_time()
        build_labels_pdf(labels, layout, workdir / f"{key}.pdf")
        figures[key] = time.process_time() - cpu  # CPU seconds: no database, nothing to wait for
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=10_000, help="rows in the imported .xlsx")
    parser.add_argument("--moves", type=int, default=100_000, help="moves to build for the export")
    parser.add_argument("--db", help="export the moves of this database instead of building one")
    parser.add_argument("--only", choices=["import", "export", "labels"], action="append")
    parser.add_argument("--keep", help="work in this folder and keep it")
    args = parser.parse_args(argv)
    from services.core.messages import set_language

    set_language("zh_CN")
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="xiaopu-io-"))
    workdir.mkdir(parents=True, exist_ok=True)
    only = set(args.only or ["import", "export", "labels"])
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        if "import" in only:
            f = bench_import(workdir, args.products)
            for key, what in (("import", "import"), ("update", "re-import with every price changed:")):
                print(f"{what} {args.products} products: {f[key + '_s']:.2f} s, {f[key + '_cpu']:.2f} s CPU "
                      f"({f[key + '_rows_per_s']:,.0f} rows/s), write lock held at most {f[key + '_lock_s']:.3f} s  "
                      f"[targets ≤ 5 s, ≤ 1 s]")
        if "export" in only:
            db = Path(args.db) if args.db else build_moves_db(workdir, 2000, args.moves)
            f = bench_export(db, workdir)
            print(f"export {f['export_rows']:,} moves: {f['export_s']:.2f} s, {f['export_cpu']:.2f} s CPU; plain "
                  f"openpyxl write of the same rows {f['floor_s']:.2f} s, {f['floor_cpu']:.2f} s CPU "
                  f"({f['export_cpu'] / f['floor_cpu']:.2f}× in CPU)  [target ≤ 10 s]")
        if "labels" in only:
            f = bench_labels(workdir)
            print(f"CPU seconds: 100 thermal labels 40x30: {f['thermal_s']:.2f} s (100 products: {f['thermal_distinct_s']:.2f} s); "
                  f"100 A4 sheets (2,400 labels): {f['a4_s']:.2f} s (100 products: {f['a4_distinct_s']:.2f} s)  "
                  f"[targets ≤ 0.5 s, ≤ 3 s]")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
