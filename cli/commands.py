"""The headless commands: `python main.py [--db PATH|URL] COMMAND`. Same services as the GUI.

Exit status: 0 done, 1 refused or failed (with a readable message), 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli import customers, production, sales, stocktake
from services.core.errors import XiaopuError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xiaopu", description="小铺进销存 Xiaopu")
    parser.add_argument("--db", help="SQLite file or postgresql:// URL (default: the app-data folder)")
    parser.add_argument("--user", help="act as this user (default: the first owner)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of messages")
    parser.add_argument("--demo", action="store_true", help="open the GUI on a demo fresh-food store")
    parser.add_argument("--smoke-test", action="store_true", help="open the window, render every tab, exit 0")
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("init", help="create or migrate the database (idempotent)")

    demo = sub.add_parser("demo", help="fill the database with a reproducible shop history")
    demo.add_argument("--products", type=int, default=420)
    demo.add_argument("--days", type=int, default=90)
    demo.add_argument("--seed", type=int, default=1)

    imp = sub.add_parser("import", help="import products or opening stock from Excel")
    imp.add_argument("what", choices=["products", "stock"])
    imp.add_argument("file")

    exp = sub.add_parser("export", help="export products, stock or moves to Excel")
    exp.add_argument("what", choices=["products", "stock", "moves"])
    exp.add_argument("file")

    stock = sub.add_parser("stock", help="stock per product, lot and location")
    stock.add_argument("--sku")
    stock.add_argument("--json", action="store_true")
    stock.add_argument("what", nargs="?", choices=["low"], help="low: products below their safety stock")

    channel = sub.add_parser("channel", help="sales channels (渠道) and the platforms' stock files")
    chsub = channel.add_subparsers(dest="channel_command", required=True)
    chlist = chsub.add_parser("list", help="channels with their hold minutes")
    chlist.add_argument("--all", action="store_true", help="include disabled channels")
    chlist.add_argument("--json", action="store_true")
    chexp = chsub.add_parser("export", help="sellable stock in the platform's upload layout (.xlsx or .csv)")
    chexp.add_argument("code")
    chexp.add_argument("file")
    chimp = chsub.add_parser("import", help="import the channel's orders (.xlsx or .csv), all or nothing")
    chimp.add_argument("code")
    chimp.add_argument("file")

    sub.add_parser("check", help="integrity, balances == ledger, audit chain")

    backup = sub.add_parser("backup", help="online backup of the live database, verified")
    backup.add_argument("--to", dest="to_dir")

    reverse = sub.add_parser("reverse", help="reverse a posted document by its number")
    reverse.add_argument("number")
    reverse.add_argument("--reason", required=True)

    sub.add_parser("rebuild-balances", help="recompute every balance from the ledger")

    user = sub.add_parser("user", help="staff accounts and roles")
    usub = user.add_subparsers(dest="user_command", required=True)
    ulist = usub.add_parser("list", help="accounts with their roles")
    ulist.add_argument("--json", action="store_true")
    uadd = usub.add_parser("add", help="create an account")
    uadd.add_argument("name")
    uadd.add_argument("--role", required=True, choices=["owner", "purchaser", "warehouse", "cashier", "finance"])
    uadd.add_argument("--display-name", default="")
    uadd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    upass = usub.add_parser("passwd", help="set an account's password")
    upass.add_argument("name")
    upass.add_argument("--password-stdin", action="store_true")
    urole = usub.add_parser("role", help="change an account's role, or disable it")
    urole.add_argument("name")
    urole.add_argument("role", choices=["owner", "purchaser", "warehouse", "cashier", "finance"])
    urole.add_argument("--disable", action="store_true")

    purchase = sub.add_parser("purchase", help="purchase suggestions and orders")
    psub = purchase.add_subparsers(dest="purchase_command", required=True)
    suggest = psub.add_parser("suggest", help="what to buy now, with the reason for each line")
    suggest.add_argument("--json", action="store_true")
    plist = psub.add_parser("list", help="purchase orders")
    plist.add_argument("--state")
    plist.add_argument("--json", action="store_true")
    for verb in ("submit", "approve", "close"):
        psub.add_parser(verb, help=f"{verb} a purchase order").add_argument("number")
    cancel = psub.add_parser("cancel", help="cancel a purchase order")
    cancel.add_argument("number")
    cancel.add_argument("--reason", required=True)

    printing = sub.add_parser("print", help="print documents to PDF")
    prsub = printing.add_subparsers(dest="print_what", required=True)
    po = prsub.add_parser("po", help="a purchase order as an A4 PDF")
    po.add_argument("number")
    po.add_argument("--out", required=True)
    labels = prsub.add_parser("labels", help="product labels (thermal roll or A4 sheet)")
    labels.add_argument("--sku", required=True)
    labels.add_argument("--copies", type=int, default=1)
    labels.add_argument("--layout", choices=["40x30", "50x30", "60x40", "a4-3x8"], default="40x30")
    labels.add_argument("--start", type=int, default=1, help="first free position on a partly used A4 sheet")
    labels.add_argument("--out", required=True)
    shelves = prsub.add_parser("shelf-labels", help="one QR label per shelf")
    shelves.add_argument("--location")
    shelves.add_argument("--layout", choices=["40x30", "50x30", "60x40", "a4-3x8"], default="60x40")
    shelves.add_argument("--out", required=True)
    lots = prsub.add_parser("lot-labels", help="a label for every lot of a confirmed goods receipt")
    lots.add_argument("--receipt", required=True)
    lots.add_argument("--copies", type=int, default=1)
    lots.add_argument("--layout", choices=["40x30", "50x30", "60x40", "a4-3x8"], default="40x30")
    lots.add_argument("--out", required=True)
    customers.add_parser(sub)
    sales.add_parser(sub)
    stocktake.add_parser(sub)
    production.add_parser(sub)
    order = sub.add_parser("parse-order", help="read a WeChat group order message (社群订单); '-' reads stdin")
    order.add_argument("text")
    order.add_argument("--json", action="store_true")
    return parser


def resolve_db(args: argparse.Namespace) -> str:
    if args.db:
        return args.db
    from services.shop.app_paths import default_db_path

    return str(default_db_path())


def open_and_init(target: str):
    """Open the database and bring it to the current schema; returns the first owner."""
    from models import open_database
    from services.shop.setup import initialise

    open_database(target)
    return initialise()


def acting_user(args: argparse.Namespace, owner):
    if not args.user:
        return owner
    from services.core.users import get_user

    return get_user(args.user)


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def run(args: argparse.Namespace) -> int:
    from models import DatabaseOpenError

    try:
        owner = open_and_init(resolve_db(args))
        user = acting_user(args, owner)
        return COMMANDS[args.command](args, user)
    except (XiaopuError, DatabaseOpenError) as exc:
        _err(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130


def cmd_init(args, user) -> int:
    from models import SCHEMA_VERSION
    from models.db import database_file

    _print(f"数据库已就绪 / database ready: {database_file() or args.db} (schema {SCHEMA_VERSION})")
    return 0


def cmd_demo(args, user) -> int:
    from services.demo.store import generate_demo

    summary = generate_demo(user, products=args.products, days=args.days, seed=args.seed,
                            progress=lambda text: _print(text))
    _print(summary)
    return 0


def cmd_import(args, user) -> int:
    from services.imports import excel_import

    if args.what == "products":
        result = excel_import.import_products(user, Path(args.file))
    else:
        result = excel_import.import_stock(user, Path(args.file))
    _print(result.message)
    return 0


def cmd_export(args, user) -> int:
    from reports import excel_export

    writer = {"products": excel_export.export_products, "stock": excel_export.export_stock,
              "moves": excel_export.export_moves}[args.what]
    count = writer(Path(args.file))
    _print(f"已导出 {count} 行 / exported {count} rows: {args.file}")
    return 0


def cmd_stock(args, user) -> int:
    if args.what == "low":
        return cmd_stock_low(args, user)
    from services.core.numbers import fmt_qty
    from services.stock.stock import stock_rows

    rows = stock_rows(sku=args.sku)
    if args.json:
        _print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        return 0
    header = f"{'SKU':<10} {'名称':<16} {'批次':<10} {'到期':<10} {'库位':<8} {'库存':>8} {'预占':>8} {'可用':>8}"
    _print(header)
    for r in rows:
        expiry = r.expiry.isoformat() if r.expiry else "-"
        _print(f"{r.sku:<10} {r.name:<16} {r.lot or '-':<10} {expiry:<10} {r.location:<8} "
               f"{fmt_qty(r.on_hand):>8} {fmt_qty(r.reserved):>8} {fmt_qty(r.available):>8}")
    return 0


def cmd_stock_low(args, user) -> int:
    from services.core.messages import msg
    from services.purchasing.low_stock import low_stock

    rows = low_stock()
    if args.json:
        _print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
    else:
        for row in rows:
            _print(row.text())
        if not rows:
            _print(msg("low.none"))
    return 0


def cmd_channel(args, user) -> int:
    if args.channel_command == "list":
        from services.sales.channels import list_channels

        rows = list_channels(include_inactive=args.all)
        if args.json:
            _print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                _print(f"{r.code:<10} {r.name:<8} {r.effective_hold_minutes:>4} 分钟/min"
                       f"{'' if r.active else '  (停用/disabled)'}")
        return 0
    from services.core.messages import msg
    from services.stock.sellable import export_sellable

    if args.channel_command == "import":
        from services.imports.channel_orders import import_channel_orders

        _print(import_channel_orders(user, args.code, Path(args.file)).message)
        return 0

    count = export_sellable(args.code, Path(args.file))
    _print(msg("channel.exported", count=count, channel=args.code.upper(), file=args.file))
    return 0


def cmd_check(args, user) -> int:
    from services.stock.integrity import run_check

    report = run_check()
    (_print if report.ok else _err)(report.text())
    return 0 if report.ok else 1


def cmd_backup(args, user) -> int:
    from services.core.messages import msg
    from services.shop.backup import backup

    path = backup(args.to_dir)
    _print(msg("backup.done", path=path))
    return 0


def cmd_reverse(args, user) -> int:
    from services.stock.ledger import reverse_document

    result = reverse_document(user, args.number, args.reason)
    _print(f"已冲销 / reversed: {args.number} → {result.number}")
    return 0


def cmd_rebuild(args, user) -> int:
    from services.stock.integrity import rebuild_balances

    changed = rebuild_balances(user)
    _print(f"余额已重建,修正 {changed} 行 / balances rebuilt, {changed} rows corrected")
    return 0


def read_password(from_stdin: bool) -> str:
    """Never from the command line (it would stay in the shell history)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("密码 / password: ")
    if getpass.getpass("再输一次 / again: ") != first:
        raise XiaopuError("user.password_mismatch")
    return first


def cmd_user(args, user) -> int:
    from services.core import users

    if args.user_command == "list":
        rows = users.list_users()
        if args.json:
            _print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))
        for r in rows if not args.json else ():
            state = "" if r.active else " (停用 disabled)"
            _print(f"{r.username:<16} {r.display_name:<10} {r.role:<10} {'有密码' if r.has_password else '无密码'}{state}")
        return 0
    if args.user_command == "add":
        password = read_password(True) if args.password_stdin else None
        users.create_user(user, args.name, args.role, password or None, display_name=args.display_name)
    elif args.user_command == "passwd":
        users.set_password(user, args.name, read_password(args.password_stdin))
    else:
        users.set_role(user, args.name, args.role, active=not args.disable)
    _print(f"已保存 / saved: {args.name}")
    return 0


def cmd_purchase(args, user) -> int:
    if args.purchase_command == "suggest":
        from services.purchasing.suggestions import suggest

        lines = suggest()
        if args.json:
            _print(json.dumps([line.as_json() for line in lines], ensure_ascii=False, indent=2))
        else:
            for line in lines:
                _print(line.text())
        return 0
    from services.purchasing import purchase_orders

    if args.purchase_command == "list":
        orders = purchase_orders.list_orders(state=args.state)
        if args.json:
            _print(json.dumps([o.as_json() for o in orders], ensure_ascii=False, indent=2))
        else:
            for order in orders:
                _print(order.text())
        return 0
    if args.purchase_command == "cancel":
        purchase_orders.cancel(user, args.number, args.reason)
    else:
        getattr(purchase_orders, args.purchase_command)(user, args.number)
    _print(f"{args.number}: {purchase_orders.get_order(args.number).state}")
    return 0


def cmd_print(args, user) -> int:
    from reports.purchase_order_pdf import write_purchase_order_pdf

    if args.print_what in ("labels", "shelf-labels", "lot-labels"):
        return cmd_print_labels(args)
    path = write_purchase_order_pdf(args.number, Path(args.out))
    _print(f"已生成 / written: {path}")
    return 0


def cmd_print_labels(args) -> int:
    from reports.labels import write_labels
    from services.stock import label_data

    if args.print_what == "labels":
        items = label_data.product_labels(args.sku, args.copies)
        start = args.start
    elif args.print_what == "lot-labels":
        items = label_data.receipt_lot_labels(args.receipt, args.copies)
        start = 1
    else:
        items = label_data.shelf_labels(args.location)
        start = 1
    path = write_labels(items, args.layout, Path(args.out), start=start)
    _print(f"已生成 {len(items)} 张标签 / {len(items)} labels written: {path}")
    return 0


def cmd_parse_order(args, user) -> int:
    """Prints what was understood; exit 1 when no product was recognised (JSON is still printed)."""
    from services.core.messages import msg
    from services.group_orders.message_parser import parse
    from services.group_orders.parsed_table import format_order

    text = sys.stdin.read() if args.text == "-" else args.text
    order = parse(text)
    _print(json.dumps(order.as_json(), ensure_ascii=False, indent=2) if args.json else format_order(order))
    if order.lines:
        return 0
    _err(msg("order.empty") if not text.strip() else msg("order.nothing"))
    return 1


COMMANDS = {
    "init": cmd_init, "demo": cmd_demo, "import": cmd_import, "export": cmd_export, "stock": cmd_stock,
    "check": cmd_check, "backup": cmd_backup, "reverse": cmd_reverse, "rebuild-balances": cmd_rebuild,
    "purchase": cmd_purchase, "print": cmd_print, "user": cmd_user, "parse-order": cmd_parse_order,
    "channel": cmd_channel,
}
COMMANDS["customer"] = customers.cmd_customer
COMMANDS["sales"] = sales.cmd_sales
COMMANDS["stocktake"] = stocktake.cmd_stocktake
COMMANDS["production"] = production.cmd_production
