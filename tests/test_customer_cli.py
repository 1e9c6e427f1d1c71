"""`customer statement` and `customer ageing` on the command line, in their own process."""
from __future__ import annotations

import json

from test_cli import xiaopu
from test_statement import hardware_month

from models import database


def test_statement_and_ageing_from_the_command_line(owner, db_path, tmp_path):
    hardware_month(owner)
    database.close()  # the CLI opens the file in its own process
    pdf, xlsx = tmp_path / "zhang.pdf", tmp_path / "zhang.xlsx"
    for out in (pdf, xlsx):
        result = xiaopu("customer", "statement", "张工", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out),
                        db=db_path)
        assert result.returncode == 0, result.stderr
        assert "期末欠款 12100.50 元" in result.stdout and out.stat().st_size > 1000
    result = xiaopu("customer", "ageing", "--as-of", "2026-11-30", "--json", db=db_path)
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["name"] == "张工" and row["balance"] == "12100.50"
    assert row["buckets"] == {"未到期": "11101.30", "1-30天": "999.20", "31-60天": "0.00", "61-90天": "0.00",
                              "90天以上": "0.00"}
    text = xiaopu("customer", "ageing", "--as-of", "2026-11-30", db=db_path).stdout
    assert "张工  欠款 12100.50  未到期 11101.30  1-30天 999.20" in text


def test_bad_statement_requests_are_refused_readably(owner, db_path, tmp_path):
    database.close()
    result = xiaopu("customer", "statement", "王五", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                    str(tmp_path / "x.pdf"), db=db_path)
    assert result.returncode == 1 and "找不到客户:王五" in result.stderr
    result = xiaopu("customer", "statement", "散客", "--from", "11月1日", "--to", "2026-11-30", "--out",
                    str(tmp_path / "x.pdf"), db=db_path)
    assert result.returncode == 1 and "不是日期" in result.stderr
    assert "没有未结清的应收款" in xiaopu("customer", "ageing", db=db_path).stdout
