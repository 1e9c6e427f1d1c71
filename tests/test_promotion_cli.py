"""`promotion plan|list|cancel` (issue 12): 李姐 plans next weekend's 社群周末特价 on 蓝莓 from the command
line, a second plan over the same days is refused in words, and a cancelled plan stays listed with --all.
The clock is Sunday 2026-12-06."""
from __future__ import annotations

import json

import pytest

from cli import commands as cli
from services.core.messages import set_language


@pytest.fixture
def run(shop, db_path, capsys):
    """xiaopu ARGS in this process: (exit status, stdout, stderr)."""
    set_language("zh_CN")

    def xiaopu(*args: str) -> tuple[int, str, str]:
        status = cli.run(cli.build_parser().parse_args(["--db", str(db_path), *args]))
        out, err = capsys.readouterr()
        return status, out, err
    return xiaopu


def test_the_owner_plans_the_weekend_special_by_barcode_and_lists_it(shop, run):
    status, out, err = run("promotion", "plan", "6901234567892", "2026-12-12", "2026-12-13", "--uplift", "2.5",
                           "--note", "社群周末特价")
    assert (status, err) == (0, "")
    assert out.startswith("已排促销计划 #1:蓝莓(") and "2026-12-12–2026-12-13" in out
    assert run("promotion", "plan", shop.screw.sku, "2026-12-07")[0] == 0  # one day, the uplift learnt

    status, out, _ = run("promotion", "list", "--json")
    assert status == 0
    assert json.loads(out) == [
        {"id": 2, "sku": shop.screw.sku, "name": "十字螺丝", "first_day": "2026-12-07", "last_day": "2026-12-07",
         "uplift": None, "note": "", "cancelled": False},
        {"id": 1, "sku": shop.blueberry.sku, "name": "蓝莓", "first_day": "2026-12-12", "last_day": "2026-12-13",
         "uplift": "2.500", "note": "社群周末特价", "cancelled": False},
    ]
    status, out, _ = run("promotion", "list")
    assert out.splitlines() == [f"#2  {shop.screw.sku} 十字螺丝  2026-12-07  自动(按以往促销)",
                                f"#1  {shop.blueberry.sku} 蓝莓  2026-12-12–2026-12-13  ×2.5  社群周末特价"]


def test_an_overlap_and_a_past_day_are_refused_in_words_and_plan_nothing(shop, run):
    assert run("promotion", "plan", shop.blueberry.sku, "2026-12-12", "2026-12-13")[0] == 0
    status, out, err = run("promotion", "plan", shop.blueberry.sku, "2026-12-13", "2026-12-14", "--note", "再来一次")
    assert (status, out) == (1, "")
    assert err.strip() == "蓝莓 在 2026-12-12–2026-12-13 已有促销计划:请先取消那个计划,或换个日期"
    status, _, err = run("promotion", "plan", shop.blueberry.sku, "2026-12-05")
    assert status == 1 and "开始日期 2026-12-05 已经过去" in err and "Traceback" not in err
    status, _, err = run("promotion", "plan", shop.blueberry.sku, "2026-12-20", "--uplift", "0.5")
    assert status == 1 and "预计倍数至少是 1" in err
    status, _, err = run("promotion", "plan", "没有这个", "2026-12-20")
    assert status == 1 and "没有这个" in err
    status, out, _ = run("promotion", "list", "--json")
    assert [row["first_day"] for row in json.loads(out)] == ["2026-12-12"]


def test_a_cancelled_plan_is_gone_from_the_list_and_struck_with_all(shop, run):
    assert run("promotion", "plan", shop.blueberry.sku, "2026-12-12", "2026-12-13")[0] == 0
    assert run("promotion", "cancel", "1") == (0, "已取消促销计划 #1\n", "")
    assert run("promotion", "list", "--json")[1].strip() == "[]"
    status, out, _ = run("promotion", "list", "--all", "--json")
    assert status == 0 and [(r["id"], r["cancelled"]) for r in json.loads(out)] == [(1, True)]
    assert run("promotion", "list", "--all")[1].rstrip().endswith("(已取消)")
    # the same days again, now free; an unknown plan is refused
    assert run("promotion", "plan", shop.blueberry.sku, "2026-12-12", "2026-12-13")[0] == 0
    status, _, err = run("promotion", "cancel", "99")
    assert status == 1 and err.strip() == "找不到促销计划:99"


def test_a_warehouse_clerk_may_not_plan_and_a_bad_id_is_a_usage_error(shop, run, capsys):
    from services.core import users

    users.create_user(shop.owner, "laozhang", "warehouse", display_name="老张")
    status, _, err = run("--user", "laozhang", "promotion", "plan", shop.blueberry.sku, "2026-12-12")
    assert status == 1 and "无权执行" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exit_:
        run("promotion", "cancel", "abc")
    assert exit_.value.code == 2
    assert "id" in capsys.readouterr().err
