"""A closed-loop simulated shop: does following Xiaopu's purchase suggestions keep the shelves full
while throwing little away? (issue 12; the model and the policies: bench/sim/)

    python bench/simulate.py --products 60 --days 42 --seeds 3 --policies app,par,naive [--warmup 14]
        [--service-level 97] [--category-levels "面包=90,乳品=99"] [--frontier 90,95,99] [--first-seed 1]
        [--naive-frontier 0.9,1.0]

Prints one JSON line per run (policy, seed) and then a table of the medians over the seeds, and
per category fill / waste. --frontier also runs `app` at each of those service levels (the
owner's setting: app@90, …), so the table shows where fill and waste pull apart per category.
--naive-frontier runs `naive` at other factors than its 1.2 (naive@1.0, …), so app's waste can be
set beside naive's at an equal fill rate.
Numbers, not pass/fail.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.sim.policies import POLICIES  # noqa: E402
from bench.sim.run import run  # noqa: E402

COLUMNS = (("fill_rate", "fill rate", "pct"), ("stockout_days", "stock-out product-days", "pct"),
           ("waste_rate", "waste (cost)", "pct"), ("turnover_days", "turnover", "days"),
           ("orders", "orders", "int"), ("lost_value", "lost sales (¥)", "int"))


def _cell(value, kind: str) -> str:
    if value is None:
        return "–"
    return {"pct": f"{value * 100:.1f}%", "days": f"{value:.1f} d", "int": f"{value:,.0f}"}[kind]


def median_table(runs: list[dict]) -> str:
    lines = ["| policy | " + " | ".join(title for _, title, _ in COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for policy, mine in _by_policy(runs).items():
        cells = [_cell(_median([r[key] for r in mine]), kind) for key, _, kind in COLUMNS]
        lines.append(f"| {policy} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def category_table(runs: list[dict]) -> str:
    """Fill rate / waste per category and policy: where fill and waste pull apart."""
    policies = _by_policy(runs)
    categories = list(runs[0]["by_category"])
    lines = ["| category | " + " | ".join(f"{p} fill / waste" for p in policies) + " |",
             "|---" * (len(policies) + 1) + "|"]
    for name in categories:
        cells = [" / ".join(_cell(_median([r["by_category"][name][key] for r in mine]), "pct")
                            for key in ("fill_rate", "waste_rate")) for mine in policies.values()]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _by_policy(runs: list[dict]) -> dict[str, list[dict]]:
    return {policy: [r for r in runs if r["policy"] == policy] for policy in dict.fromkeys(r["policy"] for r in runs)}


def _median(values: list):
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=60)
    parser.add_argument("--days", type=int, default=42)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=14)
    parser.add_argument("--policies", default="app,par,naive")
    parser.add_argument("--first-seed", type=int, default=1, help="seeds first-seed … first-seed + seeds − 1")
    parser.add_argument("--service-level", help="the shop's service level for app, percent (default: the engine's)")
    parser.add_argument("--category-levels", help="the owner's per-category levels for app, e.g. 面包=90,乳品=99")
    parser.add_argument("--frontier", default="", help="also app at each of these service levels, e.g. 90,95,99")
    parser.add_argument("--naive-frontier", default="",
                        help="also naive at each of these factors (the policy's own is 1.2), e.g. 0.9,1.0, "
                             "to compare its waste with app's at an equal fill rate")
    args = parser.parse_args()
    policies = [p.strip() for p in args.policies.split(",") if p.strip()]
    unknown = [p for p in policies if p not in POLICIES]
    if unknown:
        parser.error(f"unknown policies {unknown}; choose from {sorted(POLICIES)}")
    levels = [level.strip() for level in args.frontier.split(",") if level.strip()]
    factors = [float(factor) for factor in args.naive_frontier.split(",") if factor.strip()]
    runs = []
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        plays = ([(p, p, args.service_level, args.category_levels) for p in policies]
                 + [(f"app@{level}", "app", level, None) for level in levels]
                 + [(f"naive@{factor}", f"naive@{factor}", None, None) for factor in factors])
        for label, policy, level, by_category in plays:
            result = run(policy, args.products, args.days, seed, args.warmup, service_level=level,
                         category_levels=by_category)
            result["policy"] = label
            print(json.dumps(result, ensure_ascii=False), flush=True)
            runs.append(result)
    print()
    print(f"Medians over {args.seeds} seeds, {args.products} products × {args.days} days "
          f"({args.warmup} warm-up days not measured):")
    print(median_table(runs))
    print()
    print(category_table(runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
