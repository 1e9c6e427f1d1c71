"""报价单: a quotation for a customer — the customer's prices (their tier, a unit's own price) fixed
on the day, valid until a day — printed, and turned into a sales order in one action.

The order takes the quoted prices as typed prices, so a price change after the quote does not alter
what was promised; a quote past its day is refused (quote again), and a quote becomes one order only.
An open quote may be changed (its lines, valid-until, note) or cancelled with a reason, both audited;
an ordered quote is the order's now and a cancelled one is finished: neither changes again. A
product and unit already quoted keeps its quoted price when the lines change (the promise holds);
a new line takes the customer's price of the day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
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


def _kept_prices(quote: Quote | None) -> dict[tuple[int, str], Decimal]:
    """(product id, unit) → the price already quoted, which a changed line keeps."""
    return {} if quote is None else {(ln.product_id, ln.unit): ln.price for ln in quote.lines}


def _priced(lines: list[SaleLineInput], customer, quote: Quote | None = None) -> list:
    """The lines checked and priced: a typed price, else the price already quoted for that product
    and unit on `quote`, else the customer's price today."""
    clean, kept = clean_lines(lines, customer, today()), _kept_prices(quote)
    return [replace(line, price=kept[(line.product.id, line.unit)])
            if typed.price in (None, "") and (line.product.id, line.unit) in kept else line
            for typed, line in zip(lines, clean, strict=True)]


def quoted_prices(customer_ref: int | str, lines: list[SaleLineInput], quote_number: str | None = None
                  ) -> list[Decimal]:
    """The price per unit each line would be quoted at for the customer (what the window shows before
    the quote is made or changed); raises as create_quote would for a bad line."""
    quote = get_quote(quote_number) if quote_number else None
    return [line.price for line in _priced(lines, get_customer(customer_ref), quote)]


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
        clean = _priced(lines, customer)
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


def _open_quote(number: str, action: str) -> Quote:
    """The quote, if it is still open: an ordered or cancelled one is refused naming why."""
    quote = get_quote(number)
    if quote.state == "ordered":
        raise ValidationError("quote.ordered_no_change", number=quote.number, order=quote.order.number,
                              action=action)
    if quote.state != "open":
        raise ValidationError("quote.cancelled_no_change", number=quote.number, action=action)
    return quote


def _line_words(quote: Quote) -> list[str]:
    return [f"{ln.product.sku} {fmt_qty(ln.quantity)}{ln.unit} @{ln.price}"
            for ln in quote.lines.order_by(QuoteLine.line_no)]


@dataclass(frozen=True)
class QuoteDraftLine:
    product_id: int
    sku: str
    name: str
    unit: str
    quantity: Decimal
    price: Decimal


@dataclass(frozen=True)
class QuoteDraft:
    """An open quote as the window's editor loads it."""
    number: str
    customer_code: str
    valid_until: dt.date
    note: str
    lines: tuple[QuoteDraftLine, ...]


def quote_for_edit(number: str) -> QuoteDraft:
    """The open quote's lines to change; an ordered or cancelled one is refused as edit_quote refuses it."""
    quote = _open_quote(number, "修改")
    return QuoteDraft(quote.number, quote.customer.code, quote.valid_until, quote.note, tuple(
        QuoteDraftLine(ln.product_id, ln.product.sku, ln.product.name, ln.unit, ln.quantity, ln.price)
        for ln in quote.lines.order_by(QuoteLine.line_no)))


def edit_quote(actor, number: str, lines: list[SaleLineInput] | None = None, *, valid_until: dt.date | None = None,
               note: str | None = None) -> Quote:
    """Change an open quote before it is ordered: its lines (None: as they are), valid-until, note."""
    require(actor, "sale.edit")
    with write_transaction():
        quote = _open_quote(number, "修改")
        old = {"lines": _line_words(quote), "valid_until": quote.valid_until.isoformat(), "note": quote.note}
        if valid_until is not None:
            if valid_until < today():
                raise ValidationError("quote.valid_in_past", field="有效期", day=valid_until)
            quote.valid_until = valid_until
        if note is not None:
            quote.note = normalise_text(note)
        if lines is not None:
            if not lines:
                raise ValidationError("doc.empty")
            clean = _priced(lines, quote.customer, quote)
            QuoteLine.delete().where(QuoteLine.quote == quote.id).execute()
            for n, line in enumerate(clean, 1):
                QuoteLine.create(quote=quote, line_no=n, product=line.product.id, unit=line.unit,
                                 quantity=line.quantity, price=line.price)
        quote.save()
        new = {"lines": _line_words(quote), "valid_until": quote.valid_until.isoformat(), "note": quote.note}
        audit.record(actor, "quote.edit", "quote", quote.number, old=old, new=new)
    return quote


def cancel_quote(actor, number: str, reason: str) -> Quote:
    """Cancel an open quote (the customer said no, or it is quoted again): a reason is required."""
    require(actor, "sale.edit")
    reason = normalise_text(reason)
    if not reason:
        raise ValidationError("quote.reason_needed", field="作废原因")
    with write_transaction():
        quote = _open_quote(number, "作废")
        quote.state = "cancelled"
        quote.save()
        audit.record(actor, "quote.cancel", "quote", quote.number, old="open", new="cancelled", reason=reason)
    return quote


def _total(quote: Quote) -> Decimal:
    return sum(((ln.quantity * ln.price).quantize(CENT) for ln in quote.lines), Decimal(0))


def quote_row(quote: Quote) -> QuoteRow:
    return QuoteRow(quote.number, quote.customer.name, quote.quote_date, quote.valid_until, quote.state,
                    _total(quote), quote.order.number if quote.order_id else "")


def list_quotes(limit: int = 50) -> list[QuoteRow]:
    return [quote_row(q) for q in Quote.select().order_by(Quote.id.desc()).limit(limit)]


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
