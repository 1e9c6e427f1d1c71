"""Group orders (社群订单): a customer's WeChat message → lines the clerk confirms.

parse("要2盒蓝莓+1袋山药") finds each product, quantity and unit. A line names a product only when
one product clearly fits the words, the unit and any hint (score ≥ ACCEPT and MARGIN ahead of every
other plausible product); otherwise the line asks, with the top candidates. Words that name nothing go
to `unparsed` with the reason. Nothing is guessed silently.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from services.messages import msg
from services.numbers import fmt_qty
from services.order_quantity import Quantity
from services.order_text import RawItem, SplitMessage, normalise_message, split_message
from services.order_units import GRAMS, UNIT_PATTERN, canonical_unit, is_weight, same_count_class, to_grams
from services.product_matcher import CatalogueIndex, CatalogueProduct, NameMatch, catalogue_index

ACCEPT = 0.75  # a product is chosen only at or above this score ...
MARGIN = 0.1  # ... and this far ahead of every other plausible product
QTY_ASSUMED_CONFIDENCE = 0.7  # no quantity written: 1 is filled in, the line is flagged
HINT_MATCH, HINT_MISS = 0.05, 0.3  # words beside the name (大果, 丹东) that a product has / that none has
SIZE_WIN, SIZE_LOSE = 0.05, 0.1  # 大盒/小瓶 among the same products in several sizes
NEAR_UNIT = 0.05  # a neighbouring count unit (个 for 颗) or packs from a weight (半斤 = 1 盒 of 250g)
USUAL_BONUS = 0.05  # the customer's usual products break ties
MAX_CANDIDATES = 3
_SIZE = rf"(?:大|小)号?(?:{UNIT_PATTERN})?装?"
_SIZE_HINT = re.compile(rf"(大|小)号?(?:{UNIT_PATTERN})?装?")
_SIZE_EDGE = re.compile(rf"^(?P<before>{_SIZE})(?P<rest>..+)$|^(?P<rest2>..+?)(?P<after>{_SIZE})$")
ASK_SPREAD = 0.3  # candidates shown when asking: at most this far below the best


@dataclass(frozen=True)
class UsualLine:
    """One line of the customer's usual order (老规矩), e.g. from their last order."""

    product_id: int
    qty: Decimal
    unit: str


UsualOrder = Sequence[UsualLine] | Callable[[object], Sequence[UsualLine]] | None


@dataclass(frozen=True)
class Candidate:
    product_id: int
    sku: str
    name: str
    spec: str
    score: float  # 0–1, how well this product fits the line

    def as_json(self) -> dict:
        return {"sku": self.sku, "name": self.name, "spec": self.spec, "score": round(self.score, 2)}


@dataclass
class ParsedLine:
    product_id: int | None  # None: the clerk must choose among `candidates`
    sku: str | None
    name: str  # the product's name, or the customer's words while a choice is needed
    spec: str
    qty: Decimal  # in `unit`, a unit of the product once it is chosen
    unit: str  # "" when the message gave none and no product is chosen yet
    base_qty: Decimal | None  # in the product's base unit
    base_unit: str
    confidence: float  # 0–1; ≥ ACCEPT only when nothing needs asking
    candidates: list[Candidate]
    source_text: str
    words: str  # the customer's words for the product: learn_alias(words, chosen) remembers a choice
    notes: list[str] = field(default_factory=list)

    @property
    def needs_choice(self) -> bool:
        return self.product_id is None

    def as_json(self) -> dict:
        return {
            "sku": self.sku, "name": self.name, "qty": fmt_qty(self.qty), "unit": self.unit,
            "confidence": round(self.confidence, 2),
            "status": "ask" if self.needs_choice else "ok", "spec": self.spec,
            "base_qty": None if self.base_qty is None else fmt_qty(self.base_qty), "base_unit": self.base_unit,
            "candidates": [c.as_json() for c in self.candidates], "source": self.source_text,
            "notes": self.notes,
        }


@dataclass
class ParsedOrder:
    lines: list[ParsedLine]
    unparsed: list[str]  # parts of the message that name no product, as written
    reasons: dict[str, str] = field(default_factory=dict)  # unparsed text → why

    def as_json(self) -> dict:
        """The parse-order contract: {"lines": [{"sku","name","qty","unit","confidence",…}], "unparsed": [...]}."""
        return {"lines": [line.as_json() for line in self.lines], "unparsed": list(self.unparsed)}


@dataclass(frozen=True)
class UnitFit:
    unit: str  # a unit of the product
    qty: Decimal
    base_qty: Decimal
    penalty: float
    note: str = ""


@dataclass
class _Option:
    product: CatalogueProduct
    match: NameMatch
    fit: UnitFit | None
    score: float
    notes: list[str] = field(default_factory=list)


def parse(text: str, customer: object = None, usual_order: UsualOrder = None) -> ParsedOrder:
    """Read a group-order message against the active catalogue.

    `usual_order` is the customer's usual order (a list, or a callable given `customer`): it fills
    老规矩 and breaks ties towards what the customer usually buys."""
    index = catalogue_index()
    usual = _UsualLines(usual_order, customer)
    matches: dict[str, list[NameMatch]] = {}

    def match(words: str) -> list[NameMatch]:
        if words not in matches:
            matches[words] = index.match(words)
        return matches[words]

    split = split_message(normalise_message(text), index.known_words,
                          lambda words: any(m.score >= ACCEPT for m in match(words)))
    order = ParsedOrder([], [])
    for segment in split.segments:
        lines: list[ParsedLine] = []
        missing: list[str] = []
        for item in segment.items:
            if item.usual:
                usual_lines = _usual_lines(index, usual.lines(), split.source(item))
                if usual_lines:
                    lines += usual_lines
                else:
                    _unparsed(order, split.source(item), msg("order.reason.no_usual"))
                continue
            line = _resolve(index, item, *_lookup(item, match), usual.product_ids(), split)
            if line is None:
                missing.append(split.source(item))
            else:
                lines.append(line)
        if missing and not lines and not any(it.usual for it in segment.items):
            _unparsed(order, segment.raw, msg("order.reason.no_product"))
        else:
            for words in missing:
                _unparsed(order, words, msg("order.reason.no_product"))
        for orphan in segment.orphans:
            _unparsed(order, orphan, msg("order.reason.no_product_for_qty"))
        order.lines += lines
    return order


def _unparsed(order: ParsedOrder, text: str, reason: str) -> None:
    if text and text not in order.reasons:
        order.unparsed.append(text)
        order.reasons[text] = reason


class _UsualLines:
    """The customer's usual order, asked for only when a message needs it."""

    def __init__(self, usual_order: UsualOrder, customer: object):
        self._source, self._customer, self._lines = usual_order, customer, None

    def lines(self) -> list[UsualLine]:
        if self._lines is None:
            source = self._source(self._customer) if callable(self._source) else self._source
            self._lines = list(source or [])
        return self._lines

    def product_ids(self) -> set[int]:
        return {line.product_id for line in self.lines()} if self._source is not None else set()


def _usual_lines(index: CatalogueIndex, usual: list[UsualLine], source: str) -> list[ParsedLine]:
    lines = []
    for usual_line in usual:
        product = index.products.get(usual_line.product_id)
        if product is None:
            continue  # no longer sold: the clerk sees it missing from the draft
        fit = unit_fit(product, Quantity(usual_line.qty, usual_line.unit, usual_line.unit))
        if fit is None:
            continue
        lines.append(ParsedLine(product.id, product.sku, product.name, product.spec, fit.qty, fit.unit,
                                fit.base_qty, product.base_unit, 1.0, [], source, source,
                                [msg("order.note.usual")]))
    return lines


def _main_quantity(item: RawItem) -> tuple[Quantity | None, Decimal | None]:
    """The quantity to sell and a pack weight hint: in 2袋500g菠菜 the 2袋 is sold, 500g picks the pack."""
    counts = [q for q in item.quantities if not is_weight(q.unit)]
    weights = [q for q in item.quantities if is_weight(q.unit)]
    if counts:
        return counts[0], to_grams(weights[0].value, weights[0].unit) if weights else None
    return (weights[0] if weights else None), None


def unit_fit(product: CatalogueProduct, quantity: Quantity) -> UnitFit | None:
    """The quantity in a unit of this product, or None when the product is not sold that way."""
    said = quantity.unit
    base = canonical_unit(product.base_unit)
    if said is None or said == base:
        return UnitFit(product.base_unit, quantity.value, quantity.value, 0.0)
    extra = {canonical_unit(name): name for name in product.units}
    if said in extra:
        name = extra[said]
        return UnitFit(name, quantity.value, quantity.value * product.units[name], 0.0)
    if is_weight(said):
        grams = to_grams(quantity.value, said)
        if is_weight(base):
            qty = (grams / GRAMS[base]).normalize()
            note = msg("order.note.converted", said=quantity.text, qty=fmt_qty(qty), unit=product.base_unit)
            return UnitFit(product.base_unit, qty, qty, 0.0, note)
        if product.pack_grams:  # 半斤虾仁 = 1 盒 of 250g; only whole packs of an exact spec weight
            packs = grams / product.pack_grams
            if packs > 0 and packs == packs.to_integral_value():
                packs = packs.quantize(Decimal(1))
                note = msg("order.note.converted", said=quantity.text, qty=fmt_qty(packs), unit=product.base_unit)
                return UnitFit(product.base_unit, packs, packs, NEAR_UNIT, f"{note}({product.spec})")
        return None
    for unit in (product.base_unit, *product.units):
        if same_count_class(said, canonical_unit(unit)):
            factor = product.units.get(unit, Decimal(1))
            note = msg("order.note.similar_unit", said=said, unit=unit)
            return UnitFit(unit, quantity.value, quantity.value * factor, NEAR_UNIT, note)
    return None


def _lookup(item: RawItem, match: Callable[[str], list[NameMatch]]) -> tuple[list[NameMatch], str]:
    """Products for the item's words and the hint beside them; loose words like 大瓶牛奶 are also tried
    as 牛奶 with the size hint 大瓶, and the better reading wins."""
    part = item.name
    found = match(part.query)
    edge = None if part.known else _SIZE_EDGE.match(part.query)
    if edge:
        rest = edge.group("rest") or edge.group("rest2")
        size = edge.group("before") or edge.group("after")
        trimmed = match(rest)
        if trimmed and (not found or trimmed[0].score > found[0].score):
            return trimmed, size + part.hint
    return found, part.hint


def _resolve(index: CatalogueIndex, item: RawItem, matches: list[NameMatch], hint: str, usual_ids: set[int],
             split: SplitMessage) -> ParsedLine | None:
    """One item → a confident line, a line that asks, or None when no product is near its words."""
    if not matches:
        return None
    quantity, grams_hint = _main_quantity(item)
    assumed = quantity is None
    quantity = quantity or Quantity(Decimal(1), None, "")
    options = []
    for m in matches:
        product = index.products[m.product_id]
        fit = unit_fit(product, quantity)
        option = _Option(product, m, fit, m.score - (fit.penalty if fit else 0.0), [fit.note] if fit and fit.note else [])
        _score_hints(option, (hint + m.leftover).strip(), grams_hint)
        if product.id in usual_ids:
            option.score += USUAL_BONUS
        options.append(option)
    fitting = [o for o in options if o.fit is not None]
    _score_size(fitting, (hint + matches[0].leftover).strip())
    source, words = split.source(item), item.name.words or item.name.query
    if not fitting:
        return _ask(options, quantity, source, words, 0.0,
                    [msg("order.note.unit_not_sold", unit=quantity.unit)])
    plausible = [o for o in fitting if not any(_dominated(o, other) for other in fitting if other is not o)]
    plausible.sort(key=lambda o: (-o.score, o.product.id))
    top = plausible[0]
    close = [o for o in plausible if top.score - o.score < MARGIN]
    if top.score < ACCEPT or len(close) > 1:
        rest = sorted((o for o in fitting if o not in plausible), key=lambda o: (-o.score, o.product.id))
        return _ask(plausible + rest, quantity, source, words, top.score / len(close), top.notes)
    confidence = min(1.0, top.score)
    notes = list(top.notes)
    if assumed:
        confidence = min(confidence, QTY_ASSUMED_CONFIDENCE)
        notes.append(msg("order.note.qty_assumed", unit=top.fit.unit))
    p = top.product
    return ParsedLine(p.id, p.sku, p.name, p.spec, top.fit.qty, top.fit.unit, top.fit.base_qty, p.base_unit,
                      confidence, [], source, words, notes)


def _score_hints(option: _Option, hint: str, grams_hint: Decimal | None) -> None:
    p = option.product
    if grams_hint is not None:
        same = p.pack_grams == grams_hint or p.pack_size == ("g", grams_hint)
        option.score += HINT_MATCH if same else -HINT_MISS
    if not hint or _SIZE_HINT.fullmatch(hint):
        return
    label = (p.name + p.spec).lower()
    if hint in label or (p.qualifier and p.qualifier in hint):
        option.score += HINT_MATCH
    else:
        option.score -= HINT_MISS
        option.notes.append(msg("order.note.hint_missing", hint=hint))


def _score_size(options: list[_Option], hint: str) -> None:
    """大盒 / 小瓶: the largest (smallest) pack among the fitting products wins."""
    size = _SIZE_HINT.fullmatch(hint) if hint else None
    sized = [o for o in options if o.product.pack_size is not None]
    kinds = {o.product.pack_size[0] for o in sized}
    if size is None or len(kinds) != 1 or len({o.product.pack_size for o in sized}) < 2:
        return
    pick = max if size.group(1) == "大" else min
    best = pick(o.product.pack_size[1] for o in sized)
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


def _ask(options: list[_Option], quantity: Quantity, source: str, words: str, confidence: float,
         notes: list[str]) -> ParsedLine:
    best = max(o.score for o in options)
    top = [o for o in options if o.score >= best - ASK_SPREAD][:MAX_CANDIDATES]
    candidates = [Candidate(o.product.id, o.product.sku, o.product.name, o.product.spec, round(max(o.score, 0.0), 4))
                  for o in top]
    units = {o.fit.unit for o in top if o.fit}
    unit = quantity.unit or (units.pop() if len(units) == 1 else "")
    return ParsedLine(None, None, words, "", quantity.value, unit, None, "", round(confidence, 4), candidates,
                      source, words, list(dict.fromkeys(notes)))
