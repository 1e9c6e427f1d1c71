"""`promotion`: 促销计划 on the command line, as the 建议采购 view's dialog plans them: the days a product
is on promotion, so tonight's suggestions order for them (services/sales/promotions.py)."""
from __future__ import annotations

import argparse
import datetime as dt

from cli.arg_types import RECORD_ID, whole
from cli.output import say, say_json
from services.core.messages import msg
from services.core.numbers import fmt_qty


def add_parser(sub) -> None:
    promotion = sub.add_parser("promotion", help="planned promotions (促销计划) the purchase suggestions order for")
    psub = promotion.add_subparsers(dest="promotion_command", required=True)
    plan = psub.add_parser("plan", help="plan a promotion of a product (SKU or barcode) from FIRST_DAY to LAST_DAY")
    plan.add_argument("sku")
    plan.add_argument("first_day", help="YYYY-MM-DD, today or later")
    plan.add_argument("last_day", nargs="?", default="", help="YYYY-MM-DD (default: FIRST_DAY, a one-day promotion)")
    plan.add_argument("--uplift", default=None,
                      help="how many usual days one promotion day sells (1-10); default: learnt from earlier "
                           "promotions, else 2")
    plan.add_argument("--note", default="", help="what the promotion is (社群周末特价)")
    plist = psub.add_parser("list", help="the plans from today on, soonest first")
    plist.add_argument("--all", action="store_true", help="also cancelled plans and those that have ended")
    plist.add_argument("--json", action="store_true")
    psub.add_parser("cancel", help="cancel a plan (it stays listed with --all)").add_argument(
        "id", type=whole("id", RECORD_ID), help="the plan's id (as `plan` and `list` print it)")


def _days(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}–{last.isoformat()}"


def _line(row) -> str:
    uplift = f"×{fmt_qty(row.uplift)}" if row.uplift is not None else msg("promotion.auto")
    state = f"  ({msg('promotion.cancelled_mark')})" if row.cancelled else ""
    note = f"  {row.note}" if row.note else ""
    return f"#{row.id}  {row.sku} {row.name}  {_days(row.first_day, row.last_day)}  {uplift}{note}{state}"


def cmd_promotion(args: argparse.Namespace, user) -> int:
    from services.sales import promotions

    if args.promotion_command == "plan":
        from services.catalog.products import get_product

        product = get_product(args.sku)
        plan_id = promotions.plan_promotion(user, product.id, args.first_day, args.last_day, args.uplift, args.note)
        row = next(r for r in promotions.promotions(since=dt.date.min) if r.id == plan_id)
        say(msg("promotion.planned", id=plan_id, name=row.name, sku=row.sku, days=_days(row.first_day, row.last_day)))
        return 0
    if args.promotion_command == "cancel":
        promotions.cancel_promotion(user, args.id)
        say(msg("promotion.cancelled", id=args.id))
        return 0
    rows = promotions.promotions(since=dt.date.min if args.all else None, include_cancelled=args.all)
    if args.json:
        say_json([row.as_json() for row in rows])
    else:
        for row in rows:
            say(_line(row))
    return 0


COMMANDS = {"promotion": cmd_promotion}
