"""Platform stock files: the sellable stock (services.stock.sellable) in each platform's upload layout,
with the channel's price of one base unit (its price list, else the product's price: channel_prices).

Each platform's sheet is data: column headers, which number goes in, whole units or not. One table
for every channel; a channel without its own layout (门店, 社群, the shop's own ones) gets the generic
sheet. Headers follow the platforms' batch-edit templates as shop owners fill them. Here in sales, not
in stock: the file is a channel's, and stock must not depend on the channels that sell from it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from reports.excel_cells import save_csv_atomically
from reports.excel_export import text_cell, write_sheet
from services.core.errors import XiaopuError, worded_report_errors
from services.sales.channel_prices import base_unit_prices
from services.sales.channels import get_channel
from services.stock.sellable import SellableRow, sellable_by_product


@dataclass(frozen=True)
class Layout:
    title: str  # the sheet's name
    columns: tuple[tuple[str, str], ...]  # (header, SellableRow field or PRICE)
    whole_units: bool  # the platform takes whole numbers only: rounded DOWN, never promising a part


PRICE = "price"  # not a stock figure: the channel's price of one base unit, never rounded to whole units
TEXT_FIELDS = frozenset({"sku", "barcode"})  # codes stay text (a number would show as 6.9E+12)

GENERIC = Layout("可售库存", (
    ("SKU编码", "sku"), ("条码", "barcode"), ("名称", "name"), ("规格", "spec"), ("单位", "unit"),
    ("库存", "on_hand"), ("预占", "reserved"), ("可售", "sellable"), ("售价", PRICE),
), whole_units=False)

LAYOUTS: dict[str, Layout] = {
    "MEITUAN": Layout("库存", (
        ("商品名称", "name"), ("规格", "spec"), ("店内码/货号", "sku"), ("条码", "barcode"), ("库存", "sellable"),
        ("价格", PRICE),
    ), whole_units=True),
    "DOUYIN": Layout("库存", (
        ("商家编码", "sku"), ("商品名称", "name"), ("规格", "spec"), ("库存", "sellable"), ("售价", PRICE),
    ), whole_units=True),
    "MINIAPP": Layout("库存", (
        ("商品编码", "sku"), ("商品名称", "name"), ("规格", "spec"), ("单位", "unit"), ("可售库存", "sellable"),
        ("售价", PRICE),
    ), whole_units=False),
}


def layout_for(channel_code: str) -> Layout:
    return LAYOUTS.get(channel_code.upper(), GENERIC)


def _value(row: SellableRow, field: str, layout: Layout, prices: dict[int, Decimal]) -> object:
    if field == PRICE:
        return prices.get(row.product_id)
    value = getattr(row, field)
    if isinstance(value, Decimal) and layout.whole_units:
        return value.to_integral_value(ROUND_FLOOR)  # 2.5 斤 is 2 on a platform that sells whole units
    return value


def layout_rows(channel_code: str, rows: list[SellableRow],
                prices: dict[int, Decimal] | None = None) -> tuple[Layout, list[list[object]]]:
    """`prices`: product → the channel's price of one base unit (None: read for the channel)."""
    layout = layout_for(channel_code)
    if prices is None:
        prices = base_unit_prices(get_channel(channel_code).id)
    return layout, [[_value(r, field, layout, prices) for _, field in layout.columns] for r in rows]


@worded_report_errors()
def export_sellable(channel_code: str, path: Path, location: int | str | None = None) -> int:
    """The channel's upload file (.xlsx or .csv by extension); returns the number of products."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise XiaopuError("channel.bad_file_type", file=path.name)
    channel = get_channel(channel_code, active_only=True)
    layout, values = layout_rows(channel.code, sellable_by_product(location))
    headers = [header for header, _ in layout.columns]
    if suffix == ".csv":
        save_csv_atomically(path, [headers, *values])
        return len(values)
    texts = [i for i, (_, field) in enumerate(layout.columns) if field in TEXT_FIELDS]
    cells = ([text_cell(v) if i in texts else v for i, v in enumerate(row)] for row in values)
    return write_sheet(path, layout.title, headers, [16.0] * len(headers), cells)
