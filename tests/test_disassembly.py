"""拆卸 (disassembly): a melon stall splits whole melons into halves and chunks, a drinks shelf opens a
case of cola. Costs split per rule against hand-computed numbers, the outputs' lots never outlive the
melon lot, a released disassembly cancelled gives its melons back, and bad recipes are refused."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from models import Lot, Product
from services.catalog.locations import default_store
from services.core.clock import today
from services.core.errors import NotFound, ValidationError
from services.production.disassembly import (
    OutputInput,
    complete_disassembly,
    create_disassembly,
    get_recipe,
    preview,
    recipes,
    save_recipe,
)
from services.production.production_orders import get_order, list_orders, release
from services.production.production_posting import cancel
from services.stock import integrity
from tests.conftest import D
from tests.production_shop import product
from tests.purchase_shop import on_hand
from tests.sales_shop import available, stock_in

TODAY = today()
MELON_LOT = "XG-0601"
MELON_EXPIRY = TODAY + dt.timedelta(days=2)


@dataclass
class MelonStall:
    melon: Product  # 西瓜 (个) cost 12, price 20, keeps 10 days; 5 in stock, lot XG-0601 expiring in 2 days
    half: Product  # 半个西瓜 price 12, keeps 3 days
    chunk: Product  # 西瓜块 (盒) price 4, keeps 1 day
    case: Product  # 整箱可乐 (箱) cost 48
    can: Product  # 可乐 (罐) price 3
    plain: Product  # 保鲜袋, no price


def melon_stall(owner, melons: str = "5") -> MelonStall:
    melon = product(owner, "西瓜", "XGG", "个", "12", price="20", shelf_life_days=10)
    half = product(owner, "半个西瓜", "BXG", "个", "0", price="12", shelf_life_days=3)
    chunk = product(owner, "西瓜块", "XGK", "盒", "0", price="4", shelf_life_days=1)
    case = product(owner, "整箱可乐", "KLX", "箱", "48", price="60")
    can = product(owner, "可乐", "KL", "罐", "0", price="3")
    plain = product(owner, "保鲜袋", "BXD", "个", "0.1")
    if melons != "0":
        stock_in(owner, melon, melons, default_store(), expiry=MELON_EXPIRY, lot_code=MELON_LOT)
    return MelonStall(melon, half, chunk, case, can, plain)


@pytest.fixture
def stall(owner):
    return melon_stall(owner)


def melon_recipe(owner, s: MelonStall, rule: str = "price", shares=("0", "0")):
    return save_recipe(owner, s.melon.id, [OutputInput(s.half.id, "2", shares[0]), OutputInput(s.chunk.id, "4", shares[1])],
                       cost_rule=rule)


def disassemble(owner, sku: str, quantity: str, actual=None) -> str:
    order = create_disassembly(owner, sku, quantity)
    release(owner, order.number)
    return complete_disassembly(owner, order.number, actual)


def cost(p: Product) -> D:
    return Product.get_by_id(p.id).cost


def lot_of(p: Product) -> Lot:
    [lot] = Lot.select().where(Lot.product == p.id)
    return lot


def test_melons_by_price_with_a_lower_yield(owner, stall):
    recipe = melon_recipe(owner, stall)
    assert [(o.sku, o.quantity) for o in recipe.outputs] == [("BXG", D("2")), ("XGK", D("4"))]
    assert [r.sku for r in recipes()] == ["XGG"]
    # 3 melons planned 6 halves + 12 chunks; the third melon was bruised: 5 halves, 10 chunks
    shown = preview("XGG", "3", {stall.half.id: "5", stall.chunk.id: "10"})
    assert [(ln.planned, ln.actual) for ln in shown.lines] == [(D("6"), D("5")), (D("12"), D("10"))]
    # 3 × 12 = 36 split by selling value: halves 5 × 12 = 60, chunks 10 × 4 = 40 →
    # halves 36 × 60/100 ÷ 5 = 4.32 each, chunks 36 × 40/100 ÷ 10 = 1.44 each
    assert (shown.total, shown.available) == (D("36"), D("5"))
    assert [(ln.unit_cost, ln.value) for ln in shown.lines] == [(D("4.32"), D("21.60")), (D("1.44"), D("14.40"))]
    document = disassemble(owner, "XGG", "3", {stall.half.id: "5", stall.chunk.id: "10"})
    assert document
    assert (on_hand(stall.melon), on_hand(stall.half), on_hand(stall.chunk)) == (D("2"), D("5"), D("10"))
    assert (cost(stall.half), cost(stall.chunk)) == (D("4.32"), D("1.44"))
    # the halves would keep 3 days but the melon lot expires in 2; the chunks keep only 1
    assert lot_of(stall.half).expiry_date == MELON_EXPIRY
    assert lot_of(stall.chunk).expiry_date == TODAY + dt.timedelta(days=1)
    [row] = list_orders(kind="disassembly")
    assert (row.state, row.quantity, row.sku) == ("done", D("3"), "XGG")
    assert integrity.run_check().ok


def test_fixed_shares(owner, stall):
    melon_recipe(owner, stall, "share", ("70", "30"))
    disassemble(owner, "XGG", "3")  # planned yield: 6 halves, 12 chunks
    # 36 × 70% ÷ 6 = 4.2; 36 × 30% ÷ 12 = 0.9
    assert (cost(stall.half), cost(stall.chunk)) == (D("4.2"), D("0.9"))


def test_by_quantity_a_case_of_cola(owner, stall):
    save_recipe(owner, "KLX", [OutputInput(stall.can.id, "24")], cost_rule="quantity")
    stock_in(owner, stall.case, "2", default_store())
    disassemble(owner, "KLX", "2")
    assert (on_hand(stall.case), on_hand(stall.can)) == (D("0"), D("48"))
    assert cost(stall.can) == D("2")  # 2 × 48 = 96 over 48 cans
    # by quantity with two outputs: 18 pieces share 36 → 2 each, whatever they sell for
    melon_recipe(owner, stall, "quantity")
    shown = preview("XGG", "3")
    assert [ln.unit_cost for ln in shown.lines] == [D("2"), D("2")]


def test_an_output_left_out_of_actual_counts_as_none(owner, stall):
    melon_recipe(owner, stall)
    disassemble(owner, "XGG", "1", {stall.half.id: "2"})  # all chunks went bad
    assert (on_hand(stall.half), on_hand(stall.chunk)) == (D("2"), D("0"))
    assert cost(stall.half) == D("6")  # the whole 12 on the two halves


def test_cancel_of_a_released_disassembly_releases_the_melons(owner, stall):
    melon_recipe(owner, stall)
    order = create_disassembly(owner, "XGG", "3")
    release(owner, order.number)
    assert available(stall.melon) == D("2")
    cancel(owner, order.number, "客人不要了")
    assert available(stall.melon) == D("5") and on_hand(stall.melon) == D("5")
    assert get_order(order.number).state == "cancelled"
    assert on_hand(stall.half) == D("0")


def test_bad_recipes_are_refused_in_chinese_and_nothing_is_saved(owner, stall):
    with pytest.raises(ValidationError) as err:
        save_recipe(owner, "XGG", [OutputInput(stall.melon.id, "1")])
    assert "不能拆出自己" in str(err.value)
    with pytest.raises(ValidationError) as err:
        save_recipe(owner, "XGG", [OutputInput(stall.half.id, "1"), OutputInput(stall.half.id, "1")])
    assert "拆出商品重复:半个西瓜" in str(err.value)
    with pytest.raises(ValidationError) as err:
        save_recipe(owner, "XGG", [OutputInput(stall.half.id, "1"), OutputInput(stall.plain.id, "1")])
    assert "保鲜袋 没有售价" in str(err.value)
    with pytest.raises(ValidationError) as err:
        melon_recipe(owner, stall, "share", ("60", "30"))
    assert "成本比例合计必须是 100%,现在是 90%" in str(err.value)
    with pytest.raises(ValidationError):
        save_recipe(owner, "XGG", [OutputInput(stall.half.id, "0")])
    with pytest.raises(ValidationError):
        save_recipe(owner, "XGG", [])
    with pytest.raises(NotFound) as err:
        get_recipe("XGG")
    assert "还没有拆卸方案" in str(err.value)
    assert recipes() == []
    # a saved recipe survives a refused edit unchanged
    melon_recipe(owner, stall)
    with pytest.raises(ValidationError):
        melon_recipe(owner, stall, "share", ("50", "30"))
    assert get_recipe("XGG").cost_rule == "price"
    with pytest.raises(ValidationError):
        create_disassembly(owner, "XGG", "0")
    with pytest.raises(ValidationError):
        preview("XGG", "abc")
    assert list_orders(kind="disassembly") == []
