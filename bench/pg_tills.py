"""Four tills posting at once on one PostgreSQL server (issue 16): for a while each till sells as fast as
it can, and now and then sends a sale twice with its key (a double click, a retry after a timeout). Then
nothing may be lost or doubled: the server holds exactly the sales the tills were told were posted, each
number once, every product's stock down by exactly what was sold, and `check` passes.

    python bench/pg_tills.py postgresql://root@/postgres?host=/var/run/postgresql [--tills 4] [--seconds 60]

The URL names any database on the server; the bench makes its own (xp_tills) and drops it after.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.pg_bench import fresh_database  # noqa: E402
from models import Balance, Document, database, open_database  # noqa: E402
from services.catalog.locations import default_store, virtual  # noqa: E402
from services.catalog.products import ProductInput, save_product  # noqa: E402
from services.core.messages import set_language  # noqa: E402
from services.shop.setup import initialise  # noqa: E402
from services.stock import ledger  # noqa: E402
from services.stock.integrity import run_check  # noqa: E402

DB_NAME, PRODUCTS, START_UNITS = "xp_tills", 40, 1_000_000


def till(number: int, seconds: float) -> dict:
    """One till's run: its posted sales (number → product, units) and how many repeats were answered."""
    owner = initialise()
    store, customer = default_store().id, virtual("customer").id
    rng, posted, repeats, n = random.Random(number), {}, 0, 0
    ids = [pid for (pid,) in database.execute_sql("SELECT id FROM product ORDER BY id").fetchall()]
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        n += 1
        product, units = rng.choice(ids), rng.randint(1, 3)
        line = [ledger.Line(product, Decimal(units), store, customer)]
        result = ledger.post_document(owner, "sale", line, key=f"till{number}:{n}")
        posted[result.number] = (product, units)
        if rng.random() < 0.1:  # the same sale sent again
            again = ledger.post_document(owner, "sale", line, key=f"till{number}:{n}")
            repeats += 1
            assert not again.created and again.number == result.number, "a repeated key posted twice"
    return {"posted": posted, "repeats": repeats}


def verify(results: list[dict], start: dict[int, int]) -> list[str]:
    problems = []
    numbers = [number for r in results for number in r["posted"]]
    if len(numbers) != len(set(numbers)):
        problems.append("a document number was given twice")
    in_db = {number for (number,) in Document.select(Document.number).where(Document.doc_type == "sale").tuples()}
    if in_db != set(numbers):
        problems.append(f"{len(in_db - set(numbers))} sales nobody was told of, {len(set(numbers) - in_db)} lost")
    sold: dict[int, int] = {}
    for r in results:
        for product, units in r["posted"].values():
            sold[product] = sold.get(product, 0) + units
    for product, units in start.items():
        now = sum(int(b.quantity) for b in Balance.select().where(Balance.product == product))
        if now != units - sold.get(product, 0):
            problems.append(f"product {product}: {now} in stock, {units - sold.get(product, 0)} expected")
    report = run_check()
    return problems + ([] if report.ok else [report.text()])


def run(url: str, tills: int, seconds: float) -> int:
    with fresh_database(url, DB_NAME) as shop:
        owner = initialise()
        ids = [save_product(owner, ProductInput(name=f"螺丝 {i}", base_unit="个", cost="0.05", price="0.1")).id
               for i in range(PRODUCTS)]
        supplier, store = virtual("supplier").id, default_store().id
        ledger.post_document(owner, "receipt", [ledger.Line(pid, Decimal(START_UNITS), supplier, store) for pid in ids])
        database.close()
        children = [subprocess.Popen([sys.executable, __file__, shop, "--till", str(t), "--seconds", str(seconds)],
                                     stdout=subprocess.PIPE, text=True) for t in range(1, tills + 1)]
        results = [json.loads(child.communicate()[0]) for child in children]
        open_database(shop)
        for r in results:
            r["posted"] = {number: tuple(v) for number, v in r["posted"].items()}
        problems = verify(results, dict.fromkeys(ids, START_UNITS))
    sales, repeats = sum(len(r["posted"]) for r in results), sum(r["repeats"] for r in results)
    print(f"{tills} tills × {seconds:.0f} s: {sales} sales ({sales / seconds:.0f}/s), {repeats} sent twice; "
          + ("nothing lost or doubled, check passed" if not problems else "; ".join(problems)))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--tills", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--till", type=int, help=argparse.SUPPRESS)  # a child: one till on the shop at url
    args = parser.parse_args(argv)
    set_language("zh_CN")
    if args.till is None:
        return run(args.url, args.tills, args.seconds)
    open_database(args.url)
    print(json.dumps(till(args.till, args.seconds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
