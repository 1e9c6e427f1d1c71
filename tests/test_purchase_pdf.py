"""The printed purchase order: real text in Chinese, pages that flow, totals in capitals, a QR that scans."""
from __future__ import annotations

import json
import sys
from decimal import Decimal

import pytest

from tests.purchase_docs import decode_qr, pdf_fonts, pdf_pages, pdf_text, sixty_line_order, three_line_order


def test_three_line_order_prints_on_one_page_with_text_totals_and_capitals(shop, tmp_path):
    from services.purchasing.purchase_print import write_purchase_order_pdf

    three_line_order(shop)
    out = write_purchase_order_pdf("CG20261122-001", tmp_path / "po.pdf")
    assert pdf_pages(out) == 1
    text = "".join(pdf_text(out).split())  # text extraction spaces the layout its own way
    for words in ("采购订单", "CG20261122-001", "绿源蔬菜批发行", "王建国", "菠菜", "蓝莓", "鸡蛋", "30枚/盒",
                  "第1页/共1页", "供应商确认", "早上7点前送到后门"):
        assert words in text, words
    # 25 × 3.20 + 2 × 96.00 + 12 × 23.80 = 80.00 + 192.00 + 285.60 = 557.60
    assert "¥557.60" in text
    assert "人民币伍佰伍拾柒元陆角" in text


def test_sixty_lines_flow_over_pages_with_the_header_repeated_and_page_numbers(shop, tmp_path):
    from services.purchasing.purchase_print import write_purchase_order_pdf

    sixty_line_order(shop)
    out = write_purchase_order_pdf("CG20261122-060", tmp_path / "po60.pdf")
    pages = pdf_pages(out)
    assert pages >= 2
    page_texts = ["".join(page.split()) for page in pdf_text(out).split("\f") if page.strip()]
    assert len(page_texts) == pages
    for number, text in enumerate(page_texts, 1):
        assert f"第{number}页/共{pages}页" in text
        if "SKU-" in text:
            assert "序号商品编码品名规格单位数量单价(元)金额(元)" in text  # the header row on every page of lines
    assert "采购订单CG20261122-060（续）" in page_texts[1]
    everything = "".join(page_texts)
    for i in range(1, 61):
        assert f"SKU-{i:03d}" in everything
    total = sum(Decimal(5 + i) * Decimal(("3.20", "4.50", "3.80", "1.90", "2.30", "23.80", "3.50", "58.00")[i % 8])
                for i in range(60))
    assert f"¥{total:,.2f}" in everything


def test_qr_code_decodes_to_the_documented_payload(shop, tmp_path):
    from services.purchasing.order_qr import parse_payloads
    from services.purchasing.purchase_print import write_purchase_order_pdf

    three_line_order(shop)
    out = write_purchase_order_pdf("CG20261122-001", tmp_path / "po.pdf")
    codes = decode_qr(out, tmp_path)
    assert len(codes) == 1
    payload = json.loads(codes[0])
    assert payload == {
        "fmt": "xiaopu-order", "v": 1, "type": "po", "shop": "鲜邻优选社区生鲜店", "no": "CG20261122-001",
        "supplier": "GY01", "date": "2026-11-22", "delivery": "2026-11-24", "part": [1, 1],
        "lines": [["VEG-001", "菠菜", "散装", "25", "斤", ""], [shop.blueberry.sku, "蓝莓", "125g", "2", "箱", ""],
                  ["EGG-030", "鸡蛋", "30枚/盒", "12", "盒", ""]],
    }
    order = parse_payloads(codes)
    assert [(line.sku, line.quantity, line.unit) for line in order.lines] == [
        ("VEG-001", Decimal("25"), "斤"), (shop.blueberry.sku, Decimal("2"), "箱"), ("EGG-030", Decimal("12"), "盒")]


def test_a_long_order_splits_its_qr_into_parts_that_join_back(shop, tmp_path):
    from services.purchasing.order_qr import parse_payloads
    from services.purchasing.purchase_print import write_purchase_order_pdf

    sixty_line_order(shop)
    out = write_purchase_order_pdf("CG20261122-060", tmp_path / "po60.pdf")
    codes = decode_qr(out, tmp_path, dpi=300)
    assert len(codes) > 1
    order = parse_payloads(list(reversed(codes)))  # scanned in any order
    assert [line.sku for line in order.lines] == [f"SKU-{i:03d}" for i in range(1, 61)]
    assert order.lines[59].quantity == Decimal("64") and order.number == "CG20261122-060"


def test_markup_in_names_prints_literally_and_opens_no_file(shop, tmp_path):
    from services.purchasing.purchase_print import write_purchase_order_pdf
    from tests.purchase_docs import make_order, make_product

    bait = tmp_path / "bait.png"
    name = f'<img src="/etc/passwd"/><img src="{bait}"/>'
    product = make_product(shop.owner, name, "<b>12</b> & <i>", "个", sku="BAD-1")
    make_order(shop, "CG-HOSTILE", [(product, "个", "1", "2.00")], note="</para><font size=40>大</font>")
    opened: list[str] = []
    watching = True

    def hook(event: str, args: tuple) -> None:
        if watching and event == "open" and isinstance(args[0], str) and args[0] in ("/etc/passwd", str(bait)):
            opened.append(args[0])

    sys.addaudithook(hook)  # sees every file Python opens, however reportlab reaches it
    try:
        out = write_purchase_order_pdf("CG-HOSTILE", tmp_path / "hostile.pdf")
    finally:
        watching = False
    assert opened == []
    text = "".join(pdf_text(out).split())
    assert '<imgsrc="/etc/passwd"/>' in text
    assert "<b>12</b>&<i>" in text
    assert "</para><fontsize=40>大</font>" in text


def test_unknown_order_is_a_readable_refusal(shop, tmp_path):
    from services.core.errors import XiaopuError
    from services.purchasing.purchase_print import write_purchase_order_pdf

    with pytest.raises(XiaopuError, match="找不到采购单:CG-NOPE"):
        write_purchase_order_pdf("CG-NOPE", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_print_po_writes_the_pdf_and_refuses_an_unknown_number(shop, db_path, tmp_path):
    from tests.test_cli import xiaopu

    three_line_order(shop)
    out = tmp_path / "out" / "CG20261122-001.pdf"
    out.parent.mkdir()
    result = xiaopu("print", "po", "CG20261122-001", "--out", str(out), db=db_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and pdf_pages(out) == 1
    assert list(out.parent.iterdir()) == [out]  # no temporary file left beside it
    missing = xiaopu("print", "po", "CG-NOPE", "--out", str(tmp_path / "nope.pdf"), db=db_path)
    assert missing.returncode == 1
    assert "找不到采购单:CG-NOPE" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert not (tmp_path / "nope.pdf").exists()


def test_text_is_real_text_in_the_embedded_subset_of_the_shipped_font(shop, tmp_path):
    from services.purchasing.purchase_print import write_purchase_order_pdf

    three_line_order(shop)
    out = write_purchase_order_pdf("CG20261122-001", tmp_path / "po.pdf")
    fonts = pdf_fonts(out)
    assert fonts
    for name, embedded, copyable in fonts:  # a subset is named ABCDEF+Font; ToUnicode makes text copy out
        assert "WenQuanYiMicroHei" in name and name[7] == "+" and embedded and copyable, name


def test_an_unwritable_target_is_a_readable_refusal(shop, tmp_path):
    from services.core.errors import XiaopuError
    from services.purchasing.purchase_print import write_purchase_order_pdf

    three_line_order(shop)
    with pytest.raises(XiaopuError, match="无法写入"):
        write_purchase_order_pdf("CG20261122-001", tmp_path / "no-such-folder" / "po.pdf")


def test_scenario_morning_order_drafted_through_the_services_then_printed(shop, tmp_path):
    """李姐 orders spinach and blueberries from 绿源 before 8:00; the draft prints with a 草稿 mark,
    the submitted (auto-approved) order prints clean for the supplier, with the shop's header."""
    import datetime as dt

    from services.core import shop_settings
    from services.purchasing import purchase_approval, purchase_orders, suppliers
    from services.purchasing.purchase_orders import OrderLineInput
    from services.purchasing.purchase_print import write_purchase_order_pdf
    from tests.purchase_docs import make_product

    shop_settings.set_value(shop.owner, "shop.address", "幸福路 88 号")
    shop_settings.set_value(shop.owner, "shop.phone", "0571-8888 6666")
    supplier = suppliers.save_supplier(shop.owner, suppliers.SupplierInput(
        name="绿源蔬菜批发行", code="GY01", contact="王建国", phone="13800138000", lead_time_days="1",
        delivery_weekdays="135"))
    spinach = make_product(shop.owner, "菠菜", "散装", "斤", sku="VEG-001")
    order = purchase_orders.create_draft(shop.owner, supplier.id, [
        OrderLineInput(spinach.id, "25", price="3.2"), OrderLineInput(shop.blueberry.id, "2", "箱", price="96")],
        note="7 点前送到后门", order_date=dt.date(2026, 11, 23))
    draft = write_purchase_order_pdf(order.number, tmp_path / "draft.pdf")
    draft_text = "".join(pdf_text(draft).split())
    assert "草稿" in draft_text and order.number in draft_text

    purchase_approval.submit(shop.owner, order.number)
    final = write_purchase_order_pdf(order.number, tmp_path / "final.pdf")
    text = "".join(pdf_text(final).split())
    for words in ("鲜邻优选社区生鲜店", "幸福路88号", "0571-88886666", "已审核", "2026-11-25周三",
                  "¥272.00", "人民币贰佰柒拾贰元整", "7点前送到后门", "125g12盒/箱", "审核自动审核"):
        assert words in text, words
    assert "草稿" not in text
    [code] = decode_qr(final, tmp_path)
    assert json.loads(code)["no"] == order.number
