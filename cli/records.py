"""`product`, `customer` and `supplier` list/show/set-field: the master records with the shop's own fields
under `custom` ({field name: value as shown}) in their JSON, and one of those fields set by name
(`product set-field SKU 产地 云南`). The customer's statements and ageing stay in cli/customers.py."""
from __future__ import annotations

import argparse
from collections.abc import Callable

from cli.output import say, say_json


def add_record_commands(parser_sub, what: str, ref_help: str) -> None:
    """list / show / set-field under an entity's own subparsers."""
    listing = parser_sub.add_parser("list", help=f"{what}s matching TEXT (also in their own fields), with `custom`")
    listing.add_argument("text", nargs="?", default="")
    listing.add_argument("--limit", type=int, default=200)
    listing.add_argument("--json", action="store_true")
    show = parser_sub.add_parser("show", help=f"one {what} with its own fields")
    show.add_argument("ref", help=ref_help)
    show.add_argument("--json", action="store_true")
    setf = parser_sub.add_parser("set-field", help=f"set one of the shop's own fields of a {what}; '' clears it")
    setf.add_argument("ref", help=ref_help)
    setf.add_argument("field", help="the field's name (field list)")
    setf.add_argument("value")
    setf.add_argument("--json", action="store_true")


def add_parser(sub) -> None:
    product = sub.add_parser("product", help="products with the shop's own fields (list, show, set-field)")
    add_record_commands(product.add_subparsers(dest="record_command", required=True), "product",
                        "SKU or barcode")
    supplier = sub.add_parser("supplier", help="suppliers with the shop's own fields (list, show, set-field)")
    add_record_commands(supplier.add_subparsers(dest="record_command", required=True), "supplier", "code or name")


# -- each entity's records as dicts: (id, fields without `custom`) ------------------------------------

def _product(ref: str) -> tuple[int, dict]:
    from services.catalog.products import get_product

    p = get_product(ref)
    return p.id, {"sku": p.sku, "name": p.name, "spec": p.spec, "category": p.category, "unit": p.base_unit,
                  "price": format(p.price.normalize(), "f")}


def _products(text: str, limit: int) -> list[tuple[int, dict]]:
    from services.catalog.products import search_products

    return [(r.id, {"sku": r.sku, "name": r.name, "spec": r.spec, "category": r.category, "unit": r.base_unit,
                    "barcode": r.barcode, "price": format(r.price.normalize(), "f")})
            for r in search_products(text, limit=limit)]


def _supplier_dict(s) -> dict:
    return {"code": s.code, "name": s.name, "contact": s.contact, "phone": s.phone, "active": s.active}


def _supplier(ref: str) -> tuple[int, dict]:
    from services.purchasing.suppliers import get_supplier

    s = get_supplier(ref)
    return s.id, _supplier_dict(s)


def _suppliers(text: str, limit: int) -> list[tuple[int, dict]]:
    from services.purchasing.suppliers import list_suppliers

    return [(s.id, {**_supplier_dict(s), "responsible": s.responsible}) for s in list_suppliers(text)[:limit]]


def _customer_dict(c) -> dict:
    return {"code": c.code, "name": c.name, "phone": c.phone, "wechat": c.wechat, "kind": c.kind,
            "price_tier": c.price_tier, "active": c.active}


def _customer(ref: str) -> tuple[int, dict]:
    from services.sales.customers import get_customer

    c = get_customer(ref)
    return c.id, _customer_dict(c)


def _customers(text: str, limit: int) -> list[tuple[int, dict]]:
    from services.core.numbers import fmt_money
    from services.sales.customers import list_customers

    return [(c.id, {**_customer_dict(c), "balance": fmt_money(c.balance)}) for c in list_customers(text, limit=limit)]


READERS: dict[str, tuple[Callable[[str], tuple[int, dict]], Callable[[str, int], list[tuple[int, dict]]]]] = {
    "product": (_product, _products), "supplier": (_supplier, _suppliers), "customer": (_customer, _customers)}


def run_record_command(entity: str, command: str, args: argparse.Namespace, user) -> int:
    from services.core.custom_fields import set_values, shown_values

    one, many = READERS[entity]
    if command == "list":
        found = many(args.text, args.limit)
    else:
        record_id, data = one(args.ref)
        if command == "set-field":
            set_values(user, entity, record_id, {args.field: args.value})
        found = [(record_id, data)]
    custom = shown_values(entity, [rid for rid, _ in found])
    records = [{**data, "custom": custom[rid]} for rid, data in found]
    if args.json:
        say_json(records if command == "list" else records[0])
        return 0
    for record in records:
        say(_text(record))
    return 0


def _text(record: dict) -> str:
    """One record on a line: its code and name, then each of its own fields that is set."""
    code = record.get("sku") or record.get("code")
    own = "  ".join(f"{name}: {value}" for name, value in record["custom"].items() if value)
    return f"{code} {record['name']}" + (f"  |  {own}" if own else "")


def cmd_product(args: argparse.Namespace, user) -> int:
    return run_record_command("product", args.record_command, args, user)


def cmd_supplier(args: argparse.Namespace, user) -> int:
    return run_record_command("supplier", args.record_command, args, user)


COMMANDS = {"product": cmd_product, "supplier": cmd_supplier}
