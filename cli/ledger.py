"""Keeping the books sound: `check` (integrity, balances == ledger, audit chain), `backup`, `reverse` a
posted document, `rebuild-balances` from the ledger."""
from __future__ import annotations

import argparse

from cli.output import complain, say


def add_parser(sub) -> None:
    sub.add_parser("check", help="integrity, balances == ledger, audit chain")

    backup = sub.add_parser("backup", help="online backup of the live database, verified")
    backup.add_argument("--to", dest="to_dir")

    reverse = sub.add_parser("reverse", help="reverse a posted document by its number")
    reverse.add_argument("number")
    reverse.add_argument("--reason", required=True)

    sub.add_parser("rebuild-balances", help="recompute every balance from the ledger")


def cmd_check(args: argparse.Namespace, user) -> int:
    from services.stock.integrity import run_check

    report = run_check()
    (say if report.ok else complain)(report.text())
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.shop.backup import backup

    path = backup(args.to_dir)
    say(msg("backup.done", path=path))
    return 0


def cmd_reverse(args: argparse.Namespace, user) -> int:
    from services.stock.reversal import reverse_document

    result = reverse_document(user, args.number, args.reason)
    say(f"已冲销 / reversed: {args.number} → {result.number}")
    return 0


def cmd_rebuild(args: argparse.Namespace, user) -> int:
    from services.stock.integrity import rebuild_balances

    changed = rebuild_balances(user)
    say(f"余额已重建,修正 {changed} 行 / balances rebuilt, {changed} rows corrected")
    return 0


COMMANDS = {"check": cmd_check, "backup": cmd_backup, "reverse": cmd_reverse, "rebuild-balances": cmd_rebuild}
