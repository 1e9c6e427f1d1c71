"""A posted document's audit event vouches for its moves and lots with the same text however it is
made: the digest written fast from the rows just inserted equals the JSON of the stored values that
chains written before were hashed over, and the lots' expiries the ledger already held equal the
stored ones. A lot's expiry is vouched for once, by the document that made it."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from models import AuditEvent
from services.core.audit_content import MOVE_COLUMNS, all_moves_digests, document_content, moves_digest
from services.stock import ledger
from services.stock.ledger import Line
from tests.conftest import D

ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
# what a move row holds (integers, NULL, the date as stored or as a date object), and values it does not hold
# but the digest must still write as their JSON (a cost as a Decimal, a text with a quote or a comma in it)
odd = st.one_of(st.decimals(allow_nan=False, allow_infinity=False, places=3),
                st.text(alphabet="ab, '(-)[0]N").filter(lambda text: text != "None"))
stored = st.one_of(st.none(), ints, dates.map(dt.date.isoformat))  # what SQLite gives back
rows = st.lists(st.tuples(*[st.one_of(stored, dates, odd)] * len(MOVE_COLUMNS)), max_size=30)


def _json_digest(moves) -> str:
    text = json.dumps([[None if v is None else str(v) for v in row] for row in moves], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@given(rows)
def test_the_digest_is_the_json_of_the_stored_values_it_always_was(moves):
    assert moves_digest(moves) == _json_digest(moves)


@given(st.lists(st.tuples(*[stored] * len(MOVE_COLUMNS)), min_size=1, max_size=30))
def test_rows_as_sqlite_stores_them_hash_as_their_json(moves):
    assert moves_digest(moves) == _json_digest(moves)
    assert moves_digest([list(row) for row in moves]) == _json_digest(moves), "rows as lists: the same text"


def test_receipt_and_sale_events_hold_what_the_database_reads_back(shop):
    bb = shop.blueberry  # shelf life 7 days: the receipt makes a lot, the sale takes from two
    ledger.post_document(shop.owner, "receipt", [Line(bb.id, D("5"), shop.supplier.id, shop.store.id,
                                                      lot_code="A", expiry=dt.date(2026, 12, 9))])
    ledger.post_document(shop.owner, "receipt", [Line(bb.id, D("4"), shop.supplier.id, shop.store.id)])
    sale = ledger.post_document(shop.owner, "sale", [Line(bb.id, D("7"), shop.store.id, shop.customer.id)])
    stored = dict(all_moves_digests())
    events = AuditEvent.select().where(AuditEvent.action.startswith("doc.post.")).order_by(AuditEvent.id)
    assert len(events) == 3
    for event in events:
        content = json.loads(event.new)
        read_back = document_content(int(event.entity_id))  # moves and expiries read from the database
        assert (content["moves"], content["lots"]) == (stored[int(event.entity_id)], read_back["lots"])
    made = [json.loads(event.new)["lots"] for event in events]
    assert int(events[-1].entity_id) == sale.document_id
    assert [sorted(lots.values()) for lots in made] == [["2026-12-09"], ["2026-12-13"], []], \
        "each receipt vouches for the lot it made (A, then today's + 7 days); the sale of 5 + 2 makes none"
