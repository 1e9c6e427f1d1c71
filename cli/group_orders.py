"""`parse-order TEXT [--customer CODE] [--create] [--json]`: read a WeChat group order message (社群订单).

Exit status: 0 when at least one line was understood (and, with --create, the order was made: its
number is `order_number`); 1 when nothing was understood or the customer is unknown; 3 with --create
when some line needs the clerk — nothing is made and those lines are listed (`questions`)."""
from __future__ import annotations

import argparse
import sys

from cli.output import complain, say, say_json

NEEDS_CLERK = 3


def add_parser(sub) -> None:
    order = sub.add_parser("parse-order", help="read a WeChat group order message (社群订单); '-' reads stdin")
    order.add_argument("text")
    order.add_argument("--customer", help="the customer's code (or exact name/phone): 老规矩 is their last order")
    order.add_argument("--create", action="store_true",
                       help="make the 社群 sales order (stock reserved) when every line is sure; else exit 3")
    order.add_argument("--json", action="store_true")


def cmd_parse_order(args: argparse.Namespace, user) -> int:
    """Prints what was understood (and the order made); JSON is printed whatever the exit status."""
    from services.core.messages import msg
    from services.group_orders.group_order import create_group_order, questions
    from services.group_orders.message_parser import parse
    from services.group_orders.parsed_table import format_order
    from services.group_orders.usual_orders import bought_before, usual_order
    from services.sales.customers import get_customer

    customer = get_customer(args.customer) if args.customer else None  # unknown: NotFound, exit 1
    text = sys.stdin.read() if args.text == "-" else args.text
    order = parse(text, customer=customer.id if customer else None, usual_order=usual_order if customer else None,
                  bought=bought_before)
    asked = questions(order) if args.create and order.lines else []
    number = None
    if args.create and order.lines and not asked:
        number = create_group_order(user, order, text, customer.id if customer else None).number
    data = {**order.as_json(), "customer": {"code": customer.code, "name": customer.name} if customer else None,
            "order_number": number}
    if args.create:
        data["questions"] = asked
    if args.json:
        say_json(data)
    else:
        say(format_order(order))
        if number:
            say(msg("order.created", number=number))
    if not order.lines:
        complain(msg("order.empty") if not text.strip() else msg("order.nothing"))
        return 1
    if asked:
        complain(msg("order.not_sure", count=len(asked), lines=" / ".join(asked)))
        return NEEDS_CLERK
    return 0


COMMANDS = {"parse-order": cmd_parse_order}
