"""Pairing a message's tokens into items: the words for a product, its quantities, hints and wishes.

Quantity and name pair up in the order the customer used (2盒蓝莓 or 蓝莓2盒); a bare quantity or
description after a separator belongs to the product before it (蓝莓,2盒 / 草莓两盒,要丹东的); 各 shares
a quantity (蓝莓、草莓各2盒).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from decimal import Decimal

from services.catalog.unit_words import SIZE_PATTERN, is_measure
from services.group_orders.message_text import CORRECTION_KINDS, Token, tokenize
from services.group_orders.message_words import BARE_UNITS
from services.group_orders.quantity_words import Quantity

_SIZE_ONLY = re.compile(SIZE_PATTERN)


@dataclass
class NamePart:
    """The customer's words for one product: `query` to look up, `hint` beside it (大果, 丹东, 大盒)."""

    query: str
    hint: str = ""
    words: str = ""  # everything the customer called it, in order (大果蓝莓): what an alias learns
    known: bool = False  # the query is a catalogue name or alias found whole in the message


@dataclass
class RawItem:
    name: NamePart | None  # None for 老规矩
    quantities: list[Quantity] = field(default_factory=list)
    each: bool = False  # 各: the quantity also holds for the items before it that have none
    each_ahead: bool = False  # 各来一盒:鸡翅中,鸡爪 — … and for the items after it
    usual: bool = False
    requests: list[str] = field(default_factory=list)  # 切丝, 杀好 …
    first: int = 0  # token range, for the source text
    last: int = 0


@dataclass(frozen=True)
class Fix:
    """A correction word between segments: cancel (不要了), change (改成), more (再加), less (少).
    `glued` says whether it touches the segment before it without a hard separator (苹果不要了, not 苹果,算了)."""


    kind: str
    raw: str
    glued: bool
    then: bool = False  # touches the segment after it (不要香蕉了, not 不要了,…)


@dataclass
class Segment:
    items: list[RawItem]
    orphans: list[str]  # quantities with no product (再来两斤)
    raw: str
    notes: list[str] = field(default_factory=list)  # 明天下午3点, 3栋502, 来拿
    requests: list[str] = field(default_factory=list)  # 切丝 … with no product in this segment (…,帮忙剁块)
    hint: str = ""  # a description with no product in this segment (草莓两盒,要丹东的)
    fixes: list[Fix] = field(default_factory=list)  # corrections between the segment before and this one


@dataclass
class SplitMessage:
    segments: list[Segment]
    tokens: list[Token]
    trailing: list[Fix] = field(default_factory=list)  # corrections after the last segment (…,算了)

    def source(self, item: RawItem) -> str:
        return "".join(t.raw for t in self.tokens[item.first:item.last + 1]).strip()


def split_message(text: str, known: Collection[str], is_product: Callable[[str], bool]) -> SplitMessage:
    """Items of a normalised message; `known` are names/aliases kept whole, `is_product` tells whether
    loose words beside a known name are a product of their own (蓝梅草莓) or a hint about it (大果蓝莓)."""
    tokens = tokenize(text, known)
    ranges, fixes = _segments(tokens)
    segments = [_segment_items(tokens, first, last, is_product) for first, last in ranges]
    for segment, before in zip(segments, fixes, strict=False):
        segment.fixes = before
    _attach_to_previous(segments)
    _fill_each([item for seg in segments for item in seg.items])
    return SplitMessage(segments, tokens, fixes[-1] if len(fixes) > len(segments) else [])


def _segments(tokens: list[Token]) -> tuple[list[tuple[int, int]], list[list[Fix]]]:
    """Token ranges between separators, with bare quantities joined to their product, and the corrections
    before each range (one more list when corrections end the message)."""
    ranges: list[tuple[int, int]] = []
    soft_before: list[bool] = []
    fixes: list[list[Fix]] = [[]]
    between: set[str] = set()
    after_fix: set[str] = set()  # separators since the last correction word
    start = 0
    for i, tok in enumerate([*tokens, Token("sep", "")]):
        if tok.kind not in ("sep", "soft", *CORRECTION_KINDS):
            continue
        if i > start and any(t.kind != "noise" for t in tokens[start:i]):  # 还有吗? alone says nothing
            ranges.append((start, i - 1))
            soft_before.append(between == {"soft"})
            if fixes[-1] and "sep" not in after_fix:
                fixes[-1][-1] = replace(fixes[-1][-1], then=True)
            between = set()
            fixes.append([])
        after_fix = set() if tok.kind in CORRECTION_KINDS else after_fix | {tok.kind}
        if tok.kind in CORRECTION_KINDS:
            fixes[-1].append(Fix(tok.kind, tok.raw, bool(ranges) and not between - {"soft"}))
        between.add(tok.kind)
        start = i + 1
    merged: list[tuple[int, int]] = []
    merged_fixes: list[list[Fix]] = []
    for (first, last), soft, before in zip(ranges, soft_before, fixes, strict=False):
        if merged and not before:
            kinds = {t.kind for t in tokens[first:last + 1]}
            prev = {t.kind for t in tokens[merged[-1][0]:merged[-1][1] + 1]}
            named, prev_named = bool(kinds & {"name", "char"}), bool(prev & {"name", "char"})
            # 蓝莓,2盒 / 菠菜 两斤: a bare quantity goes back to a product without one; 两斤 菠菜: forward;
            # 草莓两盒 丹东的: a bare description goes back to the product
            if ("qty" in kinds and not named and prev_named and "qty" not in prev) or (
                    soft and "qty" in prev and not prev_named) or (kinds <= {"hint", "noise"} and prev_named):
                merged[-1] = (merged[-1][0], last)
                continue
        merged.append((first, last))
        merged_fixes.append(before)
    return merged, merged_fixes + ([fixes[-1]] if fixes[-1] else [])


Element = tuple[str, object, int, int]  # (kind, payload, first token, last token)


def _segment_items(tokens: list[Token], first: int, last: int, is_product: Callable[[str], bool]) -> Segment:
    elements, notes = _elements(tokens, first, last, is_product)
    raw = _text(tokens, first, last)
    note_texts = [_text(tokens, a, b) for a, b in notes]
    if not any(kind in ("name", "usual") for kind, *_ in elements):
        return _segment_without_product(tokens, elements, raw, note_texts)
    items, orphans, pending = _pair(tokens, elements)
    items = _refine(items)
    _place_trailing(tokens, items, orphans, pending)
    return Segment(items, orphans, raw, note_texts)


def _text(tokens: list[Token], first: int, last: int) -> str:
    return "".join(t.raw for t in tokens[first:last + 1]).strip()


def _elements(tokens: list[Token], first: int, last: int, is_product: Callable[[str], bool]
              ) -> tuple[list[Element], list[tuple[int, int]]]:
    """A segment's tokens in order as names, quantities, hints, requests, 各 and 老规矩, and the token
    ranges of its notes (晚上6点 + 来拿 is one note). Noise neither ends a name nor splits a note."""
    elements: list[Element] = []
    notes: list[tuple[int, int]] = []
    run: list[int] = []
    for i in range(first, last + 1):
        tok = tokens[i]
        if tok.kind in ("char", "name"):
            run.append(i)
        elif tok.kind == "note":
            _close_run(tokens, run, elements, is_product)
            if notes and all(t.kind in ("noise", "note") for t in tokens[notes[-1][1] + 1:i]):
                notes[-1] = (notes[-1][0], i)
            else:
                notes.append((i, i))
        elif tok.kind != "noise":
            _close_run(tokens, run, elements, is_product)
            elements.append((tok.kind, tok.raw if tok.kind in ("request", "hint") else tok.quantity, i, i))
    _close_run(tokens, run, elements, is_product)
    return elements, notes


def _close_run(tokens: list[Token], run: list[int], elements: list[Element], is_product: Callable[[str], bool]
               ) -> None:
    """The name characters collected so far become names; a bare unit in front with no quantity before
    it (盒蓝莓) is a quantity of one."""
    if not run:
        return
    head = tokens[run[0]]
    if (head.kind == "char" and head.raw in BARE_UNITS and len(run) > 1
            and not (elements and elements[-1][0] == "qty")):
        elements.append(("qty", Quantity(Decimal(1), head.raw, head.raw), run[0], run[0]))
        del run[0]
    for part, a, b in _name_parts(tokens, run, is_product):
        elements.append(("name", part, a, b))
    run.clear()


def _segment_without_product(tokens: list[Token], elements: list[Element], raw: str, note_texts: list[str]
                             ) -> Segment:
    """No product named: its quantities are orphans (再来两斤); its requests and description wait for
    the product before it (…,帮忙剁块 / …,要丹东的)."""
    leftover = "".join(tokens[i].raw for kind, _, i, _ in elements if kind == "qty")
    asked = [payload for kind, payload, _, _ in elements if kind == "request"]
    described = "".join(payload for kind, payload, _, _ in elements if kind == "hint")
    return Segment([], [leftover] if leftover else [], raw, note_texts, asked, described)


def _pair(tokens: list[Token], elements: list[Element]
          ) -> tuple[list[RawItem], list[str], list[tuple[Quantity, int]]]:
    """Names with their quantities, hints and requests in the customer's order: a segment that starts
    with a quantity puts quantities before names (2盒蓝莓), else after them (蓝莓2盒). Returns the items,
    the quantities with no product, and the quantities still waiting for a name at the end."""
    items: list[RawItem] = []
    orphans: list[str] = []
    pending: list[tuple[Quantity, int]] = []
    pending_each = False
    requests: list[str] = []
    hint, hint_start = "", 0
    prefix = next((kind for kind, *_ in elements if kind in ("qty", "name")), "") == "qty"
    for kind, payload, a, b in elements:
        named = [it for it in items if not it.usual]
        if kind == "request":
            (named[-1].requests if named else requests).append(payload)
        elif kind == "hint" and named:
            named[-1].name.hint += payload
            named[-1].name.words += payload
        elif kind == "hint":
            hint_start = a if not hint else hint_start
            hint += payload
        elif kind == "usual":
            items.append(RawItem(None, usual=True, first=a, last=b))
        elif kind == "each":
            if prefix:
                pending_each = True
            elif items:
                items[-1].each = True
        elif kind == "qty" and prefix:
            pending.append((payload, a))
        elif kind == "qty":
            if items and not items[-1].usual:
                items[-1].quantities.append(payload)
                items[-1].last = b
            else:
                orphans.append(tokens[a].raw)
        elif kind == "name":
            start = min(pending[0][1] if pending else a, hint_start if hint else a)
            if hint:  # 红颜的草莓: the description before the name
                payload = NamePart(payload.query, hint + payload.hint, hint + payload.words, payload.known)
            items.append(RawItem(payload, [q for q, _ in pending], each=pending_each, first=start, last=b,
                                 requests=requests, each_ahead=pending_each and not items))
            pending, pending_each, requests, hint = [], False, [], ""
    return items, orphans, pending


def _place_trailing(tokens: list[Token], items: list[RawItem], orphans: list[str],
                    pending: list[tuple[Quantity, int]]) -> None:
    """Quantities after the last name of a quantity-first segment: 2盒蓝莓 山药1袋 — the last product
    takes them when it has none; otherwise they are an orphan."""
    if not pending:
        return
    named = [it for it in items if not it.usual]
    if named and (not named[-1].quantities or _other_kind(named[-1].quantities, [q for q, _ in pending])):
        named[-1].quantities += [q for q, _ in pending]  # 450ml鲜奶2瓶: the pack before, how many after
        named[-1].last = pending[-1][1]
    else:
        orphans.append("".join(tokens[i].raw for _, i in pending))


def _other_kind(have: list[Quantity], more: list[Quantity]) -> bool:
    """Measures (450ml) on one side and counts (2瓶) on the other: a pack and how many, not two orders."""
    return {is_measure(q.unit) for q in have} == {True} and {is_measure(q.unit) for q in more} == {False}


def _attach_to_previous(segments: list[Segment]) -> None:
    """草莓三盒,要大盒的 / 三黄鸡一只,帮忙剁块: a segment saying only a size or a request is about the
    product before it."""
    previous: RawItem | None = None
    for segment in segments:
        if previous is not None and not any(fix.kind == "change" for fix in segment.fixes):  # 换成全麦的: a new one
            previous.requests += segment.requests
            previous.name.hint += segment.hint
            previous.name.words += segment.hint
            segment.requests, segment.hint = [], ""
            item = segment.items[0] if len(segment.items) == 1 else None
            if (item and item.name and not item.name.known and not item.quantities
                    and _SIZE_ONLY.fullmatch(item.name.query)):
                previous.name.hint += item.name.query
                previous.name.words += item.name.query
                segment.items = []
        named = [it for it in segment.items if not it.usual]
        previous = named[-1] if named else previous


def _refine(items: list[RawItem]) -> list[RawItem]:
    """鸡蛋两盒(土鸡蛋): a name with no quantity that spells out the one before it replaces its words."""
    out: list[RawItem] = []
    for item in items:
        before = out[-1] if out else None
        if (before and before.name and item.name and before.quantities and not item.quantities
                and before.name.query != item.name.query and before.name.query in item.name.query):
            before.name = NamePart(item.name.query, before.name.hint + item.name.hint,
                                   before.name.words + item.name.words, item.name.known)
            before.last = item.last
            continue
        out.append(item)
    return out


def _name_parts(tokens: list[Token], run: list[int], is_product: Callable[[str], bool]):
    """One run of name characters → the products it names, each with the loose words beside it as a hint."""
    pieces: list[tuple[str, bool, int, int]] = []  # text, protected, first token, last token
    for i in run:
        tok = tokens[i]
        if tok.kind == "char" and pieces and not pieces[-1][1]:
            text, _, a, _ = pieces[-1]
            pieces[-1] = (text + tok.raw, False, a, i)
        else:
            pieces.append((tok.raw, tok.kind == "name", i, i))
    if not any(protected for _, protected, _, _ in pieces):
        words = "".join(text for text, *_ in pieces)
        return [(NamePart(words, "", words), run[0], run[-1])]
    # loose words that name a product themselves stand alone; the rest hint at the next (or last) name
    parts: list[tuple[NamePart, int, int]] = []
    loose: list[tuple[str, int]] = []
    for text, protected, a, b in pieces:
        if not protected and not (len(text) >= 2 and is_product(text)):
            loose.append((text, a))
            continue
        hint = "".join(t for t, _ in loose)
        start = loose[0][1] if loose else a
        parts.append((NamePart(text, hint, hint + text, known=protected), start, b))
        loose = []
    if loose and parts:
        part, a, _ = parts[-1]
        tail = "".join(t for t, _ in loose)
        parts[-1] = (NamePart(part.query, part.hint + tail, part.words + tail, part.known), a, run[-1])
    return parts


def _fill_each(items: list[RawItem]) -> None:
    """蓝莓、草莓各2盒: 各 gives its quantity to the items just before it that have none."""
    for n, item in enumerate(items):
        if not item.each or not item.quantities:
            continue
        for before in reversed(items[:n]):
            if before.usual or before.quantities:
                break
            before.quantities = list(item.quantities)
        for after in items[n + 1:] if item.each_ahead else ():
            if after.usual or after.quantities:
                break
            after.quantities = list(item.quantities)
