"""Group-order parsing: accuracy per class on the labelled corpus, and speed on a 5,000-product catalogue.

    python bench/parse_orders.py [--repeat 3] [--products 5000] [--accuracy-only | --speed-only]

Accuracy: tests/data/group_order_messages.json against the frozen 420-product demo catalogue (plus the
corpus's extra products), per class — lines read exactly, sure lines that are wrong, asked lines with the
right product among the first three (tests/group_orders/accuracy.py; the test asserts the targets).

Speed: the same messages against the catalogue grown to --products by variants of each product (产地 and
brand words in front of the name, as a big shop's list reads), the matching structures built once;
per message median, 95th percentile and worst, beside a plain dictionary lookup of each message's words
in the same run (the floor). Numbers, not pass/fail.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models import database, open_database  # noqa: E402
from services.core.messages import set_language  # noqa: E402
from services.shop.setup import initialise  # noqa: E402

VARIANT_WORDS = ("鲜邻", "农夫", "山野", "田园", "优选", "臻品", "家常", "特惠", "进口", "高山", "原生", "生态", "云南",
                 "山东", "海南", "东北", "新疆", "福建", "广西", "四川")


def accuracy(folder: Path) -> None:
    from tests.group_orders import accuracy as measure

    open_database(folder / "accuracy.sqlite3")
    shop = measure.load_shop(initialise())
    started = time.perf_counter()
    tallies, misses = measure.run(shop, measure.corpus()["cases"])
    elapsed = time.perf_counter() - started
    database.close()
    print(measure.table(tallies))
    print(f"({sum(t.messages for t in tallies.values())} messages read in {elapsed:.1f} s)")
    for miss in misses:
        print("  not exact:", miss)


def grow_catalogue(owner, target: int) -> int:
    """The frozen catalogue and the corpus's extras, then variants of them until `target` products."""
    from models import write_transaction
    from services.catalog.products import ProductInput, clean_product, save_clean
    from tests.group_orders.accuracy import corpus
    from tests.order_catalogue import catalogue_rows

    base = [*catalogue_rows(), *corpus()["extra_products"]]
    rows = list(base)
    for word in VARIANT_WORDS:
        rows += [{**r, "name": word + r["name"]} for r in base]
        if len(rows) >= target:
            break
    rows = rows[:target]
    cleaned = [clean_product(ProductInput(name=r["name"], spec=r["spec"], category=r["category"], base_unit=r["unit"],
                                          units=[("箱", r["box"])] if r["box"] else [])) for r in rows]
    with write_transaction():
        for clean in cleaned:
            save_clean(owner, clean)
    return len(rows)


def speed(folder: Path, products: int, repeat: int) -> None:
    from services.group_orders import product_matcher
    from services.group_orders.message_parser import parse
    from tests.group_orders.accuracy import corpus

    messages = [c["message"] for c in corpus()["cases"]]
    open_database(folder / "speed.sqlite3")
    owner = initialise()
    count = grow_catalogue(owner, products)
    started = time.perf_counter()
    index = product_matcher.catalogue_index()
    build = time.perf_counter() - started
    names = {name: ids for name, ids in index.ids_by_name.items()}
    times, floor = [], []
    for _ in range(repeat):
        for message in messages:
            started = time.perf_counter()
            parse(message)
            times.append(time.perf_counter() - started)
            started = time.perf_counter()
            [names.get(word) for word in message.replace("\n", " ").split()]
            floor.append(time.perf_counter() - started)
    database.close()
    ms = sorted(t * 1000 for t in times)
    print(f"{count} products, {len(messages)} messages × {repeat}")
    print(f"catalogue index build: {build * 1000:.0f} ms (once per catalogue change)")
    print(f"per message: median {statistics.median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms, "
          f"max {ms[-1]:.2f} ms, mean {statistics.fmean(ms):.2f} ms")
    print(f"floor (dictionary lookup of the words): median {statistics.median(floor) * 1000:.4f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--products", type=int, default=5000)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--accuracy-only", action="store_true")
    only.add_argument("--speed-only", action="store_true")
    args = parser.parse_args()
    set_language("zh_CN")
    with tempfile.TemporaryDirectory() as folder:
        if not args.speed_only:
            accuracy(Path(folder))
        if not args.accuracy_only:
            speed(Path(folder), args.products, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
