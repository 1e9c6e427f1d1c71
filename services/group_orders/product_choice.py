"""Choosing the product for one item of a message, or asking.

Every product the words may name is scored: the name match, minus what the unit costs (a neighbouring
unit, packs from a weight), plus or minus the hint beside the name (大果, 丹东, 500g, 大盒), plus a little
for what the customer usually buys. A product that only adds what nobody asked for beside another that
fits as well (有机菠菜 beside 菠菜, 蓝莓 大果 beside 蓝莓, packs beside the weighed product) is set aside.
The line names a product only when the best is at least ACCEPT and MARGIN ahead of the rest.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from services.catalog.unit_words import SIZE_PATTERN, is_measure, measure
from services.core.messages import msg
from services.group_orders.parsed_lines import Candidate, ParsedLine
from services.group_orders.product_matcher import (
    CatalogueIndex,
    CatalogueProduct,
    NameMatch,
    head_of,
    sound_key,
    syllables,
)
from services.group_orders.quantity_words import Quantity, parse_quantity
from services.group_orders.unit_fit import UnitFit, main_quantity, unit_fit

ACCEPT = 0.75  # a product is chosen only at or above this score ...
MARGIN = 0.1  # ... and this far ahead of every other plausible product
QTY_ASSUMED_CONFIDENCE = 0.7  # no quantity written: 1 is filled in and the line is flagged
HINT_EXACT, HINT_MATCH, HINT_MISS = 0.2, 0.05, 0.3  # hint = the qualifier / inside the label / nowhere
SIZE_WIN, SIZE_LOSE = 0.05, 0.1  # 大盒/小瓶 among the same products in several sizes
USUAL_BONUS = 0.1  # what the customer usually buys wins a tie (鸡蛋 → the 鲜鸡蛋 they always take)
MAX_CANDIDATES = 3
_EPSILON = 1e-9  # scores are sums of floats: 1.15 - 1.05 must count as the full 0.1
ASK_SPREAD = 0.3  # candidates shown when asking: at most this far below the best
_SIZE_HINT = re.compile(f"({SIZE_PATTERN})")


@dataclass
class ItemWords:
    """What one item of the message says, ready for choosing."""

    matches: list[NameMatch]
    hint: str  # words beside the name: 大果, 丹东, 大盒
    quantities: list[Quantity]
    source: str
    words: str
    notes: list[str] = field(default_factory=list)
    query: str = ""  # the words looked up (梨 of 梨2斤)


@dataclass
class _Option:
    product: CatalogueProduct
    match: NameMatch
    fit: UnitFit | None
    score: float
    notes: list[str] = field(default_factory=list)


def choose(index: CatalogueIndex, item: ItemWords, usual_ids: Callable[[], set[int]]) -> ParsedLine | None:
    """A confident line, a line that asks, or None when no product is near the words.

    `usual_ids` gives the customer's usual products; it is called only when there is a choice to make."""
    if not item.matches:
        return None
    quantity, pack_hint = main_quantity(item.quantities)
    pack_hint, item = _measure_in_hint(item, pack_hint)
    assumed = quantity is None
    quantity = quantity or Quantity(Decimal(1), None, "")
    hint = (item.hint + item.matches[0].leftover).strip()
    usual = usual_ids() if len(item.matches) > 1 else set()
    options = []
    for m in item.matches:
        product = index.products[m.product_id]
        fit = unit_fit(product, quantity)
        option = _Option(product, m, fit, m.score - (fit.penalty if fit else 0.0), [fit.note] if fit and fit.note else [])
        _score_hints(option, (item.hint + m.leftover).strip(), pack_hint)
        if product.id in usual:
            option.score += USUAL_BONUS
        options.append(option)
    fitting = [o for o in options if o.fit is not None]
    _score_size(fitting, hint)
    if not fitting:
        return _ask(options, quantity, item, 0.0, [msg("order.note.unit_not_sold", unit=quantity.unit)], assumed)
    plausible = [o for o in fitting if not any(_dominated(o, other) for other in fitting if other is not o)]
    plausible.sort(key=lambda o: (-o.score, o.product.id))
    top = plausible[0]
    close = [o for o in plausible if top.score - o.score < MARGIN - _EPSILON]
    if len(plausible) == 1 and _names_the_kind(top, item.query):
        top.score = max(top.score, ACCEPT)
    if top.score < ACCEPT - _EPSILON or len(close) > 1:
        rest = sorted((o for o in fitting if o not in plausible), key=lambda o: (-o.score, o.product.id))
        return _ask(plausible + rest, quantity, item, top.score / len(close), top.notes, assumed)
    confidence = min(1.0, top.score)
    notes = [*top.notes, *item.notes]
    if assumed:
        notes.append(msg("order.note.qty_assumed", unit=top.fit.unit))
    p = top.product
    return ParsedLine(p.id, p.sku, p.name, p.spec, top.fit.qty, top.fit.unit, top.fit.base_qty, p.base_unit,
                      min(confidence, QTY_ASSUMED_CONFIDENCE) if assumed else confidence, [], item.source, item.words,
                      notes, confidence if assumed else None)


def _measure_in_hint(item: ItemWords, pack_hint: tuple[str, Decimal] | None
                     ) -> tuple[tuple[str, Decimal] | None, ItemWords]:
    """500ml的酸奶: a hint that is a measure picks the pack by its content (500毫升 = 500ml/瓶)."""
    said = parse_quantity(item.hint) if item.hint else None
    if said is None or not is_measure(said.unit) or pack_hint is not None:
        return pack_hint, item
    return measure(said.value, said.unit), dataclasses.replace(item, hint="")


def _names_the_kind(option: _Option, query: str) -> bool:
    """梨 for 皇冠梨 (or 脐成 for 赣南脐橙) when it is the only one sold this way: a Chinese name ends with
    what the thing is, so words that end the only fitting name by sound (not its start, like 米 in 小米辣)
    name it."""
    if not query or option.notes or option.match.how not in ("contains", "synonym", "pinyin", "sound"):
        return False
    name, query = head_of(option.product.name.lower()), query.lower()
    return sound_key(syllables(name)).endswith(sound_key(syllables(query))) or option.match.how == "synonym"


def _score_hints(option: _Option, hint: str, pack_hint: tuple[str, Decimal] | None) -> None:
    p = option.product
    if pack_hint is not None:
        option.score += HINT_MATCH if p.pack_size == pack_hint else -HINT_MISS
    if not hint or _SIZE_HINT.fullmatch(hint):
        return
    if p.qualifier and p.qualifier == hint:
        option.score += HINT_EXACT
    elif hint in (p.name + p.spec).lower() or hint.removesuffix("装") in p.spec.lower() or (
            p.qualifier and p.qualifier in hint):  # 12个装 for a spec of 12个/盒
        option.score += HINT_MATCH
    else:
        option.score -= HINT_MISS
        option.notes.append(msg("order.note.hint_missing", hint=hint))


def _score_size(options: list[_Option], hint: str) -> None:
    """大盒 / 小瓶: the largest (smallest) pack among the fitting products wins."""
    size = _SIZE_HINT.fullmatch(hint) if hint else None
    sized = [o for o in options if o.product.pack_size is not None]
    if size is None or len({o.product.pack_size[0] for o in sized}) != 1:
        return
    amounts = {o.product.pack_size[1] for o in sized}
    if len(amounts) < 2:
        return
    best = max(amounts) if hint.startswith("大") else min(amounts)
    for o in sized:
        o.score += SIZE_WIN if o.product.pack_size[1] == best else -SIZE_LOSE


def _dominated(a: _Option, b: _Option) -> bool:
    """`a` is a needless guess beside `b`: b fits at least as well and a adds what nobody asked for —
    a longer name around b's (有机菠菜 beside 菠菜), a spec qualifier (大果) or a converted unit."""
    if b.score < a.score:
        return False
    name_a, name_b = a.product.name.lower(), b.product.name.lower()
    if name_a != name_b:
        return name_b in name_a
    return (not b.product.qualifier and bool(a.product.qualifier)) or b.fit.penalty < a.fit.penalty


def _ask(options: list[_Option], quantity: Quantity, item: ItemWords, confidence: float,
         notes: list[str], assumed: bool) -> ParsedLine:
    best = max(o.score for o in options)
    shown = [o for o in options if o.score >= best - ASK_SPREAD][:MAX_CANDIDATES]
    candidates = [Candidate(o.product.id, o.product.sku, o.product.name, o.product.spec, round(max(o.score, 0.0), 4))
                  for o in shown]
    units = {o.fit.unit for o in shown if o.fit}
    unit = quantity.unit or (units.pop() if len(units) == 1 else "")
    return ParsedLine(None, None, item.words, "", quantity.value, unit, None, "", round(confidence, 4), candidates,
                      item.source, item.words, list(dict.fromkeys([*notes, *item.notes])),
                      round(confidence, 4) if assumed else None)
