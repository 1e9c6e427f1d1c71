"""Production orders: states declared as data, guarded and audited.

draft → released → in_progress → done, or cancelled from any open state. Creating an order plans
its components from the product's active BOM (services.production.bom_explode.plan_components). Releasing
reserves them FEFO at the store under the owner key mo:NUMBER — what the shelf holds, the rest is a
shortage (services.production.production_shortage turns it into purchase drafts). The first work report or
sending the components to a subcontractor moves it to in_progress; completion
(services.production_complete) posts the ledger and is the only way to done.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models import Product, Reservation, write_transaction
from models.production import ProductionLine, ProductionOrder, ProductionStep
from models.purchasing import Supplier
from services.catalog.locations import default_store
from services.core import audit
from services.core.clock import now
from services.core.doc_states import StateMachine, Transition, worded
from services.core.errors import NotFound, ValidationError
from services.core.messages import msg
from services.core.numbers import normalise_text, to_decimal
from services.core.permissions import require
from services.production.bom import active_bom, step_names
from services.production.bom_explode import plan_components
from services.stock.fefo import allocate_fefo, free_stock
from services.stock.numbering import next_number
from services.stock.reservations import held_by_owner

NUMBER_PREFIX = {"make": "SCD", "disassembly": "CJD"}
STATES = ("draft", "released", "in_progress", "done", "cancelled")
OPEN_STATES = frozenset({"draft", "released", "in_progress"})
RESERVING_STATES = frozenset({"released", "in_progress"})
DEFAULT_STEP = "生产"

ORDER_STATES = StateMachine(
    ProductionOrder, "production_order", "production", STATES, worded("production.state"), {
        "release": Transition("release", frozenset({"draft"}), "released", "production.edit"),
        "start": Transition("start", frozenset({"released"}), "in_progress", "production.report"),
        "complete": Transition("complete", frozenset({"released", "in_progress"}), "done", "doc.production"),
        "cancel": Transition("cancel", OPEN_STATES, "cancelled", "production.edit"),
        # guarded actions that keep the state
        "report": Transition("report", RESERVING_STATES, None, "production.report"),
        "send": Transition("send", RESERVING_STATES, None, "production.edit"),
        "reserve": Transition("reserve", RESERVING_STATES, None, "production.edit"),
        "draft_purchase": Transition("draft_purchase", OPEN_STATES, None, "purchase.edit"),
    }, refused="production.bad_state", action_word=worded("production.action"))


def owner_key(number: str) -> str:
    return f"mo:{number}"


def parse_quantity(value: object, field: str) -> Decimal:
    """A typed quantity ≥ 0 with at most 3 decimals (blank = 0), or a clear message."""
    return to_decimal(value, field, places=3, default=Decimal(0))


# -- reading ----------------------------------------------------------------------------------

def get_order(ref: str | int) -> ProductionOrder:
    order = (ProductionOrder.get_or_none(ProductionOrder.id == ref) if isinstance(ref, int)
             else ProductionOrder.get_or_none(ProductionOrder.number == normalise_text(ref)))
    if order is None:
        raise NotFound("production.not_found", ref=ref)
    return order


@dataclass(frozen=True)
class OrderLineRow:
    line_no: int
    product_id: int
    sku: str
    name: str
    unit: str
    role: str  # consume | by_product | output
    planned: Decimal
    reserved: Decimal  # held for this order now
    actual: Decimal | None
    cost_share: Decimal

    def as_json(self) -> dict:
        return {"sku": self.sku, "name": self.name, "unit": self.unit, "role": self.role,
                "planned": str(self.planned), "reserved": str(self.reserved),
                "actual": None if self.actual is None else str(self.actual)}


def reserved_by_line(order: ProductionOrder) -> dict[int, Decimal]:
    """product → quantity reserved for this order now (active reservations of mo:NUMBER)."""
    return held_by_owner(owner_key(order.number))


def order_lines(ref: str | int) -> list[OrderLineRow]:
    order = get_order(ref)
    reserved = reserved_by_line(order)
    return [OrderLineRow(ln.line_no, ln.product_id, ln.product.sku, ln.product.name, ln.product.base_unit, ln.role,
                         ln.planned, reserved.get(ln.product_id, Decimal(0)) if ln.role == "consume" else Decimal(0),
                         ln.actual, ln.cost_share)
            for ln in (ProductionLine.select(ProductionLine, Product).join(Product)
                       .where(ProductionLine.order == order.id).order_by(ProductionLine.line_no))]


def next_actions(ref: str | int, user) -> list[str]:
    """The buttons `user` may press on this order now."""
    order = get_order(ref)
    return ORDER_STATES.available(
        order, user, ("release", "complete", "cancel", "report", "send"),
        also=lambda name: name != "send" or bool(order.subcontractor_id and order.sent_document_id is None))


# -- transitions ------------------------------------------------------------------------------

def _subassembly_stock(product_id: int) -> dict[int, Decimal]:
    """Available stock at the store of every product in the BOM tree that has its own BOM."""
    from services.production.bom_explode import _Walker

    walker, found, todo = _Walker(), {}, [product_id]
    while todo:
        pid = todo.pop()
        for ln in walker.lines(pid):
            if not ln.by_product and ln.component_id not in found and walker.lines(ln.component_id):
                found[ln.component_id] = available_at_store(ln.component_id)
                todo.append(ln.component_id)
    return found


def available_at_store(product_id: int, except_owner: str | None = None) -> Decimal:
    """Unexpired, unreserved stock of a product at the store."""
    return free_stock(product_id, default_store().id, except_owner=except_owner)


def _write_lines(order_id: int, planned: list[tuple[int, Decimal, str, Decimal]]) -> None:
    ProductionLine.delete().where(ProductionLine.order == order_id).execute()
    for n, (pid, qty, role, share) in enumerate(planned, 1):
        ProductionLine.create(order=order_id, line_no=n, product=pid, role=role, planned=qty, cost_share=share)


def _write_steps(order_id: int, names: list[str], outsourced: bool) -> None:
    for position, name in enumerate(names, 1):
        ProductionStep.create(order=order_id, position=position, name=name, outsourced=outsourced)


def create_order(actor, product_ref: int | str, quantity: object, *, planned_date: dt.date | None = None,
                 steps: list[str] | None = None, subcontractor: int | str | None = None, fee_per_unit: object = 0,
                 sales_order_id: int | None = None, note: str = "", use_stock_of_subassemblies: bool = True,
                 at: dt.datetime | None = None) -> ProductionOrder:
    """A draft order to make `quantity` base units of a product from its active BOM; its components
    are planned now. `subcontractor` (a supplier) makes it outsourced (委外) for `fee_per_unit`."""
    from services.catalog.products import get_product

    require(actor, "production.edit")
    product = get_product(product_ref)
    qty = parse_quantity(quantity, "生产数量")
    if qty <= 0:
        raise ValidationError("value.not_positive", field="生产数量", value=quantity)
    bom = active_bom(product.id)
    if bom is None:
        raise NotFound("bom.no_active", product=product.name)
    supplier = _subcontractor(subcontractor)
    fee = to_decimal(fee_per_unit, "加工费", places=4, default=Decimal(0))
    names = [n for n in (" ".join(s.split()) for s in (steps if steps is not None else step_names(bom))) if n]
    stock = _subassembly_stock(product.id) if use_stock_of_subassemblies else {}
    planned = plan_components(product.id, qty, stock)
    at = at or now()
    with write_transaction():
        location = _subcontract_location(actor, supplier) if supplier else None
        order = ProductionOrder.create(
            number=next_number(NUMBER_PREFIX["make"], at.date()), kind="make", product=product.id, bom=bom.id,
            quantity=qty, state="draft", planned_date=planned_date, subcontractor=supplier.id if supplier else None,
            subcontract_location=location.id if location else None, fee_per_unit=fee, sales_order=sales_order_id,
            note=normalise_text(note), created_by=actor.id, created_at=at, updated_at=at)
        _write_lines(order.id, [(p.product_id, p.quantity, p.role, Decimal(0)) for p in planned])
        _write_steps(order.id, names or [DEFAULT_STEP], bool(supplier))
        audit.record(actor, "production.create", "production_order", order.id,
                     new={"number": order.number, "product": product.sku, "quantity": str(qty),
                          "bom": f"v{bom.version}", "subcontractor": supplier.code if supplier else ""})
    return get_order(order.id)


def _subcontractor(ref: int | str | None) -> Supplier | None:
    if ref in (None, ""):
        return None
    from services.purchasing.suppliers import get_supplier

    return get_supplier(ref)


def _subcontract_location(actor, supplier: Supplier):
    """The location holding our stock at a subcontractor (WW-code), created the first time."""
    from models import Location

    code = f"WW-{supplier.code}"
    location = Location.get_or_none(Location.code == code)
    if location is None:
        location = Location.create(code=code, name=msg("production.subcontract_location", name=supplier.name),
                                   kind="subcontractor")
        audit.record(actor, "location.create", "location", location.id, new={"code": code, "kind": "subcontractor"})
    return location


def reserve_missing(actor, order: ProductionOrder) -> dict[int, Decimal]:
    """Top up the order's reservation of each consumed component towards its planned quantity, FEFO
    over what is free at the store (inside the caller's transaction); returns product → still short."""
    store = default_store()
    owner = owner_key(order.number)
    held = reserved_by_line(order)
    short: dict[int, Decimal] = {}
    if order.sent_document_id is not None:  # the components are at the subcontractor: nothing to hold here
        return short
    for ln in ProductionLine.select().where((ProductionLine.order == order.id) & (ProductionLine.role == "consume")):
        wanted = ln.planned - held.get(ln.product_id, Decimal(0))
        if wanted <= 0:
            continue
        free = available_at_store(ln.product_id)
        take = min(wanted, free)
        if take > 0:
            for lot_id, qty in allocate_fefo(ln.product_id, store.id, take):
                Reservation.create(product=ln.product_id, lot=lot_id, location=store.id, quantity=qty, owner=owner,
                                   created_by=actor.id)
        if wanted > take:
            short[ln.product_id] = wanted - take
    return short


def release(actor, number: str) -> ProductionOrder:
    """draft → released: the components are reserved (what the store holds); shortages stay listed."""
    require(actor, ORDER_STATES.transitions["release"].permission)
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "release")
        short = reserve_missing(actor, order)
        audit.record(actor, "reservation.create", "reservation", owner_key(order.number),
                     new={"short": {str(k): str(v) for k, v in short.items()}})
        return ORDER_STATES.apply(actor, order, "release")


def top_up(actor, number: str) -> dict[int, Decimal]:
    """补预占: after goods arrived, reserve what the order still lacks; returns what is still short."""
    require(actor, "production.edit")
    with write_transaction():
        order = get_order(number)
        ORDER_STATES.check(order, "reserve")
        short = reserve_missing(actor, order)
        audit.record(actor, "production.top_up", "production_order", order.id,
                     new={"short": {str(k): str(v) for k, v in short.items()}})
    return short


def start(actor, order: ProductionOrder, reason: str = "") -> ProductionOrder:
    """released → in_progress (the first work report or sending to the subcontractor; in the caller's transaction)."""
    if order.state == "released":
        return ORDER_STATES.apply(actor, order, "start", reason=reason)
    return order


def release_reservations(actor, order: ProductionOrder, reason: str) -> int:
    count = (Reservation.update(released_at=now())
             .where((Reservation.owner == owner_key(order.number)) & Reservation.released_at.is_null()).execute())
    if count:
        audit.record(actor, "reservation.release", "reservation", owner_key(order.number), old="active",
                     new="released", reason=reason)
    return count


# -- listing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProductionRow:
    id: int
    number: str
    kind: str
    product_id: int
    sku: str
    name: str
    unit: str
    quantity: Decimal
    state: str
    state_label: str
    planned_date: dt.date | None
    subcontractor: str
    sales_order: str
    good_quantity: Decimal | None
    created_at: dt.datetime

    def as_json(self) -> dict:
        return {"number": self.number, "kind": self.kind, "sku": self.sku, "name": self.name,
                "quantity": str(self.quantity), "unit": self.unit, "state": self.state,
                "state_label": self.state_label,
                "planned_date": self.planned_date.isoformat() if self.planned_date else None,
                "subcontractor": self.subcontractor or None, "sales_order": self.sales_order or None,
                "good_quantity": None if self.good_quantity is None else str(self.good_quantity)}


def list_orders(state: str | None = None, kind: str | None = None, text: str = "",
                limit: int | None = None, done_since: dt.datetime | None = None) -> list[ProductionRow]:
    """Orders, newest first, filtered in SQL; `done_since`: open orders plus those finished or
    cancelled since then (the board)."""
    from models import SalesOrder

    if state and state not in STATES:
        raise ValidationError("production.unknown_state", field="状态", state=state, states=", ".join(STATES))
    query = ProductionOrder.select(ProductionOrder, Product).join(Product).switch(ProductionOrder)
    if state:
        query = query.where(ProductionOrder.state == state)
    if done_since is not None:
        query = query.where(ProductionOrder.state.in_(list(OPEN_STATES)) | (ProductionOrder.updated_at >= done_since))
    if kind:
        query = query.where(ProductionOrder.kind == kind)
    needle = normalise_text(text)
    if needle:
        query = query.where(ProductionOrder.number.contains(needle) | Product.name.contains(needle)
                            | Product.sku.contains(needle))
    query = query.order_by(ProductionOrder.created_at.desc(), ProductionOrder.id.desc())
    if limit:
        query = query.limit(limit)
    orders = list(query)
    subcontractors = dict(Supplier.select(Supplier.id, Supplier.name).where(
        Supplier.id.in_({o.subcontractor_id for o in orders if o.subcontractor_id})).tuples())
    sales = dict(SalesOrder.select(SalesOrder.id, SalesOrder.number).where(
        SalesOrder.id.in_({o.sales_order_id for o in orders if o.sales_order_id})).tuples())
    return [ProductionRow(o.id, o.number, o.kind, o.product_id, o.product.sku, o.product.name, o.product.base_unit,
                          o.quantity, o.state, ORDER_STATES.label(o.state), o.planned_date,
                          subcontractors.get(o.subcontractor_id, ""), sales.get(o.sales_order_id, ""),
                          o.good_quantity, o.created_at) for o in orders]


@dataclass(frozen=True)
class OrderHeader:
    """What the order's detail pane shows above its lines (plain data for the window)."""

    row: ProductionRow
    fee_per_unit: Decimal
    note: str
    sent_document: str  # components sent to the subcontractor, '' = not yet
    document: str  # the completion's production document, '' = not done
    scrap_quantity: Decimal | None
    lot_code: str
    unit_cost: Decimal | None
    cancel_reason: str


def order_header(ref: str | int) -> OrderHeader:
    order = get_order(ref)
    row = next(r for r in list_orders(text=order.number) if r.id == order.id)
    return OrderHeader(row, order.fee_per_unit, order.note,
                       order.sent_document.number if order.sent_document_id else "",
                       order.document.number if order.document_id else "", order.scrap_quantity,
                       order.finished_lot.code if order.finished_lot_id else "", order.unit_cost,
                       order.cancel_reason)
