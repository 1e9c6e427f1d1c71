"""Labels printed by the shop's scale (prefix 2x): which product, and its weight or price.

13 digits: 2 F PPPPP VVVVV C — F a flag digit, P the PLU, V the weight in grams or the price in
fen (shop setting scale.value_13), C the EAN check digit. 18 digits: 2 F PPPPP then weight and
price, five digits each, in the order of scale.layout_18, then the check digit. The PLU is the
product's SKU or one of its barcodes (scale.plu). A weight becomes the product's base unit
(斤, 公斤, 克, 两); a price becomes quantity = price ÷ the unit price, to 0.001."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models import Barcode, Product
from services.catalog.barcodes import gs1_check_digit
from services.catalog.unit_words import grams_in
from services.core import shop_settings
from services.core.errors import NotFound, ValidationError
from services.core.numbers import CENT, QTY_STEP

LENGTHS = (13, 18)
CHOICES = {"scale.value_13": ("weight", "price"), "scale.layout_18": ("weight_price", "price_weight"),
           "scale.plu": ("sku", "barcode")}


@dataclass(frozen=True)
class ScaleReading:
    product_id: int
    quantity: Decimal  # in `unit`, the product's base unit
    unit: str
    price: Decimal | None  # the label's amount in yuan, when the label carries one
    code: str


def _setting(key: str) -> str:
    value = shop_settings.get(key)
    if value not in CHOICES[key]:
        raise ValidationError("scale.bad_setting", field=key, setting=key, value=value, choices=", ".join(CHOICES[key]))
    return value


def is_scale_code(code: str) -> bool:
    """Shaped like a scale label: 13 or 18 digits starting with 2 and a valid check digit."""
    return (code.isdigit() and len(code) in LENGTHS and code[0] == "2"
            and gs1_check_digit(code[:-1]) == int(code[-1]))


def _product_for_plu(plu: str, code: str) -> Product:
    candidates = list(dict.fromkeys([plu, plu.lstrip("0") or "0"]))
    if _setting("scale.plu") == "sku":
        product = Product.get_or_none(Product.sku.in_(candidates))
    else:
        row = Barcode.get_or_none(Barcode.code.in_(candidates))
        product = row.product if row is not None else None
    if product is None:
        raise NotFound("scale.unknown_plu", code=code, plu=plu)
    return product


def _from_grams(product: Product, grams: Decimal) -> Decimal:
    quantity = grams_in(product.base_unit, grams)
    if quantity is None:
        raise ValidationError("scale.weight_unit", field="条码", product=product.name, unit=product.base_unit)
    return quantity


def _from_price(product: Product, amount: Decimal) -> Decimal:
    if not product.price:
        raise ValidationError("scale.no_price", field="条码", product=product.name)
    return (amount / product.price).quantize(QTY_STEP, ROUND_HALF_UP)


def decode_scale_barcode(code: str) -> ScaleReading | None:
    """The reading of a scale label, or None when `code` is not one (wrong prefix, length or check)."""
    code = (code or "").strip()
    if not is_scale_code(code):
        return None
    product = _product_for_plu(code[2:7], code)
    if len(code) == 13:
        value = Decimal(code[7:12])
        if _setting("scale.value_13") == "weight":
            return ScaleReading(product.id, _from_grams(product, value), product.base_unit, None, code)
        amount = (value / 100).quantize(CENT)
        return ScaleReading(product.id, _from_price(product, amount), product.base_unit, amount, code)
    first, second = Decimal(code[7:12]), Decimal(code[12:17])
    grams, fen = (first, second) if _setting("scale.layout_18") == "weight_price" else (second, first)
    return ScaleReading(product.id, _from_grams(product, grams), product.base_unit, (fen / 100).quantize(CENT), code)


def make_scale_code(plu: str, value: int, second: int | None = None, flag: str = "0") -> str:
    """A label as the scale prints it (tests, demo data): 13 digits, or 18 with `second`."""
    body = f"2{flag}{int(plu):05d}{value:05d}" + ("" if second is None else f"{second:05d}")
    return body + str(gs1_check_digit(body))
