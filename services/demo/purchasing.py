"""The demo store's purchasing: its suppliers, deliveries against orders, and the open business of today.

- `DemoPurchasing(...)` makes sure the staff (小王 purchaser, 老张 warehouse) and the ten suppliers
  exist, with lead times, delivery weekdays (粮油 only Monday and Thursday), minimum orders, and
  what each supplies (pack = the product's box, last price = its catalogue cost). One transaction.
- What the shop buys day by day is not decided here: the suggestions order it (services/demo/ordering.py).
  老味道熟食坊 delivers daily through the history; at the end its lead time becomes unknown
  (`lead_time_unknown`), so 建议采购 asks for it.
- `finish()` adds today's open business: drafts, a big order waiting for the owner (one price
  flagged), an approved order being counted at the door, a short delivery with damaged goods and
  an owner-accepted over-delivery, a cancelled order, older orders closed, two returns. It runs in
  the transaction that marks the demo done.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import User, write_transaction
from models.purchasing import PurchaseOrder, PurchasePrice, Supplier, SupplierProduct
from services.core import audit, users
from services.core.bulk_insert import insert_rows
from services.core.numbers import CENT
from services.demo.catalog import FEATURED, DemoProduct
from services.demo.simulation import SUPPLIERS
from services.purchasing import purchase_approval, receipt_confirmation
from services.purchasing import purchase_orders as po
from services.purchasing import receiving as rc
from services.purchasing.delivery_calendar import set_closed_day as close_day
from services.purchasing.purchase_returns import ReturnLineInput, return_to_supplier
from services.purchasing.supplier_products import save_supplier_product_clean
from services.purchasing.suppliers import SupplierInput, clean_supplier, save_clean_supplier, save_supplier
from services.stock.stock import stock_rows

CLOSE_AFTER_DAYS = 7  # the owner closes received orders once the week's invoices are checked


@dataclass(frozen=True)
class DemoSupplier:
    name: str
    code: str
    contact: str
    phone: str
    lead_time_days: int | None
    weekdays: str
    min_order: str
    responsible: str  # username


DEMO_SUPPLIERS = (
    DemoSupplier("城南蔬菜基地(老周)", "GYS001", "老周", "13905710001", 1, "每天", "0", "xiaowang"),
    DemoSupplier("佳果源水果批发", "GYS002", "阿强", "13905710002", 1, "每天", "200", "xiaowang"),
    DemoSupplier("金牧肉禽配送", "GYS003", "金经理", "13905710003", 1, "每天", "300", "xiaowang"),
    DemoSupplier("东港水产(阿海)", "GYS004", "阿海", "13905710004", 1, "每天", "200", "xiaowang"),
    DemoSupplier("晨光乳品配送", "GYS005", "刘师傅", "13905710005", 1, "每天", "100", "xiaowang"),
    DemoSupplier("豆香坊豆制品厂", "GYS006", "豆师傅", "13905710006", 1, "每天", "0", "xiaowang"),
    DemoSupplier("麦香坊中央厨房", "GYS007", "麦主管", "13905710007", 1, "每天", "100", "owner"),
    DemoSupplier("老味道熟食坊", "GYS008", "老陈", "13905710008", 1, "每天", "0", "owner"),  # unknown at the end
    DemoSupplier("丰源粮油调味批发", "GYS009", "钱老板", "13905710009", 2, "周一、周四", "150", "owner"),
    DemoSupplier("鲜果汇进口水果", "GYS010", "Lily", "13905710010", 2, "一三五", "500", "owner"),  # second source
)
SECOND_SOURCE = "鲜果汇进口水果"
DELI = "老味道熟食坊"
SECOND_SOURCE_FRUIT = ("蓝莓", "车厘子", "草莓")
STAFF = (("xiaowang", "purchaser", "小王(采购)"), ("laozhang", "warehouse", "老张(仓管)"))


class DemoPurchasing:
    def __init__(self, owner: User, catalogue: list[DemoProduct], product_ids: list[int], end: dt.date):
        self.owner, self.catalogue, self.product_ids, self.end = owner, catalogue, product_ids, end
        self._ensure_store()
        self.purchaser = User.get(User.username == "xiaowang")
        self.warehouse = User.get(User.username == "laozhang")
        self.suppliers = {s.name: s for s in Supplier.select()}

    # -- the suppliers ---------------------------------------------------------------------
    def _ensure_store(self) -> None:
        if Supplier.select().exists():
            return
        with write_transaction():
            for username, role, name in STAFF:
                users.create_user(self.owner, username, role, display_name=name)
            day = self.end - dt.timedelta(days=90)
            by_name: dict[str, Supplier] = {}
            for s in DEMO_SUPPLIERS:
                by_name[s.name] = save_clean_supplier(self.owner, clean_supplier(SupplierInput(
                    name=s.name, code=s.code, contact=s.contact, phone=s.phone, responsible=s.responsible,
                    lead_time_days=s.lead_time_days, delivery_weekdays=s.weekdays, min_order_amount=s.min_order)))
            opening: list[tuple[int, int, Decimal, Decimal]] = []
            for p, pid in zip(self.catalogue, self.product_ids, strict=True):
                opening.append((by_name[SUPPLIERS[p.category]].id, pid, Decimal(p.box if p.case_sells_in_time else 1),
                                p.cost))
                if p.category == "水果" and p.name in SECOND_SOURCE_FRUIT:  # quotes the owner compares with
                    opening = self._opening_quotes(opening, day)
                    for weeks, pct in ((3, 104), (1, 97)):
                        price = (p.cost * pct / 100).quantize(CENT, ROUND_HALF_UP)
                        save_supplier_product_clean(self.owner, by_name[SECOND_SOURCE].id, pid,
                                                    pack_size=Decimal(p.box or 1), last_price=price, supplier_sku="",
                                                    preferred=False, source="电话报价",
                                                    day=self.end - dt.timedelta(weeks=weeks))
            self._opening_quotes(opening, day)
            close_day(self.owner, by_name["东港水产(阿海)"], self.end + dt.timedelta(days=3), "渔船检修,当天不送")

    def _opening_quotes(self, quotes: list[tuple[int, int, Decimal, Decimal]], day: dt.date) -> list:
        """Each product's first supplier, preferred, at its catalogue cost (supplier, product, pack, price): the
        rows save_supplier_product_clean writes for a new pair (the pair, its price, its audit event, one by one)
        in three statements for the run; returns an empty run."""
        insert_rows(SupplierProduct, (SupplierProduct.supplier, SupplierProduct.product, SupplierProduct.pack_size,
                                      SupplierProduct.last_price, SupplierProduct.supplier_sku, SupplierProduct.preferred),
                    [(supplier, pid, pack, price, "", True) for supplier, pid, pack, price in quotes])
        insert_rows(PurchasePrice, (PurchasePrice.supplier, PurchasePrice.product, PurchasePrice.price, PurchasePrice.day,
                                    PurchasePrice.source),
                    [(supplier, pid, price, day, "开店报价") for supplier, pid, _, price in quotes])
        audit.record_many(self.owner, [
            ("supplier.product", "supplier", supplier, None, {"product": pid, "pack_size": str(pack),
             "last_price": str(price), "supplier_sku": "", "preferred": True}) for supplier, pid, pack, price in quotes])
        return []

    def lead_time_unknown(self) -> None:
        """老陈 moved his delivery round: the deli's lead time is not known any more, so 建议采购 asks for it."""
        s = next(s for s in DEMO_SUPPLIERS if s.name == DELI)
        save_supplier(self.owner, SupplierInput(
            name=s.name, code=s.code, contact=s.contact, phone=s.phone, responsible=s.responsible, lead_time_days=None,
            delivery_weekdays=s.weekdays, min_order_amount=s.min_order, note="换了送货路线,交货周期待确认"),
            self.suppliers[DELI].id)

    # -- today's open business -------------------------------------------------------------
    def _products_of(self, supplier: str) -> list[tuple[DemoProduct, int]]:
        if supplier == SECOND_SOURCE:
            return [(p, pid) for p, pid in zip(self.catalogue, self.product_ids, strict=True)
                    if p.category == "水果" and p.name in SECOND_SOURCE_FRUIT]
        return [(p, pid) for p, pid in zip(self.catalogue, self.product_ids, strict=True)
                if SUPPLIERS[p.category] == supplier]

    def _order(self, by: User, supplier: str, count: int, target: int, note: str, *, day: dt.date | None = None,
               price_pct: int = 100) -> PurchaseOrder | None:
        """A draft of `count` of the supplier's products worth about `target` yuan (boxes where it has them);
        the first line's price is `price_pct` % of the last price."""
        picked = self._products_of(supplier)[:count]
        if not picked:
            return None
        lines = []
        for n, (p, pid) in enumerate(picked):
            price = (p.cost * (price_pct if n == 0 else 100) / 100).quantize(CENT, ROUND_HALF_UP)
            unit_price = price * p.box if p.box else price
            units = max(1 if p.box else 4, math.ceil(Decimal(target) / len(picked) / unit_price))
            lines.append(po.OrderLineInput(pid, Decimal(units), "箱" if p.box else "", unit_price))
        return po.create_draft(by, self.suppliers[supplier].id, lines, order_date=day or self.end, note=note)

    def finish(self) -> None:
        """Today's drafts, approvals, deliveries, cancellations, closings and returns (see the docstring)."""
        end = self.end
        for row in po.list_orders(state="received"):
            if (end - row.order_date).days > CLOSE_AFTER_DAYS:
                purchase_approval.close(self.owner, row.number, "供应商对账单已核对")
        self._order(self.owner, "丰源粮油调味批发", 3, 600, "周四到货:米面油补货")
        self._order(self.purchaser, "麦香坊中央厨房", 4, 300, "明早面包")
        big = self._order(self.purchaser, "金牧肉禽配送", 4, 2800, "周末备货", price_pct=118)
        if big is not None:
            purchase_approval.submit(self.purchaser, big.number)  # above the approval line: waits for 李姐, one price flagged
        tomorrow = self._order(self.purchaser, "城南蔬菜基地(老周)", 5, 300, "明早到货")
        if tomorrow is not None:
            purchase_approval.submit(self.purchaser, tomorrow.number)
        fish = self._order(self.purchaser, "东港水产(阿海)", 2, 400, "今早到货", day=end - dt.timedelta(days=1))
        if fish is not None:
            purchase_approval.submit(self.purchaser, fish.number)
            counting = rc.start_receipt(self.warehouse, fish.number, on=end, note="老张正在点货")
            first = rc.receipt_lines(counting.number)[0]
            rc.add_quantity(self.warehouse, counting.number, first.product_id, first.ordered / 2)
        self._short_delivery(end)
        cherries = self._order(self.owner, SECOND_SOURCE, 1, 600, "试试进口车厘子", day=end - dt.timedelta(days=2))
        if cherries is not None:
            purchase_approval.cancel(self.owner, cherries.number, "鲜果汇报价比佳果源高,改从佳果源进货")
        self._returns(end)

    def _short_delivery(self, end: dt.date) -> None:
        """Milk arrives this morning: one product over-delivered (李姐 accepts), one short, one with damage."""
        order = self._order(self.purchaser, "晨光乳品配送", 3, 450, "今早到货", day=end - dt.timedelta(days=1))
        if order is None:
            return
        purchase_approval.submit(self.purchaser, order.number)
        receipt = rc.start_receipt(self.warehouse, order.number, on=end)
        lines = rc.receipt_lines(receipt.number)
        rc.fill_outstanding(self.warehouse, receipt.number)
        rc.set_line(self.warehouse, receipt.number, lines[0].id, quantity=lines[0].ordered * Decimal("1.5"))
        if len(lines) > 1:
            rc.set_line(self.warehouse, receipt.number, lines[1].id, quantity=lines[1].ordered / 2)
        if len(lines) > 2:
            rc.set_line(self.warehouse, receipt.number, lines[2].id, quantity=lines[2].ordered - 2, damaged=2)
        receipt_confirmation.confirm(self.owner, receipt.number, "周末酸奶促销,多送的也收下", on=end,
                   occurred_at=dt.datetime.combine(end, dt.time(7, 40)))

    def _returns(self, end: dt.date) -> None:
        """Two returns this evening: crushed fruit and a tray of milk that came in warm."""
        stock: dict[int, Decimal] = {}
        for row in stock_rows():
            stock[row.product_id] = stock.get(row.product_id, Decimal(0)) + row.on_hand
        for supplier, reason in (("佳果源水果批发", "运输压坏,阿强同意退货"), ("晨光乳品配送", "到货时温度偏高,整盘退回")):
            candidates = sorted(self._products_of(supplier), key=lambda item: item[0].name not in FEATURED)
            for _, pid in candidates:
                if stock.get(pid, Decimal(0)) >= 4:
                    return_to_supplier(self.warehouse, self.suppliers[supplier].id,
                                       [ReturnLineInput(pid, Decimal(2))], reason, on=end,
                                       occurred_at=dt.datetime.combine(end, dt.time(20, 30)))
                    break
