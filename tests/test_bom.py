"""Bills of materials: a three-level fruit platter with scrap exploded against hand-computed quantities,
cycles, one active version, cost roll-up, shortages with reservations and on-order, the CLI, bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

import pytest

from models import Product
from models.bom import Bom
from services.catalog import products
from services.catalog.locations import default_store
from services.core import users
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.production import bom
from services.production.bom_explode import explode
from services.purchasing import purchase_approval, suppliers
from services.purchasing import purchase_orders as po
from services.stock import reservations
from tests.conftest import D
from tests.purchase_shop import opening_stock
from tests.test_cli import ROOT, xiaopu


@dataclass
class Platter:
    platter: Product  # 果切拼盘 (份) = 0.5 kg 果切半成品 + 1 盒子
    semi: Product  # 果切半成品 (kg) = 0.7 kg 西瓜 + 0.4 kg 哈密瓜, each with 10% scrap
    melon: Product  # 西瓜 3 元/kg
    cantaloupe: Product  # 哈密瓜 6 元/kg
    box: Product  # 盒子 0.5 元/个, 包 = 50 个


def _product(owner, name: str, sku: str, unit: str, cost: str, units=()) -> Product:
    return products.save_product(owner, products.ProductInput(name=name, sku=sku, base_unit=unit, cost=cost,
                                                              units=list(units)))


def platter_shop(owner) -> Platter:
    melon = _product(owner, "西瓜", "XG", "kg", "3")
    cantaloupe = _product(owner, "哈密瓜", "HMG", "kg", "6")
    box = _product(owner, "盒子", "HZ", "个", "0.5", units=[("包", "50")])
    semi = _product(owner, "果切半成品", "GQB", "kg", "99")  # its own cost is ignored: it has a BOM
    platter = _product(owner, "果切拼盘", "GQP", "份", "0")
    bom.save_bom(owner, semi.id, [bom.BomLineInput(melon.id, "0.7", scrap_percent="10"),
                                  bom.BomLineInput(cantaloupe.id, "0.4", scrap_percent="10")])
    bom.save_bom(owner, platter.id, [bom.BomLineInput(semi.id, "0.5"), bom.BomLineInput(box.id, "0.02", "包")])
    return Platter(platter, semi, melon, cantaloupe, box)


def test_explosion_three_levels_with_scrap_hand_computed(owner):
    p = platter_shop(owner)
    result = explode(p.platter.id, D("10"))
    tree = [(r.level, r.sku, r.quantity, r.unit) for r in result.tree]
    # 10 份 → 5 kg 半成品; 西瓜 0.7 × 5 ÷ 0.9 = 3.888… → 3.889; 哈密瓜 0.4 × 5 ÷ 0.9 = 2.222… → 2.223;
    # 盒子 0.02 包 × 50 × 10 = 10 个
    assert tree == [(0, "GQP", D("10.000"), "份"), (1, "GQB", D("5.000"), "kg"), (2, "XG", D("3.889"), "kg"),
                    (2, "HMG", D("2.223"), "kg"), (1, "HZ", D("10.000"), "个")]
    required = {r.sku: r.required for r in result.requirements}
    assert required == {"XG": D("3.889"), "HMG": D("2.223"), "HZ": D("10.000")}  # leaves only


def test_cost_roll_up_level_by_level(owner):
    p = platter_shop(owner)
    result = explode("GQP", D("10"))
    # 半成品 per kg: 0.7/0.9 × 3 + 0.4/0.9 × 6 = 4.5/0.9 = 5; 拼盘 per 份: 0.5 × 5 + 1 × 0.5 = 3
    assert result.standard_cost == D("3.0000")
    costs = {r.sku: (r.unit_cost, r.cost) for r in result.tree}
    assert costs == {"GQP": (D("3.0000"), D("30.0000")), "GQB": (D("5.0000"), D("25.0000")),
                     "XG": (D("3.0000"), D("11.6667")), "HMG": (D("6.0000"), D("13.3333")),
                     "HZ": (D("0.5000"), D("5.0000"))}
    assert explode(p.semi.id, D("1")).standard_cost == D("5.0000")


def test_shortages_with_reservations_and_on_order(owner):
    p = platter_shop(owner)
    store = default_store()
    opening_stock(owner, p.melon, "2", store, cost="3")
    opening_stock(owner, p.cantaloupe, "5", store, cost="6")
    reservations.reserve(owner, "SO-1", p.melon.id, store.id, D("0.5"))
    supplier = suppliers.save_supplier(owner, suppliers.SupplierInput(name="佳果源", code="FRUIT"))
    order = po.create_draft(owner, supplier.id, [po.OrderLineInput(p.melon.id, "1", "", "3")])
    purchase_approval.submit(owner, order.number)
    rows = {r.sku: r for r in explode("GQP", D("10")).requirements}
    melon = rows["XG"]
    assert (melon.on_hand, melon.reserved, melon.available, melon.on_order) == (D(2), D("0.5"), D("1.5"), D(1))
    assert melon.missing == D("1.389")  # 3.889 − 1.5 − 1
    assert rows["HMG"].missing == D("0.000") and rows["HMG"].available == D(5)
    assert rows["HZ"].missing == D("10.000") and rows["HZ"].on_hand == D(0)


def test_direct_and_indirect_cycles_are_refused(owner):
    p = platter_shop(owner)
    with pytest.raises(ValidationError, match="物料清单循环:果切拼盘 → 果切拼盘"):
        bom.save_bom(owner, p.platter.id, [bom.BomLineInput(p.platter.id, "1")])
    with pytest.raises(ValidationError) as err:
        bom.save_bom(owner, p.semi.id, [bom.BomLineInput(p.platter.id, "1")])
    assert str(err.value) == "物料清单循环:果切半成品 → 果切拼盘 → 果切半成品"
    # an inactive cyclic version may be drafted, but not activated
    draft = bom.save_bom(owner, p.semi.id, [bom.BomLineInput(p.platter.id, "1")], activate=False)
    with pytest.raises(ValidationError, match="果切半成品 → 果切拼盘 → 果切半成品"):
        bom.activate_version(owner, p.semi.id, draft.version)
    assert bom.active_bom(p.semi.id).version == 1


def test_only_one_active_version(owner):
    p = platter_shop(owner)
    second = bom.save_bom(owner, p.semi.id, [bom.BomLineInput(p.melon.id, "1")])
    assert second.version == 2 and second.active
    assert [b.active for b in bom.versions(p.semi.id)] == [False, True]
    assert explode("GQB", D("1")).standard_cost == D("3.0000")
    bom.activate_version(owner, p.semi.id, 1)
    assert [b.active for b in bom.versions(p.semi.id)] == [True, False]
    assert Bom.select().where((Bom.product == p.semi.id) & (Bom.active == True)).count() == 1  # noqa: E712
    with pytest.raises(NotFound, match="没有第 9 版"):
        bom.activate_version(owner, p.semi.id, 9)


def test_validation_messages(owner):
    p = platter_shop(owner)
    line = bom.BomLineInput
    with pytest.raises(NotFound, match="找不到商品"):
        bom.save_bom(owner, p.platter.id, [line(99999, "1")])
    with pytest.raises(ValidationError, match="西瓜 的用量必须大于 0"):
        bom.save_bom(owner, p.platter.id, [line(p.melon.id, "0")])
    with pytest.raises(ValidationError, match="损耗率必须在 0 到 100%"):
        bom.save_bom(owner, p.platter.id, [line(p.melon.id, "1", scrap_percent="100")])
    with pytest.raises(ValidationError, match="损耗率必须在 0 到 100%"):
        bom.save_bom(owner, p.platter.id, [line(p.melon.id, "1", scrap_percent="-1")])
    with pytest.raises(ValidationError, match="单位“箱”不属于商品 西瓜"):
        bom.save_bom(owner, p.platter.id, [line(p.melon.id, "1", "箱")])
    with pytest.raises(ValidationError, match="不是有效数字"):
        bom.save_bom(owner, p.platter.id, [line(p.melon.id, "abc")])
    with pytest.raises(ValidationError, match="至少要有一种原料"):
        bom.save_bom(owner, p.platter.id, [])
    with pytest.raises(NotFound, match="盒子 没有启用的物料清单"):
        explode("HZ", D("1"))
    cashier = users.create_user(owner, "xiaomei", "cashier")
    with pytest.raises(PermissionDenied):
        bom.save_bom(cashier, p.platter.id, [line(p.melon.id, "1")])
    assert bom.active_bom(p.platter.id).version == 1  # nothing changed


def test_by_product_is_shown_but_not_required(owner):
    p = platter_shop(owner)
    peel = _product(owner, "西瓜皮", "XGP", "kg", "0")
    bom.save_bom(owner, p.semi.id, [bom.BomLineInput(p.melon.id, "0.7", scrap_percent="10"),
                                    bom.BomLineInput(p.cantaloupe.id, "0.4", scrap_percent="10"),
                                    bom.BomLineInput(peel.id, "0.2", by_product=True)])
    result = explode("GQB", D("1"))
    assert [r.sku for r in result.requirements] == ["XG", "HMG"] and result.standard_cost == D("5.0000")
    assert [(r.sku, r.by_product, r.quantity) for r in result.tree][-1] == ("XGP", True, D("0.200"))


def seed_platter(db) -> None:
    code = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from models import open_database
from services.shop.setup import initialise
from tests.test_bom import platter_shop
open_database({str(db)!r}); platter_shop(initialise())
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_cli_explode_json_and_errors(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed_platter(db)
    result = xiaopu("production", "explode", "GQP", "--qty", "10", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["product"] == "GQP" and data["quantity"] == "10" and data["standard_cost"] == "3.0000"
    assert [(r["level"], r["sku"], r["qty"]) for r in data["tree"]] == [
        (0, "GQP", "10.000"), (1, "GQB", "5.000"), (2, "XG", "3.889"), (2, "HMG", "2.223"), (1, "HZ", "10.000")]
    box = next(r for r in data["requirements"] if r["sku"] == "HZ")
    assert box == {"sku": "HZ", "name": "盒子", "required": "10.000", "on_hand": "0.000", "reserved": "0.000",
                   "available": "0.000", "on_order": "0.000", "missing": "10.000", "unit": "个"}
    text = xiaopu("production", "explode", "GQP", "--qty", "10", db=db)
    assert text.returncode == 0 and "缺 HZ 盒子" in text.stdout
    unknown = xiaopu("production", "explode", "NOPE", "--qty", "1", db=db)
    assert unknown.returncode == 1 and "找不到商品" in unknown.stderr
    no_bom = xiaopu("production", "explode", "HZ", "--qty", "1", db=db)
    assert no_bom.returncode == 1 and "没有启用的物料清单" in no_bom.stderr
