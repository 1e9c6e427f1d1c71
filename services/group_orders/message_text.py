"""Reading a group-chat message into tokens: names, quantities, separators, notes, wishes, noise.

Known product names and aliases found in the message are kept whole (烟薯25号, 五花肉 and 和牛 must not
be cut at 25, 五 or 和); around them a single pattern reads separators, 各, notes, wishes, polite noise
and quantities (the words are in order_words). order_items pairs the tokens up into items.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from services.group_orders.message_words import (
    CHANGE_PATTERN,
    CORRECTION_PATTERNS,
    EACH_WORDS,
    GREETINGS,
    LESS_PATTERN,
    MORE_PATTERN,
    NOISE_PATTERNS,
    NOISE_WORDS,
    NOTE_PATTERN,
    REQUEST_WORDS,
    SEPARATOR_CHARS,
    SEPARATOR_WORDS,
    USUAL_WORDS,
)
from services.group_orders.quantity_words import QUANTITY_PATTERN, Quantity, quantity_from_match


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TOKEN_RE = re.compile(
    rf"(?P<greeting>{_alternation(GREETINGS)})"
    rf"|(?P<sep>[\s{re.escape(SEPARATOR_CHARS)}]+|(?<!\d)\.|\.(?!\d)|{_alternation(SEPARATOR_WORDS)})"
    rf"|(?P<each>{_alternation(EACH_WORDS)})"
    rf"|(?P<note>{NOTE_PATTERN})"
    rf"|(?P<request>{_alternation(REQUEST_WORDS)})"
    rf"|(?P<cancel>{_alternation(CORRECTION_PATTERNS['cancel'])})"
    rf"|(?P<change>{_alternation(CORRECTION_PATTERNS['change'])}|{CHANGE_PATTERN})"
    rf"|(?P<more>{_alternation(CORRECTION_PATTERNS['more'])}|{MORE_PATTERN})"
    rf"|(?P<less>{LESS_PATTERN})"
    rf"|(?P<noise>{'|'.join(NOISE_PATTERNS)}|{_alternation(NOISE_WORDS)})"
    rf"|(?P<qty>{QUANTITY_PATTERN})"
    r"|(?P<char>.)",
    re.S,
)
PACK_MEASURES = ("克", "公斤", "毫升", "升")  # canonical units that describe a pack (500ml, 1kg)
_WECHAT_EMOJI = re.compile(r"\[[\u4e00-\u9fff]{1,4}\]")  # [抱拳] [玫瑰] as WeChat pastes them
_TAG = re.compile(r"【[^】]{0,12}】|#[^\s#]{1,12}#")  # 【团购】, #接龙#: a group's label, not an order
_MENTION = re.compile(r"@\S+\s")
_SALUTATION = re.compile(r"^\s*[\u4e00-\u9fff]{0,2}?(?:姐姐|姐|哥|阿姨|姨|叔|老板|老师|师傅)(?=[\s,!:~.。]|$)")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)](?!\d)", re.M)
_PLACEHOLDER_BASE = 0xE000  # private-use characters stand for a protected name while scanning


def normalise_message(text: str) -> str:
    """Full-width → ASCII, lower case; emoji, WeChat [表情], @mentions and list numbers become spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _WECHAT_EMOJI.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _LIST_MARKER.sub(" ", text)
    text = _SALUTATION.sub(" ", text)
    text = "".join(" " if _is_decoration(ch) else ch for ch in text)
    return text.lower()


def _is_decoration(ch: str) -> bool:
    """Emoji, symbols, joiners and variation selectors: 🙏 👍🏻 ❤️."""
    category = unicodedata.category(ch)
    return category in ("So", "Sk", "Cs", "Co", "Cf") or (category == "Mn" and not ch.isalnum()) or ch == "\u20e3"


CORRECTION_KINDS = ("cancel", "change", "more", "less")


@dataclass
class Token:
    kind: str  # sep | soft (white space) | qty | each | note | request | hint | noise | char | name | usual
    #            | cancel | change | more | less (corrections: CORRECTION_KINDS)
    raw: str
    quantity: Quantity | None = None


def find_spans(text: str, known: Collection[str], longest: int) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of known words (a set; none longer than `longest`), longest first
    (有机菠菜 over 菠菜). The message's pieces are looked up, not every known word searched for."""
    found = [(start, end) for start in range(len(text))
             for end in range(start + 1, min(len(text), start + longest) + 1) if text[start:end] in known]
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int]] = []
    for start, end in found:
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
    return sorted(taken)


def tokenize(text: str, known: Collection[str]) -> list[Token]:
    """`known`: the catalogue's names and aliases (a set), kept whole."""
    words = _WithUsual(known)
    spans = find_spans(text, words, max(words.longest, _longest(known)))
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
        elif kind == "greeting":
            tokens.append(Token("noise", raw))
        else:
            tokens.append(Token(kind or "char", raw))
    return _modifiers(tokens)


_USUAL = frozenset(USUAL_WORDS)


class _WithUsual:
    """The known words and 老规矩's words, looked up without copying the catalogue's set."""

    longest = max(map(len, USUAL_WORDS))

    def __init__(self, known: Collection[str]):
        self.known = known

    def __contains__(self, word: object) -> bool:
        return word in self.known or word in _USUAL


def _longest(words: Collection[str]) -> int:
    return getattr(words, "longest", 0) or max(map(len, words), default=0)


def _modifiers(tokens: list[Token]) -> list[Token]:
    """丹东的, 950的, 大果的, 500ml的, 20个装(的): loose words, a bare number, a pack measure or a count
    with 装 right before 的 describe a product — a hint, not the quantity ordered."""
    out: list[Token] = []
    for tok in tokens:
        if tok.kind == "char" and tok.raw == "装" and out and out[-1].kind == "qty":
            out[-1] = Token("hint", out[-1].raw + tok.raw)  # 20个装 / 2斤装: the pack, not how many
            continue
        if tok.kind == "noise" and tok.raw == "的":
            start = len(out)
            if start and out[-1].kind == "qty" and _describes(out[-1].quantity):
                start -= 1  # 950的 / 500ml的: a number without a unit, or a pack measure, is not a quantity here
            while start and out[start - 1].kind == "char":
                start -= 1
            if start < len(out):
                out[start:] = [Token("hint", "".join(t.raw for t in out[start:]))]
        out.append(tok)
    return out


def _describes(quantity: Quantity) -> bool:
    """A number before 的 that names the pack: none (950的) or a metric measure (500ml的, 1kg的) — not
    两斤的, which customers write for how much they want."""
    return quantity.unit is None or quantity.unit in PACK_MEASURES
