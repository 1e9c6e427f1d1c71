"""The demo store's customers, simulated in memory: what 鲜邻优选's shoppers ask for and which sales,
losses and lost sales that makes on the shelves the shop has.

The simulation keeps its own copy of the stock per lot (services/demo/shelf_stock.py: lots are identified
by expiry date, as the ledger names them) and allocates FEFO exactly like the ledger does, so
every planned sale fits the stock. What arrives each morning is not decided here: the
app's own purchase suggestions ordered it the evening before (services/demo/ordering.py),
and `Stock.add` is told what was received. The same seed and stock give the same day.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from services.core.numbers import ONE, ZERO
from services.demo.catalog import DemoProduct
from services.demo.shelf_stock import Stock
from services.reports.expiry_worklist import markdown_days

BUY_SCALE = 0.5  # catalogue buyer rates × this ≈ 500 item-buys a day in a 420-SKU store
WALK_IN_SHARE = 0.62  # the article: 38 % of orders come from the WeChat groups
GROUP_ORDERS_PER_DAY = 46  # at 420 SKUs; scaled with the catalogue size
# Hour blocks of the walk-in till: (from, to, % of the day's walk-in customers)
BLOCKS = (("07:00", "09:00", 16), ("09:00", "11:00", 13), ("11:00", "13:00", 10), ("13:00", "15:00", 8),
          ("15:00", "17:00", 14), ("17:00", "19:00", 27), ("19:00", "21:00", 12))
WEEKDAY_PCT = (92, 95, 100, 97, 105, 122, 116)  # Monday .. Sunday
GROUPS = ("鲜邻优选1群", "鲜邻优选2群", "鲜邻水果团购群")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
SUPPLIERS: dict[str, str] = {
    "蔬菜": "城南蔬菜基地(老周)", "菌菇": "城南蔬菜基地(老周)", "水果": "佳果源水果批发",
    "肉禽蛋": "金牧肉禽配送", "水产": "东港水产(阿海)", "乳品": "晨光乳品配送", "豆制品": "豆香坊豆制品厂",
    "烘焙": "麦香坊中央厨房", "面点主食": "麦香坊中央厨房", "熟食": "老味道熟食坊", "粮油调味": "丰源粮油调味批发",
}
TENTH = Decimal("0.1")
WEIGHED_BUYS = {n: Decimal(n) * TENTH for n in range(4, 26)}  # 0.4 – 2.5 斤, made once
PIECES, PIECES_CUM = (Decimal(1), Decimal(2), Decimal(3)), (75, 95, 100)  # one, two or three: 75/20/5 %
ONE_AT_A_TIME = Decimal(50)  # a piece that costs this much is bought one at a time
MARKDOWN_BLOCK = 5  # from 17:00 the lots in their markdown window sell at a markdown (the evening market)
MARKDOWN_SHARE = Decimal("0.5")  # of the list price
BARGAIN_LIFT = 1.0  # at half price a lot's last evening draws as many shoppers again as it usually has
OPENING_DAYS = 2  # the shop opens with two days of mean demand: the suggestions need sales to learn from


@dataclass
class PlannedLine:
    product: int  # index into the demo catalogue
    quantity: Decimal
    unit_cost: Decimal | None = None
    picks: list[tuple[dt.date, Decimal]] = field(default_factory=list)  # simulated FEFO split of a sale


@dataclass
class PlannedDoc:
    key: str
    day: dt.date
    doc_type: str  # receipt | sale | loss | reversal | markdown (lots named by their expiry in picks)
    route: tuple[str, str]  # location kinds: ("supplier", "store"), ("store", "customer"), ...
    lines: list[PlannedLine] = field(default_factory=list)
    partner: str = ""
    note: str = ""
    reverses: str = ""  # for a reversal: the key of the document it reverses
    occurred_at: dt.datetime | None = None  # when it happens in the shop (demand's hour pattern reads it)
    lost: list[LostLine] = field(default_factory=list)  # what customers asked for beyond the shelf
    asked: list[tuple[int, Decimal]] = field(default_factory=list)  # a group order's message: product, quantity


@dataclass(frozen=True)
class LostLine:
    """A customer asked for `asked` of a product while `available` was on the shelf (the till records it)."""
    product: int
    asked: Decimal
    available: Decimal


def poisson(rng: random.Random, rate: float) -> int:
    """A Poisson draw (Knuth); large rates are split so exp() does not underflow."""
    return poisson_with(rng, poisson_limits(rate))


def poisson_limits(rate: float) -> tuple[float, ...]:
    """exp(-part) of each part of `rate` a Poisson draw takes (kept per product and hour block: the same
    rates come back every week)."""
    limits = []
    while rate > 0:
        part = min(rate, 30.0)
        rate -= part
        limits.append(math.exp(-part))
    return tuple(limits)


def poisson_with(rng: random.Random, limits: tuple[float, ...]) -> int:
    total, draw = 0, rng.random
    for limit in limits:
        k, p = 0, draw()
        while p > limit:
            k += 1
            p *= draw()
        total += k
    return total


class DemoShop:
    """The shoppers of every day: `plan_day` says what they buy from the shelves `stock` holds."""

    def __init__(self, products: list[DemoProduct], seed: int, first_day: dt.date, days: int,
                 stock: Stock | None = None):
        self.products = products
        self.seed = seed
        self.first_day = first_day
        self.day_count = days
        self.stock = stock or Stock(len(products))
        self.group_orders_per_day = GROUP_ORDERS_PER_DAY * len(products) / 420
        weights = [p.buyers * (4 if "group" in p.tags else 1) * (2 if p.category == "水果" else 1)
                   for p in products]
        self.group_cum_weights = list(itertools.accumulate(weights))
        group_share = self.group_orders_per_day * 2.2 / self.group_cum_weights[-1]  # ≈2.2 items an order
        self.mean_daily = [  # units a day: walk-in plus WeChat groups, × the mean quantity of one buy
            (p.buyers * BUY_SCALE * WALK_IN_SHARE + w * group_share) * (1.45 if p.weighed else 1.3)
            for p, w in zip(products, weights, strict=True)]
        self.windows = [markdown_days(p.shelf_life) for p in products]  # the 临期 worklist's markdown window
        self.dear = [p.price >= ONE_AT_A_TIME for p in products]
        self._rates: dict[tuple[int, int], list[float]] = {}  # (weekday, block) → block_rate of each product
        self._limits: dict[tuple[int, int], list[tuple[float, ...]]] = {}  # … and its Poisson limits
        self._bargain_limits: dict[tuple[int, int], list[tuple[float, ...]]] = {}  # BARGAIN_LIFT × rate's
        self._window_ends: tuple[dt.date | None, list[dt.date]] = (None, [])

    def opening_stock(self, p: DemoProduct) -> Decimal:
        """The opening delivery before the first day: OPENING_DAYS of mean demand, whole units (as bench/sim)."""
        return Decimal(max(1, math.ceil(OPENING_DAYS * self.mean_daily[p.index])))

    def rng(self, number: int, part: str = "") -> random.Random:
        """The day's own random stream (a part of the day gets its own, so adding one changes no other)."""
        return random.Random(f"xiaopu-demo:{self.seed}:{number}{part}")

    # -- demand ---------------------------------------------------------------------------
    def block_rate(self, p: DemoProduct, day: dt.date, block: int) -> float:
        """Expected walk-in buyers of `p` in one hour block of `day`."""
        weekday = day.weekday()
        rate = p.buyers * BUY_SCALE * WALK_IN_SHARE * WEEKDAY_PCT[weekday] / 100 * BLOCKS[block][2] / 100
        if "weekend" in p.tags and weekday >= 5:
            rate *= 1.3
        if "morning" in p.tags:
            rate *= 2.4 if block <= 1 else 0.6
        if "evening" in p.tags:
            rate *= 1.6 if block in (5, 6) else 0.7
        if "wed_pm" in p.tags and weekday == 2 and block in (4, 5):
            rate *= 2.2  # the article: spinach orders jump on Wednesday 15:00-17:00
        return rate

    def block_rates(self, day: dt.date, block: int) -> list[float]:
        """block_rate of every product (a rate depends on the weekday, not on the date)."""
        key = (day.weekday(), block)
        if key not in self._rates:
            self._rates[key] = [self.block_rate(p, day, block) for p in self.products]
            self._limits[key] = [poisson_limits(rate) for rate in self._rates[key]]
            self._bargain_limits[key] = [poisson_limits(BARGAIN_LIFT * rate) for rate in self._rates[key]]
        return self._rates[key]

    def one_buy(self, rng: random.Random, p: DemoProduct) -> Decimal:
        if p.weighed:
            return WEIGHED_BUYS[rng.randint(4, 25)]  # 0.4 – 2.5 斤 on the scale
        if self.dear[p.index]:
            return ONE  # nobody takes three 168-yuan durians home
        # rng.choices((1, 2, 3), weights=(75, 20, 5))[0], the same draw without building the weights again
        return PIECES[bisect(PIECES_CUM, rng.random() * 100.0, 0, 2)]

    def short_delivery(self, rng: random.Random, ordered: Decimal) -> Decimal:
        """What the van brings of `ordered`: now and then only 70 % of a line."""
        if ordered > 1 and rng.random() < 0.04:
            return max(ONE, (ordered * 7 / 10).to_integral_value())
        return ordered

    # -- the day --------------------------------------------------------------------------
    def days(self) -> Iterator[tuple[int, dt.date, list[PlannedDoc]]]:
        """Every day on the stock as it is (no deliveries: the database side brings them)."""
        for number in range(self.day_count):
            day = self.first_day + dt.timedelta(days=number)
            yield number, day, self.plan_day(number, day)

    def plan_day(self, number: int, day: dt.date, until: dt.time | None = None) -> list[PlannedDoc]:
        """The day after the morning's deliveries: the till, group pick-ups, the evening round, closing;
        with `until` only the hour blocks begun before it (today, before closing)."""
        rng = self.rng(number)
        docs: list[PlannedDoc] = []

        def key() -> str:
            return f"demo:{self.seed}:{number}:{len(docs) + 1}"

        def add(doc: PlannedDoc, hour: int, minute: int = 0) -> None:
            """Keep `doc`, stamped with its time of day (deterministic: no draw from rng)."""
            doc.occurred_at = dt.datetime.combine(day, dt.time(hour)) + dt.timedelta(minutes=minute)
            docs.append(doc)

        group_orders = self.group_orders(rng, day)
        bargains = self.rng(number, ":markdown")  # its own stream: the other shoppers draw as before
        for block in range(len(BLOCKS)):
            start = int(BLOCKS[block][0][:2])
            if until is not None and dt.time(start) >= until:
                return docs
            if block == MARKDOWN_BLOCK:
                marked = self.markdown(day, key())
                if marked:
                    add(marked, start)
            walk_in = self.walk_in(rng, day, block, key())
            if walk_in:
                add(walk_in, start + 1)  # the till's summary of the block, at its middle
            bargain = self.bargain_buys(bargains, day, block, key()) if block >= MARKDOWN_BLOCK else None
            if bargain:
                add(bargain, start + 1, 30)
            orders = group_orders.get(block, [])
            for i, order in enumerate(orders):
                minute = 5 + i * 110 // len(orders)  # pick-ups spread over the block
                doc = self.group_sale(day, order, key())
                add(doc, start, minute)
                if doc.lines and rng.random() < 0.004:  # entered twice by mistake, then reversed
                    twice = self.group_sale(day, order, key(), note_suffix="(重复录入)")
                    if twice.lines:
                        add(twice, start, minute + 2)
                        add(self.reverse(twice, key(), "社群订单重复录入,冲销"), start, minute + 4)
        damaged = self.damage_loss(rng, day, key())
        if damaged:
            add(damaged, 21)  # the evening round
        expired = self.expired_loss(day, key())
        if expired:
            add(expired, 21, 10)  # closing: what may not be sold tomorrow comes off the shelf
        return docs

    # -- documents ------------------------------------------------------------------------
    def expired_loss(self, day: dt.date, key: str) -> PlannedDoc | None:
        """Lots whose last selling day was today go to loss at closing (the shelf holds no expired lot)."""
        tomorrow = day + dt.timedelta(days=1)
        lines = []
        for p in self.products:
            qty = Decimal(0)  # self.stock.unsellable(p.index, tomorrow), inline: every product every evening
            for expiry, lot_qty in self.stock.lots[p.index].items():
                if expiry < tomorrow:
                    qty += lot_qty
            if qty > 0:
                self.stock.take(p.index, qty, None)
                lines.append(PlannedLine(p.index, qty))
        if not lines:
            return None
        return PlannedDoc(key, day, "loss", ("store", "loss"), lines, note="过期报损(打烊清点)")

    def marked_down(self, index: int, day: dt.date) -> Decimal:
        """What of a product is in its markdown window today (the lots the 临期 worklist marks down)."""
        return self._in_window(index, day, self.window_ends(day)[index])

    def _in_window(self, index: int, day: dt.date, end: dt.date) -> Decimal:
        total = ZERO
        for expiry, qty in self.stock.lots[index].items():
            if day <= expiry < end:  # sellable, and fewer than its window's days before expiry
                total += qty
        return total

    def window_ends(self, day: dt.date) -> list[dt.date]:
        """Per product the first expiry past its markdown window on `day` (kept for the day)."""
        if self._window_ends[0] != day:
            ends = {w: day + dt.timedelta(days=w) for w in set(self.windows)}
            self._window_ends = (day, [ends[w] for w in self.windows])
        return self._window_ends[1]

    def markdown(self, day: dt.date, key: str) -> PlannedDoc | None:
        """At 17:00 李姐 marks down, as the 临期 worklist suggests, every lot in its product's markdown window
        (fresh goods: their last selling day) to MARKDOWN_SHARE of the price; the lines name the lots."""
        lines = []
        for p, end in zip(self.products, self.window_ends(day), strict=True):
            inside = [(expiry, qty) for expiry, qty in self.stock.lots[p.index].items() if day <= expiry < end]
            for expiry, qty in sorted(inside) if len(inside) > 1 else inside:
                lines.append(PlannedLine(p.index, qty, picks=[(expiry, qty)]))
        if not lines:
            return None
        return PlannedDoc(key, day, "markdown", ("store", "store"), lines, note="临期折价(晚市)")

    def bargain_buys(self, rng: random.Random, day: dt.date, block: int, key: str) -> PlannedDoc | None:
        """Evening shoppers who take marked-down goods: BARGAIN_LIFT × the block's usual buyers of the product
        come for the cheap lots and take only those (a shopper who finds none left buys nothing: no lost sale)."""
        doc = PlannedDoc(key, day, "sale", ("store", "customer"), partner="门店零售")
        self.block_rates(day, block)
        limits, ends = self._bargain_limits[(day.weekday(), block)], self.window_ends(day)
        for p in self.products:
            left = self._in_window(p.index, day, ends[p.index])
            if left <= 0:
                continue
            buyers = poisson_with(rng, limits[p.index])
            wanted = min(left, sum((self.one_buy(rng, p) for _ in range(buyers)), ZERO))
            if wanted > 0:
                doc.lines.append(PlannedLine(p.index, wanted, picks=self.stock.take(p.index, wanted, day)))
        if not doc.lines:
            return None
        doc.note = f"门店零售 {BLOCKS[block][0]}–{BLOCKS[block][1]} 临期折价(收银汇总,{len(doc.lines)} 种商品)"
        return doc

    def reverse(self, original: PlannedDoc, key: str, reason: str) -> PlannedDoc:
        """Undo a planned sale in the simulated stock, the way the ledger's reversal does (same lots)."""
        for line in original.lines:
            for expiry, qty in line.picks:
                self.stock.add(line.product, expiry, qty)
        return PlannedDoc(key, original.day, "reversal", (original.route[1], original.route[0]),
                          partner=original.partner, note=reason, reverses=original.key)

    def sell(self, day: dt.date, index: int, wanted: Decimal, doc: PlannedDoc, with_picks: bool = False) -> None:
        """Sell what the shelf holds of `wanted` into `doc`; the rest is a lost sale."""
        have = self.stock.sellable(index, day)
        qty = min(wanted, have)
        if qty > 0:
            picks = self.stock.take(index, qty, day)
            doc.lines.append(PlannedLine(index, qty, picks=picks if with_picks else []))
        if wanted > have:
            doc.lost.append(LostLine(index, wanted, have))

    def walk_in(self, rng: random.Random, day: dt.date, block: int, key: str) -> PlannedDoc | None:
        start, end, _ = BLOCKS[block]
        doc = PlannedDoc(key, day, "sale", ("store", "customer"), partner="门店零售")
        self.block_rates(day, block)
        draw = rng.random
        for p, limits in zip(self.products, self._limits[(day.weekday(), block)], strict=True):
            buyers = 0
            for limit in limits:  # poisson_with, written out: 420 products × 7 blocks a day
                k, x = 0, draw()
                while x > limit:
                    k += 1
                    x *= draw()
                buyers += k
            if buyers:
                self.sell(day, p.index, sum((self.one_buy(rng, p) for _ in range(buyers)), ZERO), doc)
        if not doc.lines and not doc.lost:
            return None
        doc.note = f"门店零售 {start}–{end}(收银汇总,{len(doc.lines)} 种商品)"
        return doc

    def group_orders(self, rng: random.Random, day: dt.date) -> dict[int, list[dict]]:
        """The day's WeChat-group orders, each with its pick-up block, products and quantities."""
        rate = self.group_orders_per_day * WEEKDAY_PCT[day.weekday()] / 100
        orders: dict[int, list[dict]] = {}
        for n in range(poisson(rng, rate)):
            picks = set(rng.choices(range(len(self.products)), cum_weights=self.group_cum_weights,
                                    k=rng.choice((1, 1, 2, 2, 3, 4))))
            items = [(i, self.one_buy(rng, self.products[i])) for i in sorted(picks)]
            block = rng.choice((1, 1, 2, 4, 5, 5))  # picked up mid-morning or after work
            group = rng.choice(GROUPS)
            who = f"{rng.choice(SURNAMES)}{rng.choice(('女士', '女士', '先生'))}"
            orders.setdefault(block, []).append({"items": items, "label": f"{group} 接龙#{n + 1} {who}"})
        return orders

    def group_sale(self, day: dt.date, order: dict, key: str, note_suffix: str = "") -> PlannedDoc:
        """One group order as picked up: what the shelf had (its asked items kept for the message log)."""
        doc = PlannedDoc(key, day, "sale", ("store", "customer"), partner="社群", note=order["label"] + note_suffix)
        doc.asked = list(order["items"])
        for index, wanted in order["items"]:
            self.sell(day, index, wanted, doc, with_picks=True)
        return doc

    def damage_loss(self, rng: random.Random, day: dt.date, key: str) -> PlannedDoc | None:
        """Evening round: crushed strawberries, wilted greens, a dropped tray of eggs."""
        lines = []
        for p in self.products:
            chance = 0.06 if "fragile" in p.tags else 0.012
            if rng.random() >= chance:
                continue
            on_hand = sum(self.stock.lots[p.index].values(), ZERO)
            qty = min(on_hand, Decimal(rng.randint(5, 20)) * TENTH if p.weighed else ONE)
            if qty > 0:
                self.stock.take(p.index, qty, None)  # the ledger's loss FEFO includes expired lots
                lines.append(PlannedLine(p.index, qty))
        if not lines:
            return None
        return PlannedDoc(key, day, "loss", ("store", "loss"), lines, note="晚间巡检:破损/变质报损")
