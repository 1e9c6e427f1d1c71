"""`production` commands: explode a product's bill of materials for a quantity, with shortages;
import and export BOMs by Excel. Each subcommand is one function in SUBCOMMANDS."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli import production_orders
from cli.output import say, say_json


def add_parser(sub) -> None:
    prod = sub.add_parser("production", help="bills of materials and production (生产)")
    psub = prod.add_subparsers(dest="production_command", required=True)
    explode = psub.add_parser("explode", help="multi-level requirement of SKU for --qty, with shortages")
    explode.add_argument("sku")
    explode.add_argument("--qty", required=True)
    explode.add_argument("--json", action="store_true")
    bom_import = psub.add_parser("bom-import", help="import BOMs from an .xlsx (all rows or none; errors file)")
    bom_import.add_argument("file")
    bom_export = psub.add_parser("bom-export", help="export active BOMs to an .xlsx (importable again)")
    bom_export.add_argument("file")
    bom_export.add_argument("--sku", nargs="+", action="extend", help="only these products (SKU or barcode)")
    production_orders.add_parsers(psub)


def cmd_production(args: argparse.Namespace, user) -> int:
    return SUBCOMMANDS[args.production_command](args, user)


def _explode(args: argparse.Namespace, user) -> int:
    from services.core.numbers import to_decimal
    from services.core.permissions import allowed
    from services.production.bom_explode import explode

    quantity = to_decimal(args.qty, "生产数量", allow_zero=False)
    result = explode(args.sku, quantity)
    sees_cost = allowed(user, "cost.view")  # the costs only for a role that may see cost (the warehouse plans)
    if args.json:
        say_json(result.as_json() if sees_cost else _without_cost(result.as_json()))
        return 0
    say(f"{result.product.sku} {result.product.name} × {quantity}"
        + (f"  标准成本 {result.standard_cost} 元/{result.product.base_unit}" if sees_cost else ""))
    for r in result.tree:
        mark = " (副产品)" if r.by_product else ""
        say(f"{'  ' * r.level}{r.sku} {r.name}{mark}  {r.quantity} {r.unit}"
            + (f"  单价 {r.unit_cost}  成本 {r.cost}" if sees_cost else ""))
    say("需求 / 现有 / 预占 / 可用 / 在途 / 缺口:")
    for q in result.requirements:
        flag = "缺" if q.missing > 0 else "  "
        say(f"{flag} {q.sku} {q.name}  需 {q.required}  有 {q.on_hand}  占 {q.reserved}  可用 {q.available}  "
            f"在途 {q.on_order}  缺 {q.missing} {q.unit}")
    return 0


def _without_cost(data: dict) -> dict:
    """An explosion's JSON without standard_cost and the tree's unit_cost and cost."""
    tree = [{k: v for k, v in row.items() if k not in ("unit_cost", "cost")} for row in data["tree"]]
    return {**{k: v for k, v in data.items() if k != "standard_cost"}, "tree": tree}


def _bom_import(args: argparse.Namespace, user) -> int:
    from services.imports.bom_import import import_boms

    say(import_boms(user, Path(args.file)).message)  # bad rows: ImportFailed → stderr, exit 1
    return 0


def _bom_export(args: argparse.Namespace, user) -> int:
    from services.core.messages import msg
    from services.exports.boms import export_boms

    count = export_boms(Path(args.file), args.sku)
    say(msg("bom.exported", count=count, file=args.file))
    return 0


SUBCOMMANDS = {"explode": _explode, "bom-import": _bom_import, "bom-export": _bom_export,
               **production_orders.SUBCOMMANDS}

COMMANDS = {"production": cmd_production}
