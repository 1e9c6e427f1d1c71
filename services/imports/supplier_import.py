"""Import suppliers and what they supply from Excel: every row checked, then all saved or none.

The layout (first sheet; titles above the header are allowed), one row per supplier–product pair:

  供应商编码 | 供应商名称 | 联系人 | 电话 | 地址 | 负责人 | 送货周期天数 | 送货日 | 起订金额 |
  SKU编码 | 条码 | 箱规 | 进价 | 供应商货号 | 首选

- A supplier is known by its 供应商编码 (else by its 供应商名称). Its details may stand on each
  of its rows or only on the first; written twice they must agree.
- SKU编码 or 条码 names a product the supplier supplies: 箱规 = base units per pack, 进价 = per
  base unit, 首选 = 是/否. A row without SKU编码/条码 is just the supplier.
- 负责人 is a username; 送货周期天数 whole days (blank = unknown); 送货日 一三五, 1,3,5, 周一至周五
  or 每天 (blank = every day); 起订金额 in yuan.
- Updating: a blank cell keeps what is stored; products not in the file stay. Nothing is erased.
- Other columns (商品名称, 单位 in an export) are for reading and are ignored.
- The shop's own fields: a column headed by the field's name, on any of the supplier's rows (written
  twice they must agree), services/imports/custom_columns.py.

Bad rows: FILE.errors.xlsx with the user's rows and an 错误 column; nothing is imported.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from models import Product, write_transaction
from models.purchasing import Supplier, SupplierProduct
from services.catalog.products import find_by_barcode
from services.core.errors import NotFound, ValidationError, XiaopuError
from services.core.messages import msg
from services.core.numbers import normalise_text
from services.core.permissions import require
from services.core.text_clean import clean_line
from services.imports.custom_columns import CustomColumns
from services.imports.excel_columns import SUPPLIER_COLUMNS, SUPPLIER_FIELDS
from services.imports.excel_table import RowErrors, Table, check_formulas, code_text, is_blank, read_table
from services.imports.product_import import codes_in_cell
from services.purchasing.supplier_products import parse_pack_size, parse_price, save_supplier_product_clean
from services.purchasing.suppliers import (
    CleanSupplier,
    SupplierInput,
    clean_supplier,
    parse_lead_time,
    parse_min_order,
    responsible_id,
    save_clean_supplier,
    supplier_input,
)
from services.purchasing.weekdays import parse_weekdays

PRICE_SOURCE = "Excel 导入"
YES = {"是", "y", "yes", "true", "1", "√", "✓", "首选"}
NO = {"否", "n", "no", "false", "0", "×", "✗"}
# the parser each supplier column goes through (the same ones the supplier form uses)
FIELD_PARSERS = {"lead_time_days": parse_lead_time, "delivery_weekdays": parse_weekdays,
                 "min_order_amount": parse_min_order, "responsible": responsible_id}


@dataclass(frozen=True)
class SupplierImportResult:
    created: int
    updated: int
    products: int  # supplier–product rows created or changed
    message: str
    unchanged: int = 0  # supplier–product rows that already said exactly this


@dataclass(frozen=True)
class _ProductPlan:
    row: int
    product_id: int
    sku: str
    pack_size: Decimal | None
    price: Decimal | None
    supplier_sku: str | None
    preferred: bool | None


@dataclass
class _SupplierPlan:
    first_row: int
    values: dict[str, tuple[object, object, int]] = field(default_factory=dict)  # field → (raw, parsed, row)
    products: list[_ProductPlan] = field(default_factory=list)
    own_fields: dict[int, tuple[str, int]] = field(default_factory=dict)  # the shop's own: field id → (value, row)
    supplier_id: int | None = None
    clean: CleanSupplier | None = None
    changed: bool = True


def parse_flag(value: object, label: str) -> bool | None:
    text = normalise_text(value).lower()
    if not text:
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError("supplier.bad_flag", field=label, value=value)


def _supplier_keys(table: Table) -> dict[int, str]:
    """Row → the supplier it belongs to: its code, or the code another row gives that name, or the name."""
    code_of_name: dict[str, str] = {}
    for row in table.data_rows:
        code, name = code_text(table.value(row, "code")), clean_line(table.value(row, "name"))
        if code and name:
            code_of_name.setdefault(name, code)
    keys = {}
    for row in table.data_rows:
        code, name = code_text(table.value(row, "code")), clean_line(table.value(row, "name"))
        keys[row] = code or code_of_name.get(name, "") or (f"name:{name}" if name else "")
    return keys


def _read_supplier_cells(table: Table, row: int, plan: _SupplierPlan, errors: RowErrors) -> None:
    for name in SUPPLIER_FIELDS:
        raw = table.value(row, name)
        if is_blank(raw):
            continue
        try:
            parsed = FIELD_PARSERS[name](raw) if name in FIELD_PARSERS else code_text(raw)
        except XiaopuError as exc:
            errors.add(row, exc)
            continue
        earlier = plan.values.setdefault(name, (raw, parsed, row))
        if earlier[2] != row and earlier[1] != parsed:
            errors.add(row, msg("supplier.row_conflict", field=table.labels[name], row=earlier[2],
                                value=code_text(raw), other=code_text(earlier[0])))


def _read_own_fields(table: Table, row: int, plan: _SupplierPlan, custom: CustomColumns, errors: RowErrors) -> None:
    names = {f.id: f.name for f in custom.fields}
    for field_id, value in custom.read(table, row, errors).items():
        earlier = plan.own_fields.setdefault(field_id, (value, row))
        if earlier[0] != value:
            errors.add(row, msg("supplier.row_conflict", field=names[field_id], row=earlier[1], value=value,
                                other=earlier[0]))


def _product(sku: str, codes: list[str]) -> tuple[int, str]:
    by_sku = Product.get_or_none(Product.sku == sku) if sku else None
    if sku and by_sku is None:
        raise NotFound("product.not_found", ref=sku)
    match = find_by_barcode(codes[0]) if codes else None
    if codes and match is None:
        raise NotFound("barcode.unknown", code=codes[0])
    if by_sku is not None and match is not None and match.product_id != by_sku.id:
        raise ValidationError("import.sku_barcode_mismatch", field="条码", sku=sku, code=codes[0])
    return (by_sku.id, by_sku.sku) if by_sku is not None else (match.product_id, match.sku)


def _read_product_cells(table: Table, row: int, errors: RowErrors) -> _ProductPlan | None:
    value = lambda name: table.value(row, name)  # noqa: E731
    start = len(errors.by_row.get(row, []))
    try:
        codes = codes_in_cell(value("barcode"))
    except ValidationError as exc:
        errors.add(row, exc)
        return None
    sku = code_text(value("sku"))
    if not sku and not codes:
        if any(not is_blank(value(n)) for n in ("pack_size", "price", "supplier_sku", "preferred")):
            errors.add(row, ValidationError("value.required", field="SKU编码/条码"))
        return None
    parsed: dict[str, object] = {}
    for name, parse in (("product", lambda: _product(sku, codes)),
                        ("pack_size", lambda: None if is_blank(value("pack_size")) else parse_pack_size(value("pack_size"))),
                        ("price", lambda: parse_price(value("price"))),
                        ("preferred", lambda: parse_flag(value("preferred"), table.labels["preferred"]))):
        try:
            parsed[name] = parse()
        except XiaopuError as exc:
            errors.add(row, exc)
    if len(errors.by_row.get(row, [])) > start:
        return None
    supplier_sku = None if is_blank(value("supplier_sku")) else code_text(value("supplier_sku"))
    return _ProductPlan(row, *parsed["product"], parsed["pack_size"], parsed["price"], supplier_sku,
                        parsed["preferred"])


def _differs(supplier_id: int | None, item: _ProductPlan) -> bool:
    """Would saving `item` change anything? (A re-imported export changes nothing.)"""
    stored = None if supplier_id is None else SupplierProduct.get_or_none(
        (SupplierProduct.supplier == supplier_id) & (SupplierProduct.product == item.product_id))
    if stored is None:
        return True
    wanted = (("pack_size", item.pack_size), ("last_price", item.price), ("supplier_sku", item.supplier_sku),
              ("preferred", item.preferred))
    return any(value is not None and value != getattr(stored, name) for name, value in wanted)


def _resolve(key: str, plan: _SupplierPlan, errors: RowErrors) -> None:
    """Find the stored supplier the plan updates and check the merged values."""
    if key.startswith("name:"):
        matches = list(Supplier.select().where(Supplier.name == key[5:]).limit(3))
        if len(matches) > 1:
            errors.add(plan.first_row, ValidationError("supplier.name_ambiguous", field="供应商名称",
                                                       count=len(matches), name=key[5:]))
            return
        stored = matches[0] if matches else None
    else:
        stored = Supplier.get_or_none(Supplier.code == key)
    data = supplier_input(stored) if stored is not None else SupplierInput()
    before = clean_supplier(data) if stored is not None else None
    for name, (raw, _, _) in plan.values.items():
        setattr(data, name, raw)
    try:
        plan.clean = clean_supplier(data)
    except XiaopuError as exc:
        errors.add(plan.first_row, exc)
        return
    plan.supplier_id = stored.id if stored is not None else None
    plan.changed = before is None or replace(before, code=plan.clean.code or before.code) != plan.clean


def _check_repeats(plans: dict[str, _SupplierPlan], errors: RowErrors) -> None:
    """The same product twice for one supplier, or two preferred suppliers of one product."""
    preferred: dict[int, int] = {}
    for plan in plans.values():
        seen: dict[int, int] = {}
        for item in plan.products:
            earlier = seen.setdefault(item.product_id, item.row)
            if earlier != item.row:
                errors.add(item.row, msg("import.duplicate_in_file", row=earlier, value=f"SKU {item.sku}"))
            if item.preferred:
                first = preferred.setdefault(item.product_id, item.row)
                if first != item.row:
                    errors.add(item.row, msg("import.duplicate_in_file", row=first, value="首选"))
    ids: dict[int, int] = {}
    for plan in plans.values():
        if plan.supplier_id is not None and ids.setdefault(plan.supplier_id, plan.first_row) != plan.first_row:
            errors.add(plan.first_row, msg("import.duplicate_in_file", row=ids[plan.supplier_id],
                                           value=plan.clean.name if plan.clean else ""))


def import_suppliers(actor, path: Path) -> SupplierImportResult:
    """Import or update suppliers and their products from an .xlsx; raises ImportFailed (with
    FILE.errors.xlsx) or XiaopuError (not Excel, no header), and then nothing has changed."""
    require(actor, "data.import")
    require(actor, "supplier.edit")
    custom = CustomColumns.of("supplier")
    table = read_table(Path(path), SUPPLIER_COLUMNS + custom.columns, [("code", "name")])
    errors = RowErrors()
    plans: dict[str, _SupplierPlan] = {}
    for row, key in _supplier_keys(table).items():
        if not check_formulas(table, row, errors):
            continue
        if not key:
            errors.add(row, ValidationError("value.required", field="供应商编码/供应商名称"))
            continue
        plan = plans.setdefault(key, _SupplierPlan(row))
        _read_supplier_cells(table, row, plan, errors)
        _read_own_fields(table, row, plan, custom, errors)
        item = _read_product_cells(table, row, errors)
        if item is not None:
            plan.products.append(item)
    for key, plan in plans.items():
        _resolve(key, plan, errors)
    _check_repeats(plans, errors)
    if errors:
        raise errors.fail(table)
    created = updated = saved = unchanged = 0
    with write_transaction():  # the whole file or nothing
        own_fields: dict[int, dict[int, str]] = {}
        for plan in plans.values():
            supplier_id = plan.supplier_id
            if plan.changed:
                supplier_id = save_clean_supplier(actor, plan.clean, plan.supplier_id).id
                created += plan.supplier_id is None
                updated += plan.supplier_id is not None
            own_fields[supplier_id] = {fid: value for fid, (value, _) in plan.own_fields.items()}
            for item in plan.products:
                if not _differs(supplier_id, item):
                    unchanged += 1
                    continue
                save_supplier_product_clean(actor, supplier_id, item.product_id, pack_size=item.pack_size,
                                            last_price=item.price, supplier_sku=item.supplier_sku,
                                            preferred=item.preferred, source=PRICE_SOURCE)
                saved += 1
        fields_changed = custom.save(actor, own_fields)
    updated += sum(1 for p in plans.values() if not p.changed and p.supplier_id in fields_changed)
    message = msg("supplier.import_done", created=created, updated=updated, products=saved)
    if unchanged:
        message += msg("import.unchanged", count=unchanged)
    return SupplierImportResult(created, updated, saved, message, unchanged)
