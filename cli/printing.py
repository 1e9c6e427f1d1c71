"""`print`: a purchase order as an A4 PDF; product, shelf and lot labels (thermal roll or A4 sheet)."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import say

LAYOUTS = ["40x30", "50x30", "60x40", "a4-3x8"]


def add_parser(sub) -> None:
    printing = sub.add_parser("print", help="print documents to PDF")
    prsub = printing.add_subparsers(dest="print_what", required=True)
    po = prsub.add_parser("po", help="a purchase order as an A4 PDF")
    po.add_argument("number")
    po.add_argument("--out", required=True)
    labels = prsub.add_parser("labels", help="product labels (thermal roll or A4 sheet)")
    labels.add_argument("--sku", required=True)
    labels.add_argument("--copies", type=int, default=1)
    labels.add_argument("--layout", choices=LAYOUTS, default="40x30")
    labels.add_argument("--start", type=int, default=1, help="first free position on a partly used A4 sheet")
    labels.add_argument("--qr", action="store_true", help="add a QR code (SKU, and the lot with --lot), as the window's 加二维码")
    labels.add_argument("--lot", action="store_true",
                        help="print the lot to sell first and its expiry date, as the window's 印批次和到期日")
    labels.add_argument("--out", required=True)
    shelves = prsub.add_parser("shelf-labels", help="one QR label per shelf")
    shelves.add_argument("--location")
    shelves.add_argument("--layout", choices=LAYOUTS, default="60x40")
    shelves.add_argument("--out", required=True)
    lots = prsub.add_parser("lot-labels", help="a label for every lot of a confirmed goods receipt")
    lots.add_argument("--receipt", required=True)
    lots.add_argument("--copies", type=int, default=1)
    lots.add_argument("--layout", choices=LAYOUTS, default="40x30")
    lots.add_argument("--out", required=True)


def cmd_print(args: argparse.Namespace, user) -> int:
    from services.purchasing.purchase_print import write_purchase_order_pdf

    if args.print_what in ("labels", "shelf-labels", "lot-labels"):
        return _labels(args)
    path = write_purchase_order_pdf(args.number, Path(args.out))
    say(f"已生成 / written: {path}")
    return 0


def _labels(args: argparse.Namespace) -> int:
    from services.stock import label_data

    if args.print_what == "labels":
        items = label_data.product_labels(args.sku, args.copies, with_qr=args.qr, with_lot=args.lot)
        start = args.start
    elif args.print_what == "lot-labels":
        items = label_data.receipt_lot_labels(args.receipt, args.copies)
        start = 1
    else:
        items = label_data.shelf_labels(args.location)
        start = 1
    path = label_data.write_labels(items, args.layout, Path(args.out), start=start)
    say(f"已生成 {len(items)} 张标签 / {len(items)} labels written: {path}")
    return 0


COMMANDS = {"print": cmd_print}
