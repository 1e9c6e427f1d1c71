"""The one text cleaner for everything a person or a file hands the shop: NFKC (full-width digits and
letters become ASCII), invisible characters dropped, trimmed. Without it `U1` and `U1` followed by a
zero-width space are two SKUs, and a name of only zero-width characters looks filled in."""
from __future__ import annotations

import re
import unicodedata

# Control characters (Cc) and format characters (Cf: zero-width space and joiners, BOM, bidi marks,
# soft hyphen) are invisible; a note keeps its line breaks and tabs.
_DROPPED = ("Cc", "Cf")
_KEPT = "\n\t"
_BLANKS = re.compile(r"\s+")


def clean_text(value: object) -> str:
    """A note or any text: NFKC, invisible characters removed, trimmed, line breaks inside kept;
    None → ''."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    if not text.isprintable():  # the rare text with something to drop; the rest skips the loop
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = "".join(ch for ch in text if ch in _KEPT or unicodedata.category(ch) not in _DROPPED)
    return text.strip()


def clean_line(value: object) -> str:
    """A name or a code: clean_text on one line, every run of spaces, tabs or line breaks one space."""
    return _BLANKS.sub(" ", clean_text(value))
