"""The house plan's one-way layers, read from every import with `ast` (deferred imports count):

ui → services → models; services → reports; cli → services; reports and models are leaves.
ui never imports models/peewee, models never import services, reports import neither services nor
models, services and cli never import Qt or ui, and no two packages import each other, even
through a third (services/stock ↔ services/sales would be a cycle).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
LAYERS = ("models", "reports", "services", "ui", "cli")
FORBIDDEN = {
    "ui": {"models", "peewee", "playhouse"},
    "models": {"services", "reports", "ui", "cli", "PySide6"},
    "reports": {"services", "models", "peewee", "ui", "cli", "PySide6"},
    "services": {"ui", "cli", "PySide6"},
    "cli": {"ui", "PySide6"},
}


def imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def imported_modules(source: str, modules: set[str]) -> set[str]:
    """Every module of ours `source` imports, anywhere in the file (inside functions too).
    `from services.stock import ledger` names the module services.stock.ledger."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names} & modules
    return {name for name in found if name.split(".")[0] in LAYERS}


def package_of(module: str) -> str:
    """services.stock.ledger → services.stock; ui.shell.app → ui.shell; models.base → models."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] in ("services", "ui") and len(parts) > 2 else parts[0]


def sources(root: Path = ROOT) -> dict[str, str]:
    """Module name → source of every file in the layered packages."""
    found = {}
    for layer in LAYERS:
        for path in sorted((root / layer).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path.read_text(encoding="utf-8")
    return found


def layer_violations(files: dict[str, str]) -> list[str]:
    bad = []
    for module, source in files.items():
        forbidden = FORBIDDEN[module.split(".")[0]] & imported_roots(source)
        bad += [f"{module} imports {root}" for root in sorted(forbidden)]
    return bad


def package_graph(files: dict[str, str]) -> dict[str, set[str]]:
    modules = set(files)
    graph: dict[str, set[str]] = {}
    for module, source in files.items():
        here = package_of(module)
        graph.setdefault(here, set())
        graph[here] |= {package_of(m) for m in imported_modules(source, modules)} - {here}
    return graph


def package_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of packages that reach each other (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_every_layer_imports_only_downwards():
    files = sources()
    assert len(files) > 200 and any(m.startswith("services.stock.") for m in files)
    assert layer_violations(files) == []


def test_no_import_cycle_between_packages():
    graph = package_graph(sources())
    assert {"services.core", "services.stock", "services.sales", "ui.shell", "reports", "cli"} <= set(graph)
    assert package_cycles(graph) == []


def test_the_checks_catch_a_planted_violation_and_a_deferred_cycle():
    planted = {
        "models.db": "from services.core.messages import msg\n",
        "reports.labels": "import peewee\nfrom models import Lot\n",
        "ui.stock.tab": "from models import Product\n",
        "services.stock.ledger": "def post():\n    from services.sales import channels\n",
        "services.sales.channels": "from services.stock.ledger import post\n",
        "cli.commands": "from PySide6.QtCore import QSettings\n",
    }
    assert layer_violations(planted) == [
        "models.db imports services", "reports.labels imports models", "reports.labels imports peewee",
        "ui.stock.tab imports models", "cli.commands imports PySide6",
    ]
    assert package_cycles(package_graph(planted)) == [["services.sales", "services.stock"]]


def test_the_check_itself_catches_an_import():
    assert imported_roots("from models import Product\nimport peewee as pw\n") == {"models", "peewee"}


def test_no_qtablewidget_or_qstandarditemmodel_for_lists():
    for f in UI.rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        assert "QTableWidget" not in text and "QStandardItemModel" not in text, f.name
