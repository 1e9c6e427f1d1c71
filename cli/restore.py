"""`restore FILE` and what runs before the shop is opened: `check` and `restore` look at the file first,
because opening a damaged (or empty, or older) file as the shop would migrate it, fill it with first-run
data or stop on its broken pages."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import complain, say


def add_parser(sub) -> None:
    restore = sub.add_parser("restore", help="replace the database with a verified backup (the current one is kept)")
    restore.add_argument("file", help="the backup file (.sqlite3)")


def _local_file(target: str) -> Path | None:
    if "://" in target or target == ":memory:":
        return None
    path = Path(target)
    return path if path.is_file() else None


def check_file(args: argparse.Namespace, target: str) -> int | None:
    """`check` on a file that is not a sound database of this schema: say what is wrong, exit 1."""
    from services.shop.db_file import file_problems
    from services.stock.integrity import CheckReport

    path = _local_file(target)
    problems = file_problems(path) if path is not None else []
    if not problems:
        return None  # sound: open it and run the full check
    complain(CheckReport(problems=problems).text())
    return 1


def restore_damaged(args: argparse.Namespace, target: str) -> int | None:
    """Restore over a database too damaged to log in to; a sound one goes through login (owner only)."""
    from services.core.messages import msg
    from services.shop.db_file import file_problems

    path = _local_file(target)
    if path is None or not file_problems(path, allow_older=True):
        return None
    complain(msg("restore.unchecked_login"))
    return _restore(None, args.file, path)


def _restore(user, backup_file: str, db: Path) -> int:
    from services.core.messages import msg
    from services.shop.restore import restore

    result = restore(user, backup_file, db)
    say(msg("restore.done", backup=backup_file, aside=result.aside or "-"))
    return 0


def cmd_restore(args: argparse.Namespace, user) -> int:
    from services.shop.backup import live_database

    return _restore(user, args.file, live_database())


COMMANDS = {"restore": cmd_restore}
BEFORE_OPEN = {"check": check_file, "restore": restore_damaged}
