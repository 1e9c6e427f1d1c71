"""The demo store's days, simulated in memory: which documents 鲜邻优选 would post.

The simulation keeps its own copy of the stock per lot (lots are identified by expiry
date, as the ledger names them) and allocates FEFO exactly like the ledger does, so
every planned sale fits the stock and the plan never depends on the database. The same
seed and dates therefore give the same documents, which lets a killed run resume by key.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from services.core.numbers import ONE
from services.demo.catalog import DemoProduct
from services.stock.expiry import is_expired, is_sellable

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
DELIVERY_DAYS: dict[str, frozenset[int]] = {"丰源粮油调味批发": frozenset({0, 3})}  # others deliver daily
TENTH = Decimal("0.1")


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
    doc_type: str  # receipt | sale | loss | reversal
    route: tuple[str, str]  # location kinds: ("supplier", "store"), ("store", "customer"), ...
    lines: list[PlannedLine] = field(default_factory=list)
    partner: str = ""
    note: str = ""
    reverses: str = ""  # for a reversal: the key of the document it reverses
    occurred_at: dt.datetime | None = None  # when it happens in the shop (demand's hour pattern reads it)


def poisson(rng: random.Random, rate: float) -> int:
    """A Poisson draw (Knuth); large rates are split so exp() does not underflow."""
    total = 0
    while rate > 0:
        part = min(rate, 30.0)
        rate -= part
        limit, k, p = math.exp(-part), 0, rng.random()
        while p > limit:
            k += 1
            p *= rng.random()
        total += k
    return total


class Stock:
    """Per product: quantity per lot (expiry date). Mirrors the ledger's FEFO."""

    def __init__(self, count: int):
        self.lots: list[dict[dt.date, Decimal]] = [{} for _ in range(count)]

    def add(self, product: int, expiry: dt.date, qty: Decimal) -> None:
        lots = self.lots[product]
        lots[expiry] = lots.get(expiry, Decimal(0)) + qty

    def remove(self, product: int, expiry: dt.date, qty: Decimal) -> None:
        lots = self.lots[product]
        lots[expiry] -= qty
        assert lots[expiry] >= 0, "the simulation reversed more than the lot holds"
        if lots[expiry] == 0:
            del lots[expiry]

    def sellable(self, product: int, day: dt.date) -> Decimal:
        return sum((q for e, q in self.lots[product].items() if is_sellable(e, day)), Decimal(0))

    def take(self, product: int, qty: Decimal, day: dt.date | None) -> list[tuple[dt.date, Decimal]]:
        """Remove FEFO (lots expiring before `day` skipped unless day is None); returns the split."""
        lots = self.lots[product]
        picks = []
        for expiry in sorted(lots):
            if qty <= 0:
                break
            if day is not None and is_expired(expiry, day):
                continue
            take = min(lots[expiry], qty)
            picks.append((expiry, take))
            qty -= take
            lots[expiry] -= take
            if lots[expiry] == 0:
                del lots[expiry]
        assert qty == 0, "the simulation planned more than its stock"
        return picks

    def expired(self, product: int, before: dt.date) -> Decimal:
        return sum((q for e, q in self.lots[product].items() if is_expired(e, before)), Decimal(0))


class DemoShop:
    """Plans every document of every day; `days()` yields them in posting order."""

    def __init__(self, products: list[DemoProduct], seed: int, first_day: dt.date, days: int):
        self.products = products
        self.seed = seed
        self.first_day = first_day
        self.day_count = days
        self.stock = Stock(len(products))
        size = len(products) / 420
        self.group_orders_per_day = GROUP_ORDERS_PER_DAY * size
        weights = [p.buyers * (4 if "group" in p.tags else 1) * (2 if p.category == "水果" else 1)
                   for p in products]
        self.group_cum_weights = list(itertools.accumulate(weights))
        group_share = self.group_orders_per_day * 2.2 / self.group_cum_weights[-1]  # ≈2.2 items an order
        self.expected = [  # units a day: walk-in plus WeChat groups, what the buyer orders for
            (p.buyers * BUY_SCALE * WALK_IN_SHARE + w * group_share) * (1.45 if p.weighed else 1.3)
            for p, w in zip(products, weights, strict=True)]
        self.by_supplier: dict[str, list[DemoProduct]] = {}
        for p in products:
            self.by_supplier.setdefault(SUPPLIERS[p.category], []).append(p)

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

    def one_buy(self, rng: random.Random, p: DemoProduct) -> Decimal:
        if p.weighed:
            return Decimal(rng.randint(4, 25)) * TENTH  # 0.4 – 2.5 斤 on the scale
        return Decimal(rng.choices((1, 2, 3), weights=(75, 20, 5))[0])

    def fit(self, p: DemoProduct, wanted: Decimal, day: dt.date) -> Decimal:
        """What can be sold of `wanted`: never more than the unexpired stock."""
        return min(wanted, self.stock.sellable(p.index, day))

    # -- the day --------------------------------------------------------------------------
    def days(self) -> Iterator[tuple[int, dt.date, list[PlannedDoc]]]:
        for number in range(self.day_count):
            day = self.first_day + dt.timedelta(days=number)
            yield number, day, self.plan_day(number, day)

    def plan_day(self, number: int, day: dt.date) -> list[PlannedDoc]:
        rng = random.Random(f"xiaopu-demo:{self.seed}:{number}")
        docs: list[PlannedDoc] = []

        def key() -> str:
            return f"demo:{self.seed}:{number}:{len(docs) + 1}"

        def add(doc: PlannedDoc, hour: int, minute: int = 0) -> None:
            """Keep `doc`, stamped with its time of day (deterministic: no draw from rng)."""
            doc.occurred_at = dt.datetime.combine(day, dt.time(hour)) + dt.timedelta(minutes=minute)
            docs.append(doc)

        expired = self.expired_loss(day, key())
        if expired:
            add(expired, 7)  # the morning check before opening
        for n, (supplier, products) in enumerate(self.by_supplier.items()):
            allowed = DELIVERY_DAYS.get(supplier)
            if allowed is not None and day.weekday() not in allowed and number > 0:
                continue
            receipt = self.receipt(rng, day, supplier, products, key())
            if receipt is None:
                continue
            add(receipt, 6, 30 + 10 * n)  # the morning deliveries, one van after another
            if number > 0 and rng.random() < 0.03:  # goods refused at the door: sent back, then re-delivered
                add(self.reverse(receipt, key(), "到货质量不合格,整单退回供应商"), 6, 40 + 10 * n)
                add(self.receipt_again(receipt, key()), 10, 5 * n)
        group_orders = self.group_orders(rng, day)
        for block in range(len(BLOCKS)):
            start = int(BLOCKS[block][0][:2])
            walk_in = self.walk_in(rng, day, block, key())
            if walk_in:
                add(walk_in, start + 1)  # the till's summary of the block, at its middle
            orders = group_orders.get(block, [])
            for i, order in enumerate(orders):
                minute = 5 + i * 110 // len(orders)  # pick-ups spread over the block
                doc = self.group_sale(day, order, key())
                if doc:
                    add(doc, start, minute)
                    if rng.random() < 0.004:  # entered twice by mistake, then reversed
                        twice = self.group_sale(day, order, key(), note_suffix="(重复录入)")
                        if twice:
                            add(twice, start, minute + 2)
                            add(self.reverse(twice, key(), "社群订单重复录入,冲销"), start, minute + 4)
        damaged = self.damage_loss(rng, day, key())
        if damaged:
            add(damaged, 21)  # the evening round
        return docs

    # -- documents ------------------------------------------------------------------------
    def expired_loss(self, day: dt.date, key: str) -> PlannedDoc | None:
        """Lots expired since before yesterday come off the shelf (yesterday's stay one day, shown red)."""
        cutoff = day - dt.timedelta(days=1)
        lines = []
        for p in self.products:
            qty = self.stock.expired(p.index, cutoff)
            if qty > 0:
                self.stock.take(p.index, qty, None)
                lines.append(PlannedLine(p.index, qty))
        if not lines:
            return None
        return PlannedDoc(key, day, "loss", ("store", "loss"), lines, note="过期报损(每日早间清点)")

    def receipt(self, rng: random.Random, day: dt.date, supplier: str, products: list[DemoProduct],
                key: str) -> PlannedDoc | None:
        allowed = DELIVERY_DAYS.get(supplier)
        cover = 1
        if allowed is not None:  # stock must last until the next delivery day
            while (day.weekday() + cover) % 7 not in allowed:
                cover += 1
        lines = []
        for p in products:
            days_covered = min(cover, p.shelf_life) + 0.3
            buffer = 1.4 if p.shelf_life >= 5 else (1.1 if p.shelf_life >= 3 else 0.9)  # lean on 1-day goods
            target = self.expected[p.index] * days_covered * buffer + float(p.safety_stock) * 0.3
            target = max(target, 1 if p.shelf_life <= 2 else 2)  # keep something on the shelf
            have = self.stock.sellable(p.index, day)
            want = target - float(have)
            qty = self.round_order(p, want)
            if qty <= 0:
                continue
            if rng.random() < 0.04 and qty > 1:  # short delivery
                qty = max(ONE, (qty * 7 / 10).to_integral_value())
            cost = int(p.cost * 100) * (100 + rng.randint(-5, 5)) // 100
            lines.append(PlannedLine(p.index, qty, Decimal(cost) / 100))
            self.stock.add(p.index, day + dt.timedelta(days=p.shelf_life), qty)
        if not lines:
            return None
        return PlannedDoc(key, day, "receipt", ("supplier", "store"), lines, partner=supplier,
                          note=f"{supplier} 早间送货")

    @staticmethod
    def round_order(p: DemoProduct, want: float) -> Decimal:
        """Whole 箱 when a box is worth it, 5 斤 steps for big weighed orders, else whole units."""
        step = p.box if p.box and want >= p.box * 0.8 else (5 if p.weighed and want >= 10 else 1)
        return Decimal(math.floor(want / step + 0.5) * step)

    def receipt_again(self, refused: PlannedDoc, key: str) -> PlannedDoc:
        for line in refused.lines:
            p = self.products[line.product]
            self.stock.add(p.index, refused.day + dt.timedelta(days=p.shelf_life), line.quantity)
        return PlannedDoc(key, refused.day, "receipt", refused.route, list(refused.lines), partner=refused.partner,
                          note=f"{refused.partner} 补发(替换退回的一车货)")

    def reverse(self, original: PlannedDoc, key: str, reason: str) -> PlannedDoc:
        """Undo `original` in the simulated stock, the way the ledger's reversal does (same lots)."""
        for line in original.lines:
            p = self.products[line.product]
            if original.route[0] == "supplier":
                self.stock.remove(p.index, original.day + dt.timedelta(days=p.shelf_life), line.quantity)
            else:
                for expiry, qty in line.picks:
                    self.stock.add(p.index, expiry, qty)
        return PlannedDoc(key, original.day, "reversal", (original.route[1], original.route[0]),
                          partner=original.partner, note=reason, reverses=original.key)

    def walk_in(self, rng: random.Random, day: dt.date, block: int, key: str) -> PlannedDoc | None:
        lines = []
        buyers_total = 0
        for p in self.products:
            buyers = poisson(rng, self.block_rate(p, day, block))
            if not buyers:
                continue
            wanted = sum((self.one_buy(rng, p) for _ in range(buyers)), Decimal(0))
            qty = self.fit(p, wanted, day)
            if qty > 0:
                buyers_total += buyers
                self.stock.take(p.index, qty, day)
                lines.append(PlannedLine(p.index, qty))
        if not lines:
            return None
        start, end, _ = BLOCKS[block]
        return PlannedDoc(key, day, "sale", ("store", "customer"), lines, partner="门店零售",
                          note=f"门店零售 {start}–{end}(收银汇总,{len(lines)} 种商品)")

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

    def group_sale(self, day: dt.date, order: dict, key: str, note_suffix: str = "") -> PlannedDoc | None:
        lines = []
        for index, wanted in order["items"]:
            qty = self.fit(self.products[index], wanted, day)
            if qty > 0:
                lines.append(PlannedLine(index, qty, picks=self.stock.take(index, qty, day)))
        if not lines:
            return None
        return PlannedDoc(key, day, "sale", ("store", "customer"), lines, partner="社群",
                          note=order["label"] + note_suffix)

    def damage_loss(self, rng: random.Random, day: dt.date, key: str) -> PlannedDoc | None:
        """Evening round: crushed strawberries, wilted greens, a dropped tray of eggs."""
        lines = []
        for p in self.products:
            chance = 0.06 if "fragile" in p.tags else 0.012
            if rng.random() >= chance:
                continue
            on_hand = sum(self.stock.lots[p.index].values(), Decimal(0))
            qty = min(on_hand, Decimal(rng.randint(5, 20)) * TENTH if p.weighed else ONE)
            if qty > 0:
                self.stock.take(p.index, qty, None)  # the ledger's loss FEFO includes expired lots
                lines.append(PlannedLine(p.index, qty))
        if not lines:
            return None
        return PlannedDoc(key, day, "loss", ("store", "loss"), lines, note="晚间巡检:破损/变质报损")
