"""Finding the products a customer's words may mean, each with a score 0–1.

Ways to match, best first: a learned alias (1.0), the exact name (1.0), the words inside a longer
name (铁棍山药 for 山药, 0.7–0.95 by how much of the name they cover), a colloquial word for a
label word (排骨 → 猪肋排, ×0.95), the same pinyin (蓝梅 → 蓝莓, 0.9), pinyin letters (lm, lanmei),
the name's start and then some of its characters (阿克苏苹果 → 阿克苏冰糖心苹果, 0.65–0.85), and fuzzy
similarity of characters or of pinyin syllable by syllable (rapidfuzz, up to 0.85).

The catalogue's matching structures (pinyin, specs) are built once and rebuilt only when products,
their units or the aliases change: the cache key is a few aggregates of those tables.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz, process

from models import Product, ProductUnit, database
from models.aliases import ProductAlias
from models.db import is_sqlite
from services.catalog.unit_words import UNIT_WORDS, pack_measure, pack_size, spec_qualifier
from services.group_orders.cn_numbers import CN_DIGITS, CN_UNITS
from services.group_orders.grocery_synonyms import SYNONYMS

ALIAS_DAMPING = 0.85  # other products named by learned-alias words (蓝莓 → 蓝莓 大果) score this much less
EXACT_ENOUGH = 0.95  # the exact name (or its colloquial word) is there: near misses need not be looked for
FLOOR = 0.6  # below this a product is not a candidate at all
SOUND_ALIKE = 0.85  # the same sound but for z/zh, n/l, an/ang (西郎花 → 西兰花, 子薯 → 紫薯)
WRITTEN = ("name", "contains", "synonym")  # the words name products as they are written
TYPO_WHEN_WRITTEN = 0.7  # ... so reading them as a typo of another name (same sound, near letters) steps back
NOT_HEAD = 0.05  # words inside a name but not ending it name a part or a flavour (鲜奶 in 鲜奶油), not the thing
FUZZY_CUTOFF = 75  # rapidfuzz ratio 0–100 on characters
SYLLABLE_CUTOFF = 60  # rapidfuzz ratio of two pinyin syllables that sound alike
_LATIN = re.compile(r"[a-z]+")
REMEMBERED = 4096  # words whose matches an index keeps


@dataclass(frozen=True, eq=False)
class CatalogueProduct:
    id: int
    sku: str
    name: str
    spec: str
    base_unit: str
    units: dict[str, Decimal]  # extra unit → base units in one (箱 → 12)
    qualifier: str  # spec words that are not measures (大果, 丹东, jj级)
    pack_measure: tuple[str, Decimal] | None  # exact content of one base unit from the spec (500g/袋)
    pack_size: tuple[str, Decimal] | None  # for 大盒/小瓶


@dataclass(frozen=True)
class NameMatch:
    product_id: int
    score: float  # 0–1 for how well the words name this product (not a quantity)
    how: str  # alias | name | contains | synonym | abbreviation | pinyin | letters | fuzzy
    leftover: str = ""  # words of the query the name did not use (大果 of 大果兰莓)


@lru_cache(maxsize=8192)
def syllables(text: str) -> tuple[str, ...]:
    """One pinyin syllable per character (non-Chinese characters stand for themselves)."""
    from pypinyin import lazy_pinyin  # its dictionaries load when a message is first read, not with the window

    return tuple(lazy_pinyin(text, errors=lambda chars: list(chars)))


_RETROFLEX = re.compile(r"^([zcs])h")
_NASAL_END = re.compile(r"ng$")


@lru_cache(maxsize=8192)
def _loose_syllable(syllable: str) -> str:
    """The syllable as a southern ear hears it: zh/ch/sh → z/c/s, n → l, -ng → -n (an/ang, in/ing)."""
    loose = _RETROFLEX.sub(r"\1", syllable)
    loose = "l" + loose[1:] if loose.startswith("n") else loose
    return _NASAL_END.sub("n", loose)


def sound_key(sylls: tuple[str, ...]) -> str:
    return " ".join(_loose_syllable(s) for s in sylls)


def _spaced(sylls: tuple[str, ...]) -> str:
    return " " + " ".join(sylls) + " "


class KnownWords(frozenset):
    """Names and aliases kept whole in a message, with the length of the longest (for the lookup)."""

    longest: int

    def __new__(cls, words) -> KnownWords:
        made = super().__new__(cls, words)
        made.longest = max(map(len, made), default=0)
        return made

    def plus(self, more: list[str]) -> KnownWords:
        return self if not more else KnownWords(self | set(more))


class CatalogueIndex:
    """Active products and aliases, prepared for matching words against them."""

    def __init__(self, products: list[CatalogueProduct], aliases: dict[str, int]):
        self.products = {p.id: p for p in products}
        self.aliases = {a: pid for a, pid in aliases.items() if pid in self.products}
        self.ids_by_name: dict[str, list[int]] = {}
        for p in products:
            self.ids_by_name.setdefault(p.name, []).append(p.id)
        self.names = list(self.ids_by_name)
        self.names_lower = [n.lower() for n in self.names]  # messages are read in lower case (A2 → a2)
        self.name_set = set(self.names_lower)
        self.name_pinyin = [_spaced(syllables(n)) for n in self.names_lower]
        self.name_sound = [f" {sound_key(syllables(n))} " for n in self.names_lower]
        self.name_letters = ["".join(s[0] for s in syllables(n) if s) for n in self.names_lower]
        self.name_joined = [p.replace(" ", "") for p in self.name_pinyin]
        self.by_pinyin: dict[str, list[int]] = {}
        for i, name_py in enumerate(self.name_pinyin):
            self.by_pinyin.setdefault(name_py, []).append(i)
        self.syllable_counts = [name_py.count(" ") - 1 for name_py in self.name_pinyin]
        self.pinyin_blob, self.sound_blob = _Blob(self.name_pinyin), _Blob(self.name_sound)
        self.name_blob = _Blob(self.names_lower)
        self.by_first: dict[str, list[int]] = {}
        for i, name in enumerate(self.names_lower):
            self.by_first.setdefault(name[:1], []).append(i)
        self.by_sound: dict[str, list[int]] = {}
        for i, name in enumerate(self.names_lower):
            if len(name) >= 2:
                self.by_sound.setdefault(sound_key(syllables(name)), []).append(i)
        self.longest = max((len(n) for n in self.names_lower), default=0)
        self.names_by_length: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
        for i, name in enumerate(self.names_lower):
            self.names_by_length.setdefault(len(syllables(name)), []).append((i, syllables(name)))
        # names and aliases kept whole when a message is split (single characters are too risky); names that
        # start with a numeral also by their first characters (三文鱼 of 三文鱼刺身 is not 三 + 文鱼, 五花 not 五 + 花),
        # unless the second character is a unit or a numeral (三只 stays a quantity)
        numeral_prefixes = {n[:k] for n in self.names_lower if n[0] in CN_DIGITS | CN_UNITS.keys()
                            for k in range(2, len(n)) if n[1] not in UNIT_WORDS and n[1] not in CN_DIGITS}
        self.known_words = KnownWords({n for n in self.names_lower if len(n) >= 2} | numeral_prefixes
                                      | set(self.aliases))
        self._remembered: dict[str, list[NameMatch]] = {}

    def remembered(self, query: str) -> list[NameMatch]:
        """match(query), kept for this catalogue (a changed one is a new index): a shop's messages name the
        same products day after day, and a day's group orders are read one after another."""
        found = self._remembered.get(query)
        if found is None:
            if len(self._remembered) >= REMEMBERED:
                self._remembered.clear()
            found = self._remembered[query] = self.match(query)
        return found

    def match(self, query: str) -> list[NameMatch]:
        """Every product the words may name with a score ≥ FLOOR, best first (one entry per product)."""
        query = query.strip().lower()
        if not query:
            return []
        best: dict[int, NameMatch] = {}

        def offer(name_index: int, score: float, how: str, leftover: str = "") -> None:
            if score < FLOOR:
                return
            for pid in self.ids_by_name[self.names[name_index]]:
                if pid not in best or best[pid].score < score:
                    best[pid] = NameMatch(pid, round(score, 4), how, leftover)

        self._by_text(query, 1.0, offer)
        for rewritten in _synonym_rewrites(query):
            self._by_text(rewritten, 0.95, offer, how="synonym")
        self._by_abbreviation(query, offer)
        if _LATIN.fullmatch(query):
            self._by_letters(query, offer)
        else:
            self._by_pinyin(query, offer)
            for i in self.by_sound.get(sound_key(syllables(query)), ()):
                if _sounds_like(query, self.names_lower[i]):
                    offer(i, SOUND_ALIKE, "sound")
        if not best or max(m.score for m in best.values()) < EXACT_ENOUGH:
            self._by_fuzzy(query, offer)
        if any(m.how in WRITTEN for m in best.values()):  # 橙子 is a word as written: 蛏子 would be a typo
            best = {pid: m if m.how in WRITTEN else NameMatch(pid, round(m.score * TYPO_WHEN_WRITTEN, 4), m.how, m.leftover)
                    for pid, m in best.items()}
        if query in self.aliases:  # the clerk has said what these words mean: the rest steps back
            best = {pid: NameMatch(pid, round(m.score * ALIAS_DAMPING, 4), m.how, m.leftover) for pid, m in best.items()}
            best[self.aliases[query]] = NameMatch(self.aliases[query], 1.0, "alias")
        return sorted(best.values(), key=lambda m: (-m.score, m.product_id))

    def sound_alikes(self, text: str) -> list[str]:
        """Words in a message that sound like a catalogue name (四级豆 for 四季豆, 西郎花 for 西兰花) sharing
        at least one character with it, so they are read whole (not 四 + 级豆); digits and units never
        stand for a name's sound (几斤 is not 鸡精)."""
        sounds = [syllables(ch)[0] if "\u4e00" <= ch <= "\u9fff" else "" for ch in text]
        found = []
        for start in range(len(text)):
            for end in range(start + 2, min(len(text), start + self.longest) + 1):
                if not all(sounds[start:end]):
                    break
                word = text[start:end]
                for i in self.by_sound.get(sound_key(tuple(sounds[start:end])), ()):
                    name = self.names_lower[i]
                    if word != name and _sounds_like(word, name):
                        found.append(word)
                        break
        return found

    def _by_text(self, query: str, weight: float, offer, how: str = "") -> None:
        for i in self.name_blob.names_with(query):
            lowered = self.names_lower[i]
            if lowered == query:
                offer(i, weight, how or "name")
            else:
                cover = len(query) / len(lowered)
                head = 0.0 if head_of(lowered).endswith(query) else NOT_HEAD
                offer(i, weight * ((0.7 if len(query) >= 2 else 0.65) + 0.25 * cover) - head, how or "contains")

    def _by_abbreviation(self, query: str, offer) -> None:
        """阿克苏苹果 for 阿克苏冰糖心苹果, a2牛奶 for A2β-酪蛋白鲜牛奶: the name's start, then the rest in order."""
        if len(query) < 3:
            return
        for i in self.by_first.get(query[0], ()):
            name = self.names_lower[i]
            if len(name) > len(query) and _in_order(query, name):
                offer(i, 0.65 + 0.2 * len(query) / len(name), "abbreviation")

    def _by_pinyin(self, query: str, offer) -> None:
        """The same sound as a name (蓝梅), inside a name, heard loosely inside a name (刘奶 → 巴氏鲜牛奶), or a
        name's sound inside the words (大果兰莓 → 蓝莓, 大果 left over). Searched in one string of all names'
        syllables, so a 5,000-product catalogue costs a few string searches, not a loop."""
        q = syllables(query)
        spaced = _spaced(q)
        for i in self.by_pinyin.get(spaced, ()):
            offer(i, 0.9, "pinyin")
        if len(q) < 2:
            return
        for i in self.pinyin_blob.names_with(spaced):
            offer(i, 0.9 * (0.7 + 0.25 * len(q) / self.syllable_counts[i]), "pinyin")
        for i in self.sound_blob.names_with(f" {sound_key(q)} "):
            if _shares_sound(query, self.names_lower[i]):
                offer(i, SOUND_ALIKE * (0.7 + 0.25 * len(q) / self.syllable_counts[i]), "sound")
        for first in range(len(q)):
            for last in range(first + 2, len(q) + 1):
                if last - first == len(q):
                    continue
                for i in self.by_pinyin.get(_spaced(q[first:last]), ()):
                    offer(i, 0.9 * 0.95, "pinyin", query[:first] + query[last:])

    def _by_letters(self, query: str, offer) -> None:
        for i, (letters, joined) in enumerate(zip(self.name_letters, self.name_joined, strict=True)):
            if query == letters:
                offer(i, 0.85, "letters")
            elif query == joined:
                offer(i, 0.9, "letters")
            elif len(query) >= 2 and (letters.startswith(query) or joined.startswith(query)):
                offer(i, 0.6 + 0.2 * len(query) / max(len(letters), len(joined)), "letters")

    def _by_fuzzy(self, query: str, offer) -> None:
        """Characters (阿克苏冰糖心平果) and sounds syllable by syllable (茼篙 → 茼蒿, 秋癸 → 秋葵)."""
        if len(query) < 2:
            return
        for _, ratio, i in process.extract(query, self.names_lower, scorer=fuzz.ratio, limit=8,
                                           score_cutoff=FUZZY_CUTOFF):
            offer(i, 0.85 * ratio / 100, "fuzzy")
        q = syllables(query)
        for i, name_sylls in self.names_by_length.get(len(q), ()):
            similarity = sum(_syllable_similarity(a, b) for a, b in zip(q, name_sylls, strict=True)) / len(q)
            offer(i, 0.85 * similarity, "fuzzy")


class _Blob:
    """Many short strings in one, to find every one containing a piece with str.find (C speed)."""

    def __init__(self, parts: list[str]):
        self.text = "\n".join(parts)
        self.starts = []
        at = 0
        for part in parts:
            self.starts.append(at)
            at += len(part) + 1

    def names_with(self, piece: str) -> list[int]:
        found, at = [], self.text.find(piece)
        while at != -1:
            index = bisect_right(self.starts, at) - 1
            if not found or found[-1] != index:
                found.append(index)
            at = self.text.find(piece, at + 1)
        return found


@lru_cache(maxsize=65536)
def _syllable_similarity(a: str, b: str) -> float:
    """1 for the same sound, 0.5 for a near one (gao/hao, gui/kui), else 0: 草莓 is not 蓝莓."""
    if a == b:
        return 1.0
    return 0.5 if fuzz.ratio(a, b) >= SYLLABLE_CUTOFF else 0.0


_FIXED = frozenset(CN_DIGITS) | frozenset(CN_UNITS) | frozenset(UNIT_WORDS)  # stand only for themselves


_CODE_END = re.compile(r"[\da-z#\-]+号?$")


def head_of(name: str) -> str:
    """The name without a variety code at its end (烟薯25号 → 烟薯): what the thing is."""
    return _CODE_END.sub("", name) or name


def _sounds_like(word: str, name: str) -> bool:
    """Same length, one character at least the name's own, and a numeral or a unit only for itself."""
    if len(word) != len(name) or not any(a == b for a, b in zip(word, name, strict=True)):
        return False
    return all(a == b or (a not in _FIXED and b not in _FIXED) for a, b in zip(word, name, strict=True))


def _shares_sound(word: str, name: str) -> bool:
    """Words heard inside a longer name: one character shared, no numeral or unit standing for another."""
    return any(ch in name for ch in word) and all(ch in name or ch not in _FIXED for ch in word)


def _in_order(query: str, name: str) -> bool:
    rest = iter(name)
    return all(ch in rest for ch in query)


def _synonym_rewrites(query: str) -> list[str]:
    out = []
    for word in sorted(SYNONYMS, key=len, reverse=True):
        if word in query:
            out += [query.replace(word, target) for target in SYNONYMS[word]]
    return out


_cache: dict[str, object] = {}


def _catalogue_stamp() -> tuple:
    """Changes whenever a product, unit or alias is added, edited or removed: counts, newest ids and edit
    times, and id-weighted text lengths (cheap aggregates, 0.1 ms; plain SQL that PostgreSQL runs too)."""
    row = database.execute_sql(
        "SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(CAST(max(updated_at) AS TEXT), '') || ':' || "
        "coalesce(sum(id * (length(name) + 7 * length(spec) + 31 * length(base_unit) "
        "+ CASE WHEN active THEN 127 ELSE 0 END)), 0) "
        "FROM product), "
        "(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(id * (factor + length(name))), 0) "
        "FROM product_unit), "
        "(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(CAST(max(updated_at) AS TEXT), '') || ':' || "
        "coalesce(sum(id * product_id), 0) FROM product_alias)"
    ).fetchone()
    return (id(database.obj), getattr(database.obj, "database", ""), *row)


def _unchanged_since_last_look() -> tuple | None:
    """On SQLite, a key that stays the same while nothing was written by this connection (total_changes)
    or committed by another (PRAGMA data_version): then the aggregates need not be read again (they take
    5 ms on 5,000 products). None elsewhere (PostgreSQL reads the stamp each time)."""
    if not is_sqlite():
        return None
    connection = database.connection()
    version = connection.execute("PRAGMA data_version").fetchone()[0]
    return id(database.obj), id(connection), version, connection.total_changes


def catalogue_index() -> CatalogueIndex:
    """The matching structures for the current catalogue, rebuilt only when it changed."""
    quick = _unchanged_since_last_look()
    if quick is not None and _cache.get("quick") == quick and "index" in _cache:
        return _cache["index"]  # type: ignore[return-value]
    stamp = _catalogue_stamp()
    if _cache.get("stamp") != stamp:
        _cache["index"] = _build_index()
        _cache["stamp"] = stamp
    _cache["quick"] = quick
    return _cache["index"]  # type: ignore[return-value]


def _build_index() -> CatalogueIndex:
    units: dict[int, dict[str, Decimal]] = {}
    for pid, name, factor in ProductUnit.select(ProductUnit.product, ProductUnit.name, ProductUnit.factor).tuples():
        units.setdefault(pid, {})[name] = factor
    products = [
        CatalogueProduct(pid, sku, name, spec, base_unit, units.get(pid, {}), spec_qualifier(spec),
                         pack_measure(spec), pack_size(spec))
        for pid, sku, name, spec, base_unit in Product.select(
            Product.id, Product.sku, Product.name, Product.spec, Product.base_unit
        ).where(Product.active).order_by(Product.id).tuples()
    ]
    aliases = dict(ProductAlias.select(ProductAlias.alias, ProductAlias.product).tuples())
    return CatalogueIndex(products, aliases)
