"""The shop's own fields (issue 17, 添加字段): the owner of 鲜邻 adds 产地, 保质提醒天数, 社群专属价,
上架日期, 冷链 and 等级 to his products, fills them in for the blueberries, and every bad value is
refused in Chinese with nothing written."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import services.imports.excel_columns  # noqa: F401 - registers the import's own headers as reserved names
from models import AuditEvent
from models.custom_fields import CustomFieldValue
from services.core import custom_fields as cf
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.core.messages import set_language
from services.core.users import create_user

STORY = (("产地", "text", ()), ("保质提醒天数", "number", ()), ("社群专属价", "money", ()),
         ("上架日期", "date", ()), ("冷链", "bool", ()), ("等级", "choice", ("一级", "二级")))


@pytest.fixture
def fields(shop):
    return {name: cf.add_field(shop.owner, "product", name, kind, choices) for name, kind, choices in STORY}


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.action == action).order_by(AuditEvent.id))


def test_the_owner_adds_six_fields_in_his_own_words(fields):
    listed = cf.fields_of("product")
    assert [(f.name, f.kind, f.position) for f in listed] == [
        ("产地", "text", 1), ("保质提醒天数", "number", 2), ("社群专属价", "money", 3),
        ("上架日期", "date", 4), ("冷链", "bool", 5), ("等级", "choice", 6)]
    assert listed[5].choices == ("一级", "二级")
    assert cf.fields_of("customer") == [] and cf.fields_of("supplier") == []
    assert [cf.kind_label(f.kind) for f in listed] == ["文本", "数字", "金额", "日期", "是否", "选项"]
    created = events("custom_field.create")
    assert len(created) == 6 and json.loads(created[5].new)["choices"] == ["一级", "二级"]


def test_values_are_stored_canonically_and_shown_as_people_read_them(shop, fields):
    cf.set_values(shop.owner, "product", shop.blueberry.id, {
        "产地": " 云南\u200b ", "保质提醒天数": "3", "社群专属价": "¥11.8", "上架日期": "2026年12月6日",
        "冷链": "是", fields["等级"].id: "一级"})
    stored = cf.values_of("product", [shop.blueberry.id, shop.screw.id])
    by_name = {f.name: stored[shop.blueberry.id][f.id] for f in fields.values()}
    assert by_name == {"产地": "云南", "保质提醒天数": "3", "社群专属价": "11.80", "上架日期": "2026-12-06",
                       "冷链": "1", "等级": "一级"}
    assert shop.screw.id not in stored  # nothing set: absent
    assert cf.display_value(fields["冷链"], "1") == "是" and cf.display_value(fields["冷链"], "0") == "否"
    assert cf.display_value(fields["产地"], None) == ""
    event = events("product.custom_fields")[-1]
    assert json.loads(event.new)["冷链"] == "是" and json.loads(event.old)["产地"] == ""


@pytest.mark.parametrize(("name", "raw", "stored"), [
    ("保质提醒天数", 7.0, "7"), ("保质提醒天数", "-18", "-18"), ("保质提醒天数", "1,500", "1500"),
    ("社群专属价", 12.8, "12.80"), ("社群专属价", "0.125", "0.125"), ("社群专属价", "12.8元", "12.80"),
    ("上架日期", dt.datetime(2026, 12, 6, 0, 0), "2026-12-06"), ("上架日期", "2026/12/6", "2026-12-06"),
    ("冷链", True, "1"), ("冷链", "否", "0"), ("冷链", "yes", "1"), ("冷链", 0, "0"),
    ("等级", "二级", "二级"), ("产地", 12.0, "12"), ("产地", "   ", None), ("冷链", None, None),
    ("上架日期", dt.date(2026, 12, 6), "2026-12-06"),
])
def test_a_value_as_typed_or_read_from_excel(fields, name, raw, stored):
    assert cf.parse_value(fields[name], raw) == stored


@pytest.mark.parametrize(("name", "raw", "words"), [
    ("保质提醒天数", "三天", "保质提醒天数“三天”不是数字"),
    ("社群专属价", "-1", "社群专属价不能为负数:-1"),
    ("上架日期", "12月底", "上架日期“12月底”不是日期(例如 2026-11-22)"),
    ("冷链", "也许", "冷链只能填 是 或 否:也许"),
    ("等级", "三级", "等级只能是 一级、二级 之一:三级"),
    ("产地", "云" * 201, "产地最多 200 个字,这里有 201 个"),
])
def test_a_bad_value_is_refused_in_chinese_naming_the_field(shop, fields, name, raw, words):
    with pytest.raises(ValidationError) as refused:
        cf.set_values(shop.owner, "product", shop.blueberry.id, {"产地": "云南", name: raw})
    assert words in refused.value.message
    assert refused.value.field == name
    assert CustomFieldValue.select().count() == 0  # 云南 before it was not written either


def test_a_bad_value_in_english(fields):
    set_language("en")
    try:
        with pytest.raises(ValidationError) as refused:
            cf.parse_value(fields["冷链"], "maybe")
        assert refused.value.message == "冷链 is yes or no: maybe"
        assert cf.kind_label("bool") == "Yes/no" and cf.display_value(fields["冷链"], "1") == "Yes"
        assert cf.parse_value(fields["冷链"], "是") == "1"  # a Chinese file still imports in English
    finally:
        set_language("zh_CN")


def test_clearing_and_changing_a_value_is_audited_old_to_new(shop, fields):
    cf.set_values(shop.owner, "product", shop.blueberry.id, {"产地": "云南", "社群专属价": "11.8"})
    cf.set_values(shop.owner, "product", shop.blueberry.id, {"产地": "", "社群专属价": "11.80"})
    assert cf.values_of("product", [shop.blueberry.id])[shop.blueberry.id] == {fields["社群专属价"].id: "11.80"}
    last = events("product.custom_fields")
    assert len(last) == 2  # the unchanged price is not audited again
    assert (json.loads(last[1].old), json.loads(last[1].new)) == ({"产地": "云南"}, {"产地": ""})
    cf.set_values(shop.owner, "product", shop.blueberry.id, {"产地": None})
    assert len(events("product.custom_fields")) == 2  # nothing changed, nothing written


def test_names_are_the_owners_but_unique_and_not_a_built_in_column(shop, fields):
    with pytest.raises(ValidationError, match="商品已经有一个叫 产地 的字段"):
        cf.add_field(shop.owner, "product", " 产地 ", "text")
    for taken in ("售价", "零售价", "Shelf Life", "错误"):  # a label, a synonym, a field's English name, the errors column
        with pytest.raises(ValidationError, match=f"{taken} 是商品本来就有的栏目"):
            cf.add_field(shop.owner, "product", taken, "text")
    with pytest.raises(ValidationError, match="当前欠款 是客户本来就有的栏目"):
        cf.add_field(shop.owner, "customer", "当前欠款", "money")
    with pytest.raises(ValidationError, match="名称 是商品本来就有的栏目"):
        cf.rename_field(shop.owner, fields["产地"].id, "名称")
    with pytest.raises(ValidationError, match="字段类型只能是 文本、数字、金额、日期、是否、选项:color"):
        cf.add_field(shop.owner, "product", "颜色", "color")
    with pytest.raises(ValidationError, match="选项字段至少要有一个选项"):
        cf.add_field(shop.owner, "product", "颜色", "choice", [" ", ""])
    assert cf.add_field(shop.owner, "supplier", "产地", "text").position == 1  # another entity, its own names
    assert cf.add_field(shop.owner, "customer", "谁负责", "choice", "小李,小王、小李").choices == ("小李", "小王")


def test_rename_choices_and_remove_keep_the_history(shop, fields):
    cf.set_values(shop.owner, "product", shop.blueberry.id, {"产地": "云南", "等级": "一级"})
    renamed = cf.rename_field(shop.owner, fields["产地"].id, "原产地")
    assert renamed.name == "原产地" and cf.values_of("product", [shop.blueberry.id])[shop.blueberry.id][renamed.id] == "云南"
    event = events("custom_field.rename")[0]
    assert (json.loads(event.old)["name"], json.loads(event.new)["name"]) == ("产地", "原产地")
    assert cf.set_choices(shop.owner, fields["等级"].id, ["一级", "二级", "特级"]).choices == ("一级", "二级", "特级")
    assert json.loads(events("custom_field.choices")[0].old)["choices"] == ["一级", "二级"]
    with pytest.raises(ValidationError, match="冷链 不是选项字段"):
        cf.set_choices(shop.owner, fields["冷链"].id, ["a"])

    cf.remove_field(shop.owner, renamed.id)
    assert "原产地" not in [f.name for f in cf.fields_of("product")]
    assert renamed.id not in cf.values_of("product", [shop.blueberry.id])[shop.blueberry.id]
    assert CustomFieldValue.select().where(CustomFieldValue.field == renamed.id).count() == 1  # kept
    removed = json.loads(events("custom_field.remove")[0].old)
    assert (removed["name"], removed["values"]) == ("原产地", 1)
    again = cf.add_field(shop.owner, "product", "原产地", "text")  # the name is free again
    assert again.id != renamed.id and cf.values_of("product", [shop.blueberry.id])[shop.blueberry.id].get(again.id) is None
    with pytest.raises(NotFound):
        cf.set_values(shop.owner, "product", shop.blueberry.id, {renamed.id: "云南"})


def test_who_may_define_fields_and_who_may_fill_them_in(shop, fields):
    clerk = create_user(shop.owner, "xiaoli", "warehouse")
    cashier = create_user(shop.owner, "xiaowang", "cashier")
    with pytest.raises(PermissionDenied):
        cf.add_field(clerk, "product", "颜色", "text")
    with pytest.raises(PermissionDenied):
        cf.rename_field(clerk, fields["产地"].id, "颜色")
    with pytest.raises(PermissionDenied):
        cf.remove_field(clerk, fields["产地"].id)
    cf.set_values(clerk, "product", shop.blueberry.id, {"产地": "云南"})  # who may edit a product may fill it in
    with pytest.raises(PermissionDenied):
        cf.set_values(cashier, "product", shop.blueberry.id, {"产地": "四川"})
    with pytest.raises(NotFound, match="找不到要填写字段的记录:商品 9999"):
        cf.set_values(shop.owner, "product", 9999, {"产地": "四川"})
