"""`import` and `export`: products and opening stock from Excel; products, stock and moves to Excel."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import say


def add_parser(sub) -> None:
    imp = sub.add_parser("import", help="import products or opening stock from Excel",
                         description="All rows are checked first; any error imports nothing (FILE.errors.xlsx). "
                                     "Limits: 50 MB, 100,000 rows, 2,000 characters a cell.")
    imp.add_argument("what", choices=["products", "stock"])
    imp.add_argument("file")

    exp = sub.add_parser("export", help="export products, stock or moves to Excel")
    exp.add_argument("what", choices=["products", "stock", "moves"])
    exp.add_argument("file")


def cmd_import(args: argparse.Namespace, user) -> int:
    from services.imports import excel_import

    if args.what == "products":
        result = excel_import.import_products(user, Path(args.file))
    else:
        result = excel_import.import_stock(user, Path(args.file))
    say(result.message)
    return 0


def cmd_export(args: argparse.Namespace, user) -> int:
    from services.exports.products import export_products
    from services.exports.stock import export_moves, export_stock

    # 进价 (products) and 单位成本 (moves) only for a user whose role sees cost
    writer = {"products": lambda path: export_products(path, user), "stock": export_stock,
              "moves": lambda path: export_moves(path, user)}[args.what]
    count = writer(Path(args.file))
    say(f"已导出 {count} 行 / exported {count} rows: {args.file}")
    return 0


COMMANDS = {"import": cmd_import, "export": cmd_export}
