"""`purchase`: what to buy now (suggestions) and the purchase orders' list and state changes."""
from __future__ import annotations

import argparse

from cli.output import say, say_rows


def add_parser(sub) -> None:
    purchase = sub.add_parser("purchase", help="purchase suggestions and orders")
    psub = purchase.add_subparsers(dest="purchase_command", required=True)
    suggest = psub.add_parser("suggest", help="what to buy now, with the reason for each line")
    suggest.add_argument("--json", action="store_true")
    plist = psub.add_parser("list", help="purchase orders")
    plist.add_argument("--state")
    plist.add_argument("--json", action="store_true")
    for verb in ("submit", "approve", "close"):
        psub.add_parser(verb, help=f"{verb} a purchase order").add_argument("number")
    cancel = psub.add_parser("cancel", help="cancel a purchase order")
    cancel.add_argument("number")
    cancel.add_argument("--reason", required=True)


def cmd_purchase(args: argparse.Namespace, user) -> int:
    if args.purchase_command == "suggest":
        from services.purchasing.suggestions import suggest

        say_rows(suggest(), args.json)
        return 0
    from services.purchasing import purchase_approval, purchase_orders

    if args.purchase_command == "list":
        say_rows(purchase_orders.list_orders(state=args.state), args.json)
        return 0
    if args.purchase_command == "cancel":
        purchase_approval.cancel(user, args.number, args.reason)
    else:
        getattr(purchase_approval, args.purchase_command)(user, args.number)
    say(f"{args.number}: {purchase_orders.get_order(args.number).state}")
    return 0


COMMANDS = {"purchase": cmd_purchase}
