"""`parse-order`: read a WeChat group order message (社群订单) and print what was understood."""
from __future__ import annotations

import argparse
import sys

from cli.output import complain, say, say_json


def add_parser(sub) -> None:
    order = sub.add_parser("parse-order", help="read a WeChat group order message (社群订单); '-' reads stdin")
    order.add_argument("text")
    order.add_argument("--json", action="store_true")


def cmd_parse_order(args: argparse.Namespace, user) -> int:
    """Prints what was understood; exit 1 when no product was recognised (JSON is still printed)."""
    from services.core.messages import msg
    from services.group_orders.message_parser import parse
    from services.group_orders.parsed_table import format_order

    text = sys.stdin.read() if args.text == "-" else args.text
    order = parse(text)
    if args.json:
        say_json(order.as_json())
    else:
        say(format_order(order))
    if order.lines:
        return 0
    complain(msg("order.empty") if not text.strip() else msg("order.nothing"))
    return 1


COMMANDS = {"parse-order": cmd_parse_order}
