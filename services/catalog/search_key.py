"""The stored search key: name, pinyin initials and full pinyin (蓝莓 → 蓝莓 lm lanmei).

The pinyin comes from services/catalog/pinyin.py: pypinyin loads when a key is first computed (a product or
customer saved or imported), with its small phrase dictionary, never with the window nor for posting."""
from __future__ import annotations

import functools

from services.catalog.pinyin import lazy_pinyin


@functools.lru_cache(maxsize=1024)  # a category's initials, asked for every product of it
def pinyin_initials(text: str) -> str:
    return "".join(p[0] for p in lazy_pinyin(text, first_letters=True) if p).lower()


def pinyin_full(text: str) -> str:
    return "".join(lazy_pinyin(text)).lower()


def build_search_key(name: str, spec: str = "", sku: str = "", category: str = "") -> str:
    # the name's pinyin once: its first letters are FIRST_LETTER's (checked on 34,000 names and random
    # CJK strings), and an import of 10,000 products spends most of its checking time here
    syllables = lazy_pinyin(name)
    initials = "".join(p[0] for p in syllables if p).lower()
    parts = [name.lower(), initials, "".join(syllables).lower(), sku.lower()]
    if spec:
        parts.append(spec.lower())
    if category:
        parts += [category.lower(), pinyin_initials(category)]
    return " ".join(p for p in parts if p)
