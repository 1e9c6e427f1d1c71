"""What every command writes: a line to stdout, a line to stderr, JSON for scripts.

Looked up on sys.stdout/sys.stderr at each call, so tests that capture them see the output."""
from __future__ import annotations

import json
import sys


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def complain(text: str) -> None:
    sys.stderr.write(text + "\n")


def say_json(data: object) -> None:
    """Chinese stays readable (ensure_ascii off), indented for a person reading it too."""
    say(json.dumps(data, ensure_ascii=False, indent=2))


def say_rows(rows: list, as_json: bool) -> None:
    """Rows for a script (each one's as_json(), as one list) or for a person (each one's text(), a line each)."""
    if as_json:
        say_json([row.as_json() for row in rows])
    else:
        for row in rows:
            say(row.text())
