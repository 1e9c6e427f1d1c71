"""Bills of materials (物料清单) from Excel: every row checked, then all saved or none.

The layout (first sheet; titles above the header are allowed; column order free), one row per line:

  父项SKU | 子项SKU | 用量 | 单位 | 损耗率% | 副产品 | 工序

- 父项SKU / 子项SKU: a product's SKU or one of its barcodes (a box barcode names the product only;
  the unit comes from 单位).
- 用量: how much of the component one base unit of the parent needs (or, for a by-product, yields),
  in 单位 (blank = the component's base unit; otherwise one of its units), at most 3 decimals.
- 损耗率%: percent lost in making, blank = 0, from 0 to below 100. A number is percent points:
  10, "10" and "10%" all mean ten percent, 0.1 means 0.1 percent. A cell Excel formats as a
  percentage (it shows 10% and stores 0.1) is read as it shows: ten percent.
- 副产品: 是/否 (blank = 否). 工序: the parent's steps in order, "切配,装配,包装" (also 、;),
  on any of its rows; written on several rows they must agree. Without a 工序 column the new
  version keeps the active version's steps; with it, a blank 工序 means no steps.
- Rows are grouped by 父项 (lines in file order); each parent gets one new active version.
  A parent whose lines and steps equal its active version is left as it is (counted unchanged),
  so re-importing an export changes nothing.
- The same component twice in one parent is refused (not summed: the rows may differ in unit or scrap).
- Cycles are checked across the whole file together with the active BOMs of products not in it.
- Other columns (父项名称, 子项名称, 版本 in an export, services/exports/boms.py) are for reading and are ignored.

Bad rows: FILE.errors.xlsx with the user's rows and an 错误 column; nothing is imported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from models import Product, write_transaction
from models.bom import BomLine
from services.catalog.products import find_by_barcode, unit_factor
from services.core.errors import NotFound, ValidationError, XiaopuError
from services.core.messages import msg
from services.core.numbers import HUNDRED, normalise_text, to_decimal
from services.core.permissions import require
from services.imports.excel_columns import BOM_COLUMNS
from services.imports.excel_table import RowErrors, Table, check_formulas, code_text, is_blank, is_csv, read_table
from services.imports.supplier_import import parse_flag
from services.production import bom as boms

STEP_SEPARATORS = re.compile(r"[,,、;;\n]+")
STEP_JOINER = ","


@dataclass(frozen=True)
class BomImportResult:
    saved: int  # parents that got a new active version
    lines: int  # lines in those versions
    unchanged: int  # parents whose file lines equal their active version
    message: str


@dataclass(frozen=True)
class _Line:
    row: int
    component: Product
    quantity: Decimal
    unit: str  # the unit's name, the base unit when blank
    scrap: Decimal
    by_product: bool


@dataclass
class _Parent:
    product: Product
    first_row: int
    lines: list[_Line] = field(default_factory=list)
    steps: list[str] | None = None  # None: no 工序 written for this parent
    steps_row: int = 0
    steps_raw: str = ""


class _Products:
    """SKU or barcode → product, each text looked up once."""

    def __init__(self) -> None:
        self._found: dict[str, Product | None] = {}
        self._units: dict[tuple[int, str], Decimal] = {}

    def find(self, text: str) -> Product:
        if text not in self._found:
            product = Product.get_or_none(Product.sku == text)
            if product is None:
                match = find_by_barcode(text)
                product = Product.get_by_id(match.product_id) if match else None
            self._found[text] = product
        if self._found[text] is None:
            raise NotFound("product.not_found", ref=text)
        return self._found[text]

    def unit(self, product: Product, name: str) -> str:
        """The unit's name if it is one of the product's units (blank = base unit)."""
        name = name or product.base_unit
        key = (product.id, name)
        if key not in self._units:
            self._units[key] = unit_factor(product, name)  # raises unit.bad
        return name


def split_steps(value: object) -> list[str]:
    """'切配,装配、包装' → ['切配', '装配', '包装']."""
    return [" ".join(part.split()) for part in STEP_SEPARATORS.split(normalise_text(value)) if part.strip()]


def parse_scrap(value: object, label: str, as_fraction: bool = False) -> Decimal:
    """损耗率 in percent: 10, '10', '10%' → 10; blank → 0. `as_fraction`: the cell is formatted
    as a percentage in Excel, so its stored 0.1 is the 10% the user sees."""
    if is_blank(value):
        return Decimal(0)
    if isinstance(value, str):
        text = normalise_text(value)
        if text.endswith("%"):
            value = text[:-1]
    elif as_fraction and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = to_decimal(value, label, places=5) * HUNDRED
    number = to_decimal(value, label)
    if number >= HUNDRED:
        raise ValidationError("bom.scrap_range", field=label, value=value)
    return number


def _percent_rows(table: Table) -> set[int]:
    """Rows whose 损耗率 cell is a number formatted as a percentage (Excel's 10% is stored as 0.1)."""
    if not table.has("scrap") or is_csv(table.source):
        return set()
    from services.imports.xlsx_open import load_unsized

    column = table.columns["scrap"] + 1
    found: set[int] = set()
    workbook = load_unsized(table.source)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        for number, cells in enumerate(sheet.iter_rows(min_col=column, max_col=column), 1):
            fmt = (getattr(cells[0], "number_format", None) or "") if cells else ""
            if "%" in fmt:
                found.add(number)
    finally:
        workbook.close()
    return found


def _read_line(table: Table, row: int, products: _Products, percent_rows: set[int], errors: RowErrors
               ) -> tuple[Product | None, _Line | None]:
    """The row's parent and line; errors go to `errors` (the parent may be known though the line is not)."""
    value = lambda name: table.value(row, name)  # noqa: E731
    label = table.labels
    parent = component = None
    for name in ("parent", "component"):
        text = code_text(value(name))
        if not text:
            errors.add(row, ValidationError("value.required", field=label[name]))
            continue
        try:
            found = products.find(text)
        except XiaopuError as exc:
            errors.add(row, exc)
            continue
        if name == "parent":
            parent = found
        else:
            component = found
    start = len(errors.by_row.get(row, []))
    parsed: dict[str, object] = {}
    for name, parse in (
            ("quantity", lambda: to_decimal(value("quantity"), label["quantity"], allow_zero=False)),
            ("scrap", lambda: parse_scrap(value("scrap"), label["scrap"], row in percent_rows)),
            ("by_product", lambda: bool(parse_flag(value("by_product"), label["by_product"])))):
        try:
            parsed[name] = parse()
        except XiaopuError as exc:
            errors.add(row, exc)
    if component is not None:
        try:
            parsed["unit"] = products.unit(component, normalise_text(value("unit")))
        except XiaopuError as exc:
            errors.add(row, exc)
    if parent is not None and component is not None and parent.id == component.id:
        errors.add(row, ValidationError("bom.self", field=label["component"], product=parent.name))
    if component is None or parent is None or len(errors.by_row.get(row, [])) > start:
        return parent, None
    return parent, _Line(row, component, parsed["quantity"], parsed["unit"], parsed["scrap"], parsed["by_product"])


def _read_steps(table: Table, row: int, plan: _Parent, errors: RowErrors) -> None:
    raw = value = table.value(row, "steps")
    if is_blank(value):
        return
    steps = split_steps(value)
    if plan.steps is None or not plan.steps_row:
        plan.steps, plan.steps_row, plan.steps_raw = steps, row, normalise_text(raw)
    elif steps != plan.steps:
        errors.add(row, msg("supplier.row_conflict", field=table.labels["steps"], row=plan.steps_row,
                            value=normalise_text(raw), other=plan.steps_raw))


def _check_repeats(plans: dict[int, _Parent], errors: RowErrors) -> None:
    for plan in plans.values():
        seen: dict[int, int] = {}
        for line in plan.lines:
            first = seen.setdefault(line.component.id, line.row)
            if first != line.row:
                errors.add(line.row, msg("import.duplicate_in_file", row=first,
                                         value=f"{plan.product.sku} 的子项 {line.component.sku}"))


class _Graph:
    """What each product consumes once the file is saved: the file's lines for its parents,
    the active BOM for every other product."""

    def __init__(self, plans: dict[int, _Parent]):
        self.plans = plans
        self._stored: dict[int, list[int]] = {}

    def children(self, product_id: int) -> list[int]:
        plan = self.plans.get(product_id)
        if plan is not None:
            return [line.component.id for line in plan.lines if not line.by_product]
        if product_id not in self._stored:
            active = boms.active_bom(product_id)
            self._stored[product_id] = [] if active is None else [
                c for c, by in BomLine.select(BomLine.component, BomLine.by_product)
                .where(BomLine.bom == active).order_by(BomLine.position).tuples() if not by]
        return self._stored[product_id]

    def path_back(self, start: int, target: int) -> list[int] | None:
        """A path start → … → target, if one exists."""
        stack, seen = [(start, [start])], set()
        while stack:
            current, path = stack.pop()
            if current == target:
                return path
            if current in seen:
                continue
            seen.add(current)
            stack.extend((child, [*path, child]) for child in reversed(self.children(current)))
        return None

    def save_order(self) -> list[int]:
        """The file's parents, each after every file parent it is (indirectly) made of, so each
        save's own cycle check sees the final graph below it."""
        order: list[int] = []
        done: set[int] = set()

        def visit(product_id: int) -> None:
            if product_id in done:
                return
            done.add(product_id)
            for child in self.children(product_id):
                visit(child)
            if product_id in self.plans:
                order.append(product_id)

        for product_id in self.plans:
            visit(product_id)
        return order


def _check_cycles(graph: _Graph, errors: RowErrors) -> None:
    for plan in graph.plans.values():
        for line in plan.lines:
            if line.by_product:
                continue
            path = graph.path_back(line.component.id, plan.product.id)
            if path is None:
                continue
            ids = [plan.product.id, *path]
            names = {p.id: p.name for p in Product.select(Product.id, Product.name).where(Product.id.in_(ids))}
            errors.add(line.row, ValidationError("bom.cycle", field="子项SKU",
                                                 path=" → ".join(names[i] for i in ids)))


def _same_as_active(plan: _Parent, steps: list[str] | None) -> bool:
    active = boms.active_bom(plan.product.id)
    if active is None:
        return False
    stored = [(ln.component_id, ln.quantity, ln.unit, ln.scrap_percent, ln.by_product)
              for ln in active.lines.order_by(BomLine.position)]
    wanted = [(ln.component.id, ln.quantity, ln.unit, ln.scrap, ln.by_product) for ln in plan.lines]
    return stored == wanted and (steps or []) == boms.step_names(active)


def _steps_to_save(table: Table, plan: _Parent) -> list[str] | None:
    if table.has("steps"):
        return plan.steps or []
    active = boms.active_bom(plan.product.id)
    return boms.step_names(active) if active is not None else None


def import_boms(actor, path: Path) -> BomImportResult:
    """Import BOMs from an .xlsx (or .csv): one new active version per parent in the file.
    Raises ImportFailed (with FILE.errors.xlsx) or XiaopuError (not Excel, no header, no
    permission), and then nothing has changed."""
    require(actor, "data.import")
    require(actor, "bom.edit")
    table = read_table(Path(path), BOM_COLUMNS, [("parent",), ("component",), ("quantity",)])
    percent_rows = _percent_rows(table)
    products = _Products()
    errors = RowErrors()
    plans: dict[int, _Parent] = {}
    for row in table.data_rows:
        if not check_formulas(table, row, errors):
            continue
        parent, line = _read_line(table, row, products, percent_rows, errors)
        if parent is None:
            continue
        plan = plans.setdefault(parent.id, _Parent(parent, row))
        _read_steps(table, row, plan, errors)
        if line is not None:
            plan.lines.append(line)
    _check_repeats(plans, errors)
    _check_cycles(_Graph(plans), errors)  # lines left out for their errors can hide a cycle, never invent one
    if errors:
        raise errors.fail(table)
    saved = lines = unchanged = 0
    current = None
    try:
        with write_transaction():  # the whole file or nothing
            for product_id in _Graph(plans).save_order():
                current = plan = plans[product_id]
                steps = _steps_to_save(table, plan)
                if _same_as_active(plan, steps):
                    unchanged += 1
                    continue
                boms.save_bom(actor, product_id, [
                    boms.BomLineInput(ln.component.id, ln.quantity, ln.unit, ln.scrap, ln.by_product)
                    for ln in plan.lines], note=msg("bom.import_note", file=Path(path).name), steps=steps)
                saved += 1
                lines += len(plan.lines)
    except (ValidationError, NotFound) as exc:  # someone changed a BOM or product meanwhile
        errors.add(current.first_row if current else table.data_rows[0], exc)
        raise errors.fail(table) from None
    message = msg("bom.import_done", boms=saved, lines=lines)
    if unchanged:
        message += msg("import.unchanged", count=unchanged)
    return BomImportResult(saved, lines, unchanged, message)
