"""Issue 15's P2 taken apart: one 20-line receipt posted with synchronous=FULL, its commit timed on its own,
beside the disk's own fsync and the raw-sqlite3 floor writing the same rows, all in the same run.

    python bench/receipt_commit.py [--db STORE_YEAR_DB] [--products 5000] [--count 60]

--db: a database of bench/store_year.py (copied first, the file is not changed); without it a fresh shop
of --products products. Prints medians (ms) of: the receipt as post_document returns; its COMMIT (the WAL
frames written and one fdatasync — strace shows one per commit, two more at a checkpoint every ~15
receipts); the rest (Python and SQL before the commit); the same receipts with synchronous=OFF (what
is left without the fsync); the disk's fdatasync after writing 70 pages (a receipt's WAL frames) to a
file beside the database; and the floor writing the FULL receipts' rows (bench/floor.py) after replaying
every document before them, so its tables and indexes are as large as the app's. The fdatasync and the
floor run after the receipts, and this disk's fdatasync moves between ~3.5 and ~8 ms from one minute to
the next; so each FULL receipt is also followed by 70 frames written as SQLite writes them and synced on a
side file ("paired"), and the COMMIT is compared with that, receipt by receipt.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WAL_PAGES = 70  # WAL frames a 20-line receipt writes (4 KB pages)
# receipts posted before the timed ones: a copied database starts with an empty -wal, and while the file
# grows to its checkpoint size (~1,000 pages, 20 receipts) each fdatasync also commits its new length
WARM_UP = 30


def fsync_floor(folder: Path, count: int) -> float:
    """Median seconds of fdatasync after writing WAL_PAGES pages to a file in `folder`."""
    path = folder / "fsync-floor.bin"
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    times = []
    try:
        for i in range(count):
            os.pwrite(fd, os.urandom(4096) * WAL_PAGES, (i % 10) * WAL_PAGES * 4096)
            start = time.perf_counter()
            os.fdatasync(fd)
            times.append(time.perf_counter() - start)
    finally:
        os.close(fd)
        path.unlink()
    return statistics.median(times)


def open_shop(db: Path, source: Path | None, products: int):
    """(owner, Poster) on a copy of `source` or on a fresh shop."""
    from bench.workload import Poster, create_products
    from models import Barcode, Product, open_database
    from services.core.clock import today
    from services.demo.catalog import demo_products
    from services.shop.setup import initialise

    if source is not None:
        shutil.copyfile(source, db)
    open_database(db)
    owner = initialise()
    if source is None:
        catalogue, ids, _ = create_products(owner, products, 1)
    else:  # the store year's catalogue (bench/store_year.py: create_products(owner, products, seed 1))
        catalogue = demo_products(Product.select().count(), 1)
        codes = dict(Barcode.select(Barcode.code, Barcode.product).tuples())
        ids = [codes[p.barcode] for p in catalogue]
    poster = Poster(owner, catalogue, ids, 1, today())
    poster.count = time.time_ns()  # keys of their own, never a retry of an earlier run's
    return owner, poster


def frames_synced(fd: int, slot: int) -> float:
    """Seconds to write WAL_PAGES frames as SQLite writes them (a 24-byte header, then the page) into `fd`
    at `slot` and fdatasync them."""
    page, header, base = os.urandom(4096), os.urandom(24), slot * WAL_PAGES * 4120
    start = time.perf_counter()
    for i in range(WAL_PAGES):
        os.pwrite(fd, header, base + i * 4120)
        os.pwrite(fd, page, base + i * 4120 + 24)
    os.fdatasync(fd)
    return time.perf_counter() - start


def time_receipts(poster, count: int, after: Callable[[int], None] | None = None,
                  before: Callable[[int], None] | None = None) -> tuple[list[float], list[float]]:
    """Seconds of each receipt and of its commit; `before(i)`/`after(i)` run before/after receipt i, outside
    the clock."""
    from models import database

    commits: list[float] = []
    commit = database.obj.commit

    def timed_commit():
        start = time.perf_counter()
        try:
            return commit()
        finally:
            commits.append(time.perf_counter() - start)

    database.obj.commit = timed_commit
    walls = []
    try:
        for i in range(count):
            if before is not None:
                before(i)
            walls.append(poster.post("receipt"))
            if after is not None:
                after(i)
    finally:
        del database.obj.commit
    return walls, commits


def side_by_side(workdir: Path, source: Path | None, products: int, count: int, app_db: Path,
                 history: list, receipts: list) -> tuple[list[float], list[float]]:
    """The same receipts again on a fresh copy, each one's COMMIT next to the floor writing that receipt's rows
    (after the same history, untimed): (commits, floor transactions), each pair at the same minute of the disk."""
    from bench import floor
    from models import database

    floor_db = workdir / "p2-pair-floor.sqlite3"
    floor.prepare_floor_db(app_db, floor_db)
    replayer = floor.Replayer(floor_db, history + receipts)
    try:
        for writes in history:
            replayer.write(writes)
        _, poster = open_shop(workdir / "p2-pair.sqlite3", source, products)
        for _ in range(WARM_UP):  # the warm-up receipts are in `history`
            poster.post("receipt")
        floors: list[float] = []

        def floor_write(i: int) -> None:
            floors.append(replayer.write(receipts[i]))

        # the floor's transaction right after the receipt's COMMIT, and every other time right before it:
        # whichever comes first after a pause may find the disk slower
        _, commits = time_receipts(poster, count, lambda i: i % 2 or floor_write(i), lambda i: i % 2 and floor_write(i))
        database.close()
    finally:
        replayer.close()
    return commits, floors


def measure(workdir: Path, source: Path | None, products: int, count: int) -> dict[str, float]:
    from bench import floor
    from models import Location, database

    db = workdir / "p2.sqlite3"
    _, poster = open_shop(db, source, products)
    for _ in range(WARM_UP):
        poster.post("receipt")
    before = database.execute_sql("SELECT MAX(id) FROM document").fetchone()[0]
    side, paired = os.open(workdir / "paired.bin", os.O_RDWR | os.O_CREAT), []
    try:
        full, commits = time_receipts(poster, count, lambda i: paired.append(frames_synced(side, i % 10)))
    finally:
        os.close(side)
    database.execute_sql("PRAGMA synchronous=OFF")
    off, _ = time_receipts(poster, count)
    real = {loc.id for loc in Location.select() if not loc.is_virtual}
    database.close()
    writes = [w for w in floor.read_writes(db, real) if w.document[0] <= before + count]
    floor_db = workdir / "p2-floor.sqlite3"
    floor.prepare_floor_db(db, floor_db)
    replay = floor.replay_documents(floor_db, writes)[-count:]  # the history first: tables as large as the app's
    pair_commits, pair_floors = side_by_side(workdir, source, products, count, db, writes[:-count], writes[-count:])
    ms = lambda values: statistics.median(values) * 1000  # noqa: E731
    return {"receipt": ms(full), "commit": ms(commits), "rest": ms([w - c for w, c in zip(full, commits, strict=True)]),
            "no_fsync": ms(off), "fsync": fsync_floor(workdir, count) * 1000, "floor": ms(replay),
            "paired": ms(paired), "commit_over_paired": ms([c - p for c, p in zip(commits, paired, strict=True)]),
            "pair_commit": ms(pair_commits), "pair_floor": ms(pair_floors),
            "commit_over_floor": ms([c - f for c, f in zip(pair_commits, pair_floors, strict=True)]),
            "commit_over_floor_after": ms([c - f for c, f in zip(pair_commits[::2], pair_floors[::2], strict=True)]),
            "commit_over_floor_before": ms([c - f for c, f in zip(pair_commits[1::2], pair_floors[1::2], strict=True)]),
            "load": os.getloadavg()[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a store-year database to copy (bench/store_year.py app DB)")
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--count", type=int, default=60)
    args = parser.parse_args(argv)
    from services.core.messages import set_language

    set_language("zh_CN")
    workdir = Path(tempfile.mkdtemp(prefix="xiaopu-p2-"))
    try:
        f = measure(workdir, Path(args.db) if args.db else None, args.products, args.count)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"P2 one 20-line receipt, synchronous=FULL: {f['receipt']:.2f} ms (commit {f['commit']:.2f}, before it "
          f"{f['rest']:.2f}); synchronous=OFF {f['no_fsync']:.2f} ms; the disk's fdatasync after {WAL_PAGES} pages "
          f"{f['fsync']:.2f} ms; P2 − fdatasync {f['receipt'] - f['fsync']:.2f} ms; floor (same rows, FULL) "
          f"{f['floor']:.2f} ms, floor − fdatasync {f['floor'] - f['fsync']:.2f} ms; the same frames synced right "
          f"after each receipt {f['paired']:.2f} ms, its COMMIT − that {f['commit_over_paired']:.2f} ms; "
          f"side by side: COMMIT {f['pair_commit']:.2f} ms, floor's transaction {f['pair_floor']:.2f} ms, "
          f"COMMIT − floor {f['commit_over_floor']:.2f} ms ({f['commit_over_floor_after']:.2f} with the floor after the "
          f"receipt, {f['commit_over_floor_before']:.2f} before it); load {f['load']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
