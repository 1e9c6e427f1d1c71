"""Each platform's stock-upload sheet as data: column headers, which number goes in, whole units or not.

One table for every channel; a channel without its own layout (门店, 社群, the shop's own ones)
gets the generic sheet. Headers follow the platforms' batch-edit templates as shop owners fill them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    title: str  # the sheet's name
    columns: tuple[tuple[str, str], ...]  # (header, SellableRow field)
    whole_units: bool  # the platform takes whole numbers only: rounded DOWN, never promising a part


TEXT_FIELDS = frozenset({"sku", "barcode"})  # codes stay text (a number would show as 6.9E+12)

GENERIC = Layout("可售库存", (
    ("SKU编码", "sku"), ("条码", "barcode"), ("名称", "name"), ("规格", "spec"), ("单位", "unit"),
    ("库存", "on_hand"), ("预占", "reserved"), ("可售", "sellable"),
), whole_units=False)

LAYOUTS: dict[str, Layout] = {
    "MEITUAN": Layout("库存", (
        ("商品名称", "name"), ("规格", "spec"), ("店内码/货号", "sku"), ("条码", "barcode"), ("库存", "sellable"),
    ), whole_units=True),
    "DOUYIN": Layout("库存", (
        ("商家编码", "sku"), ("商品名称", "name"), ("规格", "spec"), ("库存", "sellable"),
    ), whole_units=True),
    "MINIAPP": Layout("库存", (
        ("商品编码", "sku"), ("商品名称", "name"), ("规格", "spec"), ("单位", "unit"), ("可售库存", "sellable"),
    ), whole_units=False),
}


def layout_for(channel_code: str) -> Layout:
    return LAYOUTS.get(channel_code.upper(), GENERIC)
