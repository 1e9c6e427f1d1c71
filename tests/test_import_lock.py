"""The counter keeps selling while the back office imports a big product list (issue 14: a 100k-row
import held the write lock for minutes and every sale was refused with 数据库正被其他程序占用).

The till is its own process with its own connection, as the counter PC is (tests/test_sales_race.py)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from models import AuditEvent, Document, Product
from services.stock.integrity import run_check
from tests.sales_shop import on_hand, stock_in
from tests.xlsx_files import write_xlsx

ROOT = Path(__file__).resolve().parent.parent
TILL = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
    from models import open_database
    from services.core.errors import XiaopuError
    from services.core.messages import set_language
    from services.core.users import default_user
    from services.sales import sales_shipping
    from services.sales.sales_lines import SaleLineInput

    set_language("zh_CN")
    open_database(sys.argv[2])
    owner = default_user()
    Path(sys.argv[3]).write_text("scanning")  # the clerk scans now
    try:
        print("SOLD", sales_shipping.sell_now(owner, [SaleLineInput(int(sys.argv[4]), "1")]).number)
    except XiaopuError as exc:
        print("REFUSED", exc)
""")


class Till:
    """The counter PC selling one screw; `scanning` exists once its sale has started."""

    def __init__(self, tmp_path: Path, db_file: Path, product_id: int, name: str):
        script = tmp_path / "till.py"
        script.write_text(TILL, encoding="utf-8")
        self.scanning = tmp_path / f"{name}.scanning"
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(ROOT), str(db_file), str(self.scanning), str(product_id)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")

    def wait_until_scanning(self) -> None:
        while not self.scanning.exists():
            assert self.process.poll() is None, self.process.communicate()
        # no sleep: the sale's own BEGIN IMMEDIATE follows at once and waits for the lock if it must

    def answer(self) -> str:
        out, err = self.process.communicate(timeout=120)
        assert self.process.returncode == 0, err
        return out.strip()


def wholesale_list(tmp_path: Path, count: int) -> Path:
    rows = [["SKU编码", "名称", "规格", "单位", "分类", "进价", "售价"]]
    rows += [[f"W{i:05d}", f"批发商品{i}号", "500g", "袋", "干货", 3.2, 4.5] for i in range(count)]
    return write_xlsx(tmp_path / "wholesale.xlsx", rows, write_only=True)


def test_the_counter_sells_while_two_thousand_products_are_imported(shop, db_target, tmp_path, monkeypatch):
    """8 screws on the shelf. The back office imports the wholesaler's list of 2,000 products; while the
    import is still checking the file the counter sells a screw (and gets its receipt before the import
    goes on), and while the import is writing the counter sells another (it waits a moment for the
    write, it is not refused). Both sales and all 2,000 products are there; 6 screws are left."""
    from services.imports import product_import, product_writer
    from services.imports.product_import import import_products

    stock_in(shop.owner, shop.screw, "8", shop.store)
    path = wholesale_list(tmp_path, 2000)
    answers: dict[str, str] = {}
    real_prepare, real_insert = product_import.prepare, product_writer._insert_new

    def prepare_while_the_counter_sells(plans):
        till = Till(tmp_path, db_target, shop.screw.id, "checking")
        answers["checking"] = till.answer()  # a lock held now would leave the till waiting, then refused
        return real_prepare(plans)

    def write_while_the_counter_sells(actor, prepared):
        till = Till(tmp_path, db_target, shop.screw.id, "writing")
        till.wait_until_scanning()  # the sale starts while this transaction holds the lock
        real_insert(actor, prepared)
        answers["till"] = till  # answered after the import commits

    monkeypatch.setattr(product_import, "prepare", prepare_while_the_counter_sells)
    monkeypatch.setattr(product_writer, "_insert_new", write_while_the_counter_sells)
    result = import_products(shop.owner, path)
    answers["writing"] = answers.pop("till").answer()

    assert answers["checking"].startswith("SOLD"), answers
    assert answers["writing"].startswith("SOLD"), answers
    assert result.created == 2000
    assert Product.select().where(Product.sku.startswith("W")).count() == 2000
    assert Document.select().where(Document.doc_type == "sale").count() == 2
    assert on_hand(shop.screw) == Decimal(6)
    assert run_check().ok, run_check().text()


def test_a_sku_taken_by_another_window_during_the_check_names_the_row_and_imports_nothing(shop, tmp_path,
                                                                                            monkeypatch):
    """While the list is being checked, 小李 creates 批发商品7号 by hand under W00007 in another window. The
    write finds the SKU taken: nothing of the list is imported, and the errors file names row 9 (the
    header is row 1, W00000 row 2) — the owner removes that row or that product and imports again."""
    from services.catalog import products
    from services.imports import product_import
    from services.imports.excel_import import ImportFailed, import_products

    path = wholesale_list(tmp_path, 20)
    real_prepare = product_import.prepare

    def another_window_saves_first(plans):
        products.save_product(shop.owner, products.ProductInput(name="批发商品7号", sku="W00007"))
        return real_prepare(plans)

    monkeypatch.setattr(product_import, "prepare", another_window_saves_first)
    with pytest.raises(ImportFailed) as caught:
        import_products(shop.owner, path)
    assert list(caught.value.errors) == [9]
    assert "W00007" in caught.value.errors[9][0]
    assert [p.sku for p in Product.select().where(Product.sku.startswith("W"))] == ["W00007"]


def test_automatic_skus_skip_one_numbered_by_another_window_meanwhile(shop, tmp_path, monkeypatch):
    """A list without SKUs gets P-numbers. While it is checked, another window numbers a product by hand
    (it takes the next P-number): the import's products take the numbers after it, none is lost."""
    from services.catalog import products
    from services.imports import product_import
    from services.imports.product_import import import_products

    path = write_xlsx(tmp_path / "nosku.xlsx", [["名称", "单位"], ["红薯", "斤"], ["紫薯", "斤"], ["山药", "根"]])
    real_prepare = product_import.prepare
    taken = []

    def another_window_numbers_one(plans):
        prepared = real_prepare(plans)  # the SKUs predicted now are about to be taken
        taken.append(products.save_product(shop.owner, products.ProductInput(name="土豆")).sku)
        return prepared

    monkeypatch.setattr(product_import, "prepare", another_window_numbers_one)
    assert import_products(shop.owner, path).created == 3
    names = dict(Product.select(Product.name, Product.sku).where(Product.name.in_(["红薯", "紫薯", "山药", "土豆"]))
                 .tuples())
    numbers = [int(names[n][1:]) for n in ("土豆", "红薯", "紫薯", "山药")]
    assert numbers == list(range(numbers[0], numbers[0] + 4))  # 土豆 first, then the list in its order
    assert taken == [names["土豆"]]
    key = Product.get(Product.name == "红薯").search_key
    assert key.split() == ["红薯", "hs", "hongshu", names["红薯"].lower()]  # found by its own number
    audited = [e.entity_id for e in AuditEvent.select().where(AuditEvent.action == "product.create")]
    assert len(audited) == len(set(audited))


def test_a_product_edited_in_another_window_during_the_check_refuses_the_reimport_naming_its_row(shop, tmp_path,
                                                                                                 monkeypatch):
    """The owner re-imports the price list: 蓝莓 ¥13.80 (row 2), 十字螺丝 ¥0.12 (row 3). While the file is
    being checked, 小李 raises the screw to ¥0.15 by hand in another window (the clock has not moved, so
    only the stored values tell). The import would overwrite his price with one read before it: nothing
    is imported, row 3 names the screw, 蓝莓 still sells at ¥12.50, the screw at 小李's ¥0.15, and the
    audit holds his change and nothing of the import."""
    from services.catalog import products
    from services.imports import product_import
    from services.imports.excel_import import ImportFailed, import_products

    path = write_xlsx(tmp_path / "prices.xlsx", [["SKU编码", "名称", "售价"], [shop.blueberry.sku, "蓝莓", 13.8],
                                                  [shop.screw.sku, "十字螺丝", 0.12]])
    real_prepare = product_import.prepare

    def another_window_edits_the_screw(plans):
        edited = products.product_input(products.get_product(shop.screw.id))
        edited.price = "0.15"
        products.save_product(shop.owner, edited, shop.screw.id)
        return real_prepare(plans)

    events = AuditEvent.select().count()
    monkeypatch.setattr(product_import, "prepare", another_window_edits_the_screw)
    with pytest.raises(ImportFailed) as caught:
        import_products(shop.owner, path)
    assert list(caught.value.errors) == [3]
    assert f"{shop.screw.sku} 十字螺丝" in caught.value.errors[3][0]
    assert "其他窗口" in caught.value.errors[3][0]
    assert Product.get_by_id(shop.blueberry.id).price == Decimal("12.5")
    assert Product.get_by_id(shop.screw.id).price == Decimal("0.15")
    assert AuditEvent.select().count() == events + 1  # 小李's edit only
    assert run_check().ok, run_check().text()

    monkeypatch.setattr(product_import, "prepare", real_prepare)  # imported again, nobody editing: both prices
    assert import_products(shop.owner, path).updated == 2
    assert Product.get_by_id(shop.screw.id).price == Decimal("0.12")
    assert Product.get_by_id(shop.blueberry.id).price == Decimal("13.8")
