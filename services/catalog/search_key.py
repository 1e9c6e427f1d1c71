"""The stored search key: name, pinyin initials and full pinyin (蓝莓 → 蓝莓 lm lanmei)."""
from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin_initials(text: str) -> str:
    return "".join(p[0] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default") if p).lower()


def pinyin_full(text: str) -> str:
    return "".join(lazy_pinyin(text, errors="default")).lower()


def build_search_key(name: str, spec: str = "", sku: str = "", category: str = "") -> str:
    parts = [name.lower(), pinyin_initials(name), pinyin_full(name), sku.lower()]
    if spec:
        parts.append(spec.lower())
    if category:
        parts += [category.lower(), pinyin_initials(category)]
    return " ".join(p for p in parts if p)
