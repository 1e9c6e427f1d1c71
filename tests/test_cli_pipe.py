"""`xiaopu … | head`: the reader stops early; the command ends quietly (status 141, as the shell
reports for other programs), never with a BrokenPipeError traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.test_cli import ROOT, seed


def into_closed_pipe(*args: str) -> subprocess.CompletedProcess:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line: every write meets a closed pipe
    try:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                              stdout=write_end, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                              encoding="utf-8", timeout=120, cwd=ROOT)
    finally:
        os.close(write_end)


def test_a_closed_pipe_ends_the_command_without_a_traceback(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed(db)
    result = into_closed_pipe("--db", str(db), "stock")
    assert result.returncode == 141
    assert result.stderr == ""


@pytest.mark.parametrize("args", [("--help",), ("stock", "--help"), ("report", "sales", "--help")])
def test_help_into_a_closed_pipe_ends_without_a_traceback(args):
    """`xiaopu --help | head`: argparse prints and exits before any command runs."""
    result = into_closed_pipe(*args)
    assert (result.returncode, result.stderr) == (141, "")



def test_every_command_and_subcommand_prints_its_help():
    """`report --help` ended in a ValueError: a help text's "15%" is a format directive to argparse."""
    import argparse

    from cli.commands import build_parser

    pages, parsers = 0, [build_parser()]
    while parsers:
        parser = parsers.pop()
        assert parser.format_help().startswith("usage: xiaopu")
        pages += 1
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
    assert pages > 60  # every subcommand was reached
