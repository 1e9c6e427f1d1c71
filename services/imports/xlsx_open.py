"""An .xlsx opened read-only for the imports, without openpyxl's look for the sheets' stored size.

Every import resets that size and reads every row there is (it may be missing or wrong). A file
without a <dimension> element — openpyxl's own write-only files, some shops' exporters — made openpyxl
parse the whole sheet once, only to look for it: 0.6 s of CPU before the first row of a 10,000-product
import. Excel and WPS write the element first, so their files never paid this."""
from __future__ import annotations

import threading
from pathlib import Path

_LOADING = threading.Lock()  # the size look is switched off on the class while a workbook loads


def load_unsized(path: Path):
    """openpyxl's read-only workbook with formulas kept as formulas; its sheets have no size (call
    reset_dimensions() anyway: it says what the caller relies on)."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    with _LOADING:
        looks_for_size = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = lambda self: None
        try:
            return load_workbook(path, read_only=True, data_only=False)
        finally:
            ReadOnlyWorksheet._get_size = looks_for_size
