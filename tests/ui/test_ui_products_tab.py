"""The products list: search by pinyin/SKU/barcode in SQL, paging, sorting, categories."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from services.catalog import products
from ui.catalog.product_model import PAGE_SIZE, ProductModel
from ui.catalog.products_tab import ProductsTab


@pytest.fixture
def tab(qtbot, context):
    widget = ProductsTab(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def names(tab) -> list[str]:
    return [r.name for r in tab.model.rows]


def search(tab, text: str) -> list[str]:
    tab.search.setText(text)
    tab.apply_filter()
    return names(tab)


def test_pinyin_initials_lm_find_blueberries(qtbot, tab):
    qtbot.keyClicks(tab.search, "lm")
    qtbot.waitUntil(lambda: names(tab) == ["蓝莓"], timeout=2000)  # after the debounce


@pytest.mark.parametrize("text", ["lm", "LM", "lanmei", "蓝", "P000001", "6901234567892", "16901234567899"])
def test_search_by_name_pinyin_sku_or_barcode(tab, text):
    assert search(tab, text) == ["蓝莓"]


def test_search_for_nothing_shows_everything_and_counts(tab):
    assert search(tab, "") == ["蓝莓", "十字螺丝"]
    assert "2" in tab.count_label.text()
    assert search(tab, "没有这个") == []


def test_category_filter(tab):
    tab.category.setCurrentIndex(tab.category.findData("五金"))
    assert names(tab) == ["十字螺丝"]
    tab.category.setCurrentIndex(0)
    assert names(tab) == ["蓝莓", "十字螺丝"]


def test_clicking_a_header_sorts_in_sql(tab):
    price = next(i for i, c in enumerate(tab.model.columns) if c.sort_key == "price")
    tab.table.sortByColumn(price, Qt.SortOrder.AscendingOrder)
    assert names(tab) == ["十字螺丝", "蓝莓"]
    tab.table.sortByColumn(price, Qt.SortOrder.DescendingOrder)
    assert names(tab) == ["蓝莓", "十字螺丝"]
    spec = next(i for i, c in enumerate(tab.model.columns) if not c.sort_key)
    tab.table.sortByColumn(spec, Qt.SortOrder.AscendingOrder)
    assert tab.table.horizontalHeader().sortIndicatorSection() == price, "unsortable column keeps the SQL order"


def _bulk_products(count: int) -> None:
    """Rows straight into the table: the list is measured here, not saving products one by one."""
    from models import Barcode, Product, write_transaction
    from services.catalog.search_key import build_search_key

    with write_transaction():
        Product.insert_many([
            {"sku": f"B{i:06d}", "name": f"商品{i}", "category": "批量", "base_unit": "个", "cost": 1, "price": 2,
             "search_key": build_search_key(f"商品{i}", "", f"B{i:06d}", "批量")} for i in range(count)
        ]).execute()
        ids = [pid for (pid,) in Product.select(Product.id).where(Product.sku.startswith("B")).tuples()]
        Barcode.insert_many([{"code": f"B{pid}", "product": pid, "kind": "free"} for pid in ids]).execute()


def test_paging_loads_200_at_a_time(db):
    _bulk_products(450)
    model = ProductModel()
    model.reload()
    assert model.total == 450
    assert len(model.rows) == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert len(model.rows) == 450
    assert not model.canFetchMore(QModelIndex())
    assert len({r.id for r in model.rows}) == 450, "pages do not overlap"


def test_5000_products_open_on_their_first_page_only(qtbot, db, context):
    """The tab reads one page, never the whole catalogue (its time is measured in bench/)."""
    _bulk_products(5000)
    widget = ProductsTab(context)
    qtbot.addWidget(widget)
    widget.show()
    widget.table.viewport().repaint()
    assert widget.model.total >= 5000 and len(widget.model.rows) == PAGE_SIZE
    assert widget.model.canFetchMore(QModelIndex())


def test_selecting_a_product_beyond_the_first_page_fetches_more(qtbot, db, context):
    _bulk_products(450)
    widget = ProductsTab(context)
    qtbot.addWidget(widget)
    last = products.search_products(offset=449, limit=1)[0]
    assert widget.select_product(last.id)
    assert widget.selected_id() == last.id


def test_edit_selected_opens_the_dialog_and_saving_refreshes_the_list(qtbot, tab, shop):
    tab.select_product(shop.screw.id)
    dialog = tab.edit_selected()
    assert dialog.name.text() == "十字螺丝"
    dialog.name.setText("十字螺丝钉")
    dialog.save()
    assert "十字螺丝钉" in names(tab)
    assert tab.selected_id() == shop.screw.id


def test_edit_without_a_selection_explains(qtbot, tab):
    tab.table.clearSelection()
    assert tab.edit_selected() is None


def test_export_runs_in_a_worker_and_reports(qtbot, tab, tmp_path):
    target = tmp_path / "商品.xlsx"
    worker = tab.excel.export_to(target)
    qtbot.waitUntil(lambda: worker.isFinished(), timeout=10000)
    assert worker.error == "", worker.error
    assert target.exists() and worker.result == 2


def test_import_failure_shows_the_message_naming_the_errors_file(qtbot, tab, tmp_path):
    from openpyxl import Workbook
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "新商品.xlsx"
    book = Workbook()
    book.active.append(["名称", "条码"])
    book.active.append(["坏条码", "6901234567890"])
    book.save(path)
    worker = tab.excel.import_from(path)
    qtbot.waitUntil(lambda: worker.isFinished(), timeout=10000)
    assert "新商品.errors.xlsx" in worker.error

    def warned() -> bool:
        return any(b.isVisible() and "新商品.errors.xlsx" in b.text() for b in tab.findChildren(QMessageBox))

    qtbot.waitUntil(warned, timeout=2000)


def test_import_success_refreshes_the_list(qtbot, tab, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "新商品.xlsx"
    book = Workbook()
    book.active.append(["名称", "条码", "分类"])
    book.active.append(["草莓", "6901234567885", "水果"])
    book.save(path)
    worker = tab.excel.import_from(path)
    qtbot.waitUntil(lambda: worker.isFinished(), timeout=10000)
    assert worker.error == "", worker.error
    qtbot.waitUntil(lambda: "草莓" in names(tab), timeout=2000)
    assert tab.category.findData("水果") >= 0
