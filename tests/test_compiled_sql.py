"""Queries whose SQL text is built once (services/core/compiled_sql.py) answer exactly as peewee's own
query does: lists of ids of any length, rows as model objects or converted tuples, and writes whose
values are converted by their fields."""
from __future__ import annotations

from decimal import Decimal

import pytest

from models import Product
from models.purchasing import PurchaseOrder, Supplier
from services.core.clock import now, today
from services.core.compiled_sql import ID_LIST, CompiledQuery, insert_returning_id, row_by_id, update_where


def test_a_list_of_ids_of_any_length_reads_what_peewee_reads(shop):
    by_ids = CompiledQuery(lambda ids, sku: Product.select(Product.id, Product.name, Product.cost)
                           .where(Product.id.in_(ids) & (Product.sku != sku)).order_by(Product.id),
                           ids=ID_LIST, sku="\x00sku")
    both = [shop.blueberry.id, shop.screw.id]
    assert by_ids.tuples(ids=both, sku="") == [(shop.blueberry.id, "蓝莓", Decimal("8.3000")),
                                               (shop.screw.id, "十字螺丝", Decimal("0.0500"))]
    assert by_ids.tuples(ids={shop.screw.id}, sku="") == [(shop.screw.id, "十字螺丝", Decimal("0.0500"))]
    assert by_ids.tuples(ids=[], sku="") == []
    assert by_ids.tuples(ids=both, sku=shop.screw.sku) == [(shop.blueberry.id, "蓝莓", Decimal("8.3000"))]
    assert by_ids.tuples(ids=both, sku="") == list(Product.select(Product.id, Product.name, Product.cost)
                                                   .where(Product.id.in_(both)).order_by(Product.id).tuples())


def test_rows_as_objects_hold_what_a_peewee_read_holds(shop):
    products = CompiledQuery(lambda ids: Product.select().where(Product.id.in_(ids)).order_by(Product.id), ids=ID_LIST)
    read = products.objects(ids=[shop.screw.id, shop.blueberry.id])
    assert [p.__data__ for p in read] == [Product.get_by_id(shop.blueberry.id).__data__,
                                          Product.get_by_id(shop.screw.id).__data__]
    assert read[0].name == "蓝莓" and read[0].cost == Decimal("8.3000") and not read[0].is_dirty()


def test_a_write_converts_its_values_and_names_every_column(shop):
    stamp = now()
    order_id = insert_returning_id(PurchaseOrder, dict(
        number="CG-T-1", supplier=Supplier.create(code="S", name="供应商").id,
        state="draft", location=shop.store.id, order_date=today(), expected_date=None, total=Decimal("12.5"), note="",
        created_by=shop.owner.id, approved_by=None, approved_at=None, created_at=stamp, updated_at=stamp))
    order = row_by_id(PurchaseOrder, order_id)
    assert (order.number, order.total, order.created_at) == ("CG-T-1", Decimal("12.5000"), stamp)
    assert update_where(PurchaseOrder, {"state": "submitted", "total": Decimal("3.25")},
                        {"id": order_id, "state": "draft"}) == 1
    assert update_where(PurchaseOrder, {"state": "submitted", "total": Decimal("3.25")},
                        {"id": order_id, "state": "draft"}) == 0  # the guard no longer holds
    assert (row_by_id(PurchaseOrder, order_id).state, row_by_id(PurchaseOrder, order_id).total) == (
        "submitted", Decimal("3.2500"))
    with pytest.raises(ValueError, match="not markers"):  # created_at's default would be the same moment forever
        insert_returning_id(PurchaseOrder, dict(number="CG-T-2", supplier=order.supplier_id, location=shop.store.id,
                                                order_date=today(), created_by=shop.owner.id))


def test_a_list_of_ids_is_padded_to_a_few_lengths_and_means_the_same(shop):
    """Three ids are sent as four (the last repeated): IN (…) reads the same rows, and lengths 3 and 4 share one text."""
    names = CompiledQuery(lambda ids: Product.select(Product.name).where(Product.id.in_(ids)).order_by(Product.id),
                          ids=ID_LIST)
    ids = [shop.blueberry.id, shop.screw.id, shop.screw.id]
    assert names.rows(ids=ids) == [("蓝莓",), ("十字螺丝",)]
    assert names.rows(ids=ids + [shop.blueberry.id]) == [("蓝莓",), ("十字螺丝",)]
    assert len(names._compiled) == 1
