"""`quote`: 报价单 — make one for a customer, change or cancel it, print it, turn it into a sales order, list them."""
from __future__ import annotations

import argparse

from cli.output import say, say_json, say_rows


def add_parser(sub) -> None:
    quote = sub.add_parser("quote", help="quotations for a customer (报价单)")
    qsub = quote.add_subparsers(dest="quote_command", required=True)
    create = qsub.add_parser("create", help="a quote at the customer's prices")
    create.add_argument("--customer", required=True, help="code, name or phone")
    create.add_argument("items", nargs="+", metavar="SKU=QTY[:UNIT][@PRICE]",
                        help="quantity in the unit (default the base unit); @PRICE a price per unit of your own")
    create.add_argument("--valid-until", metavar="DATE", help="default: a week from today")
    create.add_argument("--note", default="")
    create.add_argument("--json", action="store_true")
    order = qsub.add_parser("order", help="turn the quote into a sales order at the quoted prices")
    order.add_argument("number")
    order.add_argument("--json", action="store_true")
    pdf = qsub.add_parser("pdf", help="print the quote to PDF")
    pdf.add_argument("number")
    pdf.add_argument("--out", required=True)
    edit = qsub.add_parser("edit", help="change an open quote before it is ordered: its lines, valid-until, note")
    edit.add_argument("number")
    edit.add_argument("items", nargs="*", metavar="SKU=QTY[:UNIT][@PRICE]",
                      help="the quote's new lines (none: keep them); a product and unit already quoted keeps its "
                           "quoted price unless @PRICE is given")
    edit.add_argument("--valid-until", metavar="DATE")
    edit.add_argument("--note")
    edit.add_argument("--json", action="store_true")
    cancel = qsub.add_parser("cancel", help="cancel an open quote (it can no longer become an order)")
    cancel.add_argument("number")
    cancel.add_argument("--reason", required=True)
    listing = qsub.add_parser("list", help="the latest quotes")
    listing.add_argument("--json", action="store_true")


def _line(item: str):
    from services.catalog.products import get_product
    from services.core.errors import ValidationError
    from services.sales.sales_lines import SaleLineInput

    ref, sep, rest = item.partition("=")
    rest, _, price = rest.partition("@")
    quantity, _, unit = rest.partition(":")
    if not sep or not ref.strip() or not quantity.strip():
        raise ValidationError("quote.bad_item", item=item)
    return SaleLineInput(get_product(ref.strip()).id, quantity.strip(), unit.strip(), price=price.strip() or None)


def cmd_quote(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.core.numbers import to_date
    from services.sales import quotes

    if args.quote_command == "create":
        quote = quotes.create_quote(user, args.customer, [_line(i) for i in args.items],
                                    valid_until=to_date(args.valid_until, "--valid-until"), note=args.note)
        row = quotes.quote_row(quote)
        say_json(row.as_json()) if args.json else say(msg("quote.created", number=quote.number, day=quote.valid_until))
    elif args.quote_command == "order":
        order = quotes.to_order(user, args.number)
        if args.json:
            say_json({"quote": args.number.strip(), "order": order.number})
        else:
            say(msg("quote.ordered", number=args.number.strip(), order=order.number))
    elif args.quote_command == "edit":
        quote = quotes.edit_quote(user, args.number, [_line(i) for i in args.items] or None,
                                  valid_until=to_date(args.valid_until, "--valid-until"), note=args.note)
        row = quotes.quote_row(quote)
        say_json(row.as_json()) if args.json else say(msg("quote.edited", number=quote.number, day=quote.valid_until))
    elif args.quote_command == "cancel":
        say(msg("quote.cancelled", number=quotes.cancel_quote(user, args.number, args.reason).number))
    elif args.quote_command == "pdf":
        say(msg("quote.pdf_written", file=quotes.write_quote_pdf(args.number, args.out)))
    else:
        say_rows(quotes.list_quotes(), args.json)
    return 0


COMMANDS = {"quote": cmd_quote}
