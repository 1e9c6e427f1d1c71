"""Every number and text entry point the window and the CLI call, driven with hostile values
(hypothesis): each value is either accepted and stored exactly as the one parser reads it, or refused
with a XiaopuError in Chinese — never another exception, never a half-written row."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import AuditEvent, CountLine, Product, ProductPrice, PurchaseOrder, ReceivableEntry
from services.catalog import products
from services.core.clock import today
from services.core.errors import XiaopuError
from services.core.numbers import SHELF_LIFE_DAYS, to_days, to_decimal
from services.core.text_clean import clean_line, clean_text
from services.imports.excel_import import ImportFailed, import_products
from services.purchasing import purchase_orders, suppliers
from services.sales import counter_scan, customers, receivables, tier_prices
from services.sales.sales_lines import SaleLineInput
from services.stocktake import sessions as stocktake
from tests.sales_shop import sales_shop, stock_in

CHINESE = re.compile(r"[\u4e00-\u9fff]")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

NASTY_NUMBERS = ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", "1e400", "-1e400", "1e30", "1e28",
                 "1e15", "9999999", "9999999.999", "10000000", "0.0001", "0.001", "1e-400", "0", "-0", "-1", "1,000",
                 "１２", "1_0", "", " ", "\u200b5", "5\u200b", "1e3", "1E+3", "0x10", "١٢", "12..5", "--1", "+5", "²",
                 "1e999999999", "12.5", "3", "\x00"]
numbers = st.one_of(
    st.sampled_from(NASTY_NUMBERS),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.text(alphabet="0123456789.-+eE,\u200b ", max_size=12),
)
texts = st.one_of(
    st.sampled_from(["U1", "U1\u200b", "\u200b\u200d", "\ufeff蓝莓", "蓝\x00莓", "  ", "\u202e草莓", "Ａ１", "a\nb"]),
    st.text(max_size=20),
)


def parsed(value: object, **kw) -> Decimal | XiaopuError:
    """What the one parser makes of the value: the number to store, or its refusal."""
    try:
        return to_decimal(value, "值", **kw)
    except XiaopuError as exc:
        return exc


def outcome(call):
    """The entry point's answer: its result, or a refusal that must be worded in Chinese."""
    try:
        return call()
    except XiaopuError as exc:
        assert CHINESE.search(exc.message), exc.message
        return exc


def audit_count() -> int:
    return AuditEvent.select().count()


@FUZZ
@given(price=numbers, safety=numbers, shelf_life=numbers, name=texts, sku=texts)
def test_product_save(db, price, safety, shelf_life, name, sku):
    before = (Product.select().count(), audit_count())
    saved = outcome(lambda: products.save_product(db, products.ProductInput(
        name=name, sku=sku, price=price, safety_stock=safety, shelf_life_days=shelf_life)))
    if isinstance(saved, XiaopuError):
        assert (Product.select().count(), audit_count()) == before
        return
    row = Product.get_by_id(saved.id)
    assert row.name == clean_line(name) and row.name
    assert row.sku == (clean_line(sku) or row.sku)
    assert row.price == parsed(price, places=4, default=Decimal(0))
    assert row.safety_stock == parsed(safety, default=Decimal(0))
    assert row.shelf_life_days == (to_days(shelf_life, "保质期天数", SHELF_LIFE_DAYS) or None)  # 0 keeps, like blank


@FUZZ
@given(name=texts, price=numbers, shelf_life=numbers, cost=numbers)
def test_import_row(db, tmp_path, name, price, shelf_life, cost):
    path = tmp_path / "products.csv"
    cells = ["".join(ch for ch in str(v) if ch not in "\r\n\x00\",") for v in (name, price, shelf_life, cost)]
    path.write_text("名称,售价,保质期天数,进价\n" + ",".join(f'"{c}"' for c in cells) + "\n", encoding="utf-8")
    before = (Product.select().count(), audit_count())
    result = outcome(lambda: import_products(db, path))
    if isinstance(result, (XiaopuError, ImportFailed)):
        assert (Product.select().count(), audit_count()) == before
        return
    row = Product.select().order_by(Product.id.desc()).first()
    assert row.price == parsed(cells[1], places=4, default=Decimal(0))
    assert row.cost == parsed(cells[3], places=4, default=Decimal(0))


@pytest.fixture
def fuzz_shop(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.screw, "100", s.store)
    return s


@FUZZ
@given(qty=numbers, price=numbers, discount=numbers)
def test_counter_line(fuzz_shop, qty, price, discount):
    line = SaleLineInput(fuzz_shop.screw.id, qty, price=price, discount=discount)
    priced = outcome(lambda: counter_scan.price_lines([line]))
    if isinstance(priced, XiaopuError):
        return
    assert priced[0].quantity == parsed(qty, places=3)
    assert priced[0].price == parsed(price, places=4, default=fuzz_shop.screw.price)  # blank: the shelf price


@FUZZ
@given(qty=numbers, write_off=numbers)
def test_stocktake_count(fuzz_shop, qty, write_off):
    s = fuzz_shop
    session = stocktake.start_session(s.owner, "full")
    stocktake.set_place(s.warehouse, session.id, "STORE")
    scanned = outcome(lambda: stocktake.count_scan(s.warehouse, session.id, "SCREW-M4", qty))
    if isinstance(scanned, XiaopuError):
        assert CountLine.select().where((CountLine.session == session.id)
                                        & CountLine.counted_qty.is_null(False)).count() == 0
        return
    assert scanned.counted_qty == parsed(qty)
    typed = outcome(lambda: stocktake.set_line(s.warehouse, session.id, scanned.id, qty, "破损", write_off=write_off))
    stored = CountLine.get_by_id(scanned.id)
    if isinstance(typed, XiaopuError):
        assert stored.status == "正常" and stored.write_off == 0
    else:
        assert stored.write_off == parsed(write_off)


@FUZZ
@given(price=numbers, tier=texts)
def test_tier_price(fuzz_shop, price, tier):
    before = sorted(ProductPrice.select(ProductPrice.tier, ProductPrice.price).tuples())
    result = outcome(lambda: tier_prices.set_tier_price(fuzz_shop.owner, fuzz_shop.screw.id, "wholesale", price))
    if isinstance(result, XiaopuError):
        assert sorted(ProductPrice.select(ProductPrice.tier, ProductPrice.price).tuples()) == before
        return
    stored = ProductPrice.get_or_none((ProductPrice.product == fuzz_shop.screw.id) & (ProductPrice.tier == "wholesale"))
    assert (stored.price if stored else None) == result


@pytest.fixture
def farm(fuzz_shop):
    return suppliers.save_supplier(fuzz_shop.owner, suppliers.SupplierInput(name="青青农场"))


@FUZZ
@given(qty=numbers, price=numbers, note=texts)
def test_purchase_line(fuzz_shop, farm, qty, price, note):
    before = (PurchaseOrder.select().count(), audit_count())
    order = outcome(lambda: purchase_orders.create_draft(fuzz_shop.owner, farm.id, [
        purchase_orders.OrderLineInput(fuzz_shop.screw.id, qty, unit="", price=price, note=note)]))
    if isinstance(order, XiaopuError):
        assert (PurchaseOrder.select().count(), audit_count()) == before
        return
    line = order.lines.get()
    assert line.quantity == parsed(qty)
    assert line.price == parsed(price, places=4, default=fuzz_shop.screw.cost)  # blank: the last price or cost
    assert line.note == clean_text(note)


@FUZZ
@given(amount=numbers, note=texts)
def test_payment(fuzz_shop, amount, note):
    before = (ReceivableEntry.select().count(), audit_count())
    entry = outcome(lambda: receivables.record_payment(fuzz_shop.owner, fuzz_shop.wholesaler, amount, "现金", today(),
                                                       note=note))
    if isinstance(entry, XiaopuError):
        assert (ReceivableEntry.select().count(), audit_count()) == before
        return
    assert -ReceivableEntry.get_by_id(entry.id).amount == parsed(amount, places=4)


@FUZZ
@given(name=texts, limit=numbers, terms=numbers, lead=numbers)
def test_customer_and_supplier(db, name, limit, terms, lead):
    customer = outcome(lambda: customers.save_customer(db, customers.CustomerInput(
        name=name, credit_limit=limit, payment_terms_days=terms)))
    if not isinstance(customer, XiaopuError):
        assert customer.name == clean_line(name)
        assert customer.credit_limit == parsed(limit, places=2, default=Decimal(0))
    supplier = outcome(lambda: suppliers.save_supplier(db, suppliers.SupplierInput(name=name, lead_time_days=lead)))
    if not isinstance(supplier, XiaopuError):
        assert supplier.name == clean_line(name) and 0 <= (supplier.lead_time_days or 0) <= 365


codes = st.one_of(
    st.sampled_from(["6901234567892", "6901234567892\u200b", "６９０１２３４５６７８９２", "SCREW-M4", "2100023012345",
                     "2100023" + "9" * 11, "(01)16901234567899(17)271231(10)L1", "1e400", "NaN", "", "\x00", "9" * 60]),
    st.text(max_size=30),
    st.from_regex(r"2[0-9]{12}|2[0-9]{17}|[0-9]{8,14}", fullmatch=True),
)


@FUZZ
@given(code=codes)
def test_counter_and_stocktake_scans(fuzz_shop, code):
    """A scan is a line of a product (a scale label's weight or price, parsed exactly) or a refusal."""
    s = fuzz_shop
    lines = outcome(lambda: counter_scan.add_scan([], code))
    if not isinstance(lines, XiaopuError):
        assert all(isinstance(ln.quantity, Decimal) and ln.quantity.is_finite() for ln in lines)
        outcome(lambda: counter_scan.price_lines(lines))
    session = stocktake.start_session(s.owner, "full")
    stocktake.set_place(s.warehouse, session.id, "STORE")
    line = outcome(lambda: stocktake.count_scan(s.warehouse, session.id, code))
    if not isinstance(line, XiaopuError):
        assert line.counted_qty > 0 and line.counted_qty.is_finite()


@FUZZ
@given(qty=numbers, cost=numbers, lot=texts, expiry=st.one_of(texts, numbers))
def test_stock_import_row(fuzz_shop, tmp_path, qty, cost, lot, expiry):
    from models import Move
    from services.imports.excel_import import import_stock

    path = tmp_path / "stock.csv"
    cells = ["".join(ch for ch in str(v) if ch not in "\r\n\x00\",") for v in ("SCREW-M4", qty, cost, lot, expiry)]
    path.write_text("SKU编码,数量,成本,批次,到期日\n" + ",".join(f'"{c}"' for c in cells) + "\n", encoding="utf-8")
    before = (Move.select().count(), audit_count())
    result = outcome(lambda: import_stock(fuzz_shop.owner, path))
    if isinstance(result, (XiaopuError, ImportFailed)):
        assert (Move.select().count(), audit_count()) == before
        return
    move = Move.select().order_by(Move.id.desc()).first()
    assert move.quantity == parsed(cells[1])
