"""A small shop's database file and six ways it arrives damaged: cut short, random bytes over a page in the
middle, a page of zeros, not SQLite at all, a file of an older Xiaopu schema, an empty file."""
from __future__ import annotations

import random
import sqlite3
from decimal import Decimal
from pathlib import Path

from models import database, open_database


def sound_shop(path: Path) -> Path:
    """40 products received and partly sold, then compacted into one file (no -wal, no free pages)."""
    from services.catalog import locations, products
    from services.shop.setup import initialise
    from services.stock import ledger

    open_database(path)
    owner = initialise()
    supplier, store, customer = locations.virtual("supplier"), locations.default_store(), locations.virtual("customer")
    items = [products.save_product(owner, products.ProductInput(name=f"青菜{i}", sku=f"V{i:02d}", cost="2",
                                                                price="3")) for i in range(40)]
    ledger.post_document(owner, "receipt", [ledger.Line(p.id, Decimal("50"), supplier.id, store.id) for p in items])
    ledger.post_document(owner, "sale", [ledger.Line(p.id, Decimal("3"), store.id, customer.id) for p in items])
    database.execute_sql("PRAGMA journal_mode=DELETE")
    database.execute_sql("VACUUM")
    database.close()
    return path


def _page(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    size, count = conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    return size, count


def damaged_files(folder: Path) -> dict[str, Path]:
    """The six damaged files, by what is wrong with them."""
    from models.migrations import MIGRATIONS

    folder.mkdir(parents=True, exist_ok=True)
    sound = sound_shop(folder / "sound.sqlite3").read_bytes()
    page_size, pages = _page(folder / "sound.sqlite3")
    middle = (pages // 2) * page_size
    noise = random.Random(14)
    files = {}

    def write(name: str, data: bytes) -> None:
        files[name] = folder / f"{name}.sqlite3"
        files[name].write_bytes(data)

    write("truncated", sound[: len(sound) // 2])
    write("random_middle", sound[:middle] + noise.randbytes(page_size // 2) + sound[middle + page_size // 2:])
    write("zeroed_page", sound[:middle] + bytes(page_size) + sound[middle + page_size:])
    write("not_sqlite", noise.randbytes(50_000))
    write("empty", b"")
    older = folder / "older.sqlite3"
    conn = sqlite3.connect(older)
    conn.close()
    open_database(older)
    for number, migration in enumerate(MIGRATIONS[:4], start=1):
        migration(database.obj)
        database.execute_sql(f"PRAGMA user_version = {number}")
    database.execute_sql("PRAGMA journal_mode=DELETE")
    database.close()
    files["older"] = older
    return files


def cli(*argv: str) -> int:
    """The CLI in this process (exit status as main.py returns it), its database closed afterwards."""
    from cli.commands import build_parser, run

    try:
        return run(build_parser().parse_args(list(argv)))
    finally:
        if database.obj is not None:
            database.close()
