"""Toneless pinyin for search keys and name matching, from pypinyin with a small phrase dictionary.

pypinyin's own phrase dictionary (47,000 phrases) costs a process 44 MB and 0.15 s; the 3,500 phrases in
`pinyin_phrases.py` give every one of those phrases the same toneless reading (tools/pinyin_phrases.py
says how they were chosen). pypinyin is imported on the first reading, never with the window.
"""
from __future__ import annotations

import os
import threading
from functools import cache
from types import ModuleType

_LOADING = threading.Lock()  # two worker threads asking at once load the dictionaries once


@cache
def _pypinyin() -> ModuleType:
    with _LOADING:
        saved = {name: os.environ.get(name) for name in ("PYPINYIN_NO_PHRASES", "PYPINYIN_NO_DICT_COPY")}
        os.environ.update(PYPINYIN_NO_PHRASES="1", PYPINYIN_NO_DICT_COPY="1")  # read once, at pypinyin's import
        try:
            import pypinyin
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        from services.catalog.pinyin_phrases import PHRASES

        pypinyin.load_phrases_dict({word: [[syllable] for syllable in syllables.split()] for word, _, syllables in
                                    (line.partition(" ") for line in PHRASES.split("\n") if line)})
        return pypinyin


def lazy_pinyin(text: str, first_letters: bool = False) -> list[str]:
    """One toneless syllable (or its first letter) per Chinese character, other text as it is."""
    pypinyin = _pypinyin()
    style = pypinyin.Style.FIRST_LETTER if first_letters else pypinyin.Style.NORMAL
    return pypinyin.lazy_pinyin(text, style=style, errors="default")
