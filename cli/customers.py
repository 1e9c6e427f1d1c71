"""`customer` commands: a customer's statement (对账单) to PDF/Excel, the ageing of receivables, and the
customers with the shop's own fields (list, show, set-field: cli/records.py)."""
from __future__ import annotations

import argparse

from cli.output import say, say_json
from cli.records import add_record_commands, run_record_command


def add_parser(sub) -> None:
    customer = sub.add_parser("customer", help="customers: statements (对账单), ageing of receivables, list/show/set-field")
    csub = customer.add_subparsers(dest="customer_command", required=True)
    statement = csub.add_parser("statement", help="a customer's statement as .pdf or .xlsx")
    statement.add_argument("code", help="customer code, name or phone")
    statement.add_argument("--from", dest="start", required=True, help="first day, e.g. 2026-11-01")
    statement.add_argument("--to", dest="end", required=True, help="last day, e.g. 2026-11-30")
    statement.add_argument("--out", required=True, help="FILE.pdf or FILE.xlsx")
    ageing = csub.add_parser("ageing", help="what each customer owes, by days past due")
    ageing.add_argument("--as-of", help="day to age on (default today)")
    ageing.add_argument("--json", action="store_true")
    add_record_commands(csub, "customer", "customer code, name or phone")


def cmd_customer(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.core.numbers import fmt_money, to_date

    if args.customer_command in ("list", "show", "set-field"):
        return run_record_command("customer", args.customer_command, args, user)
    if args.customer_command == "statement":
        from services.sales.statement import write_statement

        start, end = to_date(args.start, "--from"), to_date(args.end, "--to")
        statement = write_statement(args.code, start, end, args.out)
        say(msg("statement.saved", file=args.out, closing=fmt_money(statement.closing)))
        return 0
    from services.sales import receivables

    rows = receivables.ageing(to_date(args.as_of, "--as-of") if args.as_of else None)
    if args.json:
        say_json([{"code": r.code, "name": r.name, "balance": fmt_money(r.balance),
                   "credit_limit": fmt_money(r.credit_limit), "unapplied": fmt_money(r.unapplied),
                   "buckets": {label: fmt_money(a) for label, a in zip(receivables.BUCKET_LABELS, r.buckets,
                                                                       strict=True)}}
                  for r in rows])
        return 0
    if not rows:
        say(msg("ageing.none"))
    for r in rows:
        say(msg("ageing.row", code=r.code, name=r.name, balance=fmt_money(r.balance),
                **{f"b{i}": fmt_money(a) for i, a in enumerate(r.buckets)}))
    return 0


COMMANDS = {"customer": cmd_customer}
