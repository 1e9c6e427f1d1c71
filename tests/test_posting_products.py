"""Posting keeps the product rows it read for the next document while the product table is unchanged
(services/stock/posting_products.py): a product edited in any way before a posting — by the catalogue, by a
receipt's moving-average cost, by another program on the same file — is what the posting uses, and an edit
rolled back is not."""
from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Move, Product, database, product_version, write_transaction
from services.catalog import products
from services.core.errors import NotFound
from services.stock import ledger
from services.stock.costing import record_costs
from services.stock.ledger import Line
from services.stock.tamper_checks import trigger_problems
from tests.conftest import D


def _stock(shop, product, units: str = "1000") -> None:
    ledger.post_document(shop.owner, "receipt", [Line(product.id, D(units), shop.supplier.id, shop.store.id)])


def _sale_cost(shop, product) -> Decimal:
    """The unit cost the sale of one `product` was stamped with."""
    sale = ledger.post_document(shop.owner, "sale", [Line(product.id, D("1"), shop.store.id, shop.customer.id)])
    return Move.get(Move.document == sale.document_id).unit_cost


def _edit_cost(shop, product, cost: str) -> None:
    """The cost as the product form saves it (the product's other fields unchanged)."""
    row = Product.get_by_id(product.id)
    products.save_product(shop.owner, products.ProductInput(
        name=row.name, sku=row.sku, spec=row.spec, category=row.category, base_unit=row.base_unit,
        shelf_life_days=row.shelf_life_days, cost=cost, price=str(row.price)), product_id=product.id)


def _other_program(sql: str, params: tuple) -> None:
    """A write through a connection of its own, as another program on the shop's file would make it."""
    conn = sqlite3.connect(database.database)
    with conn:
        conn.execute(sql, params)
    conn.close()


def test_each_kind_of_cost_edit_reaches_the_next_sale(shop):
    screw = shop.screw
    _stock(shop, screw)
    assert _sale_cost(shop, screw) == D("0.05")
    assert _sale_cost(shop, screw) == D("0.05"), "a sale after a sale: nothing changed"
    _edit_cost(shop, screw, "0.07")
    assert _sale_cost(shop, screw) == D("0.07"), "edited in the product form"
    with write_transaction():
        record_costs({screw.id: (D("0.07"), D("0.08"))})  # what a confirmed receipt writes
    assert _sale_cost(shop, screw) == D("0.08"), "a receipt's moving-average cost"
    _other_program("UPDATE product SET cost = ? WHERE id = ?", (Product.cost.db_value(D("0.09")), screw.id))
    assert _sale_cost(shop, screw) == D("0.09"), "written by another connection to the same file"


def test_an_edit_rolled_back_is_not_used_afterwards(shop):
    screw = shop.screw
    _stock(shop, screw)
    with pytest.raises(RuntimeError), write_transaction():
        Product.update(cost=D("0.5")).where(Product.id == screw.id).execute()
        assert _sale_cost(shop, screw) == D("0.5"), "inside the transaction the edit is what the shop has"
        raise RuntimeError("the clerk cancels")
    assert _sale_cost(shop, screw) == D("0.05")


def test_a_shelf_life_set_later_makes_the_next_receipt_a_dated_lot(shop):
    screw = shop.screw
    _stock(shop, screw, "5")
    assert Move.get(Move.product == screw.id).lot is None
    Product.update(shelf_life_days=30).where(Product.id == screw.id).execute()
    receipt = ledger.post_document(shop.owner, "receipt", [Line(screw.id, D("5"), shop.supplier.id, shop.store.id)])
    lot = Move.get(Move.document == receipt.document_id).lot
    assert lot is not None and lot.expiry_date is not None, "now perishable: the receipt makes a lot with an expiry"


def test_a_product_made_or_missing_after_the_rows_were_kept(shop):
    _stock(shop, shop.screw)
    _sale_cost(shop, shop.screw)
    nut = products.save_product(shop.owner, products.ProductInput(name="螺母", base_unit="个", cost="0.02"))
    _stock(shop, nut)
    assert _sale_cost(shop, nut) == D("0.02")
    with pytest.raises(NotFound):
        ledger.post_document(shop.owner, "sale", [Line(nut.id + 1000, D("1"), shop.store.id, shop.customer.id)])


def test_every_write_to_the_product_table_changes_its_token(shop):
    token = lambda: database.execute_sql(product_version.TOKEN_SQL).fetchone()[0]  # noqa: E731
    seen = [token()]
    nut = products.save_product(shop.owner, products.ProductInput(name="螺母", base_unit="个", cost="0.02"))
    seen.append(token())
    Product.update(spec="M4").where(Product.id == nut.id).execute()
    seen.append(token())
    Product.delete().where(Product.id == nut.id).execute()
    seen.append(token())
    _stock(shop, shop.screw)  # moves, balances, documents: no product row written
    seen.append(token())
    assert len(set(seen[:4])) == 4 and seen[4] == seen[3]


def test_check_reports_a_missing_version_trigger(shop):
    assert trigger_problems() == []
    database.execute_sql("DROP TRIGGER product_version_update")
    assert [problem for problem in trigger_problems() if "product_version_update" in problem]


costs = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99.99"), places=2)
steps = st.lists(st.one_of(
    st.tuples(st.just("form"), costs), st.tuples(st.just("receipt"), costs), st.tuples(st.just("other"), costs),
    st.tuples(st.just("rolled back"), costs), st.tuples(st.just("sale"), st.none())), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps)
def test_a_sale_is_stamped_with_the_cost_the_database_holds_then(shop, plan):
    screw = shop.screw
    if not Move.select().where(Move.product == screw.id).exists():
        _stock(shop, screw, "100000")
    for kind, cost in plan:
        if kind == "form":
            _edit_cost(shop, screw, str(cost))
        elif kind == "receipt":
            with write_transaction():
                record_costs({screw.id: (Product.get_by_id(screw.id).cost, cost)})
        elif kind == "other":
            _other_program("UPDATE product SET cost = ? WHERE id = ?", (Product.cost.db_value(cost), screw.id))
        elif kind == "rolled back":
            with pytest.raises(RuntimeError), write_transaction():
                Product.update(cost=cost).where(Product.id == screw.id).execute()
                raise RuntimeError("cancelled")
        stored = Product.get_by_id(screw.id).cost
        assert _sale_cost(shop, screw) == stored
