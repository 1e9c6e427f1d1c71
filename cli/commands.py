"""The headless commands: `python main.py [--db PATH|URL] COMMAND`. Same services as the GUI.

The entry main.py and the tests use: build_parser() and run(). Each domain module adds its own
subcommands (add_parser) and names their handlers (COMMANDS); DOMAINS is the order `--help` lists them.

Exit status: 0 done, 1 refused or failed (with a readable message), 2 bad usage, 141 the reader of
our output went away (as `head` does; 128 + SIGPIPE, what a shell reports for other programs).
"""
from __future__ import annotations

import argparse
import os
import sys

from cli import (
    channels,
    customers,
    fields,
    files,
    group_orders,
    ledger,
    login,
    migrate_to,
    period,
    prices,
    printing,
    production,
    promotions,
    purchasing,
    quotes,
    records,
    reports,
    restore,
    sales,
    shop,
    stock,
    stocktake,
    transfers,
    users,
)
from cli.output import complain
from services.core.errors import XiaopuError

DOMAINS = (shop, files, stock, channels, ledger, users, purchasing, promotions, printing, customers, sales, stocktake,
           production, group_orders, reports, restore, period, migrate_to, transfers, prices, quotes, records, fields)
COMMANDS = {name: handler for domain in DOMAINS for name, handler in domain.COMMANDS.items()}


class _Parser(argparse.ArgumentParser):
    """`--help | head` ends with 141 as every command's output does: argparse swallows a failed write
    and whatever stayed buffered meets the closed pipe in the interpreter's flush at exit, where it is
    a traceback. Written and flushed here instead (subcommands' parsers are of this class too)."""

    def _print_message(self, message: str, file=None) -> None:
        if not message:
            return
        file = file or sys.stderr
        try:
            file.write(message)
            file.flush()
        except BrokenPipeError:
            raise SystemExit(reader_gone()) from None
        except (AttributeError, OSError):  # no console (a windowed build): as argparse, say nothing
            pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="xiaopu", description="小铺进销存 Xiaopu")
    parser.add_argument("--db", help="SQLite file or postgresql:// URL (default: the server saved in "
                        "设置 → 数据库, else the app-data folder's file)")
    parser.add_argument("--user", help="act as this user (default: the first owner); asks for the password once "
                        "any account has one")
    login.add_arguments(parser)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of messages")
    parser.add_argument("--demo", action="store_true", help="open the GUI on a demo fresh-food store")
    parser.add_argument("--smoke-test", action="store_true", help="open the window, render every tab, exit 0")
    sub = parser.add_subparsers(dest="command")
    for domain in DOMAINS:
        domain.add_parser(sub)
    return parser


def resolve_db(args: argparse.Namespace) -> str:
    """--db, else the server chosen in the window's 设置 → 数据库, else this PC's file: the window's shop."""
    if args.db:
        return args.db
    from services.shop.app_paths import default_db_path
    from services.shop.saved_server import saved_server

    return saved_server() or str(default_db_path())


READS_ONLY = {"stock", "check"}  # these still work on a file nobody may write (a CD, a write-protected USB disk)


def open_and_init(target: str, command: str | None = None):
    """Open the database and bring it to the current schema; returns the first owner. A reading command
    opens a file it may not write read-only, neither migrated nor added to; the others are refused."""
    from models import open_database
    from models.db import cannot_write
    from services.shop.setup import initialise

    open_database(target, read_only=command in READS_ONLY and cannot_write(target))
    return initialise()


def run(args: argparse.Namespace) -> int:
    from models import DatabaseOpenError

    try:
        target = resolve_db(args)
        early = restore.BEFORE_OPEN.get(args.command)  # check/restore look at a damaged file before opening it
        if early is not None and (status := early(args, target)) is not None:
            return status
        owner = open_and_init(target, args.command)
        user = login.acting_user(args, owner)
        status = COMMANDS[args.command](args, user)
        sys.stdout.flush()  # a closed pipe is met here, not in the interpreter's flush at exit
        return status
    except (XiaopuError, DatabaseOpenError) as exc:
        complain(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head` stopped reading: not an error of ours, and no traceback
        return reader_gone()


def reader_gone() -> int:
    """Point stdout at the null device so the interpreter's final flush does not raise again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # a captured stdout in tests has no descriptor
        pass
    return 141
