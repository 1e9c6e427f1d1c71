"""`init` and `demo`: create or migrate the shop's database, fill it with a reproducible demo history."""
from __future__ import annotations

import argparse

from cli.output import say


def add_parser(sub) -> None:
    sub.add_parser("init", help="create or migrate the database (idempotent)")

    demo = sub.add_parser("demo", help="fill the database with a reproducible shop history")
    demo.add_argument("--products", type=int, default=420)
    demo.add_argument("--days", type=int, default=90)
    demo.add_argument("--seed", type=int, default=1)


def cmd_init(args: argparse.Namespace, user) -> int:
    from models import SCHEMA_VERSION
    from models.db import database_file

    say(f"数据库已就绪 / database ready: {database_file() or args.db} (schema {SCHEMA_VERSION})")
    return 0


def cmd_demo(args: argparse.Namespace, user) -> int:
    from services.demo.store import generate_demo

    summary = generate_demo(user, products=args.products, days=args.days, seed=args.seed,
                            progress=lambda text: say(text))
    say(summary)
    return 0


COMMANDS = {"init": cmd_init, "demo": cmd_demo}
