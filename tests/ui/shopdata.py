"""A small fresh-food shop for UI tests and screenshots, posted through the services."""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from services.catalog import locations, products
from services.catalog.barcodes import with_check_digit
from services.core import clock
from services.stock import ledger
from services.stock.ledger import Line

NAMES = ("蓝莓 草莓 苹果 香蕉 橙子 葡萄 西瓜 芒果 菠萝 猕猴桃 火龙果 樱桃 荔枝 龙眼 柚子 柠檬 "
         "菠菜 小白菜 上海青 生菜 西兰花 芹菜 韭菜 香菜 黄瓜 西红柿 土豆 胡萝卜 洋葱 生姜 大蒜 "
         "鸡蛋 牛奶 酸奶 豆腐 猪肉 牛肉 鸡腿 鸡翅 带鱼 虾仁 面包 馒头 饺子 汤圆 大米 面粉 食用油 酱油 醋").split()
CATEGORIES = {"水果": NAMES[:16], "蔬菜": NAMES[16:31], "日配": NAMES[31:36], "肉禽水产": NAMES[36:42],
              "主食": NAMES[42:47], "粮油调味": NAMES[47:]}
SPECS = ("500g/盒", "250g/盒", "1kg/袋", "散装", "6个/盒", "约400g/颗")


def fill_shop(owner, count: int = 300, seed: int = 1, with_stock: bool = True) -> list[int]:
    """`count` products (names repeat with a 规格 variant), some with lots near or past expiry."""
    rng = random.Random(seed)
    category_of = {name: cat for cat, names in CATEGORIES.items() for name in names}
    ids = []
    for i in range(count):
        base = NAMES[i % len(NAMES)]
        name = base if i < len(NAMES) else f"{base}{i // len(NAMES) + 1}号"
        perishable = category_of[base] not in ("粮油调味",)
        price = Decimal(rng.randint(150, 5990)) / 100
        product = products.save_product(owner, products.ProductInput(
            name=name, spec=rng.choice(SPECS), category=category_of[base], base_unit=rng.choice("盒袋个斤"),
            shelf_life_days=rng.choice((3, 5, 7, 14, 30)) if perishable else None,
            cost=str((price * Decimal("0.7")).quantize(Decimal("0.01"))), price=str(price),
            safety_stock=str(rng.choice((0, 5, 10, 20))), shelf=f"A-{i % 12 + 1:02d}",
            units=[("箱", "12")] if i % 3 == 0 else [],
            barcodes=[(with_check_digit(f"690{i:09d}"), "")]))
        ids.append(product.id)
    if with_stock:
        stock_up(owner, ids[: min(len(ids), 120)], rng)
    return ids


def stock_up(owner, product_ids: list[int], rng: random.Random) -> None:
    store, supplier = locations.default_store(), locations.virtual("supplier")
    customer = locations.virtual("customer")
    today = clock.today()
    lines = []
    for n, pid in enumerate(product_ids):
        for k, days in enumerate(rng.sample((-2, 1, 3, 6, 10, 20), 2)):
            lines.append(Line(pid, Decimal(rng.randint(6, 60)), supplier.id, store.id,
                              lot_code=f"L{today:%m%d}-{n:03d}{k}", expiry=today + dt.timedelta(days=days),
                              unit_cost=Decimal("5")))
    ledger.post_document(owner, "receipt", lines, partner="果园供应商", doc_date=today - dt.timedelta(days=5))
    sales = [Line(pid, Decimal(rng.randint(1, 5)), store.id, customer.id) for pid in product_ids[::3]]
    ledger.post_document(owner, "sale", sales, doc_date=today - dt.timedelta(days=1),
                         override_reason="演示数据")
