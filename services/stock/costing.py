"""Moving-average cost: what a product's cost becomes when goods come in (a receipt, a production
run's output, a disassembly's parts), from the stock before they are posted. The cost a move without
one is stamped with when it is posted is services/stock/posting_lines.cost_units."""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from peewee import fn

from models import Balance, Product, database
from services.core.clock import now
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.core.numbers import MONEY_STEP


def on_hand_by_product(product_ids: list[int]) -> dict[int, Decimal]:
    """Stock of each product over all real locations (balances hold only those)."""
    from_units = Balance.quantity.python_value
    return defaultdict(Decimal, {pid: from_units(units) for pid, units in _ON_HAND.rows(products=product_ids)})


_ON_HAND = CompiledQuery(lambda products: Balance.select(Balance.product, fn.SUM(Balance.quantity))
                         .where(Balance.product.in_(products) & (Balance.quantity != 0)).group_by(Balance.product),
                         products=ID_LIST)  # summed as stored, in integer units: exact


def moving_average_costs(lines: list, products: dict[int, Product]) -> dict[int, tuple[Decimal, Decimal]]:
    """product → (old cost, new cost): (on hand × old + Σ qty × unit cost) / (on hand + Σ qty),
    from the stock before the incoming `lines` (receipt lines or ledger lines: product_id,
    quantity, unit_cost) are posted. Stock below zero counts as none."""
    incoming: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])  # qty, value
    for ln in lines:
        if ln.quantity > 0:
            cost = ln.unit_cost if ln.unit_cost is not None else products[ln.product_id].cost
            incoming[ln.product_id][0] += ln.quantity
            incoming[ln.product_id][1] += ln.quantity * cost
    on_hand = on_hand_by_product(list(incoming))
    changes = {}
    for pid, (qty, value) in incoming.items():
        old = products[pid].cost
        stock = max(on_hand.get(pid, Decimal(0)), Decimal(0))
        new = ((stock * old + value) / (stock + qty)).quantize(MONEY_STEP, ROUND_HALF_UP)
        if new != old:
            changes[pid] = (old, new)
    return changes


def record_costs(changes: dict[int, tuple[Decimal, Decimal]]) -> None:
    """Each product's new moving-average cost from `moving_average_costs` (in the caller's transaction):
    one statement for them all."""
    if changes:
        ph, cost, at = database.param, Product.cost.db_value, Product.updated_at.db_value(now())
        database.cursor().executemany(
            f"UPDATE {Product._meta.table_name} SET cost = {ph}, updated_at = {ph} WHERE id = {ph}",
            [(cost(new), at, pid) for pid, (_, new) in changes.items()])
