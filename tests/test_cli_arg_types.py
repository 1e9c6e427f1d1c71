"""Whole-number options of the CLI are read as every number is: `report sales --limit 1e20` or a lot id
of 20 digits is refused by argparse in the user's words (exit 2), not an OverflowError from SQLite."""
from __future__ import annotations

import pytest

from cli.commands import build_parser
from tests.test_cli import xiaopu


def refusal(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(list(argv))
    assert stopped.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


def test_rows_days_and_ids_within_what_a_shop_could_mean(capsys):
    assert refusal(capsys, "report", "sales", "--limit", "100000000000000000000").endswith(
        "--limit必须是 0–9999999 之间的整数:100000000000000000000")
    assert refusal(capsys, "report", "sales", "--offset", "-1").endswith("--offset不能为负数:-1")
    assert refusal(capsys, "report", "reconcile", "--stuck-days", "100000000000").endswith(
        "--stuck-days必须是 1–3650 之间的整数:100000000000")
    assert refusal(capsys, "report", "basket", "--min-support", "x").endswith("--min-support“x”不是数字")
    assert refusal(capsys, "report", "expiry-action", "99999999999999999999", "--location", "STORE",
                   "--write-off", "过期").endswith("lot必须是 1–9999999 之间的整数:99999999999999999999")
    assert refusal(capsys, "stocktake", "trace", "1", "2.5").endswith("line必须是整数:2.5")
    args = build_parser().parse_args(["report", "sales", "--limit", "200", "--offset", "0"])
    assert (args.limit, args.offset) == (200, 0)


def test_the_command_says_it_without_a_traceback(tmp_path):
    db = tmp_path / "shop.sqlite3"
    assert xiaopu("init", db=db).returncode == 0
    done = xiaopu("report", "sales", "--limit", "100000000000000000000", db=db)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "--limit必须是 0–9999999 之间的整数" in done.stderr
