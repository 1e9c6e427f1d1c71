"""A small fresh-food shop for the group-order class tests: a few products with look-alike names,
several pack sizes and units, so each class of message has something to get right or wrong."""
from __future__ import annotations

from decimal import Decimal

import pytest

from services.catalog import products

CATALOGUE = [  # name, spec, base unit, extra units
    ("蓝莓", "125g/盒", "盒", [("箱", "12")]),
    ("红富士苹果", "散装", "斤", []),
    ("皇冠梨", "散装", "斤", []),
    ("西红柿", "散装", "斤", []),
    ("香蕉", "散装", "斤", []),
    ("柠檬", "4个/袋", "袋", []),
    ("西兰花", "约400g/颗", "颗", []),
    ("菠菜", "散装", "斤", []),
    ("原味酸奶", "500ml/瓶", "瓶", []),
    ("原味酸奶", "1L/瓶", "瓶", []),
    ("速冻饺子", "20个装", "袋", []),
    ("速冻饺子", "40个装", "袋", []),
    ("酱油", "500ml/瓶", "瓶", [("箱", "12")]),
    ("酱油", "5L/桶", "桶", []),
    ("鲜鸡蛋", "30枚/盒", "盒", []),
    ("土鸡蛋", "15枚/盒", "盒", []),
    ("五花肉", "散装", "斤", []),
    ("紫薯", "散装", "斤", []),
    ("脐橙", "散装", "斤", [("箱", "20")]),
    ("鸡精", "200g/袋", "袋", []),
    ("原味吐司", "400g/袋", "袋", []),
    ("全麦吐司", "400g/袋", "袋", []),
    ("烟薯25号", "散装", "斤", []),
]


def pytest_terminal_summary(terminalreporter) -> None:
    """The corpus table test_group_order_accuracy left on the config, printed after the run (CI shows it)."""
    for table in getattr(terminalreporter.config, "group_order_accuracy", []):
        terminalreporter.write_sep("-", "group-order corpus accuracy (issue 13)")
        terminalreporter.write_line(table)


@pytest.fixture
def fresh_shop(db) -> dict[tuple[str, str], int]:
    """(name, spec) → product id."""
    ids = {}
    for name, spec, unit, units in CATALOGUE:
        product = products.save_product(db, products.ProductInput(name=name, spec=spec, base_unit=unit, units=units,
                                                                  category="生鲜", price="5"))
        ids[(name, spec)] = product.id
    return ids


def read(text: str, **kwargs) -> list[tuple]:
    """(name, spec, qty, unit) per sure line, ('?', first candidates, qty, unit) per asking line."""
    from services.group_orders.message_parser import parse
    from services.group_orders.product_choice import ACCEPT

    out = []
    for line in parse(text, **kwargs).lines:
        qty = str(Decimal(line.qty).normalize())
        if line.needs_choice:
            out.append(("?", tuple(f"{c.name} {c.spec}" for c in line.candidates[:3]), qty, line.unit))
        else:
            assert line.confidence >= ACCEPT or not line.qty_given, line
            out.append((line.name, line.spec, qty, line.unit))
    return out
