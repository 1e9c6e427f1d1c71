"""What a report is narrowed to besides its dates: one product category, one location (with the
locations under it) and one sales channel — resolved once from what the owner typed, then handed to
the report SQL as conditions (never a Python loop over moves).

Categories are the names written on products (`Product.category`, one flat name each: there are no
sub-categories to include). Locations nest (a store and its shelves): a location stands for itself
and every location under it. A channel is matched by code or name, as the sales documents record it."""
from __future__ import annotations

from dataclasses import dataclass

from models import Location, Product
from services.catalog.locations import get_location
from services.core.errors import NotFound
from services.core.numbers import normalise_text
from services.reports.ledger_sql import in_list
from services.sales.channels import COUNTER_CHANNEL, GROUP_CHANNEL, get_channel

DIMENSIONS = ("category", "location", "channel")


@dataclass(frozen=True)
class ReportFilter:
    category: str = ""  # a product category, as written on the products
    location: str = ""  # a location's code
    location_name: str = ""
    location_ids: tuple[int, ...] = ()  # the location and every location under it
    channel: str = ""  # a channel's code
    channel_name: str = ""
    channel_id: int | None = None

    def __bool__(self) -> bool:
        return bool(self.category or self.location or self.channel)

    @property
    def applied(self) -> tuple[str, ...]:
        """The dimensions this filter narrows (category, location, channel)."""
        return tuple(name for name in DIMENSIONS if getattr(self, name))

    def as_json(self) -> dict:
        return {"category": self.category or None, "location": self.location or None,
                "location_name": self.location_name or None, "channel": self.channel or None,
                "channel_name": self.channel_name or None}

    # -- SQL conditions, each "" when that dimension is not filtered ---------------------------------

    def product_sql(self, product: str = "p") -> tuple[str, list]:
        """` AND <product>.category = ?` and its parameter."""
        return (f" AND {product}.category = ?", [self.category]) if self.category else ("", [])

    def locations(self, ids: list[int]) -> list[int]:
        """`ids` (e.g. the real or the sellable locations) kept to the filter's locations."""
        return [i for i in ids if i in self.location_ids] if self.location else ids

    def move_at_location(self, move: str = "m") -> str:
        """A move leaving or entering the filter's locations (a sale leaves, a customer return enters);
        always true without a location."""
        if not self.location:
            return "1 = 1"
        at = in_list(self.location_ids)
        return f"({move}.from_location_id IN {at} OR {move}.to_location_id IN {at})"

    def document_channel_sql(self, document: str = "d") -> str:
        """A sale document whose sales order is of the channel, or a customer return of such an order;
        a sale without an order (an import, the demo's history) has no channel and is left out."""
        if self.channel_id is None:
            return ""
        channel = int(self.channel_id)
        return (f" AND (EXISTS (SELECT 1 FROM sales_order fo WHERE fo.document_id = {document}.id "
                f"AND fo.channel_id = {channel}) OR EXISTS (SELECT 1 FROM sales_return fr JOIN sales_order fo "
                f"ON fo.id = fr.order_id WHERE fr.document_id = {document}.id AND fo.channel_id = {channel}))")

    def lost_channel_sql(self, lost: str = "ls") -> tuple[str, list]:
        """Lost sales of the channel: the counter's are 门店's, a group order's 社群's, a refused channel
        order's carry the channel code first in their reference (services.sales.lost_sales)."""
        if not self.channel:
            return "", []
        if self.channel == COUNTER_CHANNEL:
            return f" AND {lost}.source = 'counter'", []
        if self.channel == GROUP_CHANNEL:
            return f" AND {lost}.source = 'group'", []
        return (f" AND {lost}.source = 'channel' AND ({lost}.reference = ? OR {lost}.reference LIKE ?)",
                [self.channel, f"{self.channel} %"])


NO_FILTER = ReportFilter()


def _category(text: str) -> str:
    """The category as written on products; the same name in other letter case is accepted."""
    wanted = normalise_text(text)
    names = [c for (c,) in Product.select(Product.category).where(Product.category != "").distinct().tuples()]
    for name in names:
        if name == wanted:
            return name
    for name in names:
        if name.casefold() == wanted.casefold():
            return name
    raise NotFound("report.category_not_found", ref=text)


def _under(location_id: int) -> tuple[int, ...]:
    """The location and every location below it (the table of locations is small: read once)."""
    children: dict[int | None, list[int]] = {}
    for lid, parent in Location.select(Location.id, Location.parent).tuples():
        children.setdefault(parent, []).append(lid)
    found, todo = [], [location_id]
    while todo:
        lid = todo.pop()
        if lid not in found:
            found.append(lid)
            todo.extend(children.get(lid, []))
    return tuple(sorted(found))


def report_filter(category: str | None = None, location: str | None = None,
                  channel: str | None = None) -> ReportFilter:
    """The filter for what was typed or picked; a name that matches nothing is refused by name."""
    fields: dict = {}
    if category and category.strip():
        fields["category"] = _category(category)
    if location and location.strip():
        try:
            place = get_location(normalise_text(location))
        except NotFound:
            place = Location.get_or_none(Location.code == normalise_text(location).upper())
            if place is None:
                raise
        fields.update(location=place.code, location_name=place.name, location_ids=_under(place.id))
    if channel and channel.strip():
        found = get_channel(channel)
        fields.update(channel=found.code, channel_name=found.name, channel_id=found.id)
    return ReportFilter(**fields)
