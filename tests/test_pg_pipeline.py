"""A transaction on the server goes out as a pipeline (models/pg_pipeline.py): statements nobody reads
are sent without waiting. What a shop relies on must hold as before: a refusal still rolls the whole
transaction back, counted updates count, a savepoint still recovers, and the write lock still holds."""
from __future__ import annotations

from decimal import Decimal

import peewee
import pytest

from models import Barcode, Product, database, write_transaction
from services.stock import ledger
from tests.sales_shop import on_hand, stock_in

pytestmark = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


def _insert_codes(rows: list[tuple[str, int]]) -> None:
    """Barcodes by executemany: its answers are not read, so a refusal arrives later."""
    database.cursor().executemany("INSERT INTO barcode (code, product_id, kind) VALUES (%s, %s, 'free')", rows)


def test_a_refusal_nobody_read_still_rolls_the_whole_document_back(shop):
    """小美 receives 24 boxes of blueberries while, in the same transaction, a barcode already on the
    screws is written again: the server refuses it, and neither the receipt nor the code is kept."""
    with pytest.raises(peewee.IntegrityError), write_transaction():
        ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal(24), shop.supplier.id,
                                                                 shop.store.id)], key="rk-pipeline")
        _insert_codes([("SCREW-M4", shop.blueberry.id)])  # SCREW-M4 is the screw's: unique index
    assert on_hand(shop.blueberry) == 0
    assert not database.execute_sql("SELECT 1 FROM document WHERE \"key\" = 'rk-pipeline'").fetchall()
    stock_in(shop.owner, shop.blueberry, "10", shop.store)  # the connection goes on as before
    assert on_hand(shop.blueberry) == 10


def test_a_refusal_at_commit_is_an_integrity_error_and_nothing_is_kept(shop):
    """The last statement before COMMIT is refused: COMMIT's answer brings the refusal."""
    with pytest.raises(peewee.IntegrityError), write_transaction():
        _insert_codes([("6950000000017", shop.screw.id), ("6950000000017", shop.blueberry.id)])
    assert Barcode.select().where(Barcode.code == "6950000000017").count() == 0


def test_counted_updates_count_inside_the_pipeline(shop):
    """peewee's update().execute() returns the rows changed: guarded state changes depend on it."""
    with write_transaction():
        changed = Product.update(safety_stock=Decimal(5)).where(Product.id.in_([shop.blueberry.id, shop.screw.id])
                                                               ).execute()
        none = Product.update(safety_stock=Decimal(1)).where(Product.id == -1).execute()
    assert (changed, none) == (2, 0)


def test_a_savepoint_recovers_from_a_refusal_and_the_rest_is_committed(shop):
    """Inside one transaction a nested atomic() is refused and rolled back to its savepoint; what came
    before and after it is committed."""
    with write_transaction():
        _insert_codes([("6950000000024", shop.screw.id)])
        with pytest.raises(peewee.IntegrityError), database.atomic():
            _insert_codes([("SCREW-M4", shop.blueberry.id)])
            database.execute_sql("SELECT 1").fetchall()
        _insert_codes([("6950000000031", shop.screw.id)])
    codes = {b.code for b in Barcode.select().where(Barcode.product == shop.screw.id)}
    assert codes == {"SCREW-M4", "6950000000024", "6950000000031"}
