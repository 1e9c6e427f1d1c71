"""Import products from Excel: check every row, then save all of them or none.

A row updates the product with its SKU, else the product owning one of its barcodes,
else creates a product. On an update a blank cell (or a missing column) keeps the stored
value, and barcodes/units not in the file are kept: an import never silently erases data.
Checking happens with no lock held; the write is one short transaction (product_writer).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import peewee

from models import Barcode, Location, Product, ProductUnit
from services.catalog.barcodes import normalise_barcode
from services.catalog.product_cost import refuse_cost_change
from services.catalog.products import CleanProduct, ProductInput, clean_product, product_input
from services.core.errors import PermissionDenied, ValidationError
from services.core.messages import msg
from services.core.numbers import normalise_text
from services.core.permissions import allowed, require
from services.imports.custom_columns import CustomColumns
from services.imports.excel_columns import PRODUCT_COLUMNS
from services.imports.excel_table import RowErrors, Table, check_formulas, code_text, is_blank, read_table
from services.imports.product_updates import read_state
from services.imports.product_writer import CatalogueChanged, ProductPlan, chunks, prepare, write

CODE_SEPARATORS = re.compile(r"[,,;;、/|\n]+")
EXPONENT_TEXT = re.compile(r"(?P<mantissa>\d+(\.\d+)?)[eE]\+?\d+")
SHELF_KINDS = frozenset({"shelf", "warehouse"})
DEFAULT_BOX_UNIT = "箱"


@dataclass(frozen=True)
class ProductImportResult:
    created: int
    updated: int
    message: str
    unchanged: int = 0  # rows matching a product that already holds exactly these values


def split_codes(value: object) -> list[str]:
    """One cell may list several barcodes: '6901234567892, 6901234567908'."""
    if is_blank(value):
        return []
    parts = CODE_SEPARATORS.split(value) if isinstance(value, str) else [value]
    return [code for code in (normalise_barcode(p) for p in parts) if code]


def codes_in_cell(value: object) -> list[str]:
    """split_codes, refusing codes pasted in Excel's scientific notation (6.92382581582E+12):
    the digits after the 12th are gone, and one time in ten the check digit still fits."""
    if isinstance(value, str):
        for part in CODE_SEPARATORS.split(value):
            text = normalise_text(part).replace(" ", "")
            match = EXPONENT_TEXT.fullmatch(text)
            if match and len(match["mantissa"].replace(".", "")) < len(normalise_barcode(text)):
                raise ValidationError("import.barcode_exponent", field="条码", value=text)
    return split_codes(value)


class _Catalog:
    """What the database already holds for the SKUs and barcodes in the file (batch lookups)."""

    def __init__(self, table: Table):
        skus: set[str] = set()
        codes: set[str] = set()
        for row in table.data_rows:
            sku = code_text(table.value(row, "sku"))
            if sku:
                skus.add(sku)
            codes.update(split_codes(table.value(row, "barcode")))
            codes.update(split_codes(table.value(row, "box_barcode")))
        self.sku_ids: dict[str, int] = {}
        for part in chunks(sorted(skus)):
            self.sku_ids.update(Product.select(Product.sku, Product.id).where(Product.sku.in_(part)).tuples())
        self.owners: dict[str, tuple[int, str]] = {}
        for part in chunks(sorted(codes)):
            query = (Barcode.select(Barcode.code, Product.id, Product.sku, Product.name).join(Product)
                     .where(Barcode.code.in_(part)).tuples())
            self.owners.update((code, (pid, f"{sku} {name}")) for code, pid, sku, name in query)
        self.locations = {code: (kind, name) for code, kind, name
                          in Location.select(Location.code, Location.kind, Location.name).tuples()}
        ids = set(self.sku_ids.values()) | {pid for pid, _ in self.owners.values()}
        self.seen = read_state(ids)  # first: a change after this is found inside the write (product_updates)
        self.stored = self._load_stored(ids)

    @staticmethod
    def _load_stored(ids: set[int]) -> dict[int, ProductInput]:
        """The editable form of every product the file may update: 3 queries per chunk, not 4 per row."""
        stored: dict[int, ProductInput] = {}
        for part in chunks(sorted(ids)):
            query = (Product.select(Product, Location)
                     .join(Location, peewee.JOIN.LEFT_OUTER, on=(Product.shelf == Location.id))
                     .where(Product.id.in_(part)))
            for product in peewee.prefetch(query, ProductUnit, (Barcode, Product)):
                stored[product.id] = product_input(product)
        return stored

    def resolve(self, sku: str, codes: list[str]) -> int | None:
        """The existing product a row updates: by SKU, else by barcode; None = a new product."""
        owned = {code: self.owners[code] for code in codes if code in self.owners}
        if sku:
            product_id = self.sku_ids.get(sku)
            for code, (owner_id, owner) in owned.items():
                if owner_id != product_id:
                    raise ValidationError("barcode.duplicate", field="条码", code=code, owner=owner)
            return product_id
        owner_ids = {owner_id for owner_id, _ in owned.values()}
        if len(owner_ids) > 1:
            raise ValidationError("import.barcode_owners", field="条码",
                                  owners=";".join(sorted({owner for _, owner in owned.values()})))
        return owner_ids.pop() if owner_ids else None

    def check_shelf(self, code: str) -> None:
        kind, name = self.locations.get(code, ("shelf", ""))
        if kind not in SHELF_KINDS:
            raise ValidationError("import.not_shelf", field="货架", code=code, kind=name)


def _row_input(table: Table, row: int, stored: ProductInput | None) -> ProductInput:
    """The stored product (or defaults) overlaid with the row's non-blank cells."""
    # its own lists (the row's codes and box unit are added to them), the rest shared: text and numbers never
    # change in place (copy.deepcopy of each stored form was a tenth of re-importing 10,000 products)
    data = replace(stored, units=list(stored.units), barcodes=list(stored.barcodes)) if stored is not None \
        else ProductInput()
    value = lambda name: table.value(row, name)  # noqa: E731
    data.name = value("name")  # always from the row: a product row without a name is an error
    for name in ("spec", "category", "shelf_life_days", "cost", "price", "safety_stock"):
        if not is_blank(value(name)):
            setattr(data, name, value(name))
    for name, attr in (("sku", "sku"), ("unit", "base_unit"), ("shelf", "shelf")):
        if not is_blank(value(name)):
            setattr(data, attr, code_text(value(name)))
    known = {code for code, _ in data.barcodes}
    data.barcodes += [(code, "") for code in split_codes(value("barcode")) if code not in known]
    box_unit = (normalise_text(value("box_unit"))
                or (data.units[0][0] if data.units else DEFAULT_BOX_UNIT))
    if not is_blank(value("box_factor")):
        data.units = [u for u in data.units if normalise_text(u[0]) != box_unit] + [(box_unit, value("box_factor"))]
    data.barcodes += [(code, box_unit) for code in split_codes(value("box_barcode")) if code not in known]
    return data


# clean_product stops at the first problem; to show a row's problems all at once, the field
# it named is set to a harmless value and the row is checked again (the rules stay in one place)
_NEUTRAL = {"名称": ("name", "?"), "进价": ("cost", "0"), "售价": ("price", "0"),
            "安全库存": ("safety_stock", "0"), "保质期天数": ("shelf_life_days", None)}
MAX_PROBLEMS_PER_ROW = 8


def _neutralise(data: ProductInput, exc: ValidationError) -> bool:
    """Remove what `exc` complains about from `data`; False when there is nothing to remove."""
    if exc.field in _NEUTRAL:
        attr, value = _NEUTRAL[exc.field]
        setattr(data, attr, value)
        return True
    code, unit = exc.params.get("code"), exc.params.get("unit")
    if exc.field == "条码" and code is not None:
        data.barcodes = [b for b in data.barcodes if normalise_barcode(b[0]) != code]
        return True
    if exc.field == "条码单位":
        data.barcodes = [b for b in data.barcodes if normalise_text(b[1]) != unit]
        return True
    if exc.field == "单位" or exc.field.endswith("换算"):
        name = unit if exc.field == "单位" else exc.field.removesuffix("换算")
        before = len(data.units)
        data.units = [u for u in data.units if normalise_text(u[0]) != name]
        return len(data.units) < before
    return False


def clean_all(data: ProductInput) -> tuple[CleanProduct | None, list[ValidationError]]:
    """clean_product, but collecting every problem of the row instead of the first."""
    problems: list[ValidationError] = []
    while len(problems) < MAX_PROBLEMS_PER_ROW:
        try:
            clean = clean_product(data)
        except ValidationError as exc:
            problems.append(exc)
            if not _neutralise(data, exc):
                break
            continue
        return (None if problems else clean), problems
    return None, problems


def _plan_row(table: Table, row: int, catalog: _Catalog, errors: RowErrors,
              cost_hidden_from=None) -> ProductPlan | None:
    """The row's plan, or None with its problems in `errors`. `cost_hidden_from`: an actor without cost.view,
    whose 进价 cell must be blank or the stored cost (0 for a new product), as in the product dialog."""
    try:
        codes = codes_in_cell(table.value(row, "barcode")) + codes_in_cell(table.value(row, "box_barcode"))
    except ValidationError as exc:
        errors.add(row, exc)
        return None
    try:
        product_id = catalog.resolve(code_text(table.value(row, "sku")), codes)
    except ValidationError as exc:
        errors.add(row, exc)
        product_id = None  # still check the rest of the row
    stored = catalog.stored.get(product_id) if product_id is not None else None
    if cost_hidden_from is not None:
        try:
            refuse_cost_change(cost_hidden_from, table.value(row, "cost"),
                               Decimal(stored.cost) if stored is not None else Decimal(0))
        except PermissionDenied as exc:
            errors.add(row, exc)
        except ValidationError:
            pass  # not a number: clean_all names it with the row's other problems
    clean, problems = clean_all(_row_input(table, row, stored))
    for problem in problems:
        errors.add(row, problem)
    if clean is not None and clean.shelf:
        try:
            catalog.check_shelf(clean.shelf)
        except ValidationError as exc:
            errors.add(row, exc)
    if clean is None or row in errors:
        return None
    changed = stored is None or _comparable(clean) != _comparable(clean_product(stored))  # it only reads
    return ProductPlan(row, product_id, clean, changed, catalog.seen.get(product_id))


def _comparable(clean: CleanProduct) -> CleanProduct:
    return replace(clean, units=sorted(clean.units), barcodes=sorted(clean.barcodes))


def _check_duplicates(plans: list[ProductPlan], errors: RowErrors) -> None:
    """The same SKU or barcode on two rows: both rows are marked. (An update row carries its
    product's SKU, so two rows updating one product are caught as a repeated SKU.)"""
    first: dict[tuple[str, str], int] = {}
    for plan in plans:
        keys = [("SKU", plan.clean.sku)] if plan.clean.sku else []
        keys += [("条码", code) for code, _, _ in plan.clean.barcodes]
        for kind, value in keys:
            earlier = first.setdefault((kind, value), plan.row)
            if earlier == plan.row:
                continue
            shown = f"{kind} {value}"
            errors.add(plan.row, msg("import.duplicate_in_file", row=earlier, value=shown))
            errors.add(earlier, msg("import.duplicate_in_file", row=plan.row, value=shown))


def _save_all(actor, plans: list[ProductPlan], table: Table, errors: RowErrors,
              own: tuple[CustomColumns, dict[int, dict[int, str]]]) -> tuple[int, int]:
    """Write the plans and the shop's own fields (`own`: the columns, row → values) in one transaction."""
    prepared = prepare(plans)  # pinyin and SKUs before the lock
    custom, own_fields = own
    fields_changed: set[int] = set()

    def save_own_fields(new_ids: dict[int, int]) -> None:
        ids = {p.row: p.product_id if p.product_id is not None else new_ids[p.row] for p in plans}
        fields_changed.update(custom.save(actor, {ids[row]: values for row, values in own_fields.items() if values}))

    try:
        write(actor, prepared, save_own_fields if any(own_fields.values()) else None)
    except CatalogueChanged as exc:  # someone else changed the catalogue meanwhile: rolled back
        for row, problem in exc.problems:
            errors.add(row, problem)
        raise errors.fail(table) from None
    created = sum(1 for p in plans if p.product_id is None)
    return created, sum(1 for p in plans if p.product_id is not None and (p.changed or p.product_id in fields_changed))


def import_products(actor, path: Path) -> ProductImportResult:
    """Import or update products from an .xlsx; raises ImportFailed (with FILE.errors.xlsx) or
    XiaopuError (not Excel, too big, no header) and then nothing has changed."""
    require(actor, "data.import")
    require(actor, "product.edit")
    path = Path(path)
    custom = CustomColumns.of("product")
    table = read_table(path, PRODUCT_COLUMNS + custom.columns, [("name",)])
    catalog = _Catalog(table)
    errors = RowErrors()
    cost_hidden_from = None if allowed(actor, "cost.view") else actor  # a file without 进价 keeps the costs
    plans: list[ProductPlan] = []
    own_fields: dict[int, dict[int, str]] = {}  # row → the shop's own fields it sets
    for row in table.data_rows:
        if not check_formulas(table, row, errors):
            continue
        own_fields[row] = custom.read(table, row, errors)
        plan = _plan_row(table, row, catalog, errors, cost_hidden_from)
        if plan is not None:
            plans.append(plan)
    _check_duplicates(plans, errors)
    if errors:
        raise errors.fail(table)
    created, updated = _save_all(actor, plans, table, errors, (custom, own_fields))
    unchanged = len(plans) - created - updated
    message = msg("import.done", created=created, updated=updated)
    if unchanged:
        message += msg("import.unchanged", count=unchanged)
    return ProductImportResult(created, updated, message, unchanged)
