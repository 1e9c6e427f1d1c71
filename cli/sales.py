"""`sales` commands for the shop's scripts: list orders, expire unpaid holds (run it at startup or
from a timer), the open emergency outbounds, and confirm/approve/ship/cancel one order."""
from __future__ import annotations

import argparse

from cli.output import say, say_rows


def add_parser(sub) -> None:
    sales = sub.add_parser("sales", help="sales orders (销售单)")
    ssub = sales.add_subparsers(dest="sales_command", required=True)
    listing = ssub.add_parser("list", help="sales orders, newest first")
    listing.add_argument("--state")
    listing.add_argument("--channel")
    listing.add_argument("--json", action="store_true")
    ssub.add_parser("expire-holds", help="expire unpaid orders past their hold and release their stock")
    emergencies = ssub.add_parser("emergencies", help="emergency outbounds whose paperwork is not completed")
    emergencies.add_argument("--json", action="store_true")
    for verb in ("confirm", "approve", "ship"):
        ssub.add_parser(verb, help=f"{verb} a sales order").add_argument("number")
    cancel = ssub.add_parser("cancel", help="cancel a sales order")
    cancel.add_argument("number")
    cancel.add_argument("--reason", required=True)


def cmd_sales(args: argparse.Namespace, user) -> int:
    from services.sales import sales_holds, sales_orders, sales_shipping

    if args.sales_command in ("list", "emergencies"):
        if args.sales_command == "list":
            rows = sales_orders.list_orders(state=args.state, channel_code=args.channel)
        else:
            from services.sales.sales_emergency import list_open_emergencies

            rows = list_open_emergencies()
        say_rows(rows, args.json)
        return 0
    if args.sales_command == "expire-holds":
        for number in sales_holds.release_expired_holds():
            say(number)
        return 0
    if args.sales_command == "cancel":
        sales_shipping.cancel(user, args.number, args.reason)
    else:
        getattr(sales_shipping, args.sales_command)(user, args.number)
    order = sales_orders.get_order(args.number)
    say(f"{order.number}: {sales_orders.ORDER_STATES.label(order.state)}")
    return 0


COMMANDS = {"sales": cmd_sales}
