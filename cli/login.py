"""Who runs a command. A shop where no account has a password yet (a fresh `init`, the demo) runs
as `--user NAME` or the first owner without asking. Once any account has a password the CLI
logs in like the window: the password from `--password-stdin` (its first line), else the
environment variable XIAOPU_PASSWORD (scripts), else a prompt on the terminal. Without a
terminal and without either, it refuses rather than wait for input that never comes."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from services.core.errors import XiaopuError

PASSWORD_ENV = "XIAOPU_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", dest="login_password_stdin", action="store_true",
                        help=f"read the login password from the first line of stdin (or set {PASSWORD_ENV})")


def acting_user(args: argparse.Namespace, owner):
    """The logged-in user (`--user NAME`, default the first owner), with that user's role."""
    from services.core import users

    name = args.user or owner.username
    if not users.login_required():
        return users.require_active(users.get_user(name))
    if users.must_set_owner_password(name):
        raise XiaopuError("user.owner_password_at_login")
    return users.authenticate(name, login_password(args, name), via="cli")


def login_password(args: argparse.Namespace, name: str) -> str:
    if getattr(args, "login_password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise XiaopuError("login.needs_password", name=name, env=PASSWORD_ENV)
    return _hidden(f"{name} 的密码 / password: ")


def prompt(text: str) -> str:
    """One hidden line typed on the terminal; refused without one (CI, a pipe, a service)."""
    if not sys.stdin.isatty():
        raise XiaopuError("login.no_terminal")
    return _hidden(text)


def _hidden(text: str) -> str:
    try:
        return getpass.getpass(text)
    except EOFError:  # Ctrl-D at the prompt: nothing typed
        return ""
