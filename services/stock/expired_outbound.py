"""An expired lot is not handed to people: goods posted to the internal location (赠品/样品/自用)
from an expired lot need the owner's override with a reason, whatever route posts them (quick
outbound, a transfer, an adjustment, an import). The ledger's post path calls
`refuse_expired_internal` once the lots are known; quick outbound asks `expired_lot_for_internal`
first to word its own refusal."""
from __future__ import annotations

import datetime as dt
from typing import Protocol

from models import Location, Lot
from services.core.errors import StockError
from services.stock.expiry import is_expired

INTERNAL_KIND = "internal"


class _LotLine(Protocol):
    product_id: int
    lot_id: int | None
    from_location_id: int
    to_location_id: int


def expired_lot_for_internal(lines: list[_LotLine], locations: dict[int, Location],
                             on: dt.date) -> tuple[_LotLine, Lot] | None:
    """The first line that gives an expired lot out of our stock to the internal location, with its lot."""
    handed_out = [ln for ln in lines if ln.lot_id is not None and locations[ln.to_location_id].kind == INTERNAL_KIND
                  and not locations[ln.from_location_id].is_virtual]
    if not handed_out:  # the usual document: no query at all
        return None
    lots = {lot.id: lot for lot in Lot.select(Lot.id, Lot.code, Lot.expiry_date)
            .where(Lot.id.in_({ln.lot_id for ln in handed_out}))}
    for line in handed_out:
        lot = lots.get(line.lot_id)
        if lot is not None and is_expired(lot.expiry_date, on):
            return line, lot
    return None


def refuse_expired_internal(lines: list[_LotLine], products: dict, locations: dict[int, Location],
                            on: dt.date, may_use_expired: bool) -> None:
    """The ledger's rule: refused unless the owner overrides with a reason (`may_use_expired`)."""
    if may_use_expired:
        return
    found = expired_lot_for_internal(lines, locations, on)
    if found is not None:
        line, lot = found
        raise StockError("stock.expired_internal", lot=lot.code, product=products[line.product_id].name,
                         expiry=lot.expiry_date)
