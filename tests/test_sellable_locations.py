"""Only the shop's own sellable locations are offered for sale: 12 of 30 boxes of blueberries sent
to the packer (a 委外 subcontractor location) are ours but cannot be sold on 美团 or the counter."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from channel_shop import receive

from models import Product
from services.catalog.locations import create_location
from services.core.clock import today
from services.purchasing.low_stock import low_stock
from services.sales.channel_files import export_sellable
from services.stock import ledger
from services.stock.sellable import sellable_by_product

D = Decimal


@pytest.fixture
def packer(shop):
    """30 boxes in the store, 12 of them sent to 巧手包装 for gift boxes; safety stock 20."""
    receive(shop.owner, shop.blueberry, "30", lot="B1", expiry=today() + dt.timedelta(days=5))
    Product.update(safety_stock=D(20)).where(Product.id == shop.blueberry.id).execute()
    packer = create_location(shop.owner, "QIAOSHOU", "巧手包装(委外)", "subcontractor")
    ledger.post_document(shop.owner, "transfer", [ledger.Line(shop.blueberry.id, D(12), shop.store.id, packer.id,
                                                              lot_code="B1")])
    return shop


def test_the_meituan_file_offers_only_what_is_in_the_shop(packer, tmp_path):
    path = tmp_path / "美团库存.xlsx"
    export_sellable("MEITUAN", path)
    rows = {r[2]: r[4] for r in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)}
    assert rows[packer.blueberry.sku] == 18  # 30 − 12 at the packer


def test_stock_low_counts_the_shop_not_the_packer(packer):
    [row] = [r for r in low_stock() if r.sku == packer.blueberry.sku]
    assert (row.on_hand, row.sellable, row.shortfall) == (D(18), D(18), D(2))  # 20 − 18


def test_asking_for_the_packers_location_still_shows_it(packer):
    [row] = [r for r in sellable_by_product("QIAOSHOU") if r.sku == packer.blueberry.sku]
    assert row.on_hand == D(12)
