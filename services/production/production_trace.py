"""Lot tracing through production, read from the ledger: a production document's moves into
production are the lots it used, its moves out of production are the lots it made.

backward: which component lots (and, at the end, which supplier deliveries) a lot came from;
forward: which lots were made from it and which customers got them (a recall list)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import peewee

from models import Document, Location, Lot, Move, Product
from services.catalog.products import get_product
from services.core.errors import NotFound

MAX_DEPTH = 12


@dataclass
class TraceNode:
    kind: str  # lot | made | used | received | sold
    sku: str
    name: str
    lot: str
    expiry: dt.date | None
    quantity: Decimal
    unit: str
    document: str
    day: dt.date | None
    partner: str
    children: list[TraceNode] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"kind": self.kind, "sku": self.sku, "name": self.name, "lot": self.lot,
                "expiry": self.expiry.isoformat() if self.expiry else None, "quantity": str(self.quantity),
                "unit": self.unit, "document": self.document, "date": self.day.isoformat() if self.day else None,
                "partner": self.partner, "children": [c.as_json() for c in self.children]}

    def lines(self, depth: int = 0) -> list[str]:
        """An indented text picture of the tree (CLI, messages)."""
        from services.core.messages import msg

        text = msg(f"trace.{self.kind}", sku=self.sku, name=self.name, lot=self.lot or "-", qty=self.quantity,
                   unit=self.unit, document=self.document, date=self.day or "", partner=self.partner or "")
        return ["  " * depth + text] + [line for c in self.children for line in c.lines(depth + 1)]


def _lot(sku: str, code: str) -> Lot:
    product = get_product(sku)
    lot = Lot.get_or_none((Lot.product == product.id) & (Lot.code == code.strip()))
    if lot is None:
        raise NotFound("lot.not_found", ref=f"{product.name} {code}")
    return lot


def _kinds() -> dict[int, str]:
    return dict(Location.select(Location.id, Location.kind).tuples())


def _moves(where) -> list[Move]:
    return list(Move.select(Move, Document, Product, Lot).join(Document).switch(Move).join(Product).switch(Move)
                .join(Lot, on=(Move.lot == Lot.id), join_type=peewee.JOIN.LEFT_OUTER).where(where).order_by(Move.id))


def _node(kind: str, m: Move) -> TraceNode:
    lot = m.lot if m.lot_id else None
    return TraceNode(kind, m.product.sku, m.product.name, lot.code if lot else "", lot.expiry_date if lot else None,
                     m.quantity, m.product.base_unit, m.document.number, m.move_date, m.document.partner)


def _root(lot: Lot) -> TraceNode:
    product = Product.get_by_id(lot.product_id)
    return TraceNode("lot", product.sku, product.name, lot.code, lot.expiry_date, Decimal(0), product.base_unit,
                     "", lot.received_date, "")


def _trace(sku: str, lot_code: str, backward: bool) -> TraceNode:
    """Walk from a lot through the production documents that made it (backward) or used it (forward)."""
    kinds = _kinds()

    def made_here(m: Move) -> bool:  # out of production into stock: a lot the document made
        return kinds[m.from_location_id] == "production" and kinds[m.to_location_id] not in ("production", "loss")

    def used_here(m: Move) -> bool:  # from stock into production: a lot the document used
        return kinds[m.to_location_id] == "production" and kinds[m.from_location_id] != "production"

    link, other = (made_here, used_here) if backward else (used_here, made_here)
    labels = ("made", "used") if backward else ("used", "made")
    lot = _lot(sku, lot_code)
    root = _root(lot)
    seen: set[int] = set()

    def walk(node: TraceNode, lot_id: int, depth: int) -> None:
        if depth > MAX_DEPTH or lot_id in seen:
            return
        seen.add(lot_id)
        product_id = Lot.select(Lot.product).where(Lot.id == lot_id)  # the moves' index is (product, lot)
        for m in _moves((Move.product == product_id) & (Move.lot == lot_id) & (Document.state == "posted")):
            if backward and kinds[m.from_location_id] == "supplier":
                node.children.append(_node("received", m))
            elif not backward and kinds[m.to_location_id] == "customer":
                node.children.append(_node("sold", m))
            elif link(m):
                step = _node(labels[0], m)
                node.children.append(step)
                for far in _moves(Move.document == m.document_id):
                    if other(far):
                        child = _node(labels[1], far)
                        step.children.append(child)
                        if far.lot_id:
                            walk(child, far.lot_id, depth + 1)

    walk(root, lot.id, 0)
    return root


def backward(sku: str, lot_code: str) -> TraceNode:
    """Where a lot came from: the production documents that made it, their component lots, and so on
    down to the deliveries."""
    return _trace(sku, lot_code, backward=True)


def forward(sku: str, lot_code: str) -> TraceNode:
    """Where a lot went: the lots made from it (and from those), and the customers who bought them."""
    return _trace(sku, lot_code, backward=False)
