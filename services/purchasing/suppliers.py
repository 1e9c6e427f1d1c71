"""Suppliers: their records, the days they deliver, what they supply and at what price.

Delivery weekdays are stored as ISO digits ("14" = Monday and Thursday); people type
一四 / 周一、周四 / 1,4 / 1-5 / 每天 and see 周一、周四. Prices are per base unit.
Excel import/export of suppliers lives in services/imports/supplier_import.py and
services/exports/suppliers.py.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import Product, User, write_transaction
from models.fields import MONEY_SCALE, QTY_SCALE
from models.purchasing import PurchasePrice, Supplier, SupplierClosedDay, SupplierProduct
from services.core import audit
from services.core.clock import today
from services.core.codes import next_free_code
from services.core.errors import NotFound, ValidationError
from services.core.numbers import fmt_money, normalise_text, to_decimal, to_int
from services.core.permissions import require

ALL_WEEKDAYS = "1234567"
WEEKDAY_NAMES = "一二三四五六日"  # ISO weekday 1..7
_WEEKDAY_CHARS = {**{str(n): n for n in range(1, 8)}, **{c: n for n, c in enumerate(WEEKDAY_NAMES, 1)},
                  "天": 7, "七": 7}
_EVERY_DAY = {"每天", "天天", "每日", "全周", "全天", "daily", "everyday", "every day", "all"}
_WEEKDAY_WORDS = re.compile(r"星期|礼拜|周")
_WEEKDAY_SEPARATORS = set(",,、;;/| ")
_WEEKDAY_RANGES = set("-~~至到")
SEARCH_DAYS = 366  # how far next_delivery_days looks before giving up
CODE_PREFIX = "GYS"
PRICE_SOURCE_MANUAL = "手工录入"


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


@dataclass(frozen=True)
class SupplierProductRow:
    supplier_id: int
    product_id: int
    sku: str
    name: str
    spec: str
    base_unit: str
    pack_size: Decimal  # base units per pack
    last_price: Decimal | None  # per base unit
    supplier_sku: str
    preferred: bool


@dataclass(frozen=True)
class SupplyTerms:
    """How a product is bought: from whom, in what pack, at what last price (per base unit)."""

    product_id: int
    supplier_id: int
    supplier_name: str
    pack_size: Decimal
    last_price: Decimal | None
    preferred: bool


@dataclass(frozen=True)
class PricePoint:
    day: dt.date
    price: Decimal  # per base unit
    source: str  # the order number, Excel 导入 or 手工录入


@dataclass(frozen=True)
class SupplierPrices:
    """One row of the negotiation table: a supplier's last prices for one product, newest first."""

    supplier_id: int
    supplier_code: str
    supplier_name: str
    preferred: bool
    last_price: Decimal | None
    prices: list[PricePoint]

    @property
    def lowest(self) -> Decimal | None:
        return min((p.price for p in self.prices), default=None)


# -- parsing what people type ---------------------------------------------------------------

def parse_weekdays(value: object, field: str = "送货日") -> str:
    """一三五 / 周一、周四 / 1,3,5 / 135 / 1-5 / 周一至周五 / 每天 / blank → ISO digits ("135")."""
    if isinstance(value, float) and value.is_integer():  # Excel stores 135 as 135.0
        value = int(value)
    text = normalise_text(value).lower()
    if not text or text in _EVERY_DAY:
        return ALL_WEEKDAYS
    days: set[int] = set()
    pending_range: int | None = None
    last: int | None = None
    for char in _WEEKDAY_WORDS.sub("", text):
        if char in _WEEKDAY_SEPARATORS:
            continue
        if char in _WEEKDAY_RANGES:
            if last is None or pending_range is not None:
                raise ValidationError("supplier.bad_weekdays", field=field, value=value)
            pending_range = last
            continue
        day = _WEEKDAY_CHARS.get(char)
        if day is None:
            raise ValidationError("supplier.bad_weekdays", field=field, value=value)
        if pending_range is not None:
            if day < pending_range:
                raise ValidationError("supplier.bad_weekdays", field=field, value=value)
            days.update(range(pending_range, day + 1))
            pending_range = None
        days.add(day)
        last = day
    if pending_range is not None or not days:
        raise ValidationError("supplier.bad_weekdays", field=field, value=value)
    return "".join(str(d) for d in sorted(days))


def weekdays_text(digits: str) -> str:
    """"14" → 周一、周四; all seven → 每天. Also the Excel format, so it stays Chinese in every language."""
    if not digits or set(digits) >= set(ALL_WEEKDAYS):
        return "每天"
    return "、".join(f"周{WEEKDAY_NAMES[int(d) - 1]}" for d in digits)


def parse_lead_time(value: object, field: str = "送货周期天数") -> int | None:
    """Whole days ≥ 0; blank = unknown."""
    try:
        days = to_int(value, field)
    except ValidationError as exc:
        if exc.key == "value.too_precise":
            raise ValidationError("value.not_integer", field=field, value=value) from None
        raise
    if days is not None and days < 0:
        raise ValidationError("value.negative", field=field, value=value)
    return days


def parse_min_order(value: object, field: str = "起订金额") -> Decimal:
    return to_decimal(value, field, places=2, default=Decimal(0))


def parse_pack_size(value: object, field: str = "箱规") -> Decimal:
    return to_decimal(value, field, places=QTY_SCALE, allow_zero=False, default=Decimal(1))


def parse_price(value: object, field: str = "进价") -> Decimal | None:
    """A price per base unit; blank = unknown; zero is refused (a free delivery is a typo)."""
    if value is None or normalise_text(value) == "":
        return None
    return to_decimal(value, field, places=MONEY_SCALE, allow_zero=False)


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
    name = normalise_text(data.name)
    if not name:
        raise ValidationError("value.required", field="供应商名称")
    return CleanSupplier(
        name=name, code=normalise_text(data.code), contact=normalise_text(data.contact),
        phone=normalise_text(data.phone), address=normalise_text(data.address),
        responsible_id=responsible_id(data.responsible), lead_time_days=parse_lead_time(data.lead_time_days),
        delivery_weekdays=parse_weekdays(data.delivery_weekdays), min_order_amount=parse_min_order(data.min_order_amount),
        active=bool(data.active), note=normalise_text(data.note),
    )


# -- saving -------------------------------------------------------------------------------

def _snapshot(s: Supplier) -> dict:
    return {"code": s.code, "name": s.name, "contact": s.contact, "phone": s.phone, "address": s.address,
            "responsible": s.responsible_id, "lead_time_days": s.lead_time_days,
            "delivery_weekdays": s.delivery_weekdays, "min_order_amount": str(s.min_order_amount),
            "active": s.active, "note": s.note}


def next_code() -> str:
    """GYS001, GYS002, …; skips codes a user already typed."""
    return next_free_code("supplier", CODE_PREFIX, 3, Supplier.code)


def save_clean_supplier(actor, clean: CleanSupplier, supplier_id: int | None = None) -> Supplier:
    """Create or update inside the caller's write transaction (the import saves a whole file in one)."""
    if clean.code:
        other = Supplier.get_or_none(Supplier.code == clean.code)
        if other is not None and other.id != supplier_id:
            raise ValidationError("supplier.duplicate_code", field="供应商编码", code=clean.code)
    values = dict(name=clean.name, contact=clean.contact, phone=clean.phone, address=clean.address,
                  responsible=clean.responsible_id, lead_time_days=clean.lead_time_days,
                  delivery_weekdays=clean.delivery_weekdays, min_order_amount=clean.min_order_amount,
                  active=clean.active, note=clean.note)
    if supplier_id is None:
        supplier = Supplier.create(code=clean.code or next_code(), **values)
        old = None
    else:
        supplier = get_supplier(supplier_id)
        old = _snapshot(supplier)
        if clean.code:
            values["code"] = clean.code
        Supplier.update(**values).where(Supplier.id == supplier_id).execute()
        supplier = Supplier.get_by_id(supplier_id)
    audit.record(actor, "supplier.create" if old is None else "supplier.update", "supplier", supplier.id,
                 old=old, new=_snapshot(supplier))
    return supplier


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
    if isinstance(ref, Supplier):
        return ref
    if isinstance(ref, int):
        supplier = Supplier.get_or_none(Supplier.id == ref)
    else:
        text = normalise_text(ref)
        supplier = Supplier.get_or_none(Supplier.code == text) or Supplier.get_or_none(Supplier.name == text)
    if supplier is None:
        raise NotFound("supplier.not_found", ref=ref)
    return supplier


def set_closed_day(actor, supplier: int | Supplier, day: dt.date, reason: str = "") -> None:
    """Mark a day the supplier cannot deliver (holiday, or already fully booked)."""
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    with write_transaction():
        (SupplierClosedDay.insert(supplier=supplier.id, day=day, reason=normalise_text(reason))
         .on_conflict(conflict_target=[SupplierClosedDay.supplier, SupplierClosedDay.day],
                      update={SupplierClosedDay.reason: normalise_text(reason)}).execute())
        audit.record(actor, "supplier.closed_day", "supplier", supplier.id, new=day.isoformat(), reason=reason)


def clear_closed_day(actor, supplier: int | Supplier, day: dt.date) -> None:
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    with write_transaction():
        removed = (SupplierClosedDay.delete()
                   .where((SupplierClosedDay.supplier == supplier.id) & (SupplierClosedDay.day == day)).execute())
        if removed:
            audit.record(actor, "supplier.open_day", "supplier", supplier.id, old=day.isoformat())


def closed_days(supplier: int | Supplier, start: dt.date | None = None) -> list[tuple[dt.date, str]]:
    supplier = get_supplier(supplier)
    query = SupplierClosedDay.select(SupplierClosedDay.day, SupplierClosedDay.reason).where(
        SupplierClosedDay.supplier == supplier.id)
    if start is not None:
        query = query.where(SupplierClosedDay.day >= start)
    return list(query.order_by(SupplierClosedDay.day).tuples())


def _record_price(supplier_id: int, product_id: int, price: Decimal, day: dt.date, source: str) -> None:
    PurchasePrice.create(supplier=supplier_id, product=product_id, price=price, day=day, source=source)


def save_supplier_product_clean(actor, supplier_id: int, product_id: int, *, pack_size: Decimal | None,
                                last_price: Decimal | None, supplier_sku: str | None, preferred: bool | None,
                                source: str = PRICE_SOURCE_MANUAL, day: dt.date | None = None) -> SupplierProduct:
    """Upsert inside the caller's transaction; None keeps the stored value. A new price is also history."""
    row = SupplierProduct.get_or_none((SupplierProduct.supplier == supplier_id) & (SupplierProduct.product == product_id))
    old_price = None if row is None else row.last_price
    old = None if row is None else {"pack_size": str(row.pack_size), "last_price": str(row.last_price),
                                    "supplier_sku": row.supplier_sku, "preferred": row.preferred}
    if row is None:
        row = SupplierProduct.create(supplier=supplier_id, product=product_id, pack_size=pack_size or Decimal(1),
                                     last_price=last_price, supplier_sku=supplier_sku or "", preferred=bool(preferred))
    else:
        changes = {k: v for k, v in (("pack_size", pack_size), ("last_price", last_price),
                                     ("supplier_sku", supplier_sku), ("preferred", preferred)) if v is not None}
        if changes:
            SupplierProduct.update(**changes).where(SupplierProduct.id == row.id).execute()
            row = SupplierProduct.get_by_id(row.id)
    if preferred:  # one preferred supplier per product
        (SupplierProduct.update(preferred=False)
         .where((SupplierProduct.product == product_id) & (SupplierProduct.id != row.id)).execute())
    if last_price is not None and last_price != old_price:
        _record_price(supplier_id, product_id, last_price, day or today(), source)
    new = {"pack_size": str(row.pack_size), "last_price": str(row.last_price), "supplier_sku": row.supplier_sku,
           "preferred": row.preferred}
    if new != old:
        audit.record(actor, "supplier.product", "supplier", supplier_id, old=old, new={"product": product_id, **new})
    return row


def save_supplier_product(actor, supplier: int | Supplier, product: int | Product, pack_size: object = None,
                          last_price: object = None, supplier_sku: object = None,
                          preferred: bool | None = None) -> SupplierProduct:
    """Say that `supplier` supplies `product`: pack size (base units per pack), last price (per base
    unit), their article number, whether they are the preferred supplier. None keeps what is stored."""
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    product_id = product.id if isinstance(product, Product) else int(product)
    if not Product.select().where(Product.id == product_id).exists():
        raise NotFound("product.not_found", ref=product_id)
    size = None if pack_size is None else parse_pack_size(pack_size)
    price = parse_price(last_price)
    sku = None if supplier_sku is None else normalise_text(supplier_sku)
    with write_transaction():
        return save_supplier_product_clean(actor, supplier.id, product_id, pack_size=size, last_price=price,
                                           supplier_sku=sku, preferred=preferred)


def remove_supplier_product(actor, supplier: int | Supplier, product_id: int) -> bool:
    require(actor, "supplier.edit")
    supplier = get_supplier(supplier)
    with write_transaction():
        removed = (SupplierProduct.delete()
                   .where((SupplierProduct.supplier == supplier.id) & (SupplierProduct.product == product_id)).execute())
        if removed:
            audit.record(actor, "supplier.product_removed", "supplier", supplier.id, old={"product": product_id})
    return bool(removed)


# -- reading ------------------------------------------------------------------------------

def list_suppliers(text: str = "", active_only: bool = True) -> list[SupplierRow]:
    """Suppliers by code, filtered by code/name/contact/phone containing `text`."""
    query = Supplier.select()
    if active_only:
        query = query.where(Supplier.active)
    needle = normalise_text(text)
    if needle:
        query = query.where(Supplier.code.contains(needle) | Supplier.name.contains(needle)
                            | Supplier.contact.contains(needle) | Supplier.phone.contains(needle))
    counts = dict(SupplierProduct.select(SupplierProduct.supplier, peewee.fn.COUNT(SupplierProduct.id))
                  .group_by(SupplierProduct.supplier).tuples())
    users = dict(User.select(User.id, User.username).tuples())
    return [SupplierRow(s.id, s.code, s.name, s.contact, s.phone, users.get(s.responsible_id, ""), s.lead_time_days,
                        s.delivery_weekdays, weekdays_text(s.delivery_weekdays), s.min_order_amount,
                        counts.get(s.id, 0), s.active)
            for s in query.order_by(Supplier.code)]


def supplier_products(supplier: int | Supplier) -> list[SupplierProductRow]:
    supplier = get_supplier(supplier)
    query = (SupplierProduct.select(SupplierProduct, Product).join(Product)
             .where(SupplierProduct.supplier == supplier.id).order_by(Product.sku))
    return [SupplierProductRow(supplier.id, sp.product.id, sp.product.sku, sp.product.name, sp.product.spec,
                               sp.product.base_unit, sp.pack_size, sp.last_price, sp.supplier_sku, sp.preferred)
            for sp in query]


def supply_terms(product_ids: list[int] | None = None) -> dict[int, SupplyTerms]:
    """Per product, the supplier to buy from: the preferred one, else the one with the newest price,
    else the first that supplies it. Active suppliers only; one query for any number of products."""
    query = (SupplierProduct.select(SupplierProduct.product, SupplierProduct.supplier, Supplier.name,
                                    SupplierProduct.pack_size, SupplierProduct.last_price, SupplierProduct.preferred,
                                    SupplierProduct.id)
             .join(Supplier).where(Supplier.active))
    if product_ids is not None:
        query = query.where(SupplierProduct.product.in_(product_ids))
    newest = {(p, s): day for p, s, day in PurchasePrice.select(
        PurchasePrice.product, PurchasePrice.supplier, peewee.fn.MAX(PurchasePrice.day))
        .group_by(PurchasePrice.product, PurchasePrice.supplier).tuples()}
    best: dict[int, tuple[tuple, SupplyTerms]] = {}
    for pid, sid, name, pack, price, preferred, row_id in query.tuples():
        rank = (not preferred, -(newest.get((pid, sid)) or dt.date.min).toordinal(), row_id)
        if pid not in best or rank < best[pid][0]:
            best[pid] = (rank, SupplyTerms(pid, sid, name, pack, price, bool(preferred)))
    return {pid: terms for pid, (_, terms) in best.items()}


def preferred_supplier(product_id: int) -> Supplier | None:
    """The supplier to buy `product_id` from (see supply_terms), or None when nobody supplies it."""
    terms = supply_terms([product_id]).get(product_id)
    return Supplier.get_by_id(terms.supplier_id) if terms else None


def last_price(supplier_id: int, product_id: int) -> Decimal | None:
    """The supplier's last price for the product, per base unit (None when never bought or quoted)."""
    row = SupplierProduct.get_or_none((SupplierProduct.supplier == supplier_id) & (SupplierProduct.product == product_id))
    return row.last_price if row is not None else None


def price_history(product_id: int, per_supplier: int = 5) -> list[SupplierPrices]:
    """The negotiation table: for each supplier of the product its last `per_supplier` prices
    (per base unit, newest first); preferred supplier first, then cheapest last price."""
    points: dict[int, list[PricePoint]] = defaultdict(list)
    for sid, day, price, source in (PurchasePrice.select(PurchasePrice.supplier, PurchasePrice.day,
                                                         PurchasePrice.price, PurchasePrice.source)
                                    .where(PurchasePrice.product == product_id)
                                    .order_by(PurchasePrice.day.desc(), PurchasePrice.id.desc()).tuples()):
        if len(points[sid]) < per_supplier:
            points[sid].append(PricePoint(day, price, source))
    terms = {sid: (price, preferred) for sid, price, preferred in SupplierProduct.select(
        SupplierProduct.supplier, SupplierProduct.last_price, SupplierProduct.preferred)
        .where(SupplierProduct.product == product_id).tuples()}
    ids = set(points) | set(terms)
    suppliers = {s.id: s for s in Supplier.select().where(Supplier.id.in_(list(ids)))} if ids else {}
    rows = []
    for sid in ids:
        stored, preferred = terms.get(sid, (None, False))
        last = stored if stored is not None else (points[sid][0].price if points[sid] else None)
        s = suppliers[sid]
        rows.append(SupplierPrices(sid, s.code, s.name, bool(preferred), last, points[sid]))
    rows.sort(key=lambda r: (not r.preferred, r.last_price is None, r.last_price or Decimal(0), r.supplier_code))
    return rows


def next_delivery_days(supplier: int | Supplier, after: dt.date, count: int = 2) -> list[dt.date]:
    """The first `count` days an order placed on `after` can arrive: not before after + lead time,
    on one of the supplier's delivery weekdays, skipping days it marked closed or full."""
    supplier = get_supplier(supplier)
    if supplier.lead_time_days is None:
        raise ValidationError("supplier.no_lead_time", field="送货周期天数", supplier=supplier.name)
    weekdays = {int(d) for d in (supplier.delivery_weekdays or ALL_WEEKDAYS)}
    first = after + dt.timedelta(days=supplier.lead_time_days)
    closed = {day for day, _ in closed_days(supplier, first)}
    found: list[dt.date] = []
    for offset in range(SEARCH_DAYS):
        day = first + dt.timedelta(days=offset)
        if day.isoweekday() in weekdays and day not in closed:
            found.append(day)
            if len(found) == count:
                return found
    raise ValidationError("supplier.no_delivery_day", field="送货日", supplier=supplier.name, days=SEARCH_DAYS,
                          weekdays=weekdays_text(supplier.delivery_weekdays))
