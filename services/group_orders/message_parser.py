"""Group orders (社群订单): a customer's WeChat message → lines the clerk confirms.

    parse("要2盒蓝莓+1袋山药") → ParsedOrder(lines=[蓝莓 125g/盒 ×2 盒, 铁棍山药 1kg/袋 ×1 袋], unparsed=[])

A line names a product only when one product clearly fits the words, the unit and any hint; otherwise
it asks, with the top candidates (order_choice). Words that name nothing, 老规矩 with no known usual
order, and notes (times, addresses, pick-up) go to `unparsed` with the reason. Nothing is guessed
silently. The steps live in small modules: order_text and order_words (reading), order_items (pairing),
cn_numbers/order_quantity/order_units (quantities), product_matcher (names, aliases, pinyin, fuzzy),
order_unit_fit and order_choice (deciding).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from services.catalog.unit_words import SIZE_PATTERN
from services.core.messages import msg
from services.group_orders.corrections import Corrections
from services.group_orders.message_items import RawItem, Segment, SplitMessage, split_message
from services.group_orders.message_text import normalise_message
from services.group_orders.parsed_lines import Candidate, ParsedLine, ParsedOrder, UsualLine
from services.group_orders.product_choice import ACCEPT, ItemWords, choose
from services.group_orders.product_matcher import CatalogueIndex, NameMatch, catalogue_index
from services.group_orders.quantity_words import Quantity, parse_quantity
from services.group_orders.unit_fit import unit_fit

__all__ = ["Candidate", "ParsedLine", "ParsedOrder", "UsualLine", "UsualOrder", "parse"]

UsualOrder = Sequence[UsualLine] | Callable[[object], Sequence[UsualLine]] | None
_SIZE_EDGE = re.compile(rf"^(?P<before>{SIZE_PATTERN})(?P<rest>..+)$|^(?P<rest2>..+?)(?P<after>{SIZE_PATTERN})$")


def parse(text: str, customer: object = None, usual_order: UsualOrder = None,
          bought: Callable[[object], set[int]] | None = None, index: CatalogueIndex | None = None) -> ParsedOrder:
    """Read a group-order message against the active catalogue.

    `usual_order` is the customer's usual order (a list, or a callable given `customer`, asked only
    when needed): it fills 老规矩 and breaks ties towards what the customer usually buys, as do the
    products `bought` gives for the customer (their habits: what they took in recent orders). `index`:
    catalogue_index() taken once for many messages while no product changes (else read here)."""
    index = index or catalogue_index()
    usual = _UsualOrder(usual_order, customer, bought)
    match = index.remembered
    text = normalise_message(text)
    split = split_message(text, index.known_words.plus(index.sound_alikes(text)),
                          lambda words: _names_a_product(index, words, match(words)))
    order = ParsedOrder([], [])
    fixes = Corrections(index, order.lines)
    for segment in split.segments:
        ahead = fixes.before(segment.fixes, any(item.name for item in segment.items))
        amount = _amount_alone(segment) if ahead or fixes.cancelled else None
        if amount is not None:
            segment.orphans = []
        if ahead and ahead[-1].kind == "change" and not segment.items and segment.hint and fixes.previous:
            lines = _described(index, fixes.previous, segment, match, usual)  # 吐司换成全麦的
        else:
            lines = _read_segment(order, index, segment, split, match, usual)
        if not fixes.segment(ahead, lines, amount):
            _unparsed(order, segment.raw, msg("order.reason.no_product_for_qty"))
    fixes.after_message(split.trailing)
    return order


def _amount_alone(segment: Segment) -> Quantity | None:
    """改成3斤 / 再加一盒 / 少一个: a segment that says only a quantity, for the correction before it."""
    if segment.items or len(segment.orphans) != 1:
        return None
    return parse_quantity(segment.orphans[0])


def _described(index: CatalogueIndex, mentioned: list[ParsedLine], segment: Segment,
               match: Callable[[str], list[NameMatch]], usual: _UsualOrder) -> list[ParsedLine]:
    """The products the customer's words before 换成 meant, now with the description after it (全麦的)."""
    lines = []
    for line in mentioned:
        item = ItemWords(match(line.words), segment.hint, [], f"{line.source_text}{segment.raw}",
                         segment.hint + line.words, [], line.words)
        chosen = choose(index, item, usual.product_ids)
        if chosen is not None:
            lines.append(chosen)
    return lines


def _read_segment(order: ParsedOrder, index: CatalogueIndex, segment: Segment, split: SplitMessage,
                  match: Callable[[str], list[NameMatch]], usual: _UsualOrder) -> list[ParsedLine]:
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
        found, hint, query = _lookup(item, match)
        requests = [msg("order.note.request", request=r) for r in item.requests]
        words = ItemWords(found, hint, item.quantities, split.source(item), item.name.words or item.name.query, requests,
                          query)
        line = choose(index, words, usual.product_ids)
        if line is None:
            missing.append(split.source(item))
        else:
            lines.append(line)
    if missing and not lines and not segment.notes and not any(it.usual for it in segment.items):
        _unparsed(order, segment.raw, msg("order.reason.no_product"))  # 明天下午3点来拿: one piece, not three
    else:
        for words in missing:
            _unparsed(order, words, msg("order.reason.no_product"))
    for orphan in segment.orphans:
        _unparsed(order, orphan, msg("order.reason.no_product_for_qty"))
    for note in segment.notes:
        _unparsed(order, note, msg("order.reason.note"))
    return lines


def _names_a_product(index: CatalogueIndex, words: str, matches: list[NameMatch]) -> bool:
    """Loose words beside a known name: a product of their own (蓝梅 in 蓝梅草莓) or a qualifier of it
    (鲜活 in 鲜活的基围虾: it only starts names like 鲜活草鱼 whose rest is a product too)."""
    for m in matches:
        if m.score < ACCEPT:
            break
        name = index.products[m.product_id].name.lower()
        if not (m.how == "contains" and name.startswith(words) and name[len(words):] in index.name_set):
            return True
    return False


def _unparsed(order: ParsedOrder, text: str, reason: str) -> None:
    if text and text not in order.reasons:
        order.unparsed.append(text)
        order.reasons[text] = reason


def _lookup(item: RawItem, match: Callable[[str], list[NameMatch]]) -> tuple[list[NameMatch], str, str]:
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
            return trimmed, size + part.hint, rest
    return found, part.hint, part.query


class _UsualOrder:
    """The customer's usual order, asked for only when a message needs it."""

    def __init__(self, usual_order: UsualOrder, customer: object, bought: Callable[[object], set[int]] | None):
        self._source, self._customer, self._lines, self._bought = usual_order, customer, None, bought

    def lines(self) -> list[UsualLine]:
        if self._lines is None:
            source = self._source(self._customer) if callable(self._source) else self._source
            self._lines = list(source or [])
        return self._lines

    def product_ids(self) -> set[int]:
        usual = {line.product_id for line in self.lines()} if self._source is not None else set()
        return usual | (self._bought(self._customer) if self._bought and self._customer else set())


def _usual_lines(index: CatalogueIndex, usual: list[UsualLine], source: str) -> list[ParsedLine]:
    lines = []
    for usual_line in usual:
        product = index.products.get(usual_line.product_id)
        fit = product and unit_fit(product, Quantity(usual_line.qty, usual_line.unit, usual_line.unit))
        if not fit:
            continue  # no longer sold (or sold otherwise now): the clerk sees it missing from the draft
        lines.append(ParsedLine(product.id, product.sku, product.name, product.spec, fit.qty, fit.unit,
                                fit.base_qty, product.base_unit, 1.0, [], source, source, [msg("order.note.usual")],
                                usual=True))
    return lines
