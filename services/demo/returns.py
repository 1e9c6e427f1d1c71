"""The demo's supplier with too many returns: 豆香坊's tofu arrives broken or sour again and again, so about a
fifth of each delivery's value goes back the same morning. Over the three months its return rate stays above
the 15 % line and 报表 → 供应商退货 flags it (with the 谈判单 to talk about it).

Each return takes the lot that just came (the ledger's lot of that expiry), and the simulated shelf loses
the same quantity of that lot."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from models.catalog import Lot
from services.core.compiled_sql import CompiledQuery
from services.demo.ordering import Received
from services.purchasing.purchase_returns import ReturnLineInput, return_to_supplier

RETURNING_SUPPLIER = "豆香坊豆制品厂"
RETURN_SHARE = Decimal("0.2")
REASON = "豆腐到货碎裂、有酸味,豆师傅同意退货"


def returned_part(received: list[Received], cost: dict[int, Decimal]) -> dict[int, Decimal]:
    """Whole units per product worth at least RETURN_SHARE of the delivery's value: a fifth of each line
    (whole units), then a unit more of the biggest lines until the value is reached."""
    whole = {r.product_id: r.quantity.to_integral_value(ROUND_FLOOR) for r in received}
    sent = {pid: (qty * RETURN_SHARE).to_integral_value(ROUND_FLOOR) for pid, qty in whole.items()}
    left = sum((r.quantity * cost[r.product_id] for r in received), Decimal(0)) * RETURN_SHARE
    left -= sum((qty * cost[pid] for pid, qty in sent.items()), Decimal(0))
    for item in sorted(received, key=lambda r: (-r.quantity * cost[r.product_id], r.product_id)):
        if left <= 0:
            break
        pid = item.product_id
        more = min(whole[pid] - sent[pid], (left / cost[pid]).to_integral_value(ROUND_CEILING))
        sent[pid] += more
        left -= more * cost[pid]
    return {pid: qty for pid, qty in sent.items() if qty > 0}


def return_broken(actor, supplier_id: int, received: list[Received], cost: dict[int, Decimal],
                  expiry_of: dict[int, dt.date], at: dt.datetime) -> dict[int, Decimal]:
    """Send back the broken part of a delivery from its own lots; returns the quantity sent back per product id."""
    sent = returned_part(received, cost)
    lines = []
    for pid, qty in sent.items():
        lines.append(ReturnLineInput(pid, qty, lot_id=_NEWEST_LOT.scalar(product=pid, expiry=expiry_of[pid])))
    if lines:
        return_to_supplier(actor, supplier_id, lines, REASON, on=at.date(), occurred_at=at)
    return sent


_NEWEST_LOT = CompiledQuery(lambda product, expiry: Lot.select(Lot.id)  # the lot of that expiry: built once
                            .where((Lot.product == product) & (Lot.expiry_date == expiry)).order_by(Lot.id.desc())
                            .limit(1), product=-987_654_321, expiry=dt.date(1, 1, 1))
