"""The stored search key: name, pinyin initials and full pinyin (蓝莓 → 蓝莓 lm lanmei).

pypinyin is imported when a key is first computed: its dictionaries cost the window's start 0.3 s of CPU
and 56 MB, and the window computes no pinyin until a product or customer is saved."""
from __future__ import annotations


def pinyin_initials(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(p[0] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default") if p).lower()


def pinyin_full(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text, errors="default")).lower()


def build_search_key(name: str, spec: str = "", sku: str = "", category: str = "") -> str:
    from pypinyin import lazy_pinyin

    # the name's pinyin once: its first letters are FIRST_LETTER's (checked on 34,000 names and random
    # CJK strings), and an import of 10,000 products spends most of its checking time here
    syllables = lazy_pinyin(name, errors="default")
    initials = "".join(p[0] for p in syllables if p).lower()
    parts = [name.lower(), initials, "".join(syllables).lower(), sku.lower()]
    if spec:
        parts.append(spec.lower())
    if category:
        parts += [category.lower(), pinyin_initials(category)]
    return " ".join(p for p in parts if p)
