"""盘点任务 per person (issue 17). Sunday 6 December at 鲜邻优选: 李姐 (the owner) has two warehouse
clerks, 小王 and 小李. She asks 小王 to count the fruit shelf and starts a full count for whoever is
free; 小李's bench shows only what is his to count."""
from __future__ import annotations

import json

import peewee
import pytest

from models import AuditEvent, CountSession
from services.core import users
from services.core.errors import DocumentStateError, PermissionDenied, ValidationError
from services.reports.bench_waiting import waiting_line
from services.stocktake import assignees
from services.stocktake import sessions as stocktake
from tests.sales_shop import sales_shop, stock_in


@pytest.fixture
def crew(shop):
    cast = sales_shop(shop)
    stock_in(cast.owner, cast.blueberry, "12", cast.store)
    stock_in(cast.owner, cast.screw, "100", cast.store)
    cast.wang = users.create_user(cast.owner, "xiaowang", "warehouse", display_name="小王")
    cast.li = users.create_user(cast.owner, "xiaoli", "warehouse", display_name="小李")
    return cast


def counts_line(user) -> str:
    return waiting_line("warehouse", user_id=user.id).split(" · ")[2]


def test_a_count_assigned_to_xiaowang_is_on_his_bench_not_on_xiaolis(crew):
    assert counts_line(crew.wang) == counts_line(crew.li) == "盘点任务 0 个"
    fruit = stocktake.start_session(crew.owner, "category", "水果", assignee="xiaowang")
    assert counts_line(crew.wang) == "盘点任务 1 个"
    assert counts_line(crew.li) == "盘点任务 0 个"  # 小王's count is not 小李's task
    stocktake.start_session(crew.owner, "full")  # for whoever is free: on both benches
    assert counts_line(crew.wang) == "盘点任务 2 个"
    assert counts_line(crew.li) == "盘点任务 1 个"
    assert waiting_line("warehouse").split(" · ")[2] == "盘点任务 2 个"  # no user: every open count
    rows = {r.ref: r.assignee for r in stocktake.list_sessions()}
    assert rows[fruit.ref] == "xiaowang" and list(rows.values()).count("") == 1
    assert stocktake.list_sessions()[1].as_json()["assignee"] == "xiaowang"

    assignees.assign(crew.owner, fruit.ref, "xiaoli")  # 小王 went home ill
    assert (counts_line(crew.wang), counts_line(crew.li)) == ("盘点任务 1 个", "盘点任务 2 个")
    event = AuditEvent.select().where(AuditEvent.action == "stocktake.assign").get()
    assert json.loads(event.old) == {"assignee": "xiaowang"}
    assert json.loads(event.new) == {"assignee": "xiaoli"}
    stocktake.abandon(crew.owner, fruit.ref)  # an abandoned count waits for nobody
    assert counts_line(crew.li) == "盘点任务 1 个"


def test_assigning_is_checked_and_refused_in_chinese(crew):
    with pytest.raises(ValidationError, match=r"王会计|wangkj"):
        stocktake.start_session(crew.owner, "full", assignee="wangkj")  # finance does not count
    with pytest.raises(Exception, match="找不到用户:nobody"):
        stocktake.start_session(crew.owner, "full", assignee="nobody")
    assert CountSession.select().count() == 0  # nothing started
    mine = stocktake.start_session(crew.wang, "full", assignee="xiaowang")
    with pytest.raises(PermissionDenied, match="由 xiaowang 新建,只有他或店主可以改派"):
        assignees.assign(crew.li, mine.ref, "xiaoli")
    stocktake.submit_for_review(crew.wang, mine.ref)
    with pytest.raises(DocumentStateError, match="当前为“待审核”,不能指派盘点人"):
        assignees.assign(crew.owner, mine.ref, "xiaoli")  # counted already: nobody to ask any more
    assert stocktake.get_session(mine.ref).assignee.username == "xiaowang"
    assert [c.label for c in assignees.counters()] == ["店主", "小美", "老张", "小王", "小李"]


def test_the_cli_starts_a_count_for_xiaowang_and_lists_it(crew, db_path, capsys):
    from cli import commands as cli

    parse = cli.build_parser().parse_args
    base = ["--db", str(db_path), "stocktake"]
    assert cli.run(parse([*base, "start", "--scope", "full", "--assignee", "xiaowang"])) == 0
    assert "盘点人 xiaowang" in capsys.readouterr().out
    assert cli.run(parse([*base, "list", "--json"])) == 0
    assert json.loads(capsys.readouterr().out)[0]["assignee"] == "xiaowang"
    assert cli.run(parse([*base, "assign", "1", "none"])) == 0
    assert "盘点人 不限" in capsys.readouterr().out
    assert stocktake.get_session(1).assignee_id is None
    assert cli.run(parse([*base, "assign", "1", "wangkj"])) == 1
    assert "不做盘点" in capsys.readouterr().err


def test_an_older_shop_gets_the_assignee_column(tmp_path):
    """A shop from before this change has count_session without the column: the migration adds it, once."""
    from models.migrations import _count_assignee

    old = peewee.SqliteDatabase(str(tmp_path / "old.sqlite3"))
    old.execute_sql('CREATE TABLE "user" (id INTEGER PRIMARY KEY)')
    old.execute_sql("CREATE TABLE count_session (id INTEGER PRIMARY KEY, ref TEXT)")
    _count_assignee(old)
    _count_assignee(old)  # again: nothing to add
    assert "assignee_id" in {c.name for c in old.get_columns("count_session")}
    assert "count_session_assignee_id" in {i.name for i in old.get_indexes("count_session")}
    old.close()
