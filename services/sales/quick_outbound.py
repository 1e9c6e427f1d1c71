"""Quick outbound templates (促销赠品, 样品, 内部领用): goods leave the store for the virtual
'internal' location, apart from sales and losses, in one 'internal' document.

The ledger treats 'internal' as a non-consuming destination, so lots are picked here first:
FEFO over *available* stock (another order's reservation is not given away as a gift) and never
an expired lot (it is not handed to people either). A lot chosen by hand that has expired is
refused here in the clerk's words (write it off); the ledger refuses it on every other route
(services.stock.expired_outbound)."""
from __future__ import annotations

from models import Product, write_transaction
from models.sales import OutboundTemplate
from services.catalog.locations import default_store, virtual
from services.core import audit
from services.core.clock import today
from services.core.errors import NotFound, StockError
from services.core.numbers import normalise_text
from services.core.permissions import require
from services.sales.sales_lines import SaleLineInput, clean_lines
from services.stock.expired_outbound import expired_lot_for_internal
from services.stock.fefo import allocate_fefo
from services.stock.ledger import Line, PostResult, post_document

DEFAULT_TEMPLATES = (("促销赠品", "promotion"), ("样品", "sample"), ("内部领用", "internal"))


def ensure_default_templates(actor) -> None:
    with write_transaction():
        for name, purpose in DEFAULT_TEMPLATES:
            if not OutboundTemplate.select().where(OutboundTemplate.name == name).exists():
                template = OutboundTemplate.create(name=name, purpose=purpose)
                audit.record(actor, "outbound_template.create", "outbound_template", template.id,
                             new={"name": name, "purpose": purpose})


def list_templates() -> list[OutboundTemplate]:
    return list(OutboundTemplate.select().where(OutboundTemplate.active).order_by(OutboundTemplate.id))


def quick_outbound(actor, template_name: str, lines: list[SaleLineInput], note: str = "") -> PostResult:
    """Post the goods out under a template; the document's partner is the template's name."""
    require(actor, "doc.internal")
    template = OutboundTemplate.get_or_none((OutboundTemplate.name == normalise_text(template_name))
                                            & OutboundTemplate.active)
    if template is None:
        raise NotFound("outbound.template_not_found", ref=template_name)
    store, target = default_store(), virtual("internal")
    with write_transaction():  # the lots picked here stay valid: nobody else writes until we post
        moves = []
        for line in clean_lines(lines, None):
            if line.lot_id is not None:
                moves.append(Line(line.product.id, line.base_quantity, store.id, target.id, lot_id=line.lot_id))
                continue
            for lot_id, quantity in allocate_fefo(line.product.id, store.id, line.base_quantity):
                moves.append(Line(line.product.id, quantity, store.id, target.id, lot_id=lot_id))
        _refuse_expired(moves, {store.id: store, target.id: target})
        text = normalise_text(note)
        return post_document(actor, "internal", moves, partner=template.name,
                             note=f"{template.name}:{text}" if text else template.name)


def _refuse_expired(moves: list[Line], locations: dict) -> None:
    found = expired_lot_for_internal(moves, locations, today())
    if found is not None:
        line, lot = found
        raise StockError("outbound.expired_lot", lot=lot.code, product=Product.get_by_id(line.product_id).name,
                         expiry=lot.expiry_date)
