"""`report expiry | supplier-returns | stocktake-trend [--from DATE] [--to DATE] [--json]` (expiry:
`--location CODE --category NAME`, stocktake-trend: `--location CODE`), the 退货谈判单
(`report supplier-returns --supplier CODE | --product SKU [--pdf FILE] [--xlsx FILE]`) and the
临期 worklist's one-click actions: `report expiry-action LOT --location CODE (--write-off REASON |
--move LOCATION | --markdown PRICE | --cancel-markdown) [--quantity Q]` (LOT: the lot_id `report expiry --json` lists)."""
from __future__ import annotations

import argparse

from cli.arg_types import RECORD_ID, whole
from cli.output import say, say_json

WORKLISTS = {
    "expiry": "lots that will not sell before expiry or are in their markdown window; what was done",
    "supplier-returns": "monthly return rate per supplier and product; products over 15% three months running",
    "stocktake-trend": "variance rate per count and per category by month against the 0.5% line",
}


def add_parsers(rsub) -> None:
    for name, text in WORKLISTS.items():
        parser = rsub.add_parser(name, help=text.replace("%", "%%"))  # argparse formats help with %
        parser.add_argument("--from", dest="start", help="first day (default: expiry 28 days, the others three "
                                                         "calendar months up to --to)")
        parser.add_argument("--to", dest="end", help="last day (default today)")
        parser.add_argument("--json", action="store_true")
        if name in ("expiry", "stocktake-trend"):
            parser.add_argument("--location", metavar="CODE", help="only this location and those under it")
        if name == "expiry":
            parser.add_argument("--category", metavar="NAME", help="only the lots of this category's products")
        if name == "supplier-returns":
            sheet = parser.add_mutually_exclusive_group()
            sheet.add_argument("--supplier", metavar="CODE", help="with --pdf/--xlsx: the negotiation sheet of this supplier")
            sheet.add_argument("--product", metavar="SKU", help="with --pdf/--xlsx: the negotiation sheet of this product")
            parser.add_argument("--pdf", metavar="FILE", help="write the negotiation sheet (退货谈判单) as a PDF")
            parser.add_argument("--xlsx", metavar="FILE", help="write the negotiation sheet as an Excel workbook")
            parser.add_argument("--returned-only", action="store_true",
                                help="only the suppliers and products with a return in the period (as the window)")
    action = rsub.add_parser("expiry-action", help="write off, move or mark down a lot from the 临期 worklist")
    action.add_argument("lot", type=whole("lot", RECORD_ID), help="the lot's id (lot_id in `report expiry --json`)")
    action.add_argument("--location", required=True, help="where the lot is (location code)")
    what = action.add_mutually_exclusive_group(required=True)
    what.add_argument("--write-off", metavar="REASON", help="报损 with this reason (a loss document)")
    what.add_argument("--move", metavar="LOCATION", help="move to this location (a transfer document)")
    what.add_argument("--markdown", metavar="PRICE", help="mark the lot down to PRICE a base unit (its price at "
                                                          "the counter and in orders until cancelled)")
    what.add_argument("--cancel-markdown", action="store_true", help="undo the lot's markdown: list price again")
    action.add_argument("--quantity", help="only this much (default: all of the lot there)")


def _q(value) -> str:
    from services.core.numbers import fmt_qty

    return fmt_qty(value)


def _value(value) -> str:
    return "—" if value is None else str(value)


def _say_expiry(report) -> None:
    from services.core.messages import msg

    say(f"{msg('report.name.expiry')}  {report.day}")
    for w in report.lines:
        done = f" [{msg(f'report.expiry.{w.done}')}]" if w.done else ""
        say(f"{w.lot_id:>5} {w.sku:<10} {w.name:<10} {w.lot:<16} {w.location:<8} {w.expiry} {_q(w.quantity):>8} "
            f"{_value(w.value):>10} {_q(w.expected_sales):>8} {_q(w.leftover):>8}  "
            f"{msg(f'report.expiry.{w.suggested}')}{done}")
    for d in report.done:
        outcome = f" {msg(f'report.expiry.{d.outcome}')} ({_q(d.sold)})" if d.outcome else ""
        detail = d.price if d.price is not None else (d.to_location or d.reason)
        say(f"{d.at:%Y-%m-%d %H:%M} {d.by:<10} {msg(f'report.expiry.{d.action}')} {d.sku} {d.lot} "
            f"{_q(d.quantity)} {detail} {d.document}{outcome}".rstrip())


def _say_returns(report) -> None:
    from services.core.messages import msg

    say(f"{msg('report.name.supplier_returns')}  {' '.join(report.months)}")
    for row in [*report.suppliers, *report.products]:
        rates = " ".join(f"{_value(m.qty_rate if m.qty_rate is not None else m.value_rate):>7}" for m in row.months)
        say(f"{row.code:<10} {row.name:<14} {rates}{'  !' if row.flagged else ''}")
    for flag in report.flags:
        say(flag)


def _say_trend(report) -> None:
    from services.core.messages import msg

    say(f"{msg('report.name.stocktake_trend')}  {' '.join(report.months)}")
    for c in report.counts:
        say(f"{c.ref:<18} {c.posted_at:%Y-%m-%d} {c.scope:<16} {c.lines:>5} {c.rate:>6}%")
    for row in [report.shop, *report.categories]:
        say(f"{row.name or '*':<10} " + " ".join(f"{_value(r):>6}" for r in row.rates))
    say(report.verdict)


def run(name: str, user, start, end, args: argparse.Namespace | None = None):
    """The report `name` and how to print it (`args`: its --location / --category, checked by name)."""
    from services.reports.report_filter import report_filter

    only = report_filter(getattr(args, "category", None), getattr(args, "location", None))
    if name == "expiry":
        from services.reports.expiry_worklist import expiry_worklist

        return expiry_worklist(user, start, end, location=only.location or None, category=only.category), _say_expiry
    if name == "supplier-returns":
        from services.reports.supplier_returns import supplier_returns

        return supplier_returns(user, start, end, returned_only=getattr(args, "returned_only", False)), _say_returns
    from services.reports.stocktake_trend import stocktake_trend

    return stocktake_trend(user, start, end, location=only.location), _say_trend


def negotiation_sheet(args: argparse.Namespace, user, start, end) -> int:
    """`report supplier-returns --supplier CODE | --product SKU --pdf FILE --xlsx FILE`: the files written."""
    from services.reports.negotiation_sheet import write_negotiation_sheet

    written = []
    for out in (args.pdf, args.xlsx):
        if out:
            write_negotiation_sheet(user, out, supplier=args.supplier or "", product=args.product or "", start=start,
                                    end=end)
            written.append(out)
    say_json({"written": written}) if args.json else say("\n".join(written))
    return 0


def expiry_action(args: argparse.Namespace, user) -> int:
    from services.reports import expiry_actions

    if args.write_off:
        done = expiry_actions.write_off(user, args.lot, args.location, args.write_off, args.quantity)
    elif args.move:
        done = expiry_actions.move(user, args.lot, args.location, args.move, args.quantity)
    elif args.cancel_markdown:
        done = expiry_actions.cancel_markdown(user, args.lot, args.location)
    else:
        done = expiry_actions.markdown(user, args.lot, args.location, args.markdown)
    number = done.document.number if done.document_id else ""
    say_json({"action": done.action, "lot_id": done.lot_id, "quantity": _q(done.quantity),
              "price": None if done.price is None else str(done.price), "document": number})
    return 0
