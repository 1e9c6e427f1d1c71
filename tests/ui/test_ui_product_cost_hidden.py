"""进价 stays with who may see cost (issue 17). 老张 (仓管) corrects the blueberries' spec and adds a box
barcode in the product dialog: he never sees the ¥8.30 cost, saving keeps it, and a cost he sends anyway
is refused. 小王 (采购) opens the same dialog and reads ¥8.3."""
from __future__ import annotations

from decimal import Decimal

import pytest

from models import Product
from services.catalog import products
from services.core import users
from services.core.errors import PermissionDenied
from ui.catalog.product_dialog import ProductDialog
from ui.widgets.context import AppContext


@pytest.fixture
def staff(shop):
    class Staff:
        zhang = users.create_user(shop.owner, "laozhang", "warehouse", display_name="老张")
        wang = users.create_user(shop.owner, "xiaowang", "purchaser", display_name="小王")
    return Staff


def dialog_for(qtbot, context, user, product_id=None) -> ProductDialog:
    dialog = ProductDialog(AppContext(user, context.settings, db_label=context.db_label), product_id)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def cost_of(product) -> Decimal:
    return Product.get_by_id(product.id).cost


def test_the_warehouse_edits_a_product_without_seeing_or_changing_its_cost(qtbot, context, shop, staff):
    dialog = dialog_for(qtbot, context, staff.zhang, shop.blueberry.id)
    assert not dialog.cost.isVisible() and dialog.cost.text() == ""  # not even loaded into the hidden field
    assert dialog.price.isVisible() and dialog.price.text() == "12.5"
    dialog.spec.setText("125g/盒")
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    saved = Product.get_by_id(shop.blueberry.id)
    assert (saved.spec, saved.cost) == ("125g/盒", Decimal("8.3"))  # the cost kept as it was

    new = dialog_for(qtbot, context, staff.zhang)  # a new product from the back room: no cost until the owner sets it
    new.name.setText("草莓")
    new.price.setText("15")
    new.save()
    assert not new.isVisible(), new.error.text()
    assert products.get_product(new.product_id).cost == 0

    purchaser = dialog_for(qtbot, context, staff.wang, shop.blueberry.id)
    assert purchaser.cost.isVisible() and purchaser.cost.text() == "8.3"


def test_the_service_refuses_a_cost_from_a_role_that_may_not_see_it(shop, staff):
    data = products.product_input(shop.blueberry)
    data.cost = "9"
    with pytest.raises(PermissionDenied) as refused:
        products.save_product(staff.zhang, data, shop.blueberry.id)
    assert str(refused.value) == "laozhang(warehouse)看不到进价,不能修改进价:请让店主或采购修改"
    assert cost_of(shop.blueberry) == Decimal("8.3")
    data.cost = "8.30"  # the same cost sent back is no change
    products.save_product(staff.zhang, data, shop.blueberry.id)
    with pytest.raises(PermissionDenied):
        products.save_product(staff.zhang, products.ProductInput(name="荔枝", cost="20"))
    data.cost = "9"
    products.save_product(staff.wang, data, shop.blueberry.id)  # the purchaser may
    assert cost_of(shop.blueberry) == Decimal("9")
