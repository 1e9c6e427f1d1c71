"""`migrate-to postgresql://…`: move the shop in --db (a SQLite file) to an empty PostgreSQL database, then
prove the copy: `check` on both sides and the same rows per table and stock per place. The file is only
read; the shop keeps working from it until the other PCs are pointed at the server."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import complain, say


def add_parser(sub) -> None:
    move = sub.add_parser("migrate-to", help="copy this SQLite shop into an empty PostgreSQL database")
    move.add_argument("url", help="postgresql://user:password@host:5432/database (the database must exist, empty)")


def cmd_migrate_to(args: argparse.Namespace, user) -> int:
    from models import database
    from models.db import database_file, open_database, shown_url
    from services.core.messages import msg
    from services.core.permissions import require
    from services.core.shop_copy import compare, copy_shop, photo_paths
    from services.stock.integrity import run_check

    require(user, "data.restore")
    source = database.obj
    if database_file() is None:
        complain(msg("copy.source_not_file"))
        return 1
    if not args.url.startswith(("postgresql://", "postgres://")):
        complain(msg("copy.target_not_server", url=args.url))
        return 1
    target = open_database(args.url)  # worded errors: unreachable, wrong login, no such database
    database.initialize(source)
    report = copy_shop(source, target, progress=say)
    problems = compare(source, target)
    checks = []
    for side, db in ((msg("copy.side_file"), source), (msg("copy.side_server"), target)):
        database.initialize(db)
        check = run_check()
        checks.append(check.ok)
        say(f"{side}: {check.text()}")
    database.initialize(source)
    target.close()
    for problem in problems:
        complain(problem)
    if problems or not all(checks):
        complain(msg("copy.not_proven"))
        return 1
    say(msg("copy.done", rows=sum(report.rows.values()), tables=len(report.rows), url=shown_url(args.url)))
    photos = {path for _table, _id, path in photo_paths(source)}  # a return and its draft share one file
    if photos:
        say(msg("copy.photos_stay", count=len(photos), folder=Path(str(database_file())).parent))
    return 0


COMMANDS = {"migrate-to": cmd_migrate_to}
