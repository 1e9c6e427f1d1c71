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
from services.errors import NotFound
from services.products import get_product

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
        from services.messages import msg

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


def backward(sku: str, lot_code: str) -> TraceNode:
    """Where a lot came from: the production documents that made it, their component lots, and so on
    down to the deliveries."""
    kinds = _kinds()
    root = _root(_lot(sku, lot_code))
    seen: set[int] = set()

    def walk(node: TraceNode, lot_id: int, depth: int) -> None:
        if depth > MAX_DEPTH or lot_id in seen:
            return
        seen.add(lot_id)
        for m in _moves((Move.lot == lot_id) & (Document.state == "posted")):
            source = kinds[m.from_location_id]
            if source == "supplier":
                node.children.append(_node("received", m))
            elif source == "production" and kinds[m.to_location_id] not in ("production", "loss"):
                made = _node("made", m)
                node.children.append(made)
                for used in _moves((Move.document == m.document_id) & (Move.to_location.in_(
                        [i for i, k in kinds.items() if k == "production"]))):
                    if kinds[used.from_location_id] == "production":
                        continue
                    child = _node("used", used)
                    made.children.append(child)
                    if used.lot_id:
                        walk(child, used.lot_id, depth + 1)

    walk(root, _lot(sku, lot_code).id, 0)
    return root


def forward(sku: str, lot_code: str) -> TraceNode:
    """Where a lot went: the lots made from it (and from those), and the customers who bought them."""
    kinds = _kinds()
    root = _root(_lot(sku, lot_code))
    seen: set[int] = set()

    def walk(node: TraceNode, lot_id: int, depth: int) -> None:
        if depth > MAX_DEPTH or lot_id in seen:
            return
        seen.add(lot_id)
        for m in _moves((Move.lot == lot_id) & (Document.state == "posted")):
            target = kinds[m.to_location_id]
            if target == "customer":
                node.children.append(_node("sold", m))
            elif target == "production" and kinds[m.from_location_id] != "production":
                used = _node("used", m)
                node.children.append(used)
                for made in _moves((Move.document == m.document_id) & (Move.from_location.in_(
                        [i for i, k in kinds.items() if k == "production"]))):
                    if kinds[made.to_location_id] in ("production", "loss"):
                        continue
                    child = _node("made", made)
                    used.children.append(child)
                    if made.lot_id:
                        walk(child, made.lot_id, depth + 1)

    walk(root, _lot(sku, lot_code).id, 0)
    return root
