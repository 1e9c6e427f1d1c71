"""补货码 slips: a product's standard order and a supplier's suggestion list, on 80 mm receipt paper."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from types import SimpleNamespace

from tests.purchase_docs import decode_qr, make_product, make_supplier, page_size_mm, pdf_pages, pdf_text

MONDAY_EVENING = dt.datetime(2026, 11, 23, 18, 0)  # order tonight: 1 day lead time, delivers 周一三五 → Wed 25th


def blueberry_terms(shop):
    from models import SupplierProduct

    supplier = make_supplier()
    SupplierProduct.create(supplier=supplier, product=shop.blueberry, pack_size=Decimal(12), supplier_sku="LY-88",
                           preferred=True)
    return supplier


def test_product_slip_carries_the_standard_order_in_packs(shop, tmp_path):
    from services.purchasing.replenish_print import product_slips, write_replenish_slips

    blueberry_terms(shop)
    [slip] = product_slips([shop.blueberry.sku], at=MONDAY_EVENING)
    line = slip.lines[0]
    assert (line.quantity, line.unit, line.base_quantity, line.base_unit) == (1, "箱", 12, "盒")
    assert slip.delivery == dt.date(2026, 11, 25)
    assert "周一、周三、周五" in slip.schedule and "提前1天下单" in slip.schedule

    out = write_replenish_slips([slip], tmp_path / "slip.pdf")
    assert pdf_pages(out) == 1
    [(width, height)] = page_size_mm(out)
    assert width == 80.0 and 30 < height < 60
    text = "".join(pdf_text(out).split())
    for words in ("鲜邻优选社区生鲜店", "补货码", "蓝莓", "125g", "1箱(12盒)", "绿源蔬菜批发行", "11-25周三", "LY-88"):
        assert words in text.replace("（", "(").replace("）", ")"), words
    [code] = decode_qr(out, tmp_path)
    payload = json.loads(code)
    assert payload["type"] == "replenish" and payload["no"] == "" and payload["supplier"] == "GY01"
    assert payload["delivery"] == "2026-11-25"
    assert payload["lines"] == [[shop.blueberry.sku, "蓝莓", "125g", "1", "箱", "LY-88"]]


def test_a_product_without_a_supplier_still_prints_its_base_unit_order(shop, tmp_path):
    from services.purchasing.replenish_print import product_slips, write_replenish_slips

    slips = product_slips([shop.screw.id], at=MONDAY_EVENING)
    assert slips[0].supplier_code == "" and slips[0].delivery is None
    assert (slips[0].lines[0].quantity, slips[0].lines[0].unit) == (1, "个")
    out = write_replenish_slips(slips, tmp_path / "screw.pdf")
    assert "十字螺丝" in pdf_text(out) and "待定" in pdf_text(out)


def test_suggestion_list_gives_one_slip_per_supplier_with_every_line(shop, tmp_path):
    from models import SupplierProduct
    from services.purchasing.order_qr import parse_payloads
    from services.purchasing.replenish_print import suggestion_slips, write_replenish_slips

    veg = make_supplier()
    spinach = make_product(shop.owner, "菠菜", "散装", "斤", sku="VEG-001")
    SupplierProduct.create(supplier=veg, product=spinach, pack_size=Decimal(5))
    SupplierProduct.create(supplier=veg, product=shop.blueberry, pack_size=Decimal(12))
    hardware = make_supplier("WJ01", "永固五金", delivery_weekdays="1234567", lead_time_days=2)
    delivery = dt.datetime(2026, 11, 25, 8, 0)
    lines = [SimpleNamespace(product_id=spinach.id, supplier_id=veg.id, suggested=Decimal(25), next_delivery=delivery),
             SimpleNamespace(product_id=shop.blueberry.id, supplier_id=veg.id, suggested=Decimal(24),
                             next_delivery=delivery),
             SimpleNamespace(product_id=shop.screw.id, supplier_id=hardware.id, suggested=Decimal(200),
                             next_delivery=None),
             SimpleNamespace(product_id=shop.screw.id, supplier_id=hardware.id, suggested=Decimal(0),
                             next_delivery=None)]
    slips = suggestion_slips(lines, at=MONDAY_EVENING)
    assert [(s.supplier_code, len(s.lines)) for s in slips] == [("GY01", 2), ("WJ01", 1)]
    assert [(li.quantity, li.unit) for li in slips[0].lines] == [(25, "斤"), (2, "箱")]
    assert slips[0].delivery == dt.date(2026, 11, 25)

    out = write_replenish_slips(slips, tmp_path / "list.pdf")
    assert [w for w, _ in page_size_mm(out)] == [80.0, 80.0]
    text = "".join(pdf_text(out).split())
    assert "补货单" in text and "菠菜" in text and "十字螺丝" in text and "永固五金" in text
    codes = decode_qr(out, tmp_path)
    orders = sorted((parse_payloads([c]) for c in codes), key=lambda o: o.supplier)
    assert [(o.supplier, [(li.sku, li.quantity, li.unit) for li in o.lines]) for o in orders] == [
        ("GY01", [("VEG-001", Decimal(25), "斤"), (shop.blueberry.sku, Decimal(2), "箱")]),
        ("WJ01", [(shop.screw.sku, Decimal(200), "个")]),
    ]


def test_suggestion_lines_carry_what_the_slips_read():
    """suggestion_slips duck-types services.purchasing.suggestions.Suggestion: a rename there must show up here."""
    from dataclasses import fields

    from services.purchasing.suggestions import Suggestion

    assert {"product_id", "supplier_id", "suggested", "next_delivery"} <= {f.name for f in fields(Suggestion)}
