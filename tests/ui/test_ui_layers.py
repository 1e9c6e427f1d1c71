"""ui/ talks to services only: no peewee, no models, no playhouse (the house plan's one-way layers)."""
from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
FORBIDDEN = {"peewee", "models", "playhouse"}


def imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_ui_never_imports_the_database_layer():
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 10
    offenders = {str(f.relative_to(UI)): sorted(imported_roots(f.read_text(encoding="utf-8")) & FORBIDDEN)
                 for f in files}
    assert {f: bad for f, bad in offenders.items() if bad} == {}


def test_the_check_itself_catches_an_import():
    assert imported_roots("from models import Product\nimport peewee as pw\n") == {"models", "peewee"}


def test_no_qtablewidget_or_qstandarditemmodel_for_lists():
    for f in UI.rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        assert "QTableWidget" not in text and "QStandardItemModel" not in text, f.name
