"""Field names reach messages in the user's language: the services name a field in Chinese
(ValidationError(..., field="数量")), and an English message says "Quantity".

The walk below reads every module for the field names it passes (field="…", a function's `field`
parameter default or positional argument, f-string fields such as 第 {n} 行数量), plus the Excel
columns and shop settings whose labels become fields, and asks for an English wording of each."""
from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from services.catalog import products
from services.core.errors import ValidationError
from services.core.messages import field_name, msg, set_language
from services.core.numbers import to_decimal
from services.core.shop_settings import SETTINGS
from services.imports import excel_columns
from services.imports.excel_table import Column

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("services", "cli", "models", "reports", "ui")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
SAMPLE = "X9"  # stands for an f-string's {…}: a row number, a unit, a product name


def _trees() -> dict[str, ast.Module]:
    return {str(path.relative_to(ROOT)): ast.parse(path.read_text(encoding="utf-8"))
            for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


def _field_positions(trees: dict[str, ast.Module]) -> dict[str, set[int]]:
    """Function name → the position of its `field` parameter among the arguments a caller passes."""
    positions: dict[str, set[int]] = defaultdict(set)
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]
                if "field" in names:
                    positions[node.name].add(names.index("field"))
    return positions


def _text(node: ast.expr) -> str | None:
    """A field name as written: a string, or an f-string with SAMPLE for each {…}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else SAMPLE for part in node.values)
    return None


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else ""


def fields_in_code() -> dict[str, str]:
    """Every field name the code passes into a message → one place that passes it."""
    trees = _trees()
    positions = _field_positions(trees)
    found: dict[str, str] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            candidates: list[ast.expr] = []
            if isinstance(node, ast.Call):
                candidates += [kw.value for kw in node.keywords if kw.arg == "field"]
                candidates += [node.args[i] for i in positions.get(_called_name(node), ()) if i < len(node.args)]
            elif isinstance(node, ast.FunctionDef):
                args = node.args.args
                defaults = dict(zip([a.arg for a in args[len(args) - len(node.args.defaults):]],
                                    node.args.defaults, strict=True))
                defaults |= {a.arg: d for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True) if d}
                candidates += [defaults["field"]] if "field" in defaults else []
            for candidate in candidates:
                text = _text(candidate)
                if text:
                    found.setdefault(text, f"{path}:{candidate.lineno}")
    return found


def labels_used_as_fields() -> dict[str, str]:
    """Excel column labels (an import error names the column) and the numeric shop settings' labels."""
    found = {}
    for name, value in vars(excel_columns).items():
        columns = value if isinstance(value, tuple) else (value,)
        for column in columns:
            if isinstance(column, Column):
                found.setdefault(column.label, f"services/imports/excel_columns.py {name}")
    for setting in SETTINGS.values():
        if setting.kind is not str:
            found.setdefault(setting.label, f"services/core/shop_settings.py {setting.key}")
    return found


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("zh_CN")


def test_the_walk_finds_the_fields_a_shop_meets():
    fields = fields_in_code() | labels_used_as_fields()
    assert {"数量", "客户名称", "送货日", "保质期天数", "生产数量", f"第 {SAMPLE} 行数量", f"{SAMPLE}换算",
            "供应商货号", "超收容差(%)"} <= set(fields)
    assert len(fields) > 140


def test_every_field_name_in_the_code_has_an_english_wording(english):
    fields = fields_in_code() | labels_used_as_fields()
    untranslated = {f"{text} ({where}) → {field_name(text)}" for text, where in fields.items()
                    if CJK.search(field_name(text))}
    assert untranslated == set()


def test_an_english_message_names_the_field_in_english(english):
    with pytest.raises(ValidationError) as refused:
        to_decimal("两箱", "数量")
    assert str(refused.value) == "Quantity '两箱' is not a number"
    assert refused.value.field == "数量", "the field stays the code's name: dialogs find their widget by it"


def test_a_product_form_in_english_names_the_extra_units_factor(english):
    with pytest.raises(ValidationError) as refused:
        products.clean_product(products.ProductInput(name="可乐", units=[("箱", "十二")]))
    assert str(refused.value) == "Factor of 箱 '十二' is not a number"


def test_line_numbers_and_units_are_worded_around_the_field(english):
    assert msg("value.required", field="第 3 行数量(换算为kg)") == "Line 3: Quantity (in kg) is required"
    assert msg("value.negative", field="西瓜 的成本比例", value="-5") == "Cost share of 西瓜 cannot be negative: -5"


def test_chinese_messages_keep_the_chinese_field():
    assert msg("value.required", field="客户名称") == "客户名称不能为空"
