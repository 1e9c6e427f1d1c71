"""The demo's WeChat-group orders as the 社群订单 view logs them: the message pasted, what the parser read
in it (services.group_orders.message_parser, the real one) and the lines the clerk saved — so 报表 →
经营指标 shows group-order accuracy and handling time on the demo.

The message is written from what the customer asked for; the saved lines are what the pick-up got (a
product the shelf lacked is saved short, so the parser's line for it does not count as accepted)."""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from services.core.clock import clock_at
from services.demo.catalog import DemoProduct
from services.group_orders import message_log
from services.group_orders.message_parser import parse
from services.group_orders.product_matcher import CatalogueIndex

LOG_DAYS = 14  # the last two weeks: older orders were entered before the log existed (and the build stays short)
TEMPLATES = ("{who} 接龙 {items}", "{items} 下午来拿 🙏", "+1 {items}", "{who}:{items},谢谢")


def _quantity(qty: Decimal) -> str:
    return f"{qty.normalize():f}"


def message_text(rng: random.Random, who: str, items: list[tuple[DemoProduct, Decimal]]) -> str:
    """What the customer typed into the group: product names with quantity and unit."""
    words = [f"{p.name}{_quantity(qty)}{p.unit}" for p, qty in items]
    return rng.choice(TEMPLATES).format(who=who, items=" ".join(words))


def logged_message(rng: random.Random, picked_up: dt.datetime, who: str,
                   asked: list[tuple[DemoProduct, int, Decimal]], saved: list[tuple[DemoProduct, int, Decimal]],
                   order_number: str, index: CatalogueIndex | None = None) -> message_log.LoggedMessage:
    """Pasted a while before the pick-up, parsed, saved a minute or few later: what message_log.record_messages
    logs of it. `index`: the catalogue as the parser reads it, kept across the day's messages (the demo changes
    no product while it logs)."""
    text = message_text(rng, who, [(p, qty) for p, _, qty in asked])
    pasted = picked_up - dt.timedelta(minutes=rng.randint(30, 150), seconds=rng.randint(0, 59))
    with clock_at(pasted):
        proposed = message_log.from_parsed(parse(text, index=index).lines)
    return message_log.LoggedMessage(text, proposed, pasted, pasted + dt.timedelta(seconds=rng.randint(25, 240)),
                                     order_number, [message_log.LoggedLine(pid, qty, p.unit) for p, pid, qty in saved])
