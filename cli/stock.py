"""`stock`: stock per product, lot and location; `stock low`: products below their safety stock."""
from __future__ import annotations

import argparse

from cli.output import say, say_json, say_rows


def add_parser(sub) -> None:
    stock = sub.add_parser("stock", help="stock per product, lot and location")
    stock.add_argument("--sku")
    stock.add_argument("--json", action="store_true")
    stock.add_argument("what", nargs="?", choices=["low"], help="low: products below their safety stock")


def cmd_stock(args: argparse.Namespace, user) -> int:
    if args.what == "low":
        return _low(args)
    from services.core.numbers import fmt_qty
    from services.stock.stock import stock_rows

    rows = stock_rows(sku=args.sku)
    if args.json:
        say_json([r.as_json() for r in rows])
        return 0
    header = f"{'SKU':<10} {'名称':<16} {'批次':<10} {'到期':<10} {'库位':<8} {'库存':>8} {'预占':>8} {'可用':>8}"
    say(header)
    for r in rows:
        expiry = r.expiry.isoformat() if r.expiry else "-"
        say(f"{r.sku:<10} {r.name:<16} {r.lot or '-':<10} {expiry:<10} {r.location:<8} "
            f"{fmt_qty(r.on_hand):>8} {fmt_qty(r.reserved):>8} {fmt_qty(r.available):>8}")
    return 0


def _low(args: argparse.Namespace) -> int:
    from services.core.messages import msg
    from services.purchasing.low_stock import low_stock

    rows = low_stock()
    say_rows(rows, args.json)
    if not rows and not args.json:
        say(msg("low.none"))
    return 0


COMMANDS = {"stock": cmd_stock}
