"""`report`: the figures the owner reads (报表) — `report list`, and `report kpi|sales|dashboard
[--from DATE] [--to DATE] [--json]` (`--by week|month` for kpi, `--by product|category|channel|
customer|weekday|hour` for sales; `--category NAME --location CODE --channel NAME` for both). JSON numbers are decimal strings; values at cost are null for a
user whose role may not see cost (--user)."""
from __future__ import annotations

import argparse

from cli import report_worklists
from cli.arg_types import DAYS, ROWS, whole
from cli.output import say, say_json

REPORTS = ("kpi", "sales", "dashboard", "reconcile", "basket", "audit")


def add_parser(sub) -> None:
    report = sub.add_parser("report", help="reports (报表): KPIs, sales and margin, the dashboard")
    rsub = report.add_subparsers(dest="report_command", required=True)
    rsub.add_parser("list", help="the reports and what each shows")
    helps = {"kpi": "turnover days, loss rate, margin, stock-outs, document and stocktake times",
             "sales": "sales and margin grouped by one dimension; ABC classes by product",
             "dashboard": "today and this week (--to: another day)",
             "reconcile": "run the daily reconciliation now and record it (integrity, swings, stuck documents)",
             "basket": "products bought together: support, confidence and lift of each pair",
             "audit": "the week's overrides, emergencies, reversals, approvals, user changes (owner, finance)"}
    for name in REPORTS:
        parser = rsub.add_parser(name, help=helps[name])
        if name == "reconcile":  # checks the ledger as it stands now: no period
            parser.add_argument("--stuck-days", type=whole("--stuck-days", DAYS), default=3, help="days before a document counts as stuck")
            parser.add_argument("--json", action="store_true")
            continue
        if name != "dashboard":  # the dashboard is one day and its week: --to says which day
            parser.add_argument("--from", dest="start", help="first day, e.g. 2026-11-01 (default: 28 days to --to)")
        parser.add_argument("--to", dest="end", help="last day (default today)")
        parser.add_argument("--json", action="store_true")
        if name in ("kpi", "sales"):
            _add_filters(parser)
        if name == "kpi":
            parser.add_argument("--by", help="week | month: the figures per week or month too")
        elif name == "sales":
            parser.add_argument("--by", default="product",
                                help="product (default) | category | channel | customer | weekday | hour")
            parser.add_argument("--sort", help="a row field: revenue (default, largest first), margin, quantity, "
                                               "margin_rate, cost, documents, returned, key, label, abc")
            parser.add_argument("--desc", action="store_true", help="with --sort: largest first")
            parser.add_argument("--limit", type=whole("--limit", ROWS), help="at most this many rows (default: all)")
            parser.add_argument("--offset", type=whole("--offset", ROWS), default=0, help="skip this many rows first")
        elif name == "basket":
            parser.add_argument("--weekday", type=int, help="1 (Monday) … 7 (Sunday): that weekday's baskets only")
            parser.add_argument("--hours", help="an hour block, e.g. 9-11 (09:00–10:59)")
            parser.add_argument("--category", default="", help="pairs with a product of this category")
            parser.add_argument("--channel", default="", metavar="NAME", help="only the baskets of this channel's "
                                                                               "orders (code or name)")
            parser.add_argument("--min-support", type=whole("--min-support", ROWS), default=5, help="baskets holding both (default 5)")
    report_worklists.add_parsers(rsub)


def _add_filters(parser) -> None:
    parser.add_argument("--category", metavar="NAME", help="only products of this category (as on the products)")
    parser.add_argument("--location", metavar="CODE", help="only this location and those under it (sales: where "
                                                           "the goods left from)")
    parser.add_argument("--channel", metavar="NAME", help="only this sales channel (code or name: STORE, 美团…)")


def _filters(args):
    from services.reports.report_filter import report_filter

    return report_filter(args.category, args.location, args.channel)


def _filter_line(report) -> str:
    """'分类 水果 · 库位 STORE · 渠道 美团' for a filtered report, '' otherwise."""
    from services.core.messages import msg

    only = report.filters
    parts = [(msg("report.by.category"), only.category), (msg("report.filter.location"), only.location),
             (msg("report.by.channel"), only.channel_name)]
    return " · ".join(f"{name} {value}" for name, value in parts if value)


def _value(value) -> str:
    return "—" if value is None else str(value)


def _say_kpi(report) -> None:
    from services.core.messages import msg

    def figures(items, indent: str = "") -> None:
        for figure in items:
            parts = " · ".join(f"{msg(f'report.part.{name}')} {value}" for name, value in figure.parts)
            say(f"{indent}{figure.text()}" + (f"  [{parts}]" if parts else ""))

    say(f"{msg('report.name.kpi')}  {report.period.start} – {report.period.end}  {_filter_line(report)}".rstrip())
    figures(report.figures)
    for bucket in report.buckets:
        say(f"{msg(f'report.by.{report.by}')} {bucket.period.start} – {bucket.period.end}")
        figures(bucket.figures, "  ")


def _sales_line(row) -> str:
    from services.core.numbers import fmt_qty

    quantity = f"{fmt_qty(row.quantity)} {row.unit}" if row.quantity is not None else ""
    rate = f"{row.margin_rate}%" if row.margin_rate is not None else "—"
    share = f"{row.share}%" if row.share is not None else ""
    return (f"{row.key:<10} {row.label:<14} {quantity:>10} {row.revenue:>10} {_value(row.cost):>10} "
            f"{_value(row.margin):>10} {rate:>8} {share:>8} {row.abc}").rstrip()


def _say_sales(report) -> None:
    from services.core.messages import msg

    say(f"{msg('report.name.sales')}  {report.period.start} – {report.period.end}  {msg(f'report.by.{report.by}')}  "
        f"{_filter_line(report)}".rstrip())
    for row in report.rows:
        say(_sales_line(row))
    say(_sales_line(report.total))
    for cls in report.abc:
        say(f"{cls.name}: {cls.products} · {cls.revenue} ({_value(cls.share)}%)")


def _figure_value(figure) -> str:
    from services.core.messages import msg

    return "—" if figure.value is None else f"{figure.value} {msg(f'report.unit.{figure.unit}')}"


def _say_dashboard(board) -> None:
    from services.core.messages import msg
    from services.stock.expiry import NEAR_EXPIRY_DAYS

    say(f"{msg('report.name.dashboard')}  {board.day} / {board.week.start} – {board.week.end}")
    for title, sales in ((board.day.isoformat(), board.today), (msg("report.by.week"), board.this_week)):
        say(f"{title}: " + " · ".join(f"{r.label} {r.revenue} ({_value(r.margin)})" for r in [*sales.rows, sales.total]))
    say(" · ".join(f"{w.label} {w.count}" for w in board.waiting))
    say(" · ".join(msg("report.kpi_trend", label=k.current.label, value=_figure_value(k.current),
                       previous=_figure_value(k.previous)) for k in board.kpis))
    for row in board.locations:
        say(f"{row.code:<8} {row.name:<12} {'' if row.sellable else row.kind:<13} {row.products:>5} "
            f"{_value(row.on_hand):>12} {_value(row.reserved):>10} {_value(row.available):>12}")
    say(msg("report.near_expiry", days=NEAR_EXPIRY_DAYS, lots=board.near_expiry.lots,
            value=_value(board.near_expiry.value)))
    say(msg("report.expired", lots=board.expired.lots, value=_value(board.expired.value)))
    for out in board.stockouts:
        say(msg("report.stockout", sku=out.sku, name=out.name, day=out.last_sold))
    if board.reconciliation:
        say(_reconciliation_line(board.reconciliation))
    for alert in board.alerts:
        say(f"! {alert.text}")


def _say_reconcile(report) -> None:
    from services.core.messages import msg

    say(msg("report.reconcile.head", day=report.day, ran_at=report.ran_at.isoformat(sep=" ", timespec="minutes")))
    if report.ok:
        say(msg("report.reconcile.ok", balances=report.balances, events=report.events))
    for problem in report.problems:
        say(f"  - {problem}")
    for swing in report.swings:
        say(swing.text())
    for stuck in report.stuck:
        say(stuck.text())


def _say_basket(report) -> None:
    from services.core.messages import msg

    say(f"{msg('report.name.basket')}  {report.period.start} – {report.period.end}  "
        f"{report.baskets} / {report.multi_line}")
    if not report.rules:
        say(report.why_empty())
    for rule in report.rules:
        say(f"{rule.support:>6}% {rule.confidence:>7}% {rule.lift:>6}  {rule.sentence()}")


def _reconciliation_line(run) -> str:
    from services.core.messages import msg

    state = msg(f"report.audit.reconciled_{'ok' if run.ok else 'not_ok'}")
    return msg("report.audit.reconciliation", day=run.day, state=state, problems=run.problems, swings=run.swings,
               stuck=run.stuck)


def _say_audit(report) -> None:
    from services.core.messages import msg

    say(f"{msg('report.name.audit')}  {report.period.start} – {report.period.end}")
    for section in report.sections:
        say(f"{section.label}: {len(section.items) if section.recorded else section.note}")
        for item in section.items:
            done = "" if item.done is None else msg(f"report.audit.paperwork_{'done' if item.done else 'open'}")
            at = item.at.isoformat(sep=" ", timespec="minutes") if item.at else ""
            say(f"  {at} {item.number} {item.user} {done} {item.detail}".replace("\n", " ").rstrip())
    for run in report.reconciliations:
        say(_reconciliation_line(run))


def _basket(args, start, end):
    from services.core.errors import ValidationError
    from services.reports.basket import basket_report

    hours = None
    if args.hours:
        try:
            first, last = (int(part) for part in args.hours.split("-"))
        except ValueError:
            raise ValidationError("report.basket.bad_hours", start=args.hours, end="") from None
        hours = (first, last)
    return basket_report(start, end, weekday=args.weekday, hours=hours, category=args.category, channel=args.channel,
                         min_support=args.min_support)


def cmd_report(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.core.numbers import to_date

    if args.report_command == "list":
        for name in (*REPORTS, *report_worklists.WORKLISTS):
            key = name.replace("-", "_")
            say(f"{name:<16} {msg(f'report.name.{key}')}")
        return 0
    if args.report_command == "expiry-action":
        return report_worklists.expiry_action(args, user)
    start, end = to_date(getattr(args, "start", None), "--from"), to_date(getattr(args, "end", None), "--to")
    if args.report_command == "supplier-returns" and (args.pdf or args.xlsx):
        return report_worklists.negotiation_sheet(args, user, start, end)
    if args.report_command in report_worklists.WORKLISTS:
        report, show = report_worklists.run(args.report_command, user, start, end, args)
    elif args.report_command == "kpi":
        from services.reports.kpi import kpi

        report, show = kpi(user, start, end, by=args.by, only=_filters(args)), _say_kpi
    elif args.report_command == "reconcile":
        from services.reports.reconcile import reconcile

        report, show = reconcile(user, stuck_days=args.stuck_days), _say_reconcile
    elif args.report_command == "audit":
        from services.reports.audit_week import audit_week

        report, show = audit_week(user, start, end), _say_audit
    elif args.report_command == "basket":
        report, show = _basket(args, start, end), _say_basket
    elif args.report_command == "sales":
        from services.reports.sales import sales_report

        report, show = sales_report(user, start, end, by=args.by, sort=args.sort, descending=args.desc,
                                    offset=args.offset, limit=args.limit, only=_filters(args)), _say_sales
    else:
        from services.reports.alerts import dashboard_with_alerts

        report, show = dashboard_with_alerts(user, end), _say_dashboard
    if args.json:
        say_json(report.as_json())
    else:
        show(report)
    return 0


COMMANDS = {"report": cmd_report}
