"""老周五金批发部's November with 张工: credit sales, a payment, a return, the owner's 抹零, and the
statement (对账单) that goes to the builder at month end — every figure checked by hand."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from purchase_docs import pdf_fonts, pdf_pages, pdf_text

from models import Channel, SalesOrder
from services.core import shop_settings
from services.core.errors import ValidationError
from services.sales import customers, receivables
from services.sales.customers import CustomerInput
from services.sales.statement import build_statement, write_statement

NOV1, NOV30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def nov(d: int) -> dt.date:
    return dt.date(2026, 11, d)


def hardware_month(owner):
    """张工 on 30 days' terms; two sales from before November still open when it starts."""
    shop_settings.set_values(owner, {"shop.name": "老周五金批发部", "shop.address": "城东建材市场 A 区 12 号",
                                     "shop.phone": "0571-8888 6666"})
    zhang = customers.save_customer(owner, CustomerInput(
        name="张工", phone="139 0571 2233", wechat="张工装修", address="滨江区阳光小区 7 栋装修工地", kind="批发",
        credit_limit="20000", payment_terms_days="30"))
    channel = Channel.get_or_create(code="store", defaults={"name": "门店"})[0]
    order = SalesOrder.create(number="XS20261109-0003", channel=channel, customer=zhang, order_date=nov(9),
                              created_by=owner, payment="credit")
    sale = receivables.record_sale
    sale(owner, zhang.id, None, Decimal("1500"), dt.date(2026, 9, 25), None)  # due 10-25
    sale(owner, zhang.id, None, Decimal("2000"), dt.date(2026, 10, 20), None)  # due 11-19
    sale(owner, zhang.id, None, Decimal("1280.50"), nov(3), None)
    sale(owner, zhang.id, order, Decimal("3460"), nov(9), None)
    receivables.record_payment(owner, zhang.id, "2500", "微信", nov(12), "工程款第一笔")
    receivables.record_return(owner, zhang.id, order, Decimal("180"), nov(14), "十字螺丝 M4 两盒退回")
    sale(owner, zhang.id, None, Decimal("5620.80"), nov(20), None)
    receivables.adjust(owner, zhang.id, "-0.80", "抹零", nov(20))
    sale(owner, zhang.id, None, Decimal("920"), nov(27), None)
    return zhang


def test_the_months_statement_adds_up_by_hand(owner):
    zhang = hardware_month(owner)
    st = build_statement(zhang.code, NOV1, NOV30, printed_on=NOV30)
    assert st.opening == Decimal("3500.00")  # 1500 + 2000 from before November
    assert [(r.day.day, r.kind_text, r.debit, r.credit, r.balance) for r in st.rows] == [
        (3, "赊销", Decimal("1280.50"), Decimal("0.00"), Decimal("4780.50")),
        (9, "赊销", Decimal("3460.00"), Decimal("0.00"), Decimal("8240.50")),
        (12, "收款(微信)", Decimal("0.00"), Decimal("2500.00"), Decimal("5740.50")),
        (14, "退货", Decimal("0.00"), Decimal("180.00"), Decimal("5560.50")),
        (20, "赊销", Decimal("5620.80"), Decimal("0.00"), Decimal("11181.30")),
        (20, "调整", Decimal("0.00"), Decimal("0.80"), Decimal("11180.50")),
        (27, "赊销", Decimal("920.00"), Decimal("0.00"), Decimal("12100.50")),
    ]
    assert st.rows[1].reference == "XS20261109-0003" and st.rows[3].reference == "XS20261109-0003"
    assert st.rows[0].due_date == dt.date(2026, 12, 3) and st.rows[2].due_date is None
    assert (st.total_debit, st.total_credit) == (Decimal("11281.30"), Decimal("2680.80"))
    assert st.closing == Decimal("12100.50") == receivables.balance(zhang.id)
    assert st.closing_words == "壹万贰仟壹佰元伍角"


def test_ageing_at_month_end(owner):
    """The payment settles September's 1500 and 1000 of October's 2000 (FIFO), 抹零 0.80 more of it;
    the return settles its own order. October's 999.20 is 11 days past due on 11-30."""
    zhang = hardware_month(owner)
    st = build_statement(zhang.id, NOV1, NOV30)
    assert dict(st.ageing) == {"未到期": Decimal("11101.30"), "1-30天": Decimal("999.20"), "31-60天": Decimal("0.00"),
                               "61-90天": Decimal("0.00"), "90天以上": Decimal("0.00")}
    assert st.overdue == Decimal("999.20") and st.unapplied == Decimal("0.00")
    assert [(i.day, i.remaining) for i in receivables.open_items(zhang.id)] == [
        (dt.date(2026, 10, 20), Decimal("999.20")), (nov(3), Decimal("1280.50")), (nov(9), Decimal("3280")),
        (nov(20), Decimal("5620.80")), (nov(27), Decimal("920"))]
    [row] = receivables.ageing(NOV30)
    assert row.buckets == tuple(a for _, a in st.ageing) and row.balance == st.closing
    assert receivables.credit_room(zhang.id) == Decimal("7899.50")
    # a month earlier September's sale was not yet due: it ages as the days pass
    assert receivables.ageing(dt.date(2026, 10, 31))[0].buckets[:2] == (Decimal("2000.00"), Decimal("1500.00"))


def test_a_statement_of_a_quiet_period_carries_the_balance(owner):
    zhang = hardware_month(owner)
    st = build_statement(zhang.id, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert (st.opening, st.rows, st.closing) == (Decimal("12100.50"), [], Decimal("12100.50"))
    with pytest.raises(ValidationError, match="对账起始日 2026-12-31 晚于截止日 2026-12-01"):
        build_statement(zhang.id, dt.date(2026, 12, 31), dt.date(2026, 12, 1))


def test_the_statement_pdf_reads_back(owner, tmp_path):
    zhang = hardware_month(owner)
    out = tmp_path / "对账单.pdf"
    write_statement(zhang.id, NOV1, NOV30, out)
    text = pdf_text(out)
    for expected in ("老周五金批发部", "客户对账单", "张工", "2026-11-01 至 2026-11-30", "期初余额", "3,500.00",
                     "XS20261109-0003", "收款\uff08微信\uff09", "工程款第一笔", "抹零", "11,281.30", "2,680.80",
                     "12,100.50", "人民币壹万贰仟壹佰元伍角", "999.20", "90天以上", "客户确认", "第 1 页 / 共 1 页"):
        assert expected in text, expected
    assert pdf_pages(out) == 1
    assert all(embedded and unicode for _, embedded, unicode in pdf_fonts(out))


def test_a_long_statement_runs_over_pages_with_the_header_repeated(owner, tmp_path):
    zhang = customers.save_customer(owner, CustomerInput(name="<b>李</b>工", kind="wholesale", credit_limit="1"))
    for n in range(80):
        receivables.record_sale(owner, zhang.id, None, Decimal("10"), nov(1 + n % 28), None)
    out = tmp_path / "long.pdf"
    write_statement(zhang.id, NOV1, NOV30, out)
    assert pdf_pages(out) >= 2
    text = pdf_text(out)
    assert "<b>李</b>工" in text  # user text printed literally, not as markup
    assert "800.00" in text and text.count("销售单号") == pdf_pages(out)
    assert "客户对账单（续）" in text


def test_the_statement_in_excel_has_numbers_and_safe_text(owner, tmp_path):
    zhang = hardware_month(owner)
    receivables.record_payment(owner, zhang.id, "100", "现金", nov(28), "=HYPERLINK(\"http://x\")")
    out = tmp_path / "st.xlsx"
    write_statement(zhang.id, NOV1, NOV30, out)
    ws = openpyxl.load_workbook(out).active
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    header = rows.index(("日期", "摘要", "销售单号", "备注", "到期日", "应收增加", "应收减少", "余额"))
    assert rows[header + 1][1] == "期初余额" and rows[header + 1][7] == 3500
    assert rows[header + 2][5] == 1280.5 and rows[header + 2][7] == 4780.5
    payment = rows[header + 9]
    assert payment[3] == "=HYPERLINK(\"http://x\")" and payment[6] == 100
    cell = ws.cell(row=header + 10, column=4)
    assert cell.data_type == "s"  # text, not a live formula
    closing = [r for r in rows if r[0] == "期末欠款"][0]
    assert closing[1] == "人民币壹万贰仟元伍角" and closing[7] == 12000.5


def test_a_statement_is_pdf_or_excel(owner, tmp_path):
    zhang = hardware_month(owner)
    with pytest.raises(ValidationError, match=r"\.pdf 或 \.xlsx"):
        write_statement(zhang.id, NOV1, NOV30, tmp_path / "st.docx")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler not installed")
def test_the_statement_renders(owner, tmp_path):
    zhang = hardware_month(owner)
    out = tmp_path / "st.pdf"
    write_statement(zhang.id, NOV1, NOV30, out)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(out), str(tmp_path / "st")], check=True)
    assert (tmp_path / "st.png").stat().st_size > 5000
