"""`user`: staff accounts and roles. Passwords are read from stdin or typed twice, never from argv.

`user passwd NAME` for one's own account asks for the old password first (with --password-stdin:
the old password's line, then the new one's; after a login password read from stdin too); an
owner resetting someone else's password is not asked."""
from __future__ import annotations

import argparse
import sys

from cli.login import prompt
from cli.output import say, say_json
from services.core.errors import XiaopuError

ROLES = ["owner", "purchaser", "warehouse", "cashier", "finance"]


def add_parser(sub) -> None:
    user = sub.add_parser("user", help="staff accounts and roles")
    usub = user.add_subparsers(dest="user_command", required=True)
    ulist = usub.add_parser("list", help="accounts with their roles")
    ulist.add_argument("--json", action="store_true")
    uadd = usub.add_parser("add", help="create an account")
    uadd.add_argument("name")
    uadd.add_argument("--role", required=True, choices=ROLES)
    uadd.add_argument("--display-name", default="")
    uadd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    upass = usub.add_parser("passwd", help="set an account's password")
    upass.add_argument("name")
    upass.add_argument("--password-stdin", action="store_true")
    urole = usub.add_parser("role", help="change an account's role, or disable it")
    urole.add_argument("name")
    urole.add_argument("role", choices=ROLES)
    urole.add_argument("--disable", action="store_true")


def read_password(from_stdin: bool) -> str:
    """Never from the command line (it would stay in the shell history)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = prompt("密码 / password: ")
    if prompt("再输一次 / again: ") != first:
        raise XiaopuError("user.password_mismatch")
    return first


def read_old_password(from_stdin: bool) -> str:
    return sys.stdin.readline().rstrip("\r\n") if from_stdin else prompt("旧密码 / old password: ")


def cmd_user(args: argparse.Namespace, user) -> int:
    from services.core import users

    if args.user_command == "list":
        rows = users.list_users()
        if args.json:
            say_json([r.as_json() for r in rows])
        for r in rows if not args.json else ():
            state = "" if r.active else " (停用 disabled)"
            say(f"{r.username:<16} {r.display_name:<10} {r.role:<10} {'有密码' if r.has_password else '无密码'}{state}")
        return 0
    if args.user_command == "add":
        password = read_password(True) if args.password_stdin else None
        users.create_user(user, args.name, args.role, password or None, display_name=args.display_name)
    elif args.user_command == "passwd":
        old = read_old_password(args.password_stdin) if users.needs_old_password(user, args.name) else None
        users.set_password(user, args.name, read_password(args.password_stdin), old_password=old)
    else:
        users.set_role(user, args.name, args.role, active=not args.disable)
    say(f"已保存 / saved: {args.name}")
    return 0


COMMANDS = {"user": cmd_user}
