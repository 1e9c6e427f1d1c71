"""Disassembly (拆卸): one product split into several — a case of 12 into packs, a whole melon into
portions — as a production order of kind 'disassembly' (same states, board, release and cancel).

A recipe says what one base unit yields and how its cost is split:
  share     each output takes a fixed percent of the cost (the percents add up to 100);
  price     in proportion to the outputs' selling value (price × quantity made);
  quantity  in proportion to the base units made.
Completion posts ONE 'production' document: the source lots (FEFO) from the store into
production, the outputs from production into the store as new lots that expire no later than the
source lot (nor later than their own shelf life), each at its share of the source's cost."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import Lot, Product, write_transaction
from models.production import DisassemblyOutput, DisassemblyRecipe, ProductionLine, ProductionOrder
from services.catalog.locations import default_store, virtual
from services.core import audit
from services.core.clock import now, today
from services.core.errors import NotFound, ValidationError
from services.core.messages import msg
from services.core.numbers import HUNDRED, MONEY_STEP, QTY_STEP, ZERO, fmt_qty, normalise_text
from services.core.permissions import require
from services.production.production_orders import (
    ORDER_STATES,
    _write_lines,
    _write_steps,
    available_at_store,
    get_order,
    owner_key,
    parse_quantity,
    release_reservations,
)
from services.stock.costing import moving_average_costs, record_costs
from services.stock.expiry import shelf_life_expiry
from services.stock.fefo import allocate_fefo
from services.stock.ledger import Line, post_document
from services.stock.numbering import next_number

COST_RULES = ("share", "price", "quantity")
STEP_NAME = "拆卸"


@dataclass(frozen=True)
class OutputInput:
    product_id: int
    quantity: object  # per one base unit of the source
    cost_share: object = 0  # percent, for the share rule


@dataclass(frozen=True)
class RecipeOutput:
    product_id: int
    sku: str
    name: str
    unit: str
    quantity: Decimal
    cost_share: Decimal
    price: Decimal


@dataclass(frozen=True)
class Recipe:
    product_id: int
    sku: str
    name: str
    unit: str
    cost_rule: str
    outputs: list[RecipeOutput]


def _clean_outputs(source: Product, outputs: list[OutputInput], rule: str) -> list[tuple[Product, Decimal, Decimal]]:
    if rule not in COST_RULES:
        raise ValidationError("disassembly.bad_rule", field="成本分摊", rule=rule, rules=", ".join(COST_RULES))
    if not outputs:
        raise ValidationError("disassembly.no_outputs", field="拆出商品")
    clean, seen = [], set()
    for out in outputs:
        product = Product.get_or_none(Product.id == out.product_id)
        if product is None:
            raise NotFound("product.not_found", ref=out.product_id)
        if product.id == source.id:
            raise ValidationError("disassembly.self", field="拆出商品", product=source.name)
        if product.id in seen:
            raise ValidationError("disassembly.repeated", field="拆出商品", product=product.name)
        seen.add(product.id)
        qty = parse_quantity(out.quantity, f"{product.name} 的数量")
        if qty <= 0:
            raise ValidationError("value.not_positive", field=f"{product.name} 的数量", value=out.quantity)
        share = parse_quantity(out.cost_share, f"{product.name} 的成本比例")
        if rule == "price" and product.price <= 0:
            raise ValidationError("disassembly.no_price", field="成本分摊", product=product.name)
        clean.append((product, qty, share))
    if rule == "share" and sum(share for _, _, share in clean) != HUNDRED:
        raise ValidationError("disassembly.shares", field="成本比例",
                              total=fmt_qty(sum(share for _, _, share in clean)))
    return clean


def save_recipe(actor, product_ref: int | str, outputs: list[OutputInput], cost_rule: str = "price") -> Recipe:
    """Save how one base unit of the product splits (replaces its previous recipe)."""
    from services.catalog.products import get_product

    require(actor, "bom.edit")
    source = get_product(product_ref)
    clean = _clean_outputs(source, outputs, cost_rule)
    with write_transaction():
        recipe, _ = DisassemblyRecipe.get_or_create(product=source.id, defaults={"cost_rule": cost_rule})
        DisassemblyOutput.delete().where(DisassemblyOutput.recipe == recipe.id).execute()
        DisassemblyRecipe.update(cost_rule=cost_rule, updated_at=now()).where(
            DisassemblyRecipe.id == recipe.id).execute()
        for position, (product, qty, share) in enumerate(clean, 1):
            DisassemblyOutput.create(recipe=recipe.id, position=position, product=product.id, quantity=qty,
                                     cost_share=share)
        audit.record(actor, "disassembly.recipe", "product", source.sku,
                     new={"rule": cost_rule, "outputs": [(p.sku, str(q), str(s)) for p, q, s in clean]})
    return get_recipe(source.id)


def get_recipe(product_ref: int | str) -> Recipe:
    from services.catalog.products import get_product

    source = get_product(product_ref)
    recipe = DisassemblyRecipe.get_or_none(DisassemblyRecipe.product == source.id)
    if recipe is None:
        raise NotFound("disassembly.no_recipe", product=source.name)
    outputs = [RecipeOutput(o.product_id, o.product.sku, o.product.name, o.product.base_unit, o.quantity,
                            o.cost_share, o.product.price)
               for o in (DisassemblyOutput.select(DisassemblyOutput, Product).join(Product)
                         .where(DisassemblyOutput.recipe == recipe.id).order_by(DisassemblyOutput.position))]
    return Recipe(source.id, source.sku, source.name, source.base_unit, recipe.cost_rule, outputs)


def recipes() -> list[Recipe]:
    return [get_recipe(pid) for (pid,) in DisassemblyRecipe.select(DisassemblyRecipe.product).tuples()]


def planned_yield(recipe: Recipe, quantity: Decimal) -> list[tuple[RecipeOutput, Decimal]]:
    """What `quantity` base units of the source should give, per output (3 decimals)."""
    return [(o, (o.quantity * quantity).quantize(QTY_STEP)) for o in recipe.outputs]


def create_disassembly(actor, product_ref: int | str, quantity: object, *, note: str = "",
                       at: dt.datetime | None = None) -> ProductionOrder:
    """A draft disassembly order for `quantity` base units of the product, outputs from its recipe."""
    require(actor, "production.edit")
    recipe = get_recipe(product_ref)
    qty = parse_quantity(quantity, "拆卸数量")
    if qty <= 0:
        raise ValidationError("value.not_positive", field="拆卸数量", value=quantity)
    at = at or now()
    with write_transaction():
        order = ProductionOrder.create(
            number=next_number("CJD", at.date()), kind="disassembly", product=recipe.product_id, quantity=qty,
            state="draft", cost_rule=recipe.cost_rule, note=normalise_text(note), created_by=actor.id,
            created_at=at, updated_at=at)
        _write_lines(order.id, [(recipe.product_id, qty, "consume", ZERO)]
                     + [(o.product_id, planned, "output", o.cost_share) for o, planned in planned_yield(recipe, qty)])
        _write_steps(order.id, [STEP_NAME], False)
        audit.record(actor, "production.create", "production_order", order.id,
                     new={"number": order.number, "kind": "disassembly", "product": recipe.sku, "quantity": str(qty)})
    return get_order(order.id)


def split_cost(total: Decimal, outputs: list[tuple[Product, Decimal, Decimal]], rule: str) -> dict[int, Decimal]:
    """product → unit cost so that Σ qty × unit cost ≈ total, weighted by the rule."""
    weights = {p.id: (share if rule == "share" else p.price * qty if rule == "price" else qty)
               for p, qty, share in outputs}
    whole = sum(weights.values(), ZERO)
    if whole <= 0:
        raise ValidationError("disassembly.no_weight", field="成本分摊")
    return {p.id: (total * weights[p.id] / whole / qty).quantize(MONEY_STEP, ROUND_HALF_UP)
            for p, qty, _ in outputs if qty > 0}


def complete_disassembly(actor, number: str, actual: dict[int, object] | None = None,
                         on: dt.date | None = None) -> str:
    """released/in_progress → done: post the split (see the module). `actual` = output product id →
    quantity really obtained (default: the planned yield). Returns the document number."""
    require(actor, ORDER_STATES.transitions["complete"].permission)
    day = on or today()
    with write_transaction():
        order = get_order(number)
        if order.kind != "disassembly":
            raise ORDER_STATES.refusal(order, "complete")
        ORDER_STATES.check(order, "complete")
        source = Product.get_by_id(order.product_id)
        planned = list(ProductionLine.select().where((ProductionLine.order == order.id)
                                                     & (ProductionLine.role == "output")).order_by(ProductionLine.line_no))
        got = {ln.product_id: ln.planned for ln in planned} if actual is None else {
            int(pid): parse_quantity(q, "拆出数量") for pid, q in actual.items()}
        products = {p.id: p for p in Product.select().where(Product.id.in_([ln.product_id for ln in planned]))}
        outputs = [(products[ln.product_id], got.get(ln.product_id, ZERO), ln.cost_share) for ln in planned]
        if not any(qty > 0 for _, qty, _ in outputs):
            raise ValidationError("production.nothing_made", field="拆出数量")
        store, production = default_store().id, virtual("production").id
        picks = allocate_fefo(source.id, store, order.quantity, on=day, except_owner=owner_key(order.number))
        expiries = [e for (e,) in Lot.select(Lot.expiry_date).where(
            Lot.id.in_([lot for lot, _ in picks if lot])).tuples() if e]
        costs = split_cost(order.quantity * source.cost, outputs, order.cost_rule)
        lines = [Line(source.id, q, store, production, lot_id=lot) for lot, q in picks]
        for product, qty, _ in outputs:
            if qty <= 0:
                continue
            own = shelf_life_expiry(product.shelf_life_days, day)
            limits = [*expiries, *([own] if own else [])]
            lines.append(Line(product.id, qty, production, store, lot_code=order.number,
                              expiry=min(limits) if limits else None, unit_cost=costs[product.id]))
        new_costs = moving_average_costs([ln for ln in lines if ln.to_location_id == store], products)
        result = post_document(actor, "production", lines, key=f"production:{order.id}", doc_date=day,
                               note=msg("disassembly.doc_note", number=order.number, product=source.name),
                               consume_reservations=owner_key(order.number))
        record_costs(new_costs)
        for ln in planned:
            ProductionLine.update(actual=got.get(ln.product_id, ZERO)).where(ProductionLine.id == ln.id).execute()
        ProductionLine.update(actual=order.quantity).where((ProductionLine.order == order.id)
                                                           & (ProductionLine.role == "consume")).execute()
        ORDER_STATES.apply(actor, order, "complete", document=result.document_id, good_quantity=order.quantity,
                           scrap_quantity=ZERO, unit_cost=source.cost)
        release_reservations(actor, order, msg("production.action.complete"))
    return result.number


@dataclass(frozen=True)
class PreviewLine:
    product_id: int
    sku: str
    name: str
    unit: str
    planned: Decimal
    actual: Decimal
    unit_cost: Decimal | None  # None when nothing of it is obtained
    value: Decimal


@dataclass(frozen=True)
class Preview:
    """What disassembling `quantity` of a source would post, before anything is saved."""
    product_id: int
    sku: str
    name: str
    unit: str
    quantity: Decimal
    source_cost: Decimal  # per base unit (the source's moving-average cost)
    total: Decimal  # the cost to split
    available: Decimal  # unexpired, unreserved at the store
    cost_rule: str
    lines: list[PreviewLine]


def preview(product_ref: int | str, quantity: object, actual: dict[int, object] | None = None) -> Preview:
    """The planned yield for `quantity` base units and the unit cost each output would get from
    `actual` (output product id → quantity obtained; default the planned yield), as completion splits it."""
    recipe = get_recipe(product_ref)
    qty = parse_quantity(quantity, "拆卸数量")
    if qty <= 0:
        raise ValidationError("value.not_positive", field="拆卸数量", value=quantity)
    planned = planned_yield(recipe, qty)
    got = {o.product_id: plan for o, plan in planned}
    for pid, typed in (actual or {}).items():
        if int(pid) in got:
            got[int(pid)] = parse_quantity(typed, "拆出数量")
    source = Product.get_by_id(recipe.product_id)
    products = {p.id: p for p in Product.select().where(Product.id.in_(list(got)))}
    total = qty * source.cost
    outputs = [(products[o.product_id], got[o.product_id], o.cost_share) for o, _ in planned]
    costs = split_cost(total, outputs, recipe.cost_rule) if any(q > 0 for _, q, _ in outputs) else {}
    lines = [PreviewLine(o.product_id, o.sku, o.name, o.unit, plan, got[o.product_id], costs.get(o.product_id),
                         (got[o.product_id] * costs.get(o.product_id, ZERO)).quantize(Decimal("0.01"), ROUND_HALF_UP))
             for o, plan in planned]
    return Preview(recipe.product_id, recipe.sku, recipe.name, recipe.unit, qty, source.cost, total,
                   available_at_store(recipe.product_id), recipe.cost_rule, lines)
