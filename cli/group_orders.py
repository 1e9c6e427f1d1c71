"""`parse-order TEXT [--customer CODE] [--create] [--json]`: read a WeChat group order message (社群订单).

Exit status: 0 when at least one line was understood (and, with --create, the order was made: its
number is `order_number`); 1 when nothing was understood or the customer is unknown; 3 with --create
when some line needs the clerk — nothing is made and those lines are listed (`questions`).

Without --customer, a paste of several people's orders (王姐:… / @李哥 … / 1. 王姐 …) is read one order
per person: `people` lists each with their customer (found by WeChat name or name), lines and unparsed
words, and with --create their `order_number` — made only when every person's lines are all sure."""
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
    """Prints what was understood (and the orders made); JSON is printed whatever the exit status."""
    from services.core.messages import msg
    from services.group_orders.group_order import create_group_order, questions
    from services.group_orders.people import PersonOrder, parse_people
    from services.group_orders.usual_orders import bought_before, usual_order
    from services.sales.customers import get_customer

    customer = get_customer(args.customer) if args.customer else None  # unknown: NotFound, exit 1
    text = sys.stdin.read() if args.text == "-" else args.text
    if customer is not None:
        from services.group_orders.message_parser import parse

        people = [PersonOrder("", text, parse(text, customer=customer.id, usual_order=usual_order,
                                               bought=bought_before), customer.id)]
    else:
        people = parse_people(text, usual_order=usual_order, bought=bought_before)
    lines = [line for person in people for line in person.order.lines]
    asked = [f"{p.person}:{q}" if p.person else q for p in people for q in questions(p.order)] \
        if args.create and lines else []
    numbers = [create_group_order(user, p.order, p.text, p.customer_id).number if p.order.lines else None
               for p in people] if args.create and lines and not asked else [None] * len(people)
    _print(args, people, numbers, asked)
    if not lines:
        complain(msg("order.empty") if not text.strip() else msg("order.nothing"))
        return 1
    if asked:
        complain(msg("order.not_sure", count=len(asked), lines=" / ".join(asked)))
        return NEEDS_CLERK
    return 0


def _print(args: argparse.Namespace, people: list, numbers: list[str | None], asked: list[str]) -> None:
    from services.core.messages import msg
    from services.group_orders.parsed_table import format_order
    from services.sales.customers import get_customer

    def who(customer_id: int | None) -> dict | None:
        found = get_customer(customer_id) if customer_id else None
        return {"code": found.code, "name": found.name} if found else None

    if args.json:
        data = {"lines": [line.as_json() for p in people for line in p.order.lines],
                "unparsed": [text for p in people for text in p.order.unparsed],
                "customer": who(people[0].customer_id) if len(people) == 1 else None,
                "order_number": numbers[0] if len(people) == 1 else None}
        if len(people) > 1:
            data["people"] = [{"person": p.person, "customer": who(p.customer_id), **p.order.as_json(),
                               "order_number": number} for p, number in zip(people, numbers, strict=True)]
        if args.create:
            data["questions"] = asked
        say_json(data)
        return
    for person, number in zip(people, numbers, strict=True):
        if person.person:
            say(f"{person.person}:")
        say(format_order(person.order))
        if number:
            say(msg("order.created", number=number))


COMMANDS = {"parse-order": cmd_parse_order}
