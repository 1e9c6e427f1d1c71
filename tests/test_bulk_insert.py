"""Multi-row INSERTs (services.core.bulk_insert.insert_values), which write a document's moves and balances:
every row lands once, in order, whatever the count, on SQLite and PostgreSQL."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from models import Balance, Move, database
from services.core.bulk_insert import VALUES_ROWS, values_sizes
from services.stock import ledger
from services.stock.stock import on_hand_by_product


@given(st.integers(min_value=0, max_value=20_000))
def test_the_statements_carry_every_row_once_in_few_texts(count):
    sizes = values_sizes(count)
    assert sum(sizes) == count
    assert all(size == VALUES_ROWS or (size < VALUES_ROWS and size & (size - 1) == 0) for size in sizes)
    rest = [size for size in sizes if size != VALUES_ROWS]
    assert len(rest) == len(set(rest)) <= VALUES_ROWS.bit_length() - 1  # one statement per power of two at most


def _products(owner, count: int) -> list[int]:
    from services.catalog import products

    return [products.save_product(owner, products.ProductInput(name=f"货品{i}", sku=f"B{i:04d}", cost="2",
                                                               price="3")).id for i in range(count)]


def test_a_document_of_any_length_writes_each_line_once_and_in_order(engine, db, shop):
    """1, 127, 128, 129 and 300 lines: the edges of a statement's rows, and several statements."""
    ids, counts = _products(db, 300), (1, 127, 128, 129, 300)
    for count in counts:
        lines = [ledger.Line(pid, Decimal(n + 1), shop.supplier.id, shop.store.id) for n, pid in enumerate(ids[:count])]
        posted = ledger.post_document(db, "receipt", lines, key=f"bulk:{count}")
        rows = list(Move.select(Move.line_no, Move.product, Move.quantity).where(Move.document == posted.document_id)
                    .order_by(Move.line_no).tuples())
        assert rows == [(n + 1, pid, Decimal(n + 1)) for n, pid in enumerate(ids[:count])]
    stock = on_hand_by_product(shop.store.id)
    for n, pid in enumerate(ids):  # line n + 1 of every document at least n + 1 lines long: n + 1 each
        assert stock[pid] == (n + 1) * sum(1 for count in counts if count > n)


def test_balances_read_before_are_changed_in_place_and_new_ones_added(engine, db, shop):
    """A sale changes the balance rows the receipt made, by their id; a transfer to a new place adds rows; a
    balance sold to zero (not read by the next receipt) is found by its key: no row is ever duplicated."""
    from services.catalog import locations

    ids = _products(db, 200)
    store, back = shop.store.id, locations.create_location(db, "B2", "后仓", "warehouse").id

    def balances(place: int) -> dict[int, tuple[int, Decimal]]:
        return {row.product_id: (row.id, row.quantity) for row in Balance.select().where(Balance.location == place)}

    ledger.post_document(db, "receipt", [ledger.Line(pid, Decimal(10), shop.supplier.id, store) for pid in ids])
    made = {pid: row for pid, (row, _) in balances(store).items()}
    ledger.post_document(db, "sale", [ledger.Line(pid, Decimal(3), store, shop.customer.id) for pid in ids])
    assert balances(store) == {pid: (made[pid], Decimal(7)) for pid in ids}
    ledger.post_document(db, "transfer", [ledger.Line(pid, Decimal(7), store, back) for pid in ids])
    assert balances(store) == {pid: (made[pid], Decimal(0)) for pid in ids}
    assert {pid: quantity for pid, (_, quantity) in balances(back).items()} == {pid: Decimal(7) for pid in ids}
    ledger.post_document(db, "receipt", [ledger.Line(pid, Decimal(4), shop.supplier.id, store) for pid in ids])
    assert balances(store) == {pid: (made[pid], Decimal(4)) for pid in ids}
    assert Balance.select().where(Balance.product.in_(ids)).count() == 2 * len(ids)
    assert database.execute_sql("SELECT COUNT(*) FROM move").fetchone()[0] == 4 * len(ids)
