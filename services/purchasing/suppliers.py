"""Suppliers: their records — contact, who of our staff buys from them, lead time, delivery
weekdays, minimum order. The days they deliver are services/purchasing/weekdays.py and
delivery_calendar.py; what they supply and at what price, supplier_products.py. Excel import/export
of suppliers lives in services/imports/supplier_import.py and services/exports/suppliers.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import User, write_transaction
from models.purchasing import Supplier, SupplierProduct
from services.core import custom_fields
from services.core.codes import next_free_code
from services.core.compiled_sql import row_by
from services.core.errors import NotFound, ValidationError
from services.core.master_data import find_record, parse_amount, parse_days, refuse_taken_code, save_record
from services.core.numbers import LEAD_TIME_DAYS, fmt_money, normalise_text
from services.core.permissions import require
from services.core.text_clean import clean_line
from services.purchasing.weekdays import parse_weekdays, weekdays_text

CODE_PREFIX = "GYS"
AUDITED = ("code", "name", "contact", "phone", "address", "responsible", "lead_time_days", "delivery_weekdays",
           "min_order_amount", "active", "note")


@dataclass
class SupplierInput:
    """What a form or an Excel row says about a supplier; values may be raw text."""

    name: object = ""
    code: object = ""
    contact: object = ""
    phone: object = ""
    address: object = ""
    responsible: object = ""  # a username; blank = nobody
    lead_time_days: object = None  # blank = unknown (suggestions then ask for it)
    delivery_weekdays: object = ""  # blank = every day
    min_order_amount: object = "0"
    active: bool = True
    note: object = ""


@dataclass(frozen=True)
class CleanSupplier:
    name: str
    code: str
    contact: str
    phone: str
    address: str
    responsible_id: int | None
    lead_time_days: int | None
    delivery_weekdays: str
    min_order_amount: Decimal
    active: bool
    note: str


@dataclass(frozen=True)
class SupplierRow:
    id: int
    code: str
    name: str
    contact: str
    phone: str
    responsible: str  # username, '' = nobody
    lead_time_days: int | None
    delivery_weekdays: str  # ISO digits
    delivery_text: str  # 周一、周四 / 每天
    min_order_amount: Decimal
    product_count: int
    active: bool


# -- parsing what people type ---------------------------------------------------------------

def parse_lead_time(value: object, field: str = "送货周期天数") -> int | None:
    """Whole days 0–365; blank = unknown."""
    return parse_days(value, field, LEAD_TIME_DAYS)


def parse_min_order(value: object, field: str = "起订金额") -> Decimal:
    return parse_amount(value, field)


def responsible_id(value: object, field: str = "负责人") -> int | None:
    name = normalise_text(value)
    if not name:
        return None
    user = User.get_or_none(User.username == name) or User.get_or_none(User.display_name == name)
    if user is None:
        raise ValidationError("user.not_found", field=field, name=name)
    return user.id


def clean_supplier(data: SupplierInput) -> CleanSupplier:
    """Validate one supplier; raises ValidationError naming the field in Chinese."""
    name = clean_line(data.name)
    if not name:
        raise ValidationError("value.required", field="供应商名称")
    return CleanSupplier(
        name=name, code=clean_line(data.code), contact=clean_line(data.contact),
        phone=clean_line(data.phone), address=clean_line(data.address),
        responsible_id=responsible_id(data.responsible), lead_time_days=parse_lead_time(data.lead_time_days),
        delivery_weekdays=parse_weekdays(data.delivery_weekdays), min_order_amount=parse_min_order(data.min_order_amount),
        active=bool(data.active), note=normalise_text(data.note),
    )


# -- saving -------------------------------------------------------------------------------

def next_code() -> str:
    """GYS001, GYS002, …; skips codes a user already typed."""
    return next_free_code("supplier", CODE_PREFIX, 3, Supplier.code)


def save_clean_supplier(actor, clean: CleanSupplier, supplier_id: int | None = None) -> Supplier:
    """Create or update inside the caller's write transaction (the import saves a whole file in one)."""
    refuse_taken_code(Supplier.code, clean.code, supplier_id, "supplier.duplicate_code", "供应商编码")
    old = get_supplier(supplier_id) if supplier_id is not None else None
    values = dict(code=clean.code or (old.code if old is not None else next_code()), name=clean.name,
                  contact=clean.contact, phone=clean.phone, address=clean.address, responsible=clean.responsible_id,
                  lead_time_days=clean.lead_time_days, delivery_weekdays=clean.delivery_weekdays,
                  min_order_amount=clean.min_order_amount, active=clean.active, note=clean.note)
    return save_record(actor, Supplier, old, values, audited=AUDITED)


def save_supplier(actor, data: SupplierInput, supplier_id: int | None = None) -> Supplier:
    """Validate and save one supplier in its own transaction; returns the saved row."""
    require(actor, "supplier.edit")
    clean = clean_supplier(data)
    with write_transaction():
        return save_clean_supplier(actor, clean, supplier_id)


def supplier_input(supplier: Supplier) -> SupplierInput:
    """The editable form of a saved supplier (for the edit dialog)."""
    return SupplierInput(
        name=supplier.name, code=supplier.code, contact=supplier.contact, phone=supplier.phone,
        address=supplier.address, responsible=supplier.responsible.username if supplier.responsible_id else "",
        lead_time_days="" if supplier.lead_time_days is None else str(supplier.lead_time_days),
        delivery_weekdays=weekdays_text(supplier.delivery_weekdays),
        min_order_amount=fmt_money(supplier.min_order_amount), active=supplier.active, note=supplier.note)


def get_supplier(ref: int | str | Supplier) -> Supplier:
    """By id, code or exact name."""
    if type(ref) is int:  # every order, receipt and delivery day asks by id: the SELECT built once
        found = row_by(Supplier.id, ref)
        if found is None:
            raise NotFound("supplier.not_found", ref=ref)
        return found
    return find_record(Supplier, ref, by=(Supplier.code, Supplier.name), not_found="supplier.not_found")


# -- reading ------------------------------------------------------------------------------

def list_suppliers(text: str = "", active_only: bool = True) -> list[SupplierRow]:
    """Suppliers by code, filtered by code/name/contact/phone or the text of one of the shop's own fields
    containing `text`."""
    query = Supplier.select()
    if active_only:
        query = query.where(Supplier.active)
    needle = normalise_text(text)
    if needle:
        query = query.where(Supplier.code.contains(needle) | Supplier.name.contains(needle)
                            | Supplier.contact.contains(needle) | Supplier.phone.contains(needle)
                            | custom_fields.search_condition("supplier", Supplier.id, needle))
    counts = dict(SupplierProduct.select(SupplierProduct.supplier, peewee.fn.COUNT(SupplierProduct.id))
                  .group_by(SupplierProduct.supplier).tuples())
    users = dict(User.select(User.id, User.username).tuples())
    return [SupplierRow(s.id, s.code, s.name, s.contact, s.phone, users.get(s.responsible_id, ""), s.lead_time_days,
                        s.delivery_weekdays, weekdays_text(s.delivery_weekdays), s.min_order_amount,
                        counts.get(s.id, 0), s.active)
            for s in query.order_by(Supplier.code)]
