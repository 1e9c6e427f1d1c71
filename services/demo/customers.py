"""Demo customers of 鲜邻优选: the walk-in 散客, three wholesale buyers on credit (a small restaurant,
a kindergarten canteen, a noodle shop that is over its limit and late) and a WeChat-group regular;
wholesale and floor prices for a few products. Fixed data, so every demo run looks the same."""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from models import Customer, Product
from services.core.numbers import CENT
from services.sales import receivables
from services.sales.customers import CustomerInput, save_customer
from services.sales.tier_prices import set_tier_price

WHOLESALE_SHARE = Decimal("0.9")  # wholesale price = 90% of retail
PRICED_PRODUCTS = 20
# (name, phone, wechat, address, kind, limit, terms days)
CUSTOMERS = [
    ("幸福里小饭馆", "138 5712 0101", "幸福里-刘姐", "幸福里 3 号底商", "wholesale", "5000", 15),
    ("阳光幼儿园食堂", "0571-8765 4321", "阳光幼儿园-王老师", "阳光路 88 号", "wholesale", "8000", 30),
    ("老王面馆", "139 0571 6688", "老王面馆", "菜场北门 6 号", "wholesale", "2000", 7),
    ("陈阿姨", "137 5800 1234", "陈阿姨(5栋)", "幸福里小区 5 栋", "retail", "0", 0),
]
# (customer index, days before today, kind, amount, note); kind: sale | payment | return
ENTRIES = [
    (0, 52, "sale", "860.00", ""), (0, 45, "sale", "1240.50", ""), (0, 38, "payment", "2100.50", "微信转账"),
    (0, 24, "sale", "980.00", ""), (0, 17, "sale", "1320.00", ""), (0, 10, "return", "86.00", "青菜不新鲜退回"),
    (0, 6, "payment", "1000.00", "微信转账"), (0, 3, "sale", "760.00", ""),
    (1, 58, "sale", "2860.00", "十月食材"), (1, 31, "payment", "2860.00", "对公转账"), (1, 28, "sale", "3120.00", ""),
    (1, 14, "sale", "2980.00", ""), (1, 1, "sale", "1560.00", ""),
    (2, 71, "sale", "620.00", ""), (2, 49, "sale", "880.00", ""), (2, 40, "payment", "500.00", "现金"),
    (2, 33, "sale", "760.00", ""), (2, 12, "sale", "540.00", ""),
]


def add_demo_customers(actor, today: dt.date) -> int:
    """Create the demo customers and their accounts (skipped when they exist); returns how many were made."""
    if Customer.select().where(Customer.name == CUSTOMERS[0][0]).exists():
        return 0
    made = [save_customer(actor, CustomerInput(name=name, phone=phone, wechat=wechat, address=address, kind=kind,
                                               credit_limit=limit, payment_terms_days=str(terms)))
            for name, phone, wechat, address, kind, limit, terms in CUSTOMERS]
    for index, days_ago, kind, amount, note in ENTRIES:
        customer, day = made[index], today - dt.timedelta(days=days_ago)
        if kind == "sale":
            receivables.record_sale(actor, customer.id, None, Decimal(amount), day, None)
        elif kind == "payment":
            method = "wechat" if "微信" in note else "bank" if "转账" in note else "cash"
            receivables.record_payment(actor, customer.id, amount, method, day, note)
        else:
            receivables.record_return(actor, customer.id, None, Decimal(amount), day, note)
    for product in Product.select().where(Product.price > 0).order_by(Product.sku).limit(PRICED_PRODUCTS):
        wholesale = (product.price * WHOLESALE_SHARE).quantize(CENT, ROUND_HALF_UP)
        set_tier_price(actor, product.id, "wholesale", wholesale)
        if product.cost:
            set_tier_price(actor, product.id, "floor", min(product.cost, wholesale))
    return len(made)
