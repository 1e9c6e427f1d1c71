"""`transfer`: 调拨 between the shop's own locations — post one, print its slip, list the latest."""
from __future__ import annotations

import argparse

from cli.output import say, say_json


def add_parser(sub) -> None:
    transfer = sub.add_parser("transfer", help="move stock between the shop's own locations (调拨)")
    tsub = transfer.add_subparsers(dest="transfer_command", required=True)
    post = tsub.add_parser("post", help="post one transfer: all lines or none")
    post.add_argument("--from", dest="source", required=True, help="location code it leaves, e.g. STORE")
    post.add_argument("--to", dest="target", required=True, help="location code it goes to, e.g. BACK")
    post.add_argument("items", nargs="*", metavar="SKU=QTY[@LOT]",
                      help="base units of a product (SKU or barcode); @LOT takes that lot, else oldest expiry first")
    post.add_argument("--scan", action="append", default=[], metavar="CODE",
                      help="a scanned code (repeatable): a box barcode is a box, a GS1 lot label names its lot")
    post.add_argument("--note", default="")
    post.add_argument("--key", help="posting the same key again posts nothing more")
    post.add_argument("--json", action="store_true")
    slip = tsub.add_parser("slip", help="print a transfer slip to PDF")
    slip.add_argument("number")
    slip.add_argument("--out", required=True, help="PDF file to write")
    listing = tsub.add_parser("list", help="the latest transfers")
    listing.add_argument("--limit", type=int, default=20)
    listing.add_argument("--json", action="store_true")


def _lines(args: argparse.Namespace) -> list:
    from services.catalog.products import get_product
    from services.core.errors import ValidationError
    from services.stock.transfers import add_scan, line_for

    lines = []
    for item in args.items:
        ref, sep, rest = item.partition("=")
        quantity, _, lot = rest.partition("@")
        if not sep or not ref.strip():
            raise ValidationError("transfer.bad_item", item=item)
        lines.append(line_for(get_product(ref.strip()).id, quantity.strip(), lot.strip()))
    for code in args.scan:
        lines = add_scan(lines, code)
    return lines


def _post(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.stock.transfers import post_transfer

    result = post_transfer(user, args.source, args.target, _lines(args), key=args.key, note=args.note)
    if args.json:
        say_json({"number": result.number, "document_id": result.document_id, "created": result.created})
    else:
        say(msg("transfer.posted" if result.created else "transfer.already_posted", number=result.number))
    return 0


def cmd_transfer(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.stock.transfers import recent, write_slip

    if args.transfer_command == "post":
        return _post(args, user)
    if args.transfer_command == "slip":
        say(msg("transfer.slip_written", file=write_slip(args.number.strip(), args.out)))
        return 0
    rows = [{"number": t.number, "date": t.day.isoformat(), "route": t.route, "state": t.state, "note": t.note}
            for t in recent(max(1, args.limit))]
    if args.json:
        say_json(rows)
    for row in rows if not args.json else []:
        say(f"{row['number']}  {row['date']}  {row['route']}  {row['note']}".rstrip())
    return 0


COMMANDS = {"transfer": cmd_transfer}
