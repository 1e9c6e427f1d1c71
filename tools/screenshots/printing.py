"""Render the printing screenshots: a purchase order's first page and a 补货码 slip, as PNG.

    python -m tools.screenshots.printing --out docs/screenshots      (needs pdftoppm, poppler-utils)

Builds a small shop in a temporary database through the services, the way the shop would.
"""
from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VEGETABLES = [  # name, spec, base unit, (pack unit, factor) or None, quantity, unit, price per unit
    ("菠菜", "散装 净菜", "斤", None, "25", "斤", "3.2"),
    ("西红柿", "精品 大果", "斤", None, "30", "斤", "4.5"),
    ("水果黄瓜", "", "斤", None, "15", "斤", "3.8"),
    ("黄心土豆", "", "斤", ("袋", "20"), "2", "袋", "36"),
    ("鲜鸡蛋", "30枚/盒", "盒", None, "12", "盒", "23.8"),
    ("内酯豆腐", "400g", "盒", ("箱", "20"), "1", "箱", "62"),
    ("纯牛奶", "250ml", "盒", ("箱", "12"), "4", "箱", "58"),
    ("蓝莓", "125g", "盒", ("箱", "12"), "2", "箱", "96"),
]


def build_shop(db: Path) -> tuple[str, list]:
    from models import open_database
    from services.catalog import products
    from services.core import shop_settings, users
    from services.core.messages import set_language
    from services.purchasing import purchase_approval, purchase_orders, supplier_products, suppliers
    from services.purchasing.purchase_orders import OrderLineInput
    from services.shop.setup import initialise

    set_language("zh_CN")
    open_database(db)
    owner = initialise()
    shop_settings.set_value(owner, "shop.address", "杭州市幸福路 88 号幸福里小区东门")
    shop_settings.set_value(owner, "shop.phone", "0571-8888 6666")
    buyer = users.create_user(owner, "aqiang", "purchaser", display_name="阿强")
    supplier = suppliers.save_supplier(owner, suppliers.SupplierInput(
        name="绿源蔬菜批发行", code="GY01", contact="王建国", phone="138 0013 8000",
        address="城南农产品批发市场 B 区 17 号", lead_time_days="1", delivery_weekdays="135"))
    lines = []
    for i, (name, spec, base, pack, qty, unit, price) in enumerate(VEGETABLES, 1):
        product = products.save_product(owner, products.ProductInput(
            name=name, spec=spec, base_unit=base, sku=f"SC{i:04d}", units=[pack] if pack else []))
        supplier_products.save_supplier_product(owner, supplier, product, pack_size=pack[1] if pack else "5",
                                        supplier_sku=f"LY-{100 + i}", preferred=True)
        lines.append(OrderLineInput(product.id, qty, unit, price=price))
    order = purchase_orders.create_draft(buyer, supplier.id, lines, note="早上 7 点前送到后门,菠菜要当天采摘的",
                                         order_date=dt.date(2026, 11, 23))
    if purchase_approval.submit(buyer, order.number).state == "submitted":  # above the approval threshold
        purchase_approval.approve(owner, order.number)
    return order.number, ["SC0008"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args(argv)
    out = Path(args.out)
    work = Path(tempfile.mkdtemp(prefix="xiaopu-shots-"))
    number, skus = build_shop(work / "shop.sqlite3")

    from services.purchasing.purchase_print import write_purchase_order_pdf
    from services.purchasing.replenish_print import product_slips, write_replenish_slips

    po = write_purchase_order_pdf(number, work / "po.pdf")
    slip = write_replenish_slips(product_slips(skus, at=dt.datetime(2026, 11, 23, 18, 0)), work / "slip.pdf")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "1", "-singlefile", str(po),
                    str(out / "purchase_order")], check=True)
    subprocess.run(["pdftoppm", "-r", "203", "-png", "-singlefile", str(slip), str(out / "replenish_slip")],
                   check=True)  # 203 dpi: what the thermal printer puts on paper
    print(f"written: {out / 'purchase_order.png'}, {out / 'replenish_slip.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
