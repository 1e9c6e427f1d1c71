"""`period`: 月结 — what is still open in a month, close it, reopen it (the owner only, audited)."""
from __future__ import annotations

import argparse

from cli.output import say, say_json


def add_parser(sub) -> None:
    period = sub.add_parser("period", help="month-end close (月结)")
    psub = period.add_subparsers(dest="period_command", required=True)
    status = psub.add_parser("status", help="how far the books are closed and what is open in a month")
    status.add_argument("month", nargs="?", help="YYYY-MM (default: last month)")
    status.add_argument("--json", action="store_true")
    close = psub.add_parser("close", help="close a month: no document may be dated in it afterwards")
    close.add_argument("month", help="YYYY-MM")
    close.add_argument("--json", action="store_true")
    reopen = psub.add_parser("reopen", help="open a closed month again (owner only; audited)")
    reopen.add_argument("month", help="YYYY-MM")
    reopen.add_argument("--reason", default="", help="why, for the audit log")


def _last_month() -> str:
    from services.core.clock import today

    first = today().replace(day=1)
    previous = first.replace(year=first.year - 1, month=12) if first.month == 1 else first.replace(month=first.month - 1)
    return f"{previous.year:04d}-{previous.month:02d}"


def _show(status) -> None:
    from services.core.messages import msg

    closed = status.closed_through
    say(msg("period.closed_through", closed=closed) if closed else msg("period.never_closed"))
    for kind in status.open:
        say(f"  {kind.words}")
    if not status.open:
        say(msg("period.nothing_open", month=status.month))


def cmd_period(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.reports.period_status import period_status
    from services.stock.period import close_month, month_days, reopen_month

    if args.period_command == "reopen":
        closed = reopen_month(user, args.month, args.reason)
        month = args.month.strip()
        say(msg("period.reopened", month=month, closed=closed) if closed else msg("period.reopened_all", month=month))
        return 0
    month = args.month if args.month or args.period_command != "status" else _last_month()
    status = period_status(month)
    if args.period_command == "close":
        close_month(user, status.month)  # open documents do not stop it: they are shown, then left dated later
        status = period_status(status.month)
    if args.json:
        say_json(status.as_json())
        return 0
    _show(status)
    if args.period_command == "close":
        say(msg("period.closed_now", month=status.month, last=month_days(status.month)[1]))
    return 0


COMMANDS = {"period": cmd_period}
