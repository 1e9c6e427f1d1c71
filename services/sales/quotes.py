"""报价单: a quotation for a customer — the customer's prices (their tier, a unit's own price) fixed
on the day, valid until a day — printed, and turned into a sales order in one action.

The order takes the quoted prices as typed prices, so a price change after the quote does not alter
what was promised; a quote past its day is refused (quote again), and a quote becomes one order only.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from models import SalesOrder, write_transaction
from models.quotes import Quote, QuoteLine
from reports.quote_pdf import QuotePrint, QuotePrintLine, build_quote_pdf
from services.core import audit
from services.core.clock import now, today
from services.core.errors import NotFound, ValidationError, worded_report_errors
from services.core.numbers import CENT, fmt_qty, normalise_text
from services.core.permissions import require
from services.core.shop_settings import shop_header
from services.sales.channels import COUNTER_CHANNEL
from services.sales.customers import get_customer
from services.sales.sales_lines import SaleLineInput, clean_lines
from services.sales.sales_orders import create_order
from services.stock.numbering import next_number

NUMBER_PREFIX = "BJ"
DEFAULT_VALID_DAYS = 7


@dataclass(frozen=True)
class QuoteRow:
    number: str
    customer: str
    quote_date: dt.date
    valid_until: dt.date
    state: str
    total: Decimal
    order: str

    def as_json(self) -> dict:
        return {"number": self.number, "customer": self.customer, "date": self.quote_date.isoformat(),
                "valid_until": self.valid_until.isoformat(), "state": self.state, "total": str(self.total),
                "order": self.order}

    def text(self) -> str:
        return f"{self.number}  {self.customer}  有效至 {self.valid_until}  ¥{self.total}  {self.state} {self.order}"


def get_quote(number: str) -> Quote:
    quote = Quote.get_or_none(Quote.number == normalise_text(number))
    if quote is None:
        raise NotFound("quote.not_found", ref=number)
    return quote


def quoted_prices(customer_ref: int | str, lines: list[SaleLineInput]) -> list[Decimal]:
    """The price per unit each line would be quoted at today for the customer (what the window shows
    before the quote is made); raises as create_quote would for a bad line."""
    return [line.price for line in clean_lines(lines, get_customer(customer_ref), today())]


def create_quote(actor, customer_ref: int | str, lines: list[SaleLineInput], *, valid_until: dt.date | None = None,
                 note: str = "") -> Quote:
    """A quote at the customer's prices today (a typed price wins), valid through `valid_until`."""
    require(actor, "sale.edit")
    customer = get_customer(customer_ref)
    day = today()
    until = valid_until or day + dt.timedelta(days=DEFAULT_VALID_DAYS)
    if until < day:
        raise ValidationError("quote.valid_in_past", field="有效期", day=until)
    if not lines:
        raise ValidationError("doc.empty")
    with write_transaction():
        clean = clean_lines(lines, customer, day)
        quote = Quote.create(number=next_number(NUMBER_PREFIX, day), customer=customer.id, quote_date=day,
                             valid_until=until, note=normalise_text(note), created_by=actor)
        for n, line in enumerate(clean, 1):
            QuoteLine.create(quote=quote, line_no=n, product=line.product.id, unit=line.unit,
                             quantity=line.quantity, price=line.price)
        audit.record(actor, "quote.create", "quote", quote.number,
                     new={"customer": customer.code, "valid_until": until.isoformat(), "lines": len(clean)})
    return quote


def to_order(actor, number: str) -> SalesOrder:
    """The quote as a sales order at the quoted prices (stock reserved as any order); one order per quote."""
    require(actor, "sale.edit")
    with write_transaction():
        quote = get_quote(number)
        if quote.state == "ordered":
            raise ValidationError("quote.already_ordered", number=quote.number, order=quote.order.number)
        if quote.state != "open":
            raise ValidationError("quote.not_open", number=quote.number)
        if today() > quote.valid_until:
            raise ValidationError("quote.expired", number=quote.number, day=quote.valid_until)
        lines = [SaleLineInput(ln.product_id, ln.quantity, ln.unit, price=ln.price)
                 for ln in quote.lines.order_by(QuoteLine.line_no)]
        order = create_order(actor, COUNTER_CHANNEL, lines, customer_id=quote.customer_id,
                             payment="credit" if quote.customer.credit_limit else "cash",
                             note=f"报价单 {quote.number}")
        quote.state, quote.order = "ordered", order.id
        quote.save()
        audit.record(actor, "quote.order", "quote", quote.number, new={"order": order.number})
    return order


def _total(quote: Quote) -> Decimal:
    return sum(((ln.quantity * ln.price).quantize(CENT) for ln in quote.lines), Decimal(0))


def list_quotes(limit: int = 50) -> list[QuoteRow]:
    return [QuoteRow(q.number, q.customer.name, q.quote_date, q.valid_until, q.state, _total(q),
                     q.order.number if q.order_id else "")
            for q in Quote.select().order_by(Quote.id.desc()).limit(limit)]


def quote_print(number: str) -> QuotePrint:
    quote = get_quote(number)
    lines = tuple(QuotePrintLine(ln.line_no, ln.product.sku, ln.product.name, ln.product.spec or "", ln.unit,
                                 fmt_qty(ln.quantity), f"{ln.price:,.2f}", f"{(ln.quantity * ln.price).quantize(CENT):,.2f}")
                  for ln in quote.lines.order_by(QuoteLine.line_no))
    return QuotePrint(shop_header(), quote.number, quote.quote_date, quote.valid_until, quote.customer.name,
                      quote.customer.phone or "", quote.created_by.display_name or quote.created_by.username,
                      quote.note, lines, f"{_total(quote):,.2f}")


@worded_report_errors()
def write_quote_pdf(number: str, out: Path) -> Path:
    return build_quote_pdf(quote_print(number), Path(out), now())
