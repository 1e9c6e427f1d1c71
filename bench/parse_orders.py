"""Group-order parsing speed: the corpus (tests/data/group_orders.json) against the 420-product demo catalogue.

    python bench/parse_orders.py [--repeat 20]

Prints the time to build the catalogue's matching structures (once per catalogue change) and the
time per message (median, 95th percentile, worst). Numbers, not pass/fail.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models import database, open_database  # noqa: E402
from services.shop.setup import initialise  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    from services.group_orders import product_matcher
    from services.group_orders.message_parser import parse
    from tests.order_catalogue import DATA, load_catalogue

    messages = [c["message"] for c in json.loads((DATA / "group_orders.json").read_text(encoding="utf-8"))["cases"]]
    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "bench.sqlite3")
        owner = initialise()
        products = len(load_catalogue(owner))
        started = time.perf_counter()
        product_matcher.catalogue_index()
        build = time.perf_counter() - started
        times = []
        for _ in range(args.repeat):
            for message in messages:
                started = time.perf_counter()
                parse(message)
                times.append(time.perf_counter() - started)
        database.close()
    times.sort()
    ms = [t * 1000 for t in times]
    print(f"{products} products, {len(messages)} messages × {args.repeat}")
    print(f"catalogue index build: {build * 1000:.1f} ms (once per catalogue change)")
    print(f"per message: median {statistics.median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms, "
          f"max {ms[-1]:.2f} ms, mean {statistics.fmean(ms):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
