"""A read message becomes a sales order on the 社群 channel, only when nothing in it needs the clerk.

Sure means: every line names its product with confidence ≥ ACCEPT (a quantity the message did not give
is not sure), and no part of the message that looked like an order was left unread (可乐2瓶 with no
such product). Notes (times, addresses, pick-up) do not stop it: the message is kept on the order.
The order is created with its stock reserved and confirmed (or held for review by the shop's rules)."""
from __future__ import annotations

from models import SalesOrder
from services.core.errors import ValidationError
from services.core.messages import msg
from services.group_orders.parsed_lines import ParsedLine, ParsedOrder
from services.group_orders.product_choice import ACCEPT
from services.sales import sales_orders, sales_shipping
from services.sales.channels import GROUP_CHANNEL
from services.sales.sales_lines import SaleLineInput


def is_sure(line: ParsedLine) -> bool:
    return not line.needs_choice and line.qty_given and line.confidence >= ACCEPT


def questions(order: ParsedOrder) -> list[str]:
    """What the clerk must look at before the message is an order: unsure lines and unread order words."""
    unsure = [line.source_text or line.words for line in order.lines if not is_sure(line)]
    unread = [text for text in order.unparsed if order.reasons.get(text) != msg("order.reason.note")]
    return unsure + unread


def create_group_order(actor, order: ParsedOrder, text: str, customer_id: int | None = None) -> SalesOrder:
    """The confirmed 社群 order of a message whose lines are all sure; refused (nothing made) otherwise."""
    asked = questions(order)
    if asked or not order.lines:
        raise ValidationError("order.not_sure", count=len(asked), lines=" / ".join(asked) or msg("order.nothing"))
    lines = [SaleLineInput(line.product_id, line.qty, line.unit) for line in order.lines]
    created = sales_orders.create_order(actor, GROUP_CHANNEL, lines, customer_id=customer_id, source_text=text)
    return sales_shipping.confirm(actor, created.number)
