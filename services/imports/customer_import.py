"""Import customers from Excel: every row checked, then all saved or none.

The layout (first sheet; titles above the header are allowed), one row per customer:

  客户编码 | 客户名称 | 电话 | 微信 | 地址 | 客户类型 | 价格等级 | 信用额度 | 账期天数 | 启用 | 备注

- A customer is known by its 客户编码 (else by its 客户名称); a new one without a code gets the next KH…
- 客户类型 零售/批发; 价格等级 零售价/批发价/大客户价 or a tier that has prices (blank: by the type);
  信用额度 in yuan (0 = no credit); 账期天数 whole days; 启用 是/否.
- Updating: a blank cell keeps what is stored. Nothing is erased. 当前欠款 (in an export) is ignored.
- The shop's own fields: a column headed by the field's name (services/imports/custom_columns.py).

Bad rows: FILE.errors.xlsx with the user's rows and an 错误 column; nothing is imported.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models import Customer, write_transaction
from services.core.errors import ValidationError, XiaopuError
from services.core.messages import msg
from services.core.permissions import require
from services.core.text_clean import clean_line
from services.imports.custom_columns import CustomColumns
from services.imports.excel_columns import CUSTOMER_COLUMNS
from services.imports.excel_table import RowErrors, Table, check_formulas, code_text, is_blank, read_table
from services.imports.supplier_import import parse_flag
from services.sales.customers import (
    CleanCustomer,
    CustomerInput,
    clean_customer,
    customer_input,
    customer_problems,
    save_clean_customer,
)

FIELDS = ("code", "name", "phone", "wechat", "address", "kind", "price_tier", "credit_limit", "payment_terms_days",
          "note")


@dataclass(frozen=True)
class CustomerImportResult:
    created: int
    updated: int
    unchanged: int
    message: str


@dataclass(frozen=True)
class _Plan:
    row: int
    customer_id: int | None
    clean: CleanCustomer
    changed: bool


class _RowProblems(Exception):
    def __init__(self, problems: list[XiaopuError]):
        self.problems = problems


def _stored(table: Table, row: int) -> Customer | None:
    code, name = code_text(table.value(row, "code")), clean_line(table.value(row, "name"))
    if code:
        return Customer.get_or_none(Customer.code == code)
    matches = list(Customer.select().where(Customer.name == name).limit(2))
    if len(matches) > 1:
        raise ValidationError("customer.name_ambiguous", field="客户名称", count=len(matches), name=name)
    return matches[0] if matches else None


def _plan(table: Table, row: int) -> _Plan:
    stored = _stored(table, row)
    data = customer_input(stored) if stored is not None else CustomerInput()
    before = clean_customer(data) if stored is not None else None
    for name in FIELDS:
        raw = table.value(row, name)
        if not is_blank(raw):
            setattr(data, name, code_text(raw) if name == "code" else raw)
    active = parse_flag(table.value(row, "active"), table.labels["active"])
    if active is not None:
        data.active = active
    problems = customer_problems(data)
    if problems:
        raise _RowProblems(problems)
    clean = clean_customer(data)
    return _Plan(row, stored.id if stored is not None else None, clean, before != clean)


def import_customers(actor, path: Path) -> CustomerImportResult:
    """Import or update customers from an .xlsx; raises ImportFailed (with FILE.errors.xlsx) or
    XiaopuError (not Excel, no header), and then nothing has changed."""
    require(actor, "data.import")
    require(actor, "customer.edit")
    custom = CustomColumns.of("customer")
    table = read_table(Path(path), CUSTOMER_COLUMNS + custom.columns, [("code", "name")])
    errors = RowErrors()
    plans: list[_Plan] = []
    seen: dict[str, int] = {}
    own_fields: dict[int, dict[int, str]] = {}  # row → the shop's own fields it sets
    for row in table.data_rows:
        if not check_formulas(table, row, errors):
            continue
        own_fields[row] = custom.read(table, row, errors)
        try:
            plan = _plan(table, row)
        except _RowProblems as exc:
            for problem in exc.problems:
                errors.add(row, problem)
            continue
        except XiaopuError as exc:
            errors.add(row, exc)
            continue
        key = f"id:{plan.customer_id}" if plan.customer_id else f"code:{plan.clean.code or plan.clean.name}"
        first = seen.setdefault(key, row)
        if first != row:
            errors.add(row, msg("import.duplicate_in_file", row=first, value=plan.clean.name))
            continue
        plans.append(plan)
    if errors:
        raise errors.fail(table)
    created = updated = unchanged = 0
    with write_transaction():  # the whole file or nothing
        ids: dict[int, int] = {}  # row → customer id
        for plan in plans:
            ids[plan.row] = plan.customer_id
            if not plan.changed:
                continue
            try:
                ids[plan.row] = save_clean_customer(actor, plan.clean, plan.customer_id).id
            except XiaopuError as exc:  # e.g. a code another row's customer already has
                errors.add(plan.row, exc)
                continue
            created += plan.customer_id is None
        if errors:
            raise errors.fail(table)  # raising inside the transaction rolls every row back
        fields_changed = custom.save(actor, {ids[p.row]: own_fields[p.row] for p in plans})
    for plan in plans:
        if plan.customer_id is not None:
            changed = plan.changed or plan.customer_id in fields_changed
            updated += changed
            unchanged += not changed
    message = msg("customer.import_done", created=created, updated=updated)
    if unchanged:
        message += msg("import.unchanged", count=unchanged)
    return CustomerImportResult(created, updated, unchanged, message)
