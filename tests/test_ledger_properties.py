"""Property test: whatever documents a shop posts, reverses or reserves, the ledger holds.

Invariants after every step: balance == sum of moves for every row (check), no negative
on hand, the model's expected stock per product/location matches, a refused document
changes nothing, available = on hand − active reservations and never goes negative.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from models import Document, Location, open_database
from models.db import close_database
from services.catalog import locations, products
from services.core.clock import now, today
from services.core.errors import DocumentStateError, StockError
from services.shop.setup import initialise
from services.stock import ledger, reservations, reversal, stock
from services.stock.integrity import run_check
from services.stock.ledger import Line

quantities = st.integers(min_value=1, max_value=40_000).map(lambda n: Decimal(n) / 1000)  # 0.001 .. 40


class LedgerMachine(RuleBasedStateMachine):
    def shop_target(self) -> str:
        return ":memory:"  # tests/test_pg_ledger_properties.py runs the same machine on PostgreSQL

    @initialize()
    def open_shop(self):
        close_database()
        open_database(self.shop_target())
        self.owner = initialise()
        self.products = [
            products.save_product(self.owner, products.ProductInput(name="草莓", shelf_life_days=3)).id,
            products.save_product(self.owner, products.ProductInput(name="扳手")).id,
        ]
        store = locations.default_store()
        self.shelf = Location.create(code="A1", name="货架A1", kind="shelf", parent=store).id
        self.store = store.id
        self.supplier = locations.virtual("supplier").id
        self.customer = locations.virtual("customer").id
        self.loss = locations.virtual("loss").id
        self.expected: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
        self.documents: list[tuple[str, list[tuple[int, int, Decimal]]]] = []  # number, signed changes
        self.reservation_owners: list[str] = []

    def _apply(self, changes):
        for product_id, location_id, qty in changes:
            self.expected[(product_id, location_id)] += qty

    def _post(self, doc_type, lines, changes):
        before = Document.select().count()
        try:
            result = ledger.post_document(self.owner, doc_type, lines)
        except StockError:
            assert Document.select().count() == before, "a refused document must leave nothing behind"
            return
        self._apply(changes)
        self.documents.append((result.number, changes))

    @rule(p=st.integers(0, 1), qty=quantities, days=st.integers(-2, 10), to_shelf=st.booleans())
    def receive(self, p, qty, days, to_shelf):
        target = self.shelf if to_shelf else self.store
        expiry = today() + dt.timedelta(days=days)
        self._post("receipt", [Line(self.products[p], qty, self.supplier, target, expiry=expiry)],
                   [(self.products[p], target, qty)])

    @rule(p=st.integers(0, 1), qty=quantities, from_shelf=st.booleans())
    def sell(self, p, qty, from_shelf):
        source = self.shelf if from_shelf else self.store
        self._post("sale", [Line(self.products[p], qty, source, self.customer)], [(self.products[p], source, -qty)])

    @rule(p=st.integers(0, 1), qty=quantities)
    def write_off(self, p, qty):
        self._post("loss", [Line(self.products[p], qty, self.store, self.loss)], [(self.products[p], self.store, -qty)])

    @rule(p=st.integers(0, 1), qty=quantities)
    def move_to_shelf(self, p, qty):
        pid = self.products[p]
        self._post("transfer", [Line(pid, qty, self.store, self.shelf)], [(pid, self.store, -qty), (pid, self.shelf, qty)])

    @precondition(lambda self: self.documents)
    @rule(index=st.integers(0, 10_000))
    def reverse(self, index):
        number, changes = self.documents.pop(index % len(self.documents))
        try:
            reversal.reverse_document(self.owner, number, "property test")
        except StockError:
            self.documents.append((number, changes))  # still reversible later, maybe
            return
        except DocumentStateError:
            raise AssertionError(f"{number} was reversed twice") from None
        self._apply([(p, loc, -q) for p, loc, q in changes])

    @rule(p=st.integers(0, 1), qty=quantities, expired=st.booleans())
    def reserve(self, p, qty, expired):
        owner = f"order-{len(self.reservation_owners)}"
        until = now() - dt.timedelta(minutes=1) if expired else None
        try:
            reservations.reserve(self.owner, owner, self.products[p], self.store, qty, expires_at=until)
        except StockError:
            return
        self.reservation_owners.append(owner)

    @precondition(lambda self: self.reservation_owners)
    @rule(index=st.integers(0, 10_000))
    def release(self, index):
        owner = self.reservation_owners.pop(index % len(self.reservation_owners))
        reservations.release(self.owner, owner)

    @invariant()
    def ledger_and_balances_agree(self):
        if not hasattr(self, "owner"):
            return
        report = run_check()
        assert report.ok, report.text()
        actual: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
        for row in stock.stock_rows():
            assert row.on_hand >= 0
            assert row.available == row.on_hand - row.reserved
            actual[(row.product_id, row.location_id)] += row.on_hand
        expected = {k: v for k, v in self.expected.items() if v}
        assert {k: v for k, v in actual.items() if v} == expected

    def teardown(self):
        close_database()


TestLedgerMachine = LedgerMachine.TestCase
TestLedgerMachine.settings = settings(max_examples=60, stateful_step_count=25, deadline=None,
                                      suppress_health_check=[HealthCheck.too_slow])
