"""Xiaopu benchmark: the services against a raw sqlite3 floor doing the same work, same run.

    python bench/run_bench.py [--products 5000] [--moves 100000] [--no-demo] [--keep DIR]

Builds a shop of 5,000 products and 100,000 moves through the services, replays the very
same rows with plain sqlite3 (same pragmas, one transaction per document), then times the
reads the GUI depends on and the start-up of the window. Prints a table and writes
bench/results.md. Numbers, not pass/fail: the "met" column only compares with the target.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import peewee  # noqa: E402

from bench import floor, io_bench, startup_bench, stock_reads, store_year  # noqa: E402
from bench.pg_bench import pg_rows  # noqa: E402
from bench.report_floors import report_floors  # noqa: E402
from bench.table import Row, table  # noqa: E402
from bench.workload import LINES, build  # noqa: E402
from models import Location, database, open_database  # noqa: E402
from services.core.clock import today  # noqa: E402
from services.core.messages import set_language  # noqa: E402
from services.shop.setup import initialise  # noqa: E402

REPORT_REPEAT = 5  # each report reads the whole period: a few runs give a steady median
QT_FLOOR = ("from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication([]); "
            "w = QMainWindow(); w.show(); app.processEvents(); w.close()")


def median_ms(action, repeat: int) -> float:
    return floor.median_seconds(action, repeat) * 1000


def time_reads(codes: list[str], repeat: int) -> dict[str, float]:
    from services.catalog.products import count_products, find_by_barcode, search_products
    from services.stock.stock import stock_rows

    it = iter(codes * (repeat // len(codes) + 1))
    return {
        "stock": median_ms(stock_rows, max(3, repeat // 20)),
        "barcode": median_ms(lambda: find_by_barcode(next(it)), repeat),
        "page": median_ms(lambda: (search_products(limit=200), count_products()), max(5, repeat // 10)),
        "rows": len(stock_rows()),
    }


def seed_returns_and_counts(actor, seed: int, returns: int = 150) -> tuple[int, int]:
    """What the workload lacks for the supplier-return and stocktake reports: the receipts' supplier
    (基准测试) gets `returns` returns of 1–3 products spread over the history, and the six smallest
    categories are counted, each line within ±1 of the system (some exact). Posted after the timed
    documents, so the floor's replay of single documents is not mixed with them. Returns (returns, lines)."""
    from models import Balance, Product
    from services.catalog.locations import default_store
    from services.core.errors import StockError
    from services.purchasing import purchase_returns, suppliers
    from services.stocktake import sessions
    from services.stocktake.posting import post

    rng = random.Random(f"xiaopu-bench-returns:{seed}")
    supplier = suppliers.save_supplier(actor, suppliers.SupplierInput(name="基准测试", code="BENCH"))
    store = default_store().id
    held = [pid for (pid,) in Balance.select(Balance.product).where(
        (Balance.location == store) & (Balance.quantity >= 3)).distinct().tuples()]
    for n in range(returns):
        lines = [purchase_returns.ReturnLineInput(pid, 1) for pid in rng.sample(held, rng.randint(1, 3))]
        for days_back in (rng.randint(0, 55), rng.randint(0, 20), 0):  # the lot must have been there that day
            try:
                purchase_returns.return_to_supplier(actor, supplier.id, lines, "质量问题", key=f"bench-return:{n}",
                                                    on=today() - dt.timedelta(days=days_back))
                break
            except StockError:
                continue
    categories = [c for (c,) in Product.select(Product.category).join(Balance, on=(Balance.product == Product.id))
                  .where(Balance.quantity > 0).group_by(Product.category)
                  .order_by(peewee.fn.COUNT(Balance.id)).tuples()][:6]
    system = {(pid, lot, loc): qty for pid, lot, loc, qty in Balance.select(
        Balance.product, Balance.lot, Balance.location, Balance.quantity).tuples()}
    lines = 0
    for category in categories:
        session = sessions.start_session(actor, "category", category)
        for line in session.lines:
            held = system.get((line.product_id, line.lot_id, line.location_id), Decimal(0))
            sessions.set_line(actor, session.id, line.id, max(Decimal(0), held + rng.choice((-1, 0, 0, 0, 1))))
            lines += 1
        sessions.submit_for_review(actor, session.id)
        post(actor, session.id)
    return returns, lines


def time_reports(actor, repeat: int) -> dict[str, float]:
    """The KPI report of the 28 days up to today and the dashboard, as `report kpi|dashboard` run them;
    the basket pairs of those 28 days, the week's audit report, and the reconciliation's swing check
    (its integrity check is `check`'s, its stuck documents a few indexed selects); the sales report's
    first page by product (as the window asks for it), the 临期 worklist, supplier returns of the last
    three months and the stocktake trend. The worklist, the demand of every product and the purchase
    suggestions are timed cold: the demand computation kept for a ledger state is dropped before each."""
    from services.purchasing.suggestions import suggest
    from services.reports.audit_week import audit_week
    from services.reports.basket import basket_report
    from services.reports.dashboard import dashboard
    from services.reports.expiry_worklist import expiry_worklist
    from services.reports.kpi import kpi
    from services.reports.reconcile import stock_swings
    from services.reports.sales import sales_report
    from services.reports.stocktake_trend import stocktake_trend
    from services.reports.supplier_returns import supplier_returns
    from services.stock.demand import demand_by_product
    from services.stock.demand_cache import forget

    return {"kpi": median_ms(lambda: kpi(actor), repeat), "dashboard": median_ms(lambda: dashboard(actor), repeat),
            "basket": median_ms(basket_report, repeat), "audit": median_ms(lambda: audit_week(actor), repeat),
            "swings": median_ms(lambda: stock_swings(today()), repeat),
            "sales_page": median_ms(lambda: sales_report(actor, limit=200), repeat),
            "expiry": median_ms(lambda: (forget(), expiry_worklist(actor)), repeat),
            "demand": median_ms(lambda: (forget(), demand_by_product(today(), 7)), repeat),
            "suggest": median_ms(lambda: (forget(), suggest()), max(3, repeat // 2)),
            "supplier_returns": median_ms(lambda: supplier_returns(actor, returned_only=True), repeat),
            "supplier_returns_all": median_ms(lambda: supplier_returns(actor), repeat),
            "stocktake_trend": median_ms(lambda: stocktake_trend(actor), repeat)}


def startup_seconds(db: Path, repeat: int = 3) -> tuple[float | None, float, str]:
    """Median wall time of `main.py --db F --smoke-test` (offscreen), and of bare Qt showing a window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def run(args: list[str]) -> tuple[float, subprocess.CompletedProcess]:
        start = time.perf_counter()
        done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        return time.perf_counter() - start, done

    app, qt = [], []
    note = ""
    for _ in range(repeat):
        seconds, done = run([sys.executable, "main.py", "--db", str(db), "--smoke-test"])
        if done.returncode != 0:
            note = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1][:120]
            break
        app.append(seconds)
        qt.append(run([sys.executable, "-c", QT_FLOOR])[0])
    qt_floor = statistics.median(qt) if qt else run([sys.executable, "-c", QT_FLOOR])[0]
    return (statistics.median(app) if app else None), qt_floor, note


def time_product_import(workdir: Path, count: int) -> float:
    """Import `count` new products from one .xlsx, all rows checked first, in the open database."""
    import openpyxl

    from services.core.users import default_user
    from services.imports.product_import import import_products

    path = workdir / "products.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["SKU编码", "名称", "规格", "单位", "分类", "保质期天数", "进价", "售价"])
    for i in range(count):
        sheet.append([f"IMP{i:06d}", f"导入商品{i}", "500g", "个", "杂货", 30, 2.5, 3.8])
    book.save(path)
    start = time.perf_counter()
    result = import_products(default_user(), path)
    seconds = time.perf_counter() - start
    assert result.created == count, result
    return seconds


def time_demo(workdir: Path) -> tuple[float, float]:
    """Default demo (420 products, 90 days) in a fresh database, as `python main.py demo` runs it: wall
    seconds and the CPU seconds it used (on a shared machine the wall time includes waiting)."""
    target = workdir / "demo.sqlite3"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "main.py", "--db", str(target), "demo"], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--moves", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--singles", type=int, default=60, help="20-line documents timed one by one")
    parser.add_argument("--repeat", type=int, default=400, help="barcode lookups (other reads fewer)")
    parser.add_argument("--no-demo", action="store_true", help="skip timing the default demo")
    parser.add_argument("--keep", help="build the databases in this folder and keep them")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.md"))
    parser.add_argument("--p1-rounds", type=int, default=3,
                        help="store years posted for P1, app and floor in turn; each batch's fastest counts")
    args = parser.parse_args(argv)
    set_language("zh_CN")

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="xiaopu-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    service_db, floor_db = workdir / "service.sqlite3", workdir / "floor.sqlite3"
    for old in workdir.glob("*.sqlite3*"):
        old.unlink()

    def say(text: str) -> None:
        print(text, flush=True)

    try:
        say(f"issue 15 P1 and P6: the store year ({args.products} products, {args.moves} moves) headless ...")
        year = store_year.measure_best(workdir, args.products, args.moves, args.seed, args.p1_rounds)
        stock = stock_reads.measure(workdir / "year.sqlite3")  # P3–P5 on the store year, against their floor
        open_database(service_db)
        owner = initialise()
        say(f"building {args.products} products and {args.moves} moves through the services ...")
        built, poster = build(owner, args.products, args.moves, args.seed, say)
        throughput = built.moves / built.posting_seconds
        say(f"posted {built.documents} documents, {built.moves} moves in {built.posting_seconds:.1f} s")

        receipts = [poster.post("receipt") * 1000 for _ in range(args.singles)]  # P2
        singles = [poster.post("sale") * 1000 for _ in range(args.singles)]
        rng = random.Random(args.seed)
        codes = [p.barcode for p in rng.sample(built.catalogue, min(500, len(built.catalogue)))]
        reads = time_reads(codes, args.repeat)
        say("adding supplier returns and counts for their reports ...")
        returned, counted = seed_returns_and_counts(owner, args.seed)
        reports = time_reports(owner, REPORT_REPEAT)
        say(f"importing {args.products} products from Excel ...")
        import_seconds = time_product_import(workdir, args.products)
        real = {loc.id for loc in Location.select() if not loc.is_virtual}
        database.close()

        say("replaying the same rows with raw sqlite3 ...")
        writes = floor.read_writes(service_db, real)
        floor.prepare_floor_db(service_db, floor_db)
        floor_times = floor.replay_documents(floor_db, writes)
        build_docs = built.documents
        floor_build = sum(floor_times[:build_docs])
        floor_moves = sum(len(w.moves) for w in writes[:build_docs])
        receipts_floor = floor_times[build_docs:build_docs + len(receipts)]
        singles_floor = floor_times[build_docs + len(receipts):build_docs + len(receipts) + len(singles)]
        floor_single = statistics.median(singles_floor) * 1000 if singles_floor else None  # returns, counts after
        floor_receipt = statistics.median(receipts_floor) * 1000 if receipts_floor else None
        floor_reads = floor.read_floors(service_db, codes, args.repeat)
        floor_reports = report_floors(service_db, today(), REPORT_REPEAT)

        say("timing start-up (--smoke-test, offscreen) ...")
        startup, qt_floor, startup_note = startup_seconds(service_db)
        demo_seconds, demo_cpu = (None, None) if args.no_demo else time_demo(workdir)
        say("timing the first painted window (demo and empty shop, warm and cold) ...")
        first_paint = startup_bench.measure(None if args.no_demo else workdir / "demo.sqlite3")
        io_bench.main(["--db", str(service_db), "--keep", str(workdir / "io")])  # files in and out
    finally:
        if not database.is_closed():
            database.close()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    single_note = f"median of {args.singles}; p90 {statistics.quantiles(singles, n=10)[-1]:.1f} ms" \
        if len(singles) >= 2 else ""
    rows = [
        *issue15_writing_rows(year, receipts, floor_receipt),
        *[Row(*r) for r in stock_reads.table_rows(stock)],
        Row(f"posting throughput (documents of ≤ {LINES} lines)", throughput, "moves/s", 3,
            floor_moves / floor_build, higher_is_better=True, target_is_ratio=True,
            note=f"{built.documents} documents, {built.moves} moves"),
        Row(f"one {LINES}-line sale posted", statistics.median(singles) if singles else None, "ms", 50,
            floor_single, note=single_note),
        Row("stock of all products (stock_rows)", reads["stock"], "ms", 100, floor_reads["stock"] * 1000,
            note=f"{reads['rows']} rows"),
        Row("barcode lookup (find_by_barcode)", reads["barcode"], "ms", 2, floor_reads["barcode"] * 1000,
            note=f"median of {args.repeat}"),
        Row("products first page (search 200 + count)", reads["page"], "ms", 100, floor_reads["page"] * 1000),
        Row("KPI report, 28 days (report kpi)", reports["kpi"], "ms", 300, floor_reports["kpi"] * 1000,
            note="floor: the same questions in hand-written SQL, rows fetched, no figures computed"),
        Row("dashboard, today and this week (report dashboard)", reports["dashboard"], "ms", 300,
            floor_reports["dashboard"] * 1000, note="floor: as for the KPI report"),
        Row("basket pairs, 28 days (report basket)", reports["basket"], "ms", 300, floor_reports["basket"] * 1000,
            note="floor: the same pair counts and basket total in hand-written SQL"),
        Row("audit and security, 7 days (report audit)", reports["audit"], "ms", 300),
        Row("reconciliation's ±10% swing check (report reconcile)", reports["swings"], "ms", 300,
            floor_reports["swings"] * 1000, note="floor: the same per-product ledger and balance sums"),
        Row("sales report, first page of 200 by product, 28 days (report sales --limit 200)", reports["sales_page"],
            "ms", 300, floor_reports["sales_page"] * 1000,
            note="floor: the same per-product sums ranked with count, totals and running sum, first 200 rows"),
        Row("临期 worklist (report expiry)", reports["expiry"], "ms", 300, floor_reports["expiry"] * 1000,
            note="floor: the lots, the demand questions for the products with a lot that can still sell, "
                 "actions"),
        Row("demand of every product, 28 days (demand_by_product)", reports["demand"], "ms", None,
            floor_reports["demand"] * 1000, note="floor: sales and write-offs by product, day and hour, stock, "
                                                 "daily net flows, lost sales by day"),
        Row("purchase suggestions of every product (suggest)", reports["suggest"], "ms",
            note="demand, stock, orders and terms read once; each product's run-down walked"),
        Row("supplier returns, 3 months, what was returned (the window; report supplier-returns --returned-only)",
            reports["supplier_returns"], "ms", 300, floor_reports["supplier_returns"] * 1000,
            note=f"{returned} returns to the receipts' supplier; floor: received and returned by product and day"),
        Row("supplier returns, 3 months, every product received (report supplier-returns)",
            reports["supplier_returns_all"], "ms", None, floor_reports["supplier_returns"] * 1000,
            note="a row of months for each of the products received, most at 0.00 %"),
        Row("stocktake trend (report stocktake-trend)", reports["stocktake_trend"], "ms", 300,
            floor_reports["stocktake_trend"] * 1000,
            note=f"6 category counts, {counted} lines; floor: one grouped pass over the counted lines"),
        Row("start-up to window (--smoke-test)", startup, "s", None, qt_floor,
            note=startup_note or "every tab and report view rendered (CI); floor: bare PySide6 QApplication + "
                                 "QMainWindow"),
        *[Row(*r) for r in startup_bench.table_rows(first_paint)],  # issue 15: what the owner waits for
        Row(f"create {args.products} products (save_clean, 1 transaction)", built.product_seconds, "s"),
        Row(f"import {args.products} products from one .xlsx (checked, all or nothing)", import_seconds, "s"),
    ]
    if demo_seconds is not None:
        rows.append(Row("demo 420 products × 90 days (`main.py demo`)", demo_seconds, "s", 20,
                        note=f"{demo_cpu:.1f} s of CPU"))
    rows += pg_rows(args, Row)  # issue 16: the store year on PostgreSQL when XIAOPU_BENCH_PG names a server
    lines = table(rows)
    print("\n".join(lines))
    notes = [f"- {r.figure}: {r.note}" for r in rows if r.note]
    write_results(Path(args.results), args, lines, notes)
    return 0


def issue15_writing_rows(year: dict, receipts: list[float], floor_receipt: float | None) -> list[Row]:
    """Issue 15's P1, P2 and P6 against the floor of the same run."""
    app, raw = year["app"]["batches"], year["floor"]["batches"]
    p2_note = f"median of {len(receipts)}; p90 {statistics.quantiles(receipts, n=10)[-1]:.1f} ms; " \
        "floor: the same rows re-written" if len(receipts) >= 2 else ""
    return [
        Row(f"P1 posting, batches of {store_year.BATCH:,} moves", store_year.rate(app), "moves/s", 3,
            store_year.rate(raw), higher_is_better=True, target_is_ratio=True,
            note=f"{len(app)} documents, {sum(b[0] for b in app):,} moves over "
                 f"{store_year.DAYS} days, each batch's fastest of {year['app']['rounds']} rounds (app and floor "
                 "in turn); floor: the same moves in a minimal schema"),
        Row("P1 posting per CPU second", store_year.rate(app, 2), "moves/s", 3, store_year.rate(raw, 2),
            higher_is_better=True, target_is_ratio=True, note="each process's own CPU time, load left out"),
        Row("P1 cost growth, last 10 batches ÷ first 10", store_year.growth(app), "×", 1.3, store_year.growth(raw)),
        Row("P1 cost growth in CPU time", store_year.growth(app, column=2), "×", 1.3,
            store_year.growth(raw, column=2)),
        Row(f"P2 one {LINES}-line receipt (synchronous=FULL)", statistics.median(receipts) if receipts else None,
            "ms", 5, floor_receipt, note=p2_note),
        Row("P6 peak memory of the headless store-year run", year["app"]["peak_mb"], "MB", 100,
            year["floor"]["peak_mb"], note="peak resident memory (VmHWM) of each side's own process"),
    ]


def write_results(path: Path, args: argparse.Namespace, lines: list[str], notes: list[str]) -> None:
    machine = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
               f"SQLite {sqlite3.sqlite_version}, peewee {peewee.__version__}")
    text = [
        "# Benchmark results",
        "",
        f"`python bench/run_bench.py --products {args.products} --moves {args.moves}` on {today()}",
        f"({machine}; database files on the local disk, WAL, synchronous=FULL).",
        "",
        *lines,
        "",
        *notes,
        "",
        "Workload: products from the demo catalogue; documents of ≤ 20 lines over 60 days: receipts",
        "(new lots from date + shelf life), FEFO sales that split over lots, and each morning's write-off",
        "of expired lots, all through `services.stock.ledger.post_document`. Start-up runs on that database.",
        "",
        "The raw floor re-writes the very rows the services wrote (document, new lots, moves, balance",
        "upserts, audit event, number counter) with plain `sqlite3`, one `BEGIN IMMEDIATE … COMMIT` per",
        "document and the same pragmas; the read floors run hand-written SQL for the same answer.",
        "Ratio = result / floor (for throughput: floor / result), so 1.0× is the floor itself.",
        "",
    ]
    path.write_text("\n".join(text), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
