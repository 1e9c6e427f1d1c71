"""`price`: a unit's own price (1 箱 ¥138) and each channel's price list (社群专属价), as the product
dialog's 价格 box sets them; which price a sale line takes is services/sales/unit_prices.py."""
from __future__ import annotations

import argparse

from cli.output import say, say_json


def add_parser(sub) -> None:
    price = sub.add_parser("price", help="prices per unit and per channel (单位价、渠道价)")
    psub = price.add_subparsers(dest="price_command", required=True)
    pset = psub.add_parser("set", help="set a unit's price, or a channel's price with --channel; '' removes it")
    pset.add_argument("sku")
    pset.add_argument("price", help="per --unit; an empty string removes the price")
    pset.add_argument("--unit", default="", help="the unit (箱); default the base unit (channel prices only)")
    pset.add_argument("--channel", default="", help="a channel's code or name (GROUP, 社群)")
    pshow = psub.add_parser("show", help="the product's unit and channel prices")
    pshow.add_argument("sku")
    pshow.add_argument("--json", action="store_true")


def cmd_price(args: argparse.Namespace, user) -> int:
    from services.catalog.products import get_product
    from services.sales.price_sheet import price_sheet

    product = get_product(args.sku)
    if args.price_command == "set":
        from services.sales.channel_prices import set_channel_price
        from services.sales.unit_prices import set_unit_price

        if args.channel:
            set_channel_price(user, args.channel, product.id, args.price, args.unit)
        else:
            set_unit_price(user, product.id, args.unit, args.price)
    sheet = price_sheet(product.id)
    rows = [{"unit": unit, "channel": column or None, "price": format(price.normalize(), "f")}
            for (unit, column), price in sorted(sheet.prices.items())]
    if getattr(args, "json", False):
        say_json({"sku": product.sku, "base_unit": product.base_unit, "price": format(product.price.normalize(), "f"),
                  "prices": rows})
        return 0
    say(f"{product.sku} {product.name}: {format(product.price.normalize(), 'f')}/{product.base_unit}")
    names = dict(sheet.channels)
    for row in rows:
        where = names.get(row["channel"], row["channel"]) if row["channel"] else "单位价/unit"
        say(f"  {where:<10} {row['price']:>10}/{row['unit']}")
    return 0


COMMANDS = {"price": cmd_price}
