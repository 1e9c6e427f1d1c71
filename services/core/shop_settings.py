"""Shop-wide settings every PC must share (stored in the database, typed, with defaults).

Per-PC preferences (language, scanner timing) live in QSettings (ui/widgets/settings.py)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from models import Setting, write_transaction
from reports.print_data import ShopHeader
from services.core import audit, service_levels
from services.core.compiled_sql import row_by
from services.core.errors import ValidationError
from services.core.numbers import HOLD_MINUTES, WINDOW_DAYS, normalise_text, to_days, to_decimal
from services.core.permissions import require


@dataclass(frozen=True)
class ShopSetting:
    key: str
    kind: type  # str, int or Decimal
    default: object
    label: str
    bounds: tuple[int, int] = (0, 9_999_999)  # an int setting's range, said in the refusal


SETTINGS: dict[str, ShopSetting] = {s.key: s for s in (
    ShopSetting("shop.name", str, "鲜邻优选社区生鲜店", "店名"),
    ShopSetting("shop.address", str, "", "地址"),
    ShopSetting("shop.phone", str, "", "电话"),
    ShopSetting("purchase.approval_threshold", Decimal, Decimal("2000"), "采购单审批金额(元)"),
    ShopSetting("purchase.price_flag_percent", Decimal, Decimal("10"), "进价高于上次提示(%)"),
    ShopSetting("receipt.over_tolerance_percent", Decimal, Decimal("5"), "超收容差(%)"),
    ShopSetting("suggestion.window_days", int, 7, "需求统计天数", WINDOW_DAYS),
    ShopSetting("suggestion.service_level", Decimal, service_levels.DEFAULT_LEVEL, "采购建议服务水平(%)"),
    ShopSetting("suggestion.category_service_levels", str, "", "各品类服务水平(%),如 面包=90, 乳品=99"),
    ShopSetting("sales.approval_threshold", Decimal, Decimal("5000"), "销售单审核金额(元)"),
    ShopSetting("sales.hold_minutes", int, 30, "未付款订单保留库存(分钟)", HOLD_MINUTES),
    ShopSetting("scale.value_13", str, "weight", "13 位秤码记的是 weight(重量)还是 price(金额)"),
    ShopSetting("scale.layout_18", str, "weight_price", "18 位秤码顺序:weight_price 或 price_weight"),
    ShopSetting("scale.plu", str, "sku", "秤码里的商品编号对应 sku 还是 barcode"),
    ShopSetting("stocktake.variance_limit_percent", Decimal, Decimal("5"), "盘点差异上限(%),超出需复盘"),
    ShopSetting("stocktake.variance_limit_amount", Decimal, Decimal("50"), "盘点差异金额上限(元)"),
    ShopSetting("stocktake.post_role", str, "", "另一个可以过账盘点差异的角色(如 warehouse)"),
    ShopSetting("stocktake.cycle_days", int, 30, "循环盘点看多少天的动销和损耗", WINDOW_DAYS),
    # what each role's bench shows (ui/benches/layout.py): view keys joined by commas, "" = the role's default
    ShopSetting("bench.views.warehouse", str, "", "仓管员看到的页面"),
    ShopSetting("bench.views.cashier", str, "", "收银员看到的页面"),
    ShopSetting("bench.views.purchaser", str, "", "采购员看到的页面"),
    ShopSetting("bench.views.finance", str, "", "财务看到的页面"),
)}


def _parse(spec: ShopSetting, raw: object):
    if spec.key == "suggestion.service_level":
        return service_levels.check_level(raw, spec.label)
    if spec.key == "suggestion.category_service_levels":  # stored as the owner wrote it, checked
        service_levels.parse_levels(normalise_text(raw))
        return normalise_text(raw)
    if spec.kind is Decimal:
        return to_decimal(raw, spec.label, places=4)
    if spec.kind is int:
        value = to_days(raw, spec.label, spec.bounds)
        if value is None:
            raise ValidationError("value.required", field=spec.label)
        return value
    return normalise_text(raw)


def get(key: str):
    """The typed value of a shop setting, or its default."""
    spec = SETTINGS[key]
    row = row_by(Setting.key, key)  # the SELECT built once: a receipt or an order asks for a setting or two
    return _parse(spec, row.value) if row is not None else spec.default


def shop_header() -> ShopHeader:
    """The shop's name, address and phone as they head every printed document."""
    return ShopHeader(get("shop.name"), get("shop.address"), get("shop.phone"))


def set_value(actor, key: str, raw: object) -> object:
    """Validate and store one setting; audited with old → new."""
    return set_values(actor, {key: raw})[key]


def set_values(actor, raws: dict[str, object]) -> dict[str, object]:
    """Validate every value first, then store the changed ones in one transaction: a refused
    field leaves all settings as they were (a settings form saves whole or not at all)."""
    require(actor, "settings.edit")
    values = {key: _parse(SETTINGS[key], raw) for key, raw in raws.items()}
    with write_transaction():
        for key, value in values.items():
            old = get(key)
            if old == value:
                continue
            Setting.insert(key=key, value=str(value)).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: str(value)}).execute()
            audit.record(actor, "setting.change", "setting", key, old=str(old), new=str(value))
    return values
