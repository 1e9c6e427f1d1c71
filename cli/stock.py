"""`stock`: stock per product, lot and location (`--at DATE`: at the end of that day); `stock low`: products
below their safety stock."""
from __future__ import annotations

import argparse

from cli.output import say, say_json, say_rows

HEADER = f"{'SKU':<10} {'名称':<16} {'批次':<10} {'到期':<10} {'库位':<8} {'库存':>8}"
TODAY_ONLY = ("reserved", "available")  # today's orders: no such figures at the end of a past day


def add_parser(sub) -> None:
    stock = sub.add_parser("stock", help="stock per product, lot and location")
    stock.add_argument("--sku")
    stock.add_argument("--at", metavar="DATE", help="stock at the end of this day, e.g. 2026-11-30: on hand only, "
                                                    "without reserved and available (today's orders)")
    stock.add_argument("--json", action="store_true")
    stock.add_argument("what", nargs="?", choices=["low"], help="low: products below their safety stock")


def cmd_stock(args: argparse.Namespace, user) -> int:
    if args.what == "low":
        return _low(args)
    from services.core.messages import msg
    from services.core.numbers import to_date
    from services.stock.stock import StockFilter, stock_rows
    from services.stock.stock_at_date import stock_at_date

    day = to_date(args.at, "--at")
    rows = stock_rows(sku=args.sku) if day is None else stock_at_date(day, StockFilter(sku=args.sku))
    if args.json:
        drop = () if day is None else TODAY_ONLY
        say_json([{key: value for key, value in r.as_json().items() if key not in drop} for r in rows])
        return 0
    if day is not None:
        say(msg("stock.at_date", day=day.isoformat()))
    _say_table(rows, reserved=day is None)
    return 0


def _say_table(rows, reserved: bool) -> None:
    from services.core.numbers import fmt_qty

    say(HEADER + (f" {'预占':>8} {'可用':>8}" if reserved else ""))
    for r in rows:
        expiry = r.expiry.isoformat() if r.expiry else "-"
        line = f"{r.sku:<10} {r.name:<16} {r.lot or '-':<10} {expiry:<10} {r.location:<8} {fmt_qty(r.on_hand):>8}"
        say(line + (f" {fmt_qty(r.reserved):>8} {fmt_qty(r.available):>8}" if reserved else ""))


def _low(args: argparse.Namespace) -> int:
    from services.core.messages import msg
    from services.purchasing.low_stock import low_stock

    rows = low_stock()
    say_rows(rows, args.json)
    if not rows and not args.json:
        say(msg("low.none"))
    return 0


COMMANDS = {"stock": cmd_stock}
