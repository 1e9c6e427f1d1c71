"""Render docs/screenshots/statement.png: 张工's November statement from tests/test_statement.py.

    python -m tools.screenshots.statement --out docs/screenshots      (needs pdftoppm, poppler-utils)
"""
from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for path in (ROOT, ROOT / "tests"):  # the statement is tests/test_statement.py's hardware shop
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


def main(argv: list[str] | None = None) -> int:
    from test_statement import NOV1, NOV30, hardware_month

    from models import database, open_database
    from reports.statement_pdf import build_statement_pdf
    from services.core.messages import set_language
    from services.sales.statement import build_statement
    from services.shop.setup import initialise

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="xiaopu-statement-"))
    set_language("zh_CN")
    open_database(work / "shop.sqlite3")
    zhang = hardware_month(initialise())
    pdf = build_statement_pdf(build_statement(zhang.id, NOV1, NOV30, printed_on=NOV30), work / "statement.pdf",
                              printed_at=dt.datetime(2026, 11, 30, 17, 30))
    database.close()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(out / "statement")], check=True)
    print(out / "statement.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
