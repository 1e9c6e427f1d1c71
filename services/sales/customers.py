"""Customers: the walk-in 散客 by default, wholesale customers with a price tier, a credit limit and
payment terms.

Prices are per base unit. A customer's price is their tier's price for the product, else the
product's retail price (Product.price): price_for; the tier prices themselves are
services/sales/tier_prices.py. What a customer owes lives in services/sales/receivables.py.
Excel import/export: services/imports/customer_import.py, services/exports/customers.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Customer, Product, ProductPrice, write_transaction
from services.catalog.search_key import build_search_key, pinyin_full, pinyin_initials
from services.core import audit, custom_fields
from services.core.codes import next_free_code
from services.core.errors import NotFound, ValidationError
from services.core.master_data import (
    find_record,
    parse_amount,
    parse_days,
    refuse_taken_code,
    save_record,
    snapshot,
)
from services.core.numbers import PAYMENT_TERMS_DAYS, fmt_money, normalise_text
from services.core.permissions import require
from services.core.text_clean import clean_line
from services.sales.tier_prices import RETAIL, parse_tier, tier_text

CODE_PREFIX = "KH"
WALK_IN_CODE = "KH000"
WALK_IN_NAME = "散客"
KINDS = {"retail": "零售", "wholesale": "批发"}
_PHONE_CHARS = re.compile(r"^[0-9+\-\s()()/,,、;;转]+$")  # 转: an extension (0571-8888 转 12)
MIN_PHONE_DIGITS = 7
AUDITED = ("code", "name", "phone", "address", "wechat", "kind", "price_tier", "credit_limit", "payment_terms_days",
           "active", "note")


@dataclass
class CustomerInput:
    """What a form or an Excel row says about a customer; values may be raw text."""

    name: object = ""
    code: object = ""
    phone: object = ""
    address: object = ""
    wechat: object = ""  # the name they use in the WeChat group
    kind: object = RETAIL  # retail | wholesale, or 零售 / 批发
    price_tier: object = ""  # blank: retail for a retail customer, wholesale for a wholesale one
    credit_limit: object = "0"  # 0 = no credit (赊账 not allowed without approval)
    payment_terms_days: object = "0"
    active: bool = True
    note: object = ""


@dataclass(frozen=True)
class CleanCustomer:
    name: str
    code: str
    phone: str
    address: str
    wechat: str
    kind: str
    price_tier: str
    credit_limit: Decimal
    payment_terms_days: int
    active: bool
    note: str


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    phone: str
    wechat: str
    kind: str
    kind_text: str  # 零售 / 批发
    price_tier: str
    tier_text: str  # 批发价
    credit_limit: Decimal
    payment_terms_days: int
    balance: Decimal  # owed now (services.sales.receivables.balance)
    active: bool


# -- parsing what people type ---------------------------------------------------------------------

def parse_kind(value: object, field: str = "客户类型") -> str:
    text = normalise_text(value).lower()
    if not text:
        return RETAIL
    for code, label in KINDS.items():
        if text in (code, label, label + "客户"):
            return code
    raise ValidationError("customer.bad_kind", field=field, value=value)


def parse_phone(value: object, field: str = "电话") -> str:
    """Loose: digits with the usual separators, at least 7 digits (a landline without area code)."""
    if isinstance(value, float) and value.is_integer():  # Excel keeps a mobile number as 13800138000.0
        value = int(value)
    text = clean_line(value)
    if not text:
        return ""
    if not _PHONE_CHARS.match(text) or sum(ch.isdigit() for ch in text) < MIN_PHONE_DIGITS:
        raise ValidationError("customer.bad_phone", field=field, value=value)
    return text


def parse_credit_limit(value: object, field: str = "信用额度") -> Decimal:
    return parse_amount(value, field)


def parse_terms(value: object, field: str = "账期天数") -> int:
    """Whole days 0–365; blank = 0 (pays at once)."""
    return parse_days(value, field, PAYMENT_TERMS_DAYS) or 0


def customer_problems(data: CustomerInput) -> list[ValidationError]:
    """Every problem of the form at once (an import row lists them all)."""
    problems = [] if clean_line(data.name) else [ValidationError("value.required", field="客户名称")]
    for parse, value in ((parse_phone, data.phone), (parse_kind, data.kind), (parse_tier, data.price_tier),
                         (parse_credit_limit, data.credit_limit), (parse_terms, data.payment_terms_days)):
        try:
            parse(value)
        except ValidationError as exc:
            problems.append(exc)
    return problems


def clean_customer(data: CustomerInput) -> CleanCustomer:
    """Validate one customer; raises the first ValidationError, naming the field in Chinese."""
    problems = customer_problems(data)
    if problems:
        raise problems[0]
    kind = parse_kind(data.kind)
    tier = parse_tier(data.price_tier) or ("wholesale" if kind == "wholesale" else RETAIL)
    return CleanCustomer(
        name=clean_line(data.name), code=clean_line(data.code), phone=parse_phone(data.phone),
        address=clean_line(data.address), wechat=clean_line(data.wechat), kind=kind, price_tier=tier,
        credit_limit=parse_credit_limit(data.credit_limit), payment_terms_days=parse_terms(data.payment_terms_days),
        active=bool(data.active), note=normalise_text(data.note))


# -- saving -------------------------------------------------------------------------------------

def customer_search_key(name: str, code: str = "", phone: str = "", wechat: str = "") -> str:
    """Name, its pinyin, the code, the phone's digits and the WeChat name (and its pinyin)."""
    parts = [build_search_key(name, sku=code), "".join(ch for ch in phone if ch.isdigit())]
    if wechat:
        parts += [wechat.lower(), pinyin_initials(wechat), pinyin_full(wechat)]
    return " ".join(p for p in parts if p)


def next_code() -> str:
    """KH001, KH002, …; skips codes a user already typed."""
    return next_free_code("customer", CODE_PREFIX, 3, Customer.code)


def save_clean_customer(actor, clean: CleanCustomer, customer_id: int | None = None) -> Customer:
    """Create or update inside the caller's write transaction (the import saves a whole file in one)."""
    refuse_taken_code(Customer.code, clean.code, customer_id, "customer.duplicate_code", "客户编码")
    old = get_customer(customer_id) if customer_id is not None else None
    if old is not None and old.code == WALK_IN_CODE and (clean.credit_limit or not clean.active
                                                          or clean.code not in ("", WALK_IN_CODE)):
        raise ValidationError("customer.walk_in_fixed", field="客户")
    code = clean.code or (old.code if old is not None else next_code())
    values = dict(code=code, name=clean.name, phone=clean.phone, address=clean.address, wechat=clean.wechat,
                  kind=clean.kind, price_tier=clean.price_tier, credit_limit=clean.credit_limit,
                  payment_terms_days=clean.payment_terms_days, active=clean.active, note=clean.note,
                  search_key=customer_search_key(clean.name, code, clean.phone, clean.wechat))
    return save_record(actor, Customer, old, values, audited=AUDITED)


def save_customer(actor, data: CustomerInput, customer_id: int | None = None) -> Customer:
    """Validate and save one customer in its own transaction; returns the saved row."""
    require(actor, "customer.edit")
    clean = clean_customer(data)
    with write_transaction():
        return save_clean_customer(actor, clean, customer_id)


def customer_input(c: Customer) -> CustomerInput:
    """The editable form of a saved customer (for the edit dialog)."""
    return CustomerInput(name=c.name, code=c.code, phone=c.phone, address=c.address, wechat=c.wechat,
                         kind=c.kind, price_tier=c.price_tier, credit_limit=fmt_money(c.credit_limit),
                         payment_terms_days=str(c.payment_terms_days), active=c.active, note=c.note)


def ensure_walk_in(actor=None) -> Customer:
    """The default retail customer 散客 (created on initialise; idempotent)."""
    existing = Customer.get_or_none(Customer.code == WALK_IN_CODE)
    if existing is not None:
        return existing
    with write_transaction():
        Customer.insert(code=WALK_IN_CODE, name=WALK_IN_NAME, kind=RETAIL, price_tier=RETAIL,
                        search_key=customer_search_key(WALK_IN_NAME, WALK_IN_CODE)).on_conflict_ignore().execute()
        customer = Customer.get(Customer.code == WALK_IN_CODE)
        audit.record(actor, "customer.create", "customer", customer.id, new=snapshot(customer, AUDITED))
    return customer


def walk_in() -> Customer:
    """散客: who a sale is for when nobody is chosen."""
    return Customer.get_or_none(Customer.code == WALK_IN_CODE) or ensure_walk_in()


def is_walk_in(customer: Customer) -> bool:
    return customer.code == WALK_IN_CODE


def get_customer(ref: int | str | Customer) -> Customer:
    """By id, code, exact name or exact phone (two customers with that name or phone: refused)."""
    return find_record(Customer, ref, by=(Customer.code, Customer.name, Customer.phone), not_found="customer.not_found",
                       ambiguous="customer.name_ambiguous", field="客户")


def list_customers(text: str = "", kind: str | None = None, *, include_inactive: bool = False,
                   limit: int | None = None, offset: int = 0) -> list[CustomerRow]:
    """Customers matching `text` (name, pinyin initials or full pinyin, code, phone digits, WeChat name,
    the text of the shop's own fields),
    walk-in first, then by code; each with what they owe now."""
    from services.sales.receivables import balances

    query = Customer.select()
    needle = normalise_text(text).lower()
    if needle:
        digits = "".join(ch for ch in needle if ch.isdigit())
        condition = Customer.search_key.contains(needle.replace(" ", ""))
        if digits and len(digits) == len(needle.replace(" ", "").replace("-", "")):
            condition |= Customer.search_key.contains(digits)  # 138-0013 finds 13800138000
        condition |= custom_fields.search_condition("customer", Customer.id, needle)
        query = query.where(condition)
    if kind:
        query = query.where(Customer.kind == kind)
    if not include_inactive:
        query = query.where(Customer.active == True)  # noqa: E712 (peewee expression)
    query = query.order_by(peewee.Case(None, [(Customer.code == WALK_IN_CODE, 0)], 1), Customer.code)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    found = list(query)
    owed = balances([c.id for c in found])
    return [CustomerRow(c.id, c.code, c.name, c.phone, c.wechat, c.kind, KINDS.get(c.kind, c.kind), c.price_tier,
                        tier_text(c.price_tier), c.credit_limit, c.payment_terms_days,
                        owed.get(c.id, Decimal("0.00")), c.active) for c in found]


def price_for(product_id: int, customer: Customer | int | None = None) -> Decimal:
    """What `customer` pays per base unit: their tier's price, else the retail price (0 if none)."""
    if customer is not None and not isinstance(customer, Customer):
        customer = get_customer(customer)
    if customer is not None and customer.price_tier not in ("", RETAIL):
        row = ProductPrice.get_or_none((ProductPrice.product == product_id) & (ProductPrice.tier == customer.price_tier))
        if row is not None:
            return row.price
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    return product.price if product.price is not None else Decimal(0)
