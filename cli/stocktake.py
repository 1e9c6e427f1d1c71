"""`stocktake` commands: start a count session, list sessions, review variances, post, trace a line."""
from __future__ import annotations

import argparse

from cli.arg_types import RECORD_ID, whole
from cli.output import say, say_json
from services.core.numbers import ZERO, fmt_qty


def add_parser(sub) -> None:
    st = sub.add_parser("stocktake", help="count sessions (盘点)")
    ssub = st.add_subparsers(dest="stocktake_command", required=True)
    start = ssub.add_parser("start", help="start a count: --scope full | location CODE | category NAME | cycle N")
    start.add_argument("--scope", nargs="+", required=True, metavar="SCOPE")
    start.add_argument("--assignee", metavar="USER", help="who is asked to count it (default: anyone who counts)")
    assign = ssub.add_parser("assign", help="give a count still being counted to USER (none: to anyone)")
    assign.add_argument("session")
    assign.add_argument("assignee", metavar="USER|none")
    listing = ssub.add_parser("list", help="count sessions, newest first")
    listing.add_argument("--json", action="store_true")
    rev = ssub.add_parser("review", help="variance per line (with system quantities)")
    rev.add_argument("session")
    rev.add_argument("--json", action="store_true")
    posting = ssub.add_parser("post", help="post a reviewed session's variances")
    posting.add_argument("session")
    posting.add_argument("--uncounted", metavar="zero|skip",
                         help="lines nobody counted: zero = count as 0 (a shortage), skip = leave the stock as it is")
    trace = ssub.add_parser("trace", help="every move of a line's product or lot")
    trace.add_argument("session")
    trace.add_argument("line", type=whole("line", RECORD_ID))


def cmd_stocktake(args: argparse.Namespace, user) -> int:
    from services.core.errors import ValidationError
    from services.stocktake import sessions as stocktake
    from services.stocktake.posting import post
    from services.stocktake.variance import review, totals, trace

    command = args.stocktake_command
    if command == "start":
        kind, value = args.scope[0], " ".join(args.scope[1:])
        if (kind == "full") != (value == ""):
            raise ValidationError("stocktake.bad_scope", scope=" ".join(args.scope))
        session = stocktake.start_session(user, kind, value, assignee=args.assignee)
        say(f"{session.ref}  (id {session.id})" + (f"  盘点人 {args.assignee}" if args.assignee else ""))
    elif command == "assign":
        from services.stocktake.assignees import assign

        name = "" if args.assignee.lower() == "none" else args.assignee
        session = assign(user, args.session, name)
        say(f"{session.ref}  盘点人 {name or '不限'}")
    elif command == "list":
        rows = stocktake.list_sessions()
        if args.json:
            say_json([r.as_json() for r in rows])
        for r in [] if args.json else rows:
            say(f"{r.id}  {r.ref}  {r.state_label}  {r.scope_kind} {r.scope_value}  {r.counted}/{r.lines}  "
                f"盘点人 {r.assignee or '不限'}")
    elif command == "review":
        rows = review(args.session)
        t = totals(rows)
        if args.json:
            say_json({"lines": [r.as_json() for r in rows], "rate": str(t.rate),
                      "over_limit": t.over_limit, "not_counted": t.not_counted})
            return 0
        for r in rows:
            flag = ("!" if r.over_limit else " ") + ("?" if r.unexpected else " ")
            counted = "-" if r.counted is None else fmt_qty(r.counted)
            say(f"{r.line_id:>4} {flag} {r.location:<8} {r.sku:<10} {r.name} {r.lot}  盘 {counted}  "
                f"账 {fmt_qty(r.snapshot or ZERO)}  差 {fmt_qty(r.variance)} ({r.money} 元)  {r.status}")
        say(f"差异率 {t.rate}%  超限 {t.over_limit}  未盘 {t.not_counted}")
    elif command == "post":
        session = post(user, args.session, uncounted=args.uncounted)
        say(f"{session.ref}  {stocktake.STATE_LABELS[session.state]}")
    elif command == "trace":
        for h in trace(args.session, args.line):
            say(f"{h.posted_at}  {h.document}  {h.doc_type}  {h.user}  {h.lot}  {h.from_location} → "
                f"{h.to_location}  {fmt_qty(h.quantity)}  余 {fmt_qty(h.balance_after)}")
    return 0


COMMANDS = {"stocktake": cmd_stocktake}
