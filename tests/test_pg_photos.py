"""Photos on a shop whose data is on a server (issue 16): 小美 takes back 10 screws with a photo of the broken
thread. The server has no folder beside a file to keep it in, so the photo is kept in the app-data folder
of the PC that took it (photos/<host>_<port>_<database>/returns/), the server keeps its path, and the
return is confirmed as on one PC (it was refused, worded as if the shop were in memory)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from models import database
from services.core import app_folder, photos
from services.sales import sales_returns, sales_shipping
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import SalesShop, on_hand, sales_shop, stock_in

pytestmark = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


def broken_screws_returned(shop, picture: Path) -> tuple[SalesShop, sales_returns.ReturnView]:
    """200 screws in, 100 sold, 10 of them brought back broken with `picture` and written off."""
    s = sales_shop(shop)
    stock_in(s.owner, s.screw, "200", s.store)
    order = sales_shipping.sell_now(s.cashier, [SaleLineInput(s.screw.id, "100")])
    picture.parent.mkdir(exist_ok=True)
    picture.write_bytes(b"\xff\xd8 a broken thread")
    ret = sales_returns.start_return(s.cashier, order_number=order.number)
    sales_returns.add_return_scan(s.cashier, ret.ref, "SCREW-M4", qty="10")
    view = sales_returns.set_return_reason(s.cashier, ret.ref, "螺纹坏了", photo_path=str(picture))
    sales_returns.confirm_return(s.cashier, ret.ref, "loss")
    return s, view


def test_a_return_photo_is_kept_on_the_pc_that_took_it(shop, tmp_path, monkeypatch):
    monkeypatch.setattr(photos, "app_data_dir", lambda: tmp_path / "app")
    s, view = broken_screws_returned(shop, tmp_path / "camera" / "IMG_0002.JPG")
    assert view.photo == f"returns/{view.ref}.jpg"
    kept = tmp_path / "app" / "photos" / app_folder.server_name(database.obj) / view.photo
    assert kept.read_bytes() == b"\xff\xd8 a broken thread"
    assert photos.data_folder() == kept.parent.parent
    assert on_hand(s.screw) == Decimal(100)  # 200 − 100 sold; the 10 broken ones went to loss
