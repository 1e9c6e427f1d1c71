"""The store year on PostgreSQL (issue 16's targets): posting ≥ 2,000 moves/s and one product by barcode
≤ 2 ms over a local socket, with the same workload as on SQLite (bench/workload.py).

    python bench/pg_bench.py postgresql://root@/postgres?host=/var/run/postgresql [--products N] [--moves N]

The URL names any database on the server; the bench makes its own (xp_bench), drops it after. From
run_bench.py: set XIAOPU_BENCH_PG to that URL and the same rows are added to bench/results.md.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import floor  # noqa: E402
from bench.workload import LINES, build  # noqa: E402
from models import database, open_database  # noqa: E402
from services.core.messages import set_language  # noqa: E402
from services.shop.setup import initialise  # noqa: E402

ENV = "XIAOPU_BENCH_PG"
BENCH_DB = "xp_bench"


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


@contextmanager
def fresh_database(url: str, name: str) -> Iterator[str]:
    """A new database `name` on the server of `url`, opened as the shop; dropped afterwards."""
    parts = urlsplit(url)
    _admin(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(url, f"CREATE DATABASE {name}")
    try:
        shop = urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))
        open_database(shop)
        yield shop
    finally:
        bench_db = database.obj
        if not database.is_closed():
            database.close()
        _admin(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if bench_db is not None and getattr(bench_db, "url", None):
            from services.core.chain_anchor import forget_server_anchor

            forget_server_anchor(bench_db)  # this PC's anchor of the dropped database goes with it


def measure(url: str, products: int, moves: int, seed: int, repeat: int, singles: int) -> dict:
    """Build the shop on a fresh server database and time posting, single sales and barcode lookups."""
    from services.catalog.products import find_by_barcode

    with fresh_database(url, BENCH_DB):
        owner = initialise()
        built, poster = build(owner, products, moves, seed, lambda text: print(text, flush=True))
        sales = [poster.post("sale") * 1000 for _ in range(singles)]
        codes = [p.barcode for p in random.Random(seed).sample(built.catalogue, min(500, len(built.catalogue)))]
        it = iter(codes * (repeat // len(codes) + 1))
        barcode = floor.median_seconds(lambda: find_by_barcode(next(it)), repeat) * 1000
    return {"moves_per_s": built.moves / built.posting_seconds, "documents": built.documents, "moves": built.moves,
            "sale_ms": statistics.median(sales), "barcode_ms": barcode}


def pg_rows(args: argparse.Namespace, row) -> list:
    """run_bench.py's rows for the server, or none when XIAOPU_BENCH_PG is not set."""
    url = os.environ.get(ENV)
    if not url:
        return []
    found = measure(url, args.products, args.moves, args.seed, args.repeat, args.singles)
    return [
        row(f"PostgreSQL: posting throughput (documents of ≤ {LINES} lines)", found["moves_per_s"], "moves/s", 2000,
            higher_is_better=True, note=f"{found['documents']} documents, {found['moves']} moves, local socket"),
        row(f"PostgreSQL: one {LINES}-line sale posted", found["sale_ms"], "ms", 50),
        row("PostgreSQL: barcode lookup (find_by_barcode)", found["barcode_ms"], "ms", 2,
            note=f"median of {args.repeat}, local socket"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--moves", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=400)
    parser.add_argument("--singles", type=int, default=60)
    args = parser.parse_args(argv)
    set_language("zh_CN")
    found = measure(args.url, args.products, args.moves, args.seed, args.repeat, args.singles)
    print(f"posting {found['moves_per_s']:.0f} moves/s ({found['documents']} documents, {found['moves']} moves); "
          f"one {LINES}-line sale {found['sale_ms']:.1f} ms; barcode {found['barcode_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
