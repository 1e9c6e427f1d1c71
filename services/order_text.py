"""Splitting a group-chat message into items: the words for a product, its quantities, and the raw text.

Known product names and aliases found in the message are kept whole (烟薯25号, 五花肉 and 和牛 must not
be cut at 25, 五 or 和); around them a single pattern reads separators, 各, polite noise and quantities.
Quantity and name pair up in the order the customer used (2盒蓝莓 or 蓝莓2盒).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from services.order_quantity import QUANTITY_PATTERN, Quantity, quantity_from_match

SEPARATOR_CHARS = r"+,;、。!?~…/|&"
SEPARATOR_WORDS = ("再加上", "还有", "再加", "再来", "再要", "还要", "另外", "以及", "然后", "外加", "加上", "和", "跟")
EACH_WORDS = ("每样各", "每样", "每种", "各")
USUAL_WORDS = ("还是老样子", "跟上次一样", "和上次一样", "老规矩", "老样子", "照旧", "同上次", "照上次", "按上次")
NOISE_WORDS = (
    "麻烦您了", "麻烦你了", "麻烦了", "麻烦", "谢谢老板", "谢谢啦", "谢谢你", "谢谢您", "谢谢", "多谢", "感谢",
    "辛苦了", "辛苦啦", "辛苦", "老板娘", "老板好", "老板", "亲爱的", "您好", "你好", "早上好", "上午好",
    "下午好", "晚上好", "在吗", "在不在", "帮我留一下", "帮我留", "帮我拿", "帮我带", "帮我准备", "帮我挑",
    "帮我", "帮忙", "给我留", "给我来", "给我", "我想要", "我要", "想要", "我想", "需要", "预定", "预订",
    "一下", "新鲜的", "新鲜", "好的", "哈哈", "要", "来", "拿", "买", "订", "留", "请", "亲", "哈", "啊",
    "呀", "吧", "呢", "哦", "噢", "嗯", "啦", "了", "的", "吗", "喔", "哟", ":", "(", ")", "[", "]",
    "【", "】", "「", "」", "“", "”", "\"", "'", "#", "-", "=", "《", "》",
)
# 来个西瓜 / 我要盒蓝莓: a unit with no number before a name means one of it.
BARE_UNITS = ("个", "盒", "袋", "斤", "把", "份", "箱", "瓶", "只", "颗", "串", "杯", "条")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TOKEN_RE = re.compile(
    rf"(?P<sep>[\s{re.escape(SEPARATOR_CHARS)}]+|(?<!\d)\.|\.(?!\d)|{_alternation(SEPARATOR_WORDS)})"
    rf"|(?P<each>{_alternation(EACH_WORDS)})"
    rf"|(?P<noise>{_alternation(NOISE_WORDS)})"
    rf"|(?P<qty>{QUANTITY_PATTERN})"
    r"|(?P<char>.)",
    re.S,
)
_WECHAT_EMOJI = re.compile(r"\[[\u4e00-\u9fff]{1,4}\]")  # [抱拳] [玫瑰] as WeChat pastes them
_MENTION = re.compile(r"@\S+\s")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)](?!\d)", re.M)
_PLACEHOLDER_BASE = 0xE000  # private-use characters stand for a protected name while scanning


def normalise_message(text: str) -> str:
    """Full-width → ASCII, lower case; emoji, WeChat [表情], @mentions and list numbers become spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _WECHAT_EMOJI.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _LIST_MARKER.sub(" ", text)
    text = "".join(" " if _is_decoration(ch) else ch for ch in text)
    return text.lower()


def _is_decoration(ch: str) -> bool:
    """Emoji, symbols, joiners and variation selectors: 🙏 👍🏻 ❤️."""
    category = unicodedata.category(ch)
    return category in ("So", "Sk", "Cs", "Co", "Cf") or (category == "Mn" and not ch.isalnum()) or ch == "\u20e3"


@dataclass
class Token:
    kind: str  # sep | soft (white space) | qty | each | noise | char | name | usual
    raw: str
    quantity: Quantity | None = None


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
    usual: bool = False
    first: int = 0  # token range, for the source text
    last: int = 0


@dataclass
class Segment:
    items: list[RawItem]
    orphans: list[str]  # quantities with no product (再来两斤)
    raw: str


@dataclass
class SplitMessage:
    segments: list[Segment]
    tokens: list[Token]

    def source(self, item: RawItem) -> str:
        return "".join(t.raw for t in self.tokens[item.first:item.last + 1]).strip()


def find_spans(text: str, known: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of known words, longest first (有机菠菜 over 菠菜)."""
    found: list[tuple[int, int]] = []
    for word in known:
        start = text.find(word)
        while start != -1:
            found.append((start, start + len(word)))
            start = text.find(word, start + 1)
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int]] = []
    for start, end in found:
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
    return sorted(taken)


def tokenize(text: str, known: Iterable[str]) -> list[Token]:
    spans = find_spans(text, [*known, *USUAL_WORDS])
    protected = [text[a:b] for a, b in spans]
    scan, last = [], 0
    for i, (start, end) in enumerate(spans):
        scan.append(text[last:start])
        scan.append(chr(_PLACEHOLDER_BASE + i))
        last = end
    scan.append(text[last:])
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer("".join(scan)):
        kind = match.lastgroup
        raw = match.group(0)
        if kind == "char" and ord(raw) >= _PLACEHOLDER_BASE and ord(raw) < _PLACEHOLDER_BASE + len(spans):
            word = protected[ord(raw) - _PLACEHOLDER_BASE]
            tokens.append(Token("usual" if word in USUAL_WORDS else "name", word))
        elif kind == "sep":
            tokens.append(Token("soft" if raw.isspace() else "sep", raw))
        elif kind == "qty":
            quantity = quantity_from_match(match)
            tokens.append(Token("qty", raw, quantity) if quantity else Token("char", raw))
        else:
            tokens.append(Token(kind or "char", raw))
    return tokens


def split_message(text: str, known: Iterable[str], is_product: Callable[[str], bool]) -> SplitMessage:
    """Items of a normalised message; `known` are names/aliases kept whole, `is_product` tells whether
    loose words beside a known name are a product of their own (蓝梅草莓) or a hint about it (大果蓝莓)."""
    tokens = tokenize(text, known)
    ranges = _segments(tokens)
    segments = [_segment_items(tokens, first, last, is_product) for first, last in ranges]
    _fill_each([item for seg in segments for item in seg.items])
    return SplitMessage(segments, tokens)


def _segments(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges between separators; across white space a bare quantity joins its product (两斤 菠菜)."""
    ranges: list[tuple[int, int]] = []
    soft_before: list[bool] = []
    between: set[str] = set()
    start = 0
    for i, tok in enumerate([*tokens, Token("sep", "")]):
        if tok.kind not in ("sep", "soft"):
            continue
        if i > start:
            ranges.append((start, i - 1))
            soft_before.append(between == {"soft"})
            between = set()
        between.add(tok.kind)
        start = i + 1
    merged: list[tuple[int, int]] = []
    for (first, last), soft in zip(ranges, soft_before, strict=True):
        if merged and soft:
            kinds = {t.kind for t in tokens[first:last + 1]}
            prev = {t.kind for t in tokens[merged[-1][0]:merged[-1][1] + 1]}
            named, prev_named = bool(kinds & {"name", "char"}), bool(prev & {"name", "char"})
            if ("qty" in kinds and not named and prev_named and "qty" not in prev) or ("qty" in prev and not prev_named):
                merged[-1] = (merged[-1][0], last)
                continue
        merged.append((first, last))
    return merged


def _segment_items(tokens: list[Token], first: int, last: int, is_product: Callable[[str], bool]) -> Segment:
    elements: list[tuple[str, object, int, int]] = []  # (kind, payload, first token, last token)
    run: list[int] = []

    def close_run() -> None:
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

    for i in range(first, last + 1):
        tok = tokens[i]
        if tok.kind in ("char", "name"):
            run.append(i)
        elif tok.kind != "noise":
            close_run()
            elements.append((tok.kind, tok.quantity, i, i))
    close_run()
    raw = "".join(t.raw for t in tokens[first:last + 1]).strip()
    if not any(kind in ("name", "usual") for kind, *_ in elements):
        return Segment([], [raw] if any(kind == "qty" for kind, *_ in elements) else [], raw)
    items: list[RawItem] = []
    orphans: list[str] = []
    pending: list[tuple[Quantity, int]] = []
    pending_each = False
    prefix = next((kind for kind, *_ in elements if kind != "usual"), "") == "qty"
    for kind, payload, a, b in elements:
        if kind == "usual":
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
            start = pending[0][1] if pending else a
            items.append(RawItem(payload, [q for q, _ in pending], each=pending_each, first=start, last=b))
            pending, pending_each = [], False
    if pending:
        named = [it for it in items if not it.usual]
        if named and not named[-1].quantities:  # 2盒蓝莓 山药1袋: the last product takes it
            named[-1].quantities = [q for q, _ in pending]
            named[-1].last = pending[-1][1]
        else:
            orphans.append("".join(tokens[i].raw for _, i in pending))
    return Segment(items, orphans, raw)


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
    pieces = [(text, protected or (len(text) >= 2 and is_product(text)), a, b) for text, protected, a, b in pieces]
    parts: list[tuple[NamePart, int, int]] = []
    loose: list[tuple[str, int]] = []
    for text, is_name, a, b in pieces:
        if not is_name:
            loose.append((text, a))
            continue
        hint = "".join(t for t, _ in loose)
        start = loose[0][1] if loose else a
        parts.append((NamePart(text, hint, hint + text, known=True), start, b))
        loose = []
    if loose and parts:
        part, a, _ = parts[-1]
        tail = "".join(t for t, _ in loose)
        parts[-1] = (NamePart(part.query, part.hint + tail, part.words + tail, known=True), a, run[-1])
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
