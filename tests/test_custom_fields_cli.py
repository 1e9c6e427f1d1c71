"""The shop's own fields on the command line (issue 17): `field add|list|rename|choices|remove`,
`product|customer|supplier set-field`, and `custom` in the JSON of their list and show; a renamed and
then removed field's history in the audit report."""
from __future__ import annotations

import json

import pytest

from cli import commands as cli
from models.custom_fields import CustomFieldValue
from services.core.messages import set_language

STORY = (("产地", "text"), ("保质提醒天数", "number"), ("社群专属价", "money"), ("上架日期", "date"), ("冷链", "bool"))


@pytest.fixture
def run(shop, db_path, capsys):
    """xiaopu ARGS in this process: (exit status, stdout, stderr)."""
    def xiaopu(*args: str) -> tuple[int, str, str]:
        status = cli.run(cli.build_parser().parse_args(["--db", str(db_path), *args]))
        out, err = capsys.readouterr()
        return status, out, err
    return xiaopu


@pytest.fixture
def fields(run):
    for name, kind in STORY:
        assert run("field", "add", "product", name, "--kind", kind)[0] == 0
    status, out, _ = run("field", "add", "product", "等级", "--kind", "choice", "--choices", "一级,二级", "--json")
    assert status == 0 and json.loads(out)["choices"] == ["一级", "二级"]


def test_the_owner_fills_in_the_blueberries_and_reads_them_back(shop, run, fields):
    sku = shop.blueberry.sku
    for name, value in (("产地", "云南"), ("保质提醒天数", "3"), ("社群专属价", "11.8"), ("上架日期", "2026/12/6"),
                        ("冷链", "是"), ("等级", "一级")):
        assert run("product", "set-field", sku, name, value)[0] == 0
    status, out, _ = run("product", "show", sku, "--json")
    shown = json.loads(out)
    assert status == 0 and (shown["sku"], shown["name"]) == (sku, "蓝莓")
    assert shown["custom"] == {"产地": "云南", "保质提醒天数": "3", "社群专属价": "11.80", "上架日期": "2026-12-06",
                               "冷链": "是", "等级": "一级"}
    status, out, _ = run("product", "list", "云南", "--json")  # search by 产地
    assert status == 0 and [p["name"] for p in json.loads(out)] == ["蓝莓"]
    status, out, _ = run("product", "list", "--json")
    screw = next(p for p in json.loads(out) if p["name"] == "十字螺丝")
    assert screw["custom"] == {"产地": "", "保质提醒天数": "", "社群专属价": "", "上架日期": "", "冷链": "", "等级": ""}
    status, out, _ = run("product", "show", sku)
    assert out.strip() == f"{sku} 蓝莓  |  产地: 云南  保质提醒天数: 3  社群专属价: 11.80  上架日期: 2026-12-06  冷链: 是  等级: 一级"


def test_a_bad_value_is_refused_in_chinese_and_nothing_is_written(shop, run, fields):
    status, _, err = run("product", "set-field", shop.blueberry.sku, "冷链", "也许")
    assert (status, err.strip()) == (1, "冷链只能填 是 或 否:也许")
    status, _, err = run("product", "set-field", shop.blueberry.sku, "社群专属价", "十块")
    assert (status, err.strip()) == (1, "社群专属价“十块”不是数字")
    set_language("en")  # as main.py sets it from --lang en
    try:
        status, _, err = run("product", "set-field", shop.blueberry.sku, "等级", "特级")
    finally:
        set_language("zh_CN")
    assert (status, err.strip()) == (1, "等级 is one of 一级、二级: 特级")
    status, _, err = run("product", "set-field", shop.blueberry.sku, "颜色", "红")
    assert (status, err.strip()) == (1, "找不到自定义字段:颜色")
    assert CustomFieldValue.select().count() == 0
    status, _, err = run("field", "add", "product", "售价", "--kind", "money")
    assert (status, err.strip()) == (1, "售价 是商品本来就有的栏目(Excel 表头),自定义字段请换个名字")


def test_field_list_rename_choices_and_remove(shop, run, fields):
    status, out, _ = run("field", "list", "product")
    assert out.splitlines() == ["商品 产地: 文本", "商品 保质提醒天数: 数字", "商品 社群专属价: 金额",
                                "商品 上架日期: 日期", "商品 冷链: 是否", "商品 等级: 选项 (一级、二级)"]
    assert run("field", "choices", "product", "等级", "一级,二级,特级")[1].strip() == "选项已更新:商品 等级: 选项 (一级、二级、特级)"
    assert run("product", "set-field", shop.blueberry.sku, "产地", "云南")[0] == 0
    status, out, _ = run("field", "rename", "product", "产地", "原产地", "--json")
    assert status == 0 and (json.loads(out)["name"], json.loads(out)["kind"]) == ("原产地", "text")
    assert run("product", "set-field", shop.blueberry.sku, "原产地", "四川")[0] == 0
    status, out, _ = run("field", "remove", "product", "原产地")
    assert status == 0 and "原来的值和历史都保留" in out
    status, out, _ = run("field", "list", "--json")
    assert [f["name"] for f in json.loads(out)] == ["保质提醒天数", "社群专属价", "上架日期", "冷链", "等级"]
    assert "原产地" not in json.loads(run("product", "show", shop.blueberry.sku, "--json")[1])["custom"]

    # the audit report still reads the field's whole story: added, 云南, renamed, 四川, removed
    status, out, _ = run("report", "audit", "--json")
    section = next(s for s in json.loads(out)["sections"] if s["key"] == "custom_field_change")
    about = [(i["number"], i["detail"]) for i in section["items"] if "产地" in i["detail"]]
    assert [number for number, _ in about] == ["原产地", f"{shop.blueberry.sku} 蓝莓", "原产地",
                                               f"{shop.blueberry.sku} 蓝莓", "原产地"]
    details = [detail for _, detail in about]
    assert details[0].startswith("custom_field.create: ") and '"name": "产地"' in details[0]
    assert details[1] == 'product.custom_fields: {"产地": ""} → {"产地": "云南"}'
    assert details[2].startswith("custom_field.rename: ") and '"产地"' in details[2] and '"原产地"' in details[2]
    assert details[3] == 'product.custom_fields: {"原产地": "云南"} → {"原产地": "四川"}'
    assert details[4].startswith("custom_field.remove: ") and '"values": 1' in details[4]


def test_customers_and_suppliers_carry_their_own_fields(shop, run):
    assert run("field", "add", "customer", "社群", "--kind", "choice", "--choices", "一群,二群")[0] == 0
    assert run("field", "add", "supplier", "谁负责这个供应商")[0] == 0
    assert run("customer", "set-field", "散客", "社群", "二群")[0] == 0
    status, out, _ = run("customer", "list", "二群", "--json")
    assert status == 0 and [(c["name"], c["custom"]) for c in json.loads(out)] == [("散客", {"社群": "二群"})]
    from services.purchasing import suppliers

    suppliers.save_supplier(shop.owner, suppliers.SupplierInput(name="云南果园", code="GYS-YN"))
    status, out, _ = run("supplier", "set-field", "GYS-YN", "谁负责这个供应商", "小李", "--json")
    assert status == 0 and json.loads(out)["custom"] == {"谁负责这个供应商": "小李"}
    status, out, _ = run("supplier", "list", "小李", "--json")
    assert [s["code"] for s in json.loads(out)] == ["GYS-YN"]
    assert run("supplier", "set-field", "GYS-YN", "谁负责这个供应商", "")[0] == 0  # '' clears
    assert json.loads(run("supplier", "show", "GYS-YN", "--json")[1])["custom"] == {"谁负责这个供应商": ""}
