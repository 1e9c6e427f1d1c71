"""The demo store's kitchen (生产 tab): what 鲜邻优选 makes in its back room, posted through the services.

- Packaging materials (果切盒, 净菜托盘, 保鲜膜 by the metre in 卷 of 300, 标签 in 卷 of 500, 水果礼盒)
  bought from a packaging supplier with pack sizes, and received a few days ago.
- BOMs with steps: 果切半成品 (kg, cut fruit of whatever whole fruit the store has) inside the
  fresh-cut platter (10 % trimming), two versions of the platter (v1 kept, v2 in use); a
  番茄炒蛋净菜包; a 鲜果礼盒 made to order. A whole 麒麟西瓜 splits into halves and boxed pieces
  (disassembly, cost by selling price) when the store sells melons.
- Production orders in every column of the board: two finished in the last days, one being cut
  and boxed by 老王 and 小李, one released short of material with its purchase draft, one planned
  for tomorrow, gift boxes packed by a subcontractor (委外, sent out), one cancelled, and a
  customer's gift-box order whose production order waits.

Open orders, holds and shortages are about now, so (as services.demo.sales) nothing is added when
the demo's history ends on another day than today; it runs once (setting demo.production) inside
the transaction that marks the demo done. Quantities follow what the simulated shelves hold, so
every demo size stays consistent; a product a small demo lacks leaves out what needs it."""
from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from models import Product, Setting, User, write_transaction
from models.production import ProductionOrder
from services.catalog.locations import default_store
from services.catalog.products import ProductInput, save_product
from services.core.clock import today
from services.production import bom, disassembly, production_orders, production_posting, production_shortage
from services.production.bom_explode import plan_components
from services.production.production_sales import create_for_sales_order
from services.production.production_work import report_work, step_progress
from services.purchasing import purchase_approval, receipt_confirmation
from services.purchasing import purchase_orders as po
from services.purchasing import receiving as rc
from services.purchasing.supplier_products import save_supplier_product, supply_terms
from services.purchasing.suppliers import SupplierInput, get_supplier, save_supplier
from services.sales import sales_orders, sales_shipping
from services.sales.customers import list_customers
from services.sales.sales_lines import SaleLineInput
from services.stock.backdated import usable_on

STATE_KEY = "demo.production"
WORKSHOP = "自制"
PACKAGING = "包装耗材"
MATERIALS_SUPPLIER = SupplierInput(name="恒发包装材料(小陈)", code="GYS011", contact="小陈", phone="13905710011",
                                   lead_time_days=2, min_order_amount="100", note="果切盒、托盘、保鲜膜、标签、礼盒")
PACKER = SupplierInput(name="巧手包装加工厂", code="GYS012", contact="周厂长", phone="13905710012", lead_time_days=1,
                       note="委外:礼盒装盒、打包")
# (name, spec, unit, cost, pack unit, pack size, quantity received)
MATERIALS = (
    ("果切盒", "500ml 透明带盖", "个", "0.35", "条", 100, 100),
    ("净菜托盘", "22×15cm 带覆膜", "个", "0.28", "条", 50, 50),
    ("保鲜膜", "30cm 宽", "米", "0.05", "卷", 300, 600),
    ("标签", "40×30mm 不干胶", "张", "0.02", "卷", 500, 1000),
    ("水果礼盒", "手提 含内托", "个", "6.50", "捆", 10, 30),
)
# whole fruit in a kilogram of cut fruit: (name, unit, quantity); the first four the store has are used
CUT_FRUIT = (("麒麟西瓜", "个", "0.2"), ("哈密瓜", "个", "0.25"), ("凤梨", "个", "0.2"), ("红心火龙果", "个", "0.35"),
             ("小台芒", "斤", "0.3"), ("香蕉", "斤", "0.4"), ("草莓", "盒", "0.25"), ("蓝莓", "盒", "0.4"))
WORKERS = ("老王", "小李")


def _product(name: str, unit: str):
    """The plain catalogue product of that name and unit (lowest SKU), or None in a demo without it."""
    return (Product.select(Product.id, Product.sku).where(Product.active & (Product.name == name)
                                                         & (Product.base_unit == unit))
            .order_by(Product.sku).first())


def _new_product(actor, name: str, spec: str, unit: str, cost: str, price: str, shelf_life: int | None,
                 category: str, units: list[tuple[str, int]] | None = None) -> int:
    return save_product(actor, ProductInput(
        name=name, spec=spec, category=category, base_unit=unit, shelf_life_days=shelf_life, cost=cost, price=price,
        units=units or [])).id


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _free(product_id: int, day: dt.date | None = None) -> Decimal:
    """Free stock at the store; for a day before today only what was already there that day and stayed
    (the ledger refuses a back-dated document that uses stock received later)."""
    if day is not None and day < today():
        return usable_on(product_id, default_store().id, day)
    return production_orders.available_at_store(product_id)


class _Kitchen:
    def __init__(self, actor, end: dt.date):
        self.owner, self.end = actor, end
        self.purchaser = User.get_or_none(User.username == "xiaowang") or actor
        self.warehouse = User.get_or_none(User.username == "laozhang") or actor
        self.materials: dict[str, int] = {}

    # -- master data ----------------------------------------------------------------------------
    def buy_packaging(self) -> None:
        """The packaging supplier, its products with pack sizes, one delivery five days ago."""
        supplier = save_supplier(self.owner, MATERIALS_SUPPLIER)
        save_supplier(self.owner, PACKER)
        lines = []
        for name, spec, unit, cost, pack, size, received in MATERIALS:
            pid = _new_product(self.owner, name, spec, unit, cost, "0", None, PACKAGING, [(pack, size)])
            self.materials[name] = pid
            save_supplier_product(self.owner, supplier, pid, pack_size=size, last_price=cost, preferred=True)
            lines.append(po.OrderLineInput(pid, Decimal(received // size), pack, Decimal(cost) * size))
        day = self.end - dt.timedelta(days=5)
        order = po.create_draft(self.purchaser, supplier.id, lines, order_date=day - dt.timedelta(days=2),
                                expected_date=day, note="生产用包装耗材")
        if purchase_approval.submit(self.purchaser, order.number).state == "submitted":
            purchase_approval.approve(self.owner, order.number)
        receipt = rc.start_receipt(self.warehouse, order.number, on=day)
        rc.fill_outstanding(self.warehouse, receipt.number)
        receipt_confirmation.confirm(self.warehouse, receipt.number, on=day, occurred_at=_at(day, 9, 20))

    def boms(self) -> dict[str, int]:
        """The products the kitchen makes with their BOMs; name → product id of what could be set up."""
        m, made = self.materials, {}
        fruit = [(p.id, qty) for name, unit, qty in CUT_FRUIT if (p := _product(name, unit))][:4]
        if len(fruit) >= 2:
            cut = _new_product(self.owner, "果切半成品", "当日现切", "kg", "0", "0", 1, WORKSHOP)
            bom.save_bom(self.owner, cut, [bom.BomLineInput(pid, qty) for pid, qty in fruit],
                         steps=["清洗", "去皮切块"], note="按当天到货的整果搭配")
            platter = _product("鲜切水果拼盘", "盒")
            platter_id = platter.id if platter else _new_product(
                self.owner, "鲜切水果拼盘", "约350g/盒", "盒", "0", "15.90", 1, "水果")
            bom.save_bom(self.owner, platter_id, [bom.BomLineInput(cut, "0.4", scrap_percent="10"),
                                                  bom.BomLineInput(m["果切盒"], 1)],
                         steps=["切配", "装盒"], note="开业时的大份")
            bom.save_bom(self.owner, platter_id, [bom.BomLineInput(cut, "0.35", scrap_percent="10"),
                                                  bom.BomLineInput(m["果切盒"], 1), bom.BomLineInput(m["标签"], 1)],
                         steps=["切配", "装盒"], note="改为 350g 一盒,贴日期标签")
            made["果切"] = platter_id
        tomato, eggs, onion = _product("西红柿", "斤"), _product("鲜鸡蛋", "盒"), _product("小葱", "把")
        if tomato and eggs:
            kit = _new_product(self.owner, "番茄炒蛋净菜包", "2-3人份", "份", "0", "9.90", 1, WORKSHOP)
            lines = [bom.BomLineInput(tomato.id, "0.6", scrap_percent="5"), bom.BomLineInput(eggs.id, "0.1")]
            if onion:
                lines.append(bom.BomLineInput(onion.id, "0.2"))
            lines += [bom.BomLineInput(m["净菜托盘"], 1), bom.BomLineInput(m["保鲜膜"], "0.5"),
                      bom.BomLineInput(m["标签"], 1)]
            bom.save_bom(self.owner, kit, lines, steps=["切配", "装盒"], note="鸡蛋 3 枚(30 枚一盒)")
            made["净菜"] = kit
        gift = [p for p in (_product("车厘子", "盒"), _product("蓝莓", "盒"), _product("草莓", "盒")) if p]
        if len(gift) == 3:
            box = _new_product(self.owner, "鲜果礼盒", "车厘子+蓝莓+草莓 手提礼盒", "个", "0", "168.00", 3, WORKSHOP)
            bom.save_bom(self.owner, box, [bom.BomLineInput(gift[0].id, 1), bom.BomLineInput(gift[1].id, 2),
                                           bom.BomLineInput(gift[2].id, 1), bom.BomLineInput(m["水果礼盒"], 1),
                                           bom.BomLineInput(m["标签"], 1)],
                         steps=["装盒", "打包"], note="节日送礼,接单后做")
            bom.set_made_to_order(self.owner, box, True)
            made["礼盒"] = box
        return made

    def melon(self) -> None:
        """A whole melon splits into two halves, or one half and four boxes of pieces: by selling price."""
        whole = _product("麒麟西瓜", "个")
        if whole is None:
            return
        pieces = _product("麒麟西瓜", "盒")
        pieces_id = pieces.id if pieces else _new_product(self.owner, "西瓜切块", "约500g/盒", "盒", "0", "6.90", 1, "水果")
        half = _new_product(self.owner, "半个西瓜", "约2kg/个", "个", "0", "15.80", 2, "水果")
        disassembly.save_recipe(self.owner, whole.id, [disassembly.OutputInput(half, 1),
                                                       disassembly.OutputInput(pieces_id, 4)], cost_rule="price")
        if _free(whole.id) >= 1:
            order = disassembly.create_disassembly(self.owner, whole.id, 1, note="半个卖,半个切块",
                                                   at=_at(self.end, 8, 10))
            production_orders.release(self.owner, order.number)
            disassembly.complete_disassembly(self.owner, order.number, on=self.end)

    # -- orders ---------------------------------------------------------------------------------
    def stock_up(self, product_id: int, quantity: int, day: dt.date) -> None:
        """The morning delivery of what an order needs beyond the free stock of that day, from each preferred
        supplier (whole units), received without an order as the wholesaler drops it off."""
        missing = {p.product_id: p.quantity - _free(p.product_id, day)
                   for p in plan_components(product_id, Decimal(quantity))
                   if p.role == "consume"}
        terms = supply_terms([pid for pid, qty in missing.items() if qty > 0])
        by_supplier: dict[int, list[tuple[int, Decimal]]] = {}
        for pid, qty in missing.items():
            if qty > 0 and pid in terms:
                by_supplier.setdefault(terms[pid].supplier_id, []).append((pid, Decimal(math.ceil(qty))))
        for supplier_id, lines in sorted(by_supplier.items()):
            receipt = rc.start_receipt(self.warehouse, supplier_id=supplier_id, on=day, note="加工备料")
            for pid, qty in lines:
                rc.add_quantity(self.warehouse, receipt.number, pid, qty)
            receipt_confirmation.confirm(self.warehouse, receipt.number, on=day, occurred_at=_at(day, 6, 40))

    def order(self, product_id: int, quantity: int, day: dt.date, hour: int, note: str, *, stock_up: bool = False,
              **kwargs) -> ProductionOrder:
        if stock_up:
            self.stock_up(product_id, quantity, day)
        return production_orders.create_order(self.owner, product_id, quantity, note=note, at=_at(day, hour),
                                              **kwargs)

    def work(self, order: ProductionOrder, day: dt.date, cut: Decimal, boxed: Decimal) -> None:
        """老王 cuts, 小李 boxes: reports on the first and the last step."""
        steps = step_progress(order.number)
        cutter, packer = WORKERS
        report_work(self.warehouse, order.number, steps[0].position, cutter, good=cut, minutes=40, at=_at(day, 8, 30))
        if boxed > 0:
            report_work(self.warehouse, order.number, steps[-1].position, packer, good=boxed, minutes=25,
                        at=_at(day, 9, 5))

    def finished(self, product_id: int, wanted: int, day: dt.date, note: str) -> None:
        order = self.order(product_id, wanted, day, 7, note, stock_up=True, planned_date=day)
        production_orders.release(self.owner, order.number)
        self.work(order, day, order.quantity, order.quantity)
        production_posting.complete(self.owner, order.number, order.quantity, on=day, at=_at(day, 10, 30))

    def run(self, made: dict[str, int]) -> None:
        end = self.end
        yesterday = end - dt.timedelta(days=1)
        platter, kit, gift = made.get("果切"), made.get("净菜"), made.get("礼盒")
        if platter:
            self.finished(platter, 12, yesterday, "周末社群团购")  # keeps a day: on today's 临期 list
        if kit:
            self.finished(kit, 10, yesterday, "晚市净菜")
        if platter:
            cancelled = self.order(platter, 15, yesterday, 15, "公司下午茶订单", planned_date=end)
            production_posting.cancel(self.owner, cancelled.number, "客户取消了下午茶,改到下周")
            running = self.order(platter, 16, end, 7, "今日门店果切", stock_up=True, planned_date=end)
            production_orders.release(self.owner, running.number)
            self.work(running, end, running.quantity, Decimal(7))
        if kit:  # a group order of 48: fewer trays are left, so it is released short
            short = self.order(kit, 48, end, 8, "社群团购接龙 48 份,下午自提", planned_date=end)
            production_orders.release(self.owner, short.number)
            if any(s.missing > 0 for s in production_shortage.shortages(short.number)):
                production_shortage.draft_purchases(self.purchaser, short.number)
        if platter:
            self.order(platter, 30, end, 17, "明早社群团购", planned_date=end + dt.timedelta(days=1))
        if gift:
            packed = self.order(gift, 6, end, 9, "中秋礼盒委外装盒", stock_up=True, planned_date=end + dt.timedelta(days=1),
                                subcontractor=get_supplier(PACKER.code).id, fee_per_unit="3.00")
            production_orders.release(self.owner, packed.number)
            production_posting.send_to_subcontractor(self.owner, packed.number, on=end)
            self.gift_order(gift)

    def gift_order(self, gift: int) -> None:
        """陈阿姨 orders two gift boxes, paid by WeChat: their production order waits to be made."""
        customer = next((c for c in list_customers() if c.name == "陈阿姨"), None)
        sale = sales_orders.create_order(self.owner, "STORE", [SaleLineInput(gift, 2)],
                                         customer_id=customer.id if customer else None, payment="wechat", paid=True,
                                         note="中秋送人,后天上午来拿", at=_at(self.end, 10, 15))
        sales_shipping.confirm(self.owner, sale.number)
        create_for_sales_order(self.owner, sale.number, planned_date=self.end + dt.timedelta(days=2))


def add_demo_production(actor, end: dt.date) -> int:
    """Packaging, BOMs, a disassembly recipe and production orders in every state (see the module);
    returns how many production orders were made (0 when skipped or already there)."""
    if end != today() or Setting.get_or_none(Setting.key == STATE_KEY) or ProductionOrder.select().exists():
        return 0
    with write_transaction():
        kitchen = _Kitchen(actor, end)
        kitchen.buy_packaging()
        made = kitchen.boms()
        kitchen.melon()
        kitchen.run(made)
        Setting.insert(key=STATE_KEY, value="done").execute()
        return ProductionOrder.select().count()
