"""Warehouses, shelves and the virtual locations every document moves stock between."""
from __future__ import annotations

from dataclasses import dataclass

from models import LOCATION_KINDS, VIRTUAL_KINDS, Location, write_transaction
from services.core import audit
from services.core.compiled_sql import CompiledQuery, row_by
from services.core.errors import NotFound, ValidationError
from services.core.permissions import require
from services.core.text_clean import clean_line

# code, name, kind: created by `init`; documents find them by kind
DEFAULT_LOCATIONS = (
    ("STORE", "门店仓", "warehouse"),
    ("SUPPLIER", "供应商", "supplier"),
    ("CUSTOMER", "客户", "customer"),
    ("LOSS", "报损", "loss"),
    ("PRODUCTION", "生产", "production"),
    ("ADJUST", "盘点调整", "adjustment"),
    ("INTERNAL", "赠品/样品/自用", "internal"),
)


@dataclass(frozen=True)
class LocationRow:
    id: int
    code: str
    name: str
    kind: str
    parent_code: str
    is_virtual: bool


_LOCATION_KINDS = CompiledQuery(lambda: Location.select(Location.id, Location.kind))  # read every evening: built once


def location_kinds() -> dict[int, str]:
    """Location id → its kind, every location."""
    return dict(_LOCATION_KINDS.tuples())


def real_ids(kinds: dict[int, str]) -> list[int]:
    """The ids of `kinds` that hold stock (not supplier, customer, loss and the other virtual kinds)."""
    return [lid for lid, kind in kinds.items() if kind not in VIRTUAL_KINDS]


def ensure_default_locations(actor) -> None:
    with write_transaction():
        for code, name, kind in DEFAULT_LOCATIONS:
            if not Location.select().where(Location.code == code).exists():
                loc = Location.create(code=code, name=name, kind=kind)
                audit.record(actor, "location.create", "location", loc.id, new={"code": code, "kind": kind})


def virtual(kind: str) -> Location:
    """The first active location of a virtual kind (supplier, customer, loss, ...)."""
    loc = _VIRTUAL.first(kind=kind)
    if loc is None:
        raise NotFound("location.not_found", ref=kind)
    return loc


_VIRTUAL = CompiledQuery(lambda kind: Location.select().where((Location.kind == kind) & Location.active)
                         .order_by(Location.id).limit(1), kind="\x00kind\x00")  # every receipt asks: built once


def default_store() -> Location:
    loc = _VIRTUAL.first(kind="warehouse")  # the first active one, as for a virtual kind
    if loc is None:
        raise NotFound("location.not_found", ref="warehouse")
    return loc


def get_location(ref: int | str) -> Location:
    if isinstance(ref, int):
        loc = row_by(Location.id, ref)
    else:
        loc = Location.get_or_none(Location.code == clean_line(ref))
    if loc is None:
        raise NotFound("location.not_found", ref=ref)
    return loc


def create_location(actor, code: str, name: str, kind: str, parent_code: str | None = None) -> Location:
    require(actor, "location.edit")
    code, name = clean_line(code), clean_line(name)
    if not code:
        raise ValidationError("value.required", field="库位编码")
    if not name:
        raise ValidationError("value.required", field="库位名称")
    if kind not in LOCATION_KINDS:
        raise ValidationError("location.bad_kind", field="类型", kind=kind)
    with write_transaction():
        if Location.select().where(Location.code == code).exists():
            raise ValidationError("location.duplicate", field="库位编码", code=code)
        parent = get_location(parent_code) if parent_code else None
        loc = Location.create(code=code, name=name, kind=kind, parent=parent)
        audit.record(actor, "location.create", "location", loc.id,
                     new={"code": code, "name": name, "kind": kind, "parent": parent_code})
    return loc


def ensure_shelf(actor, code: str) -> Location:
    """A shelf by code, created under the default store the first time it is named."""
    loc = Location.get_or_none(Location.code == code)
    if loc is not None:
        return loc
    return create_location(actor, code, code, "shelf", parent_code=default_store().code)


def list_locations(real_only: bool = False) -> list[LocationRow]:
    query = Location.select().where(Location.active).order_by(Location.kind, Location.code)
    rows = []
    parents = {loc.id: loc.code for loc in Location.select(Location.id, Location.code)}
    for loc in query:
        if real_only and loc.is_virtual:
            continue
        rows.append(LocationRow(loc.id, loc.code, loc.name, loc.kind,
                                parents.get(loc.parent_id, ""), loc.is_virtual))
    return rows
