"""The clerk's choice on a line the parser asked about: the line becomes that product at once, and the
choice is learned so the same words are read without asking next time.

Words that are a typo or the shop's own word for one product (柠蒙, 红富士) become an alias for
everyone. A generic word that names several products as written (鸡蛋 for 鲜鸡蛋 and 土鸡蛋) is the
customer's habit instead: a global alias would read every other customer's 鸡蛋 as this one's choice,
so with a customer chosen it is learned from their saved order (usual_orders.bought_before)."""
from __future__ import annotations

import dataclasses

from services.core.errors import NotFound
from services.core.messages import msg
from services.group_orders.parsed_lines import ParsedLine
from services.group_orders.product_aliases import learn_alias, normalise_alias
from services.group_orders.product_choice import QTY_ASSUMED_CONFIDENCE
from services.group_orders.product_matcher import catalogue_index
from services.group_orders.quantity_words import Quantity
from services.group_orders.unit_fit import unit_fit

ALIAS, HABIT = "alias", "habit"


def pick_product(line: ParsedLine, product_id: int) -> ParsedLine:
    """The line as `product_id`, its quantity in a unit of that product (when the unit the customer
    said is not one of it, the product's own unit with a note, for the clerk to check)."""
    product = catalogue_index().products.get(product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    fit = unit_fit(product, Quantity(line.qty, line.unit or None, ""))
    notes = [n for n in line.notes if n != msg("order.note.unit_not_sold", unit=line.unit)]
    if fit is None:
        return dataclasses.replace(line, product_id=product.id, sku=product.sku, name=product.name, spec=product.spec,
                                   unit=product.base_unit, base_qty=line.qty, base_unit=product.base_unit,
                                   confidence=_chosen(line), candidates=[],
                                   notes=[*notes, msg("order.note.unit_not_sold", unit=line.unit)])
    return dataclasses.replace(line, product_id=product.id, sku=product.sku, name=product.name, spec=product.spec,
                               qty=fit.qty, unit=fit.unit, base_qty=fit.base_qty, base_unit=product.base_unit,
                               confidence=_chosen(line), candidates=[], notes=notes)


def _chosen(line: ParsedLine) -> float:
    """The clerk named the product; a quantity the message did not give is still a guess."""
    return 1.0 if line.qty_given else QTY_ASSUMED_CONFIDENCE


def learn_choice(actor, line: ParsedLine, product_id: int, customer_id: int | None) -> str:
    """Remember the choice: HABIT for a customer's generic word (nothing stored until their order is
    saved), else ALIAS (learned now, audited)."""
    product = catalogue_index().products.get(product_id)
    words = normalise_alias(line.words)
    if customer_id and product is not None and words and words in product.name.lower():
        return HABIT
    learn_alias(actor, line.words, product_id)
    return ALIAS
