"""Issue 15's store year, headless: P1 (posting in batches of 1,000 moves) and P6 (peak memory).

    python bench/store_year.py app DB [--products 5000] [--moves 100000] [--seed 1]
    python bench/store_year.py floor SERVICE_DB FLOOR_DB
    python bench/store_year.py both WORKDIR [--repeat 3]   # P1 alone: app then floor, medians printed

`app` creates the products through the services and posts the year — 100,000 moves over 365
days, 30 % receipts into lots, 70 % FEFO sales — as documents of about 1,000 moves, each one
`ledger.post_document`. `floor` writes the very same moves (read back from the app's database
before the clock starts) into a minimal schema with a balance table (bench/floor.py). Each is a
process of its own so its peak memory (ru_maxrss) is its own; each prints one JSON line:
{"batches": [[moves, seconds, cpu seconds], ...], "peak_mb": …}. CPU seconds (the process's own, not the
machine's waiting) are the figure to compare on a loaded machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import deque
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BATCH = 1000  # moves per document
DAYS = 365
RECEIPT_QTY = 8
RECEIPT_SLOTS = (0, 3, 6)  # of every 10 documents: 3 receipts, 7 sales


def peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec,
    so a child forked from a big parent would report the parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux, bytes on macOS


class YearPlanner:
    """Plans the year's documents on an in-memory mirror of the stock (demo_sim.Stock's FEFO), so
    every sale fits; the day moves on at each receipt and that day's sales follow it."""

    def __init__(self, catalogue, ids: list[int], seed: int, first_day: dt.date, receipts: int):
        from services.demo.simulation import Stock

        self.catalogue, self.ids = catalogue, ids
        self.rng = random.Random(f"xiaopu-store-year:{seed}")
        self.stock = Stock(len(ids))
        self.cursor = 0
        self.recent: deque[int] = deque(maxlen=3 * BATCH)
        self.first_day, self.receipts, self.received = first_day, receipts, 0
        self.day = first_day
        self.moves = 0

    def receipt(self) -> list[tuple[int, Decimal, Decimal]]:
        """(product index, quantity, unit cost) of BATCH products, round the catalogue."""
        self.day = self.first_day + dt.timedelta(days=DAYS * self.received // max(1, self.receipts))
        self.received += 1
        lines = []
        for _ in range(BATCH):
            index = self.cursor % len(self.ids)
            self.cursor += 1
            product = self.catalogue[index]
            self.stock.add(index, self.day + dt.timedelta(days=product.shelf_life), Decimal(RECEIPT_QTY))
            self.recent.append(index)
            lines.append((index, Decimal(RECEIPT_QTY), product.cost))
        self.moves += len(lines)
        return lines

    def sale(self) -> list[tuple[int, Decimal]]:
        """(product index, quantity) until the FEFO splits make BATCH moves."""
        from bench.workload import fefo_sales

        lines, moves = [], 0
        for index, qty, split in fefo_sales(self.stock, self.rng, self.recent, self.day):
            moves += split
            lines.append((index, qty))
            if moves >= BATCH:
                break
        self.moves += moves
        return lines


def run_app(db: Path, products: int, moves: int, seed: int) -> dict:
    from bench.workload import create_products, shop_time
    from models import Move, open_database
    from services.catalog.locations import default_store, virtual
    from services.core.clock import clock_at, today
    from services.core.messages import set_language
    from services.shop.setup import initialise
    from services.stock import ledger

    set_language("zh_CN")
    open_database(db)
    owner = initialise()
    catalogue, ids, product_seconds = create_products(owner, products, seed)
    documents = max(1, moves // BATCH)
    receipts = sum(1 for n in range(documents) if n % 10 in RECEIPT_SLOTS)
    planner = YearPlanner(catalogue, ids, seed, today() - dt.timedelta(days=DAYS), receipts)
    store, supplier, customer = default_store().id, virtual("supplier").id, virtual("customer").id
    batches = []
    for n in range(documents):
        before = planner.moves
        if n % 10 in RECEIPT_SLOTS:
            kind = "receipt"
            lines = [ledger.Line(ids[i], q, supplier, store, unit_cost=c) for i, q, c in planner.receipt()]
        else:
            kind = "sale"
            lines = [ledger.Line(ids[i], q, store, customer) for i, q in planner.sale()]
        with clock_at(shop_time(planner.day)):  # posted on its day, not back-dated
            start, cpu = time.perf_counter(), time.process_time()
            ledger.post_document(owner, kind, lines, key=f"year:{n}", doc_date=planner.day, partner="基准测试")
            batches.append([planner.moves - before, time.perf_counter() - start, time.process_time() - cpu])
    written = Move.select().count()
    assert written == planner.moves, f"the plan had {planner.moves} moves, the ledger wrote {written}"
    return {"batches": batches, "product_seconds": product_seconds, "peak_mb": peak_mb()}


def run_floor(service_db: Path, floor_db: Path) -> dict:
    from bench.floor import store_year_floor

    return {"batches": store_year_floor(service_db, floor_db), "peak_mb": peak_mb()}


def growth(batches: list[list[float]], n: int = 10, column: int = 1) -> float:
    """Seconds per move of the last n batches ÷ the first n (column 2: CPU seconds)."""
    def per_move(part):
        return sum(b[column] for b in part) / sum(b[0] for b in part)
    return per_move(batches[-n:]) / per_move(batches[:n])


def rate(batches: list[list[float]], column: int = 1) -> float:
    """Moves per second over all batches (column 2: per CPU second)."""
    return sum(b[0] for b in batches) / sum(b[column] for b in batches)


def measure(workdir: Path, products: int, moves: int, seed: int) -> dict:
    """Both sides in processes of their own, one after the other: {"app": …, "floor": …} as they printed."""
    app_db, floor_db = workdir / "year.sqlite3", workdir / "year-floor.sqlite3"

    def side(*args: str) -> dict:
        done = subprocess.run([sys.executable, str(Path(__file__)), *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=3600, check=False)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        return json.loads(done.stdout.strip().splitlines()[-1])

    app = side("app", str(app_db), "--products", str(products), "--moves", str(moves), "--seed", str(seed))
    return {"app": app, "floor": side("floor", str(app_db), str(floor_db))}


def fastest(runs: list[list[list[float]]]) -> list[list[float]]:
    """Each batch's fastest of several runs of the same year ([moves, seconds, CPU seconds] each): on a shared
    machine the load comes and goes by the minute, and a batch's fastest run is the one it slowed least."""
    return [[batch[0][0], min(b[1] for b in batch), min(b[2] for b in batch)] for batch in zip(*runs, strict=True)]


def measure_best(workdir: Path, products: int, moves: int, seed: int, rounds: int = 3) -> dict:
    """`measure` `rounds` times, app and floor in turn, each from a new year: each side's batches the fastest of
    the rounds (`fastest`), its peak memory the largest. The last round's year stays in `workdir`."""
    years = []
    for _ in range(rounds):
        for old in workdir.glob("year*.sqlite3*"):
            old.unlink()
        years.append(measure(workdir, products, moves, seed))
    return {side: {"batches": fastest([year[side]["batches"] for year in years]),
                   "peak_mb": max(year[side]["peak_mb"] for year in years), "rounds": rounds}
            for side in ("app", "floor")}


def report_p1(workdir: Path, products: int, moves: int, seed: int, repeat: int) -> int:
    """P1 without the rest of run_bench: per run and the medians, wall and CPU, with the load average."""
    workdir.mkdir(parents=True, exist_ok=True)
    runs = []
    for _ in range(repeat):
        for old in workdir.glob("year*.sqlite3*"):
            old.unlink()
        load = os.getloadavg()[0]
        year = measure(workdir, products, moves, seed)
        app, raw = year["app"]["batches"], year["floor"]["batches"]
        runs.append((rate(app), rate(raw), rate(app, 2), rate(raw, 2), growth(app), growth(app, column=2),
                     growth(raw), growth(raw, column=2), load))
        print("moves/s app {:,.0f} floor {:,.0f} (CPU: app {:,.0f} floor {:,.0f}); growth app {:.2f} CPU {:.2f}, "
              "floor {:.2f} CPU {:.2f}; load {:.1f}".format(*runs[-1]), flush=True)
    mid = [statistics.median(column) for column in zip(*runs, strict=True)]
    print(f"median: app ÷ floor {mid[1] / mid[0]:.2f}× wall, {mid[3] / mid[2]:.2f}× CPU; growth {mid[4]:.2f} wall, "
          f"{mid[5]:.2f} CPU (floor {mid[6]:.2f} / {mid[7]:.2f}); load {mid[8]:.1f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("side", choices=("app", "floor", "both"))
    parser.add_argument("db", help="the app's database (both: a working folder)")
    parser.add_argument("floor_db", nargs="?")
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--moves", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="both: runs, alternating app and floor")
    args = parser.parse_args(argv)
    if args.side == "both":
        return report_p1(Path(args.db), args.products, args.moves, args.seed, args.repeat)
    if args.side == "app":
        result = run_app(Path(args.db), args.products, args.moves, args.seed)
    else:
        result = run_floor(Path(args.db), Path(args.floor_db))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
