"""The columns each Excel import understands (Chinese label first, English field name, synonyms).

Exports write the same labels, so an exported file imports again unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass

from services.core.custom_fields import register_reserved_names


@dataclass(frozen=True)
class Column:
    """A column an import understands: its field name, shown label and header spellings. (Defined here,
    not beside the reader in excel_table: these names load without openpyxl, when a shop is opened.)"""

    field: str
    label: str
    aliases: tuple[str, ...]


ERROR_HEADERS = ("错误", "error", "errors")  # our own column in an errors file being re-imported

SKU = Column("sku", "SKU编码", ("商品编码", "编码", "货号", "skucode"))
BARCODE = Column("barcode", "条码", ("条形码", "商品条码", "ean", "ean13", "upc"))
NAME = Column("name", "名称", ("商品名称", "品名", "productname"))
UNIT = Column("unit", "单位", ("基本单位", "baseunit"))

PRODUCT_COLUMNS = (
    SKU,
    BARCODE,
    NAME,
    Column("spec", "规格", ("规格型号", "specification")),
    UNIT,
    Column("category", "分类", ("类别", "商品分类")),
    Column("shelf_life_days", "保质期天数", ("保质期", "保质期(天)", "shelflife")),
    Column("cost", "进价", ("进货价", "成本价", "采购价")),
    Column("price", "售价", ("零售价", "销售价")),
    Column("safety_stock", "安全库存", ()),
    Column("shelf", "货架", ("货位",)),
    Column("box_unit", "大单位", ("箱单位",)),  # default 箱
    Column("box_factor", "箱规", ("换算率", "装箱数")),  # base units in one box
    Column("box_barcode", "箱条码", ("大单位条码",)),
)

STOCK_COLUMNS = (
    SKU,
    BARCODE,
    Column("quantity", "数量", ("期初数量", "库存数量", "qty")),
    UNIT,
    Column("lot", "批次", ("批号", "批次号", "lotcode")),
    Column("expiry", "到期日", ("到期日期", "有效期至", "过期日期", "expirydate")),
    Column("location", "库位", ("仓库", "货架", "shelf")),
    Column("cost", "成本", ("单位成本", "进价", "unitcost")),
)

PRODUCT_LABELS = [c.label for c in PRODUCT_COLUMNS]

# Suppliers and what they supply: one row per supplier–product pair (see services/imports/supplier_import.py)
SUPPLIER_COLUMNS = (
    Column("code", "供应商编码", ("供应商代码", "suppliercode")),
    Column("name", "供应商名称", ("供应商", "名称", "suppliername")),
    Column("contact", "联系人", ("contactperson",)),
    Column("phone", "电话", ("联系电话", "手机", "telephone")),
    Column("address", "地址", ()),
    Column("responsible", "负责人", ("采购负责人", "跟单人")),
    Column("lead_time_days", "送货周期天数", ("送货周期", "到货天数", "leadtime", "leadtimedays")),
    Column("delivery_weekdays", "送货日", ("送货星期", "deliverydays", "deliveryweekdays")),
    Column("min_order_amount", "起订金额", ("最低起订金额", "minorder", "minorderamount")),
    SKU,
    BARCODE,
    Column("pack_size", "箱规", ("装箱数", "包装数", "packsize")),
    Column("price", "进价", ("采购价", "供货价", "price")),
    Column("supplier_sku", "供应商货号", ("对方货号", "suppliersku")),
    Column("preferred", "首选", ("首选供应商", "preferred")),
)
SUPPLIER_FIELDS = ("code", "name", "contact", "phone", "address", "responsible", "lead_time_days",
                   "delivery_weekdays", "min_order_amount")
SUPPLIER_LABELS = [c.label for c in SUPPLIER_COLUMNS]

# Customers: one row each (see services/imports/customer_import.py)
CUSTOMER_COLUMNS = (
    Column("code", "客户编码", ("客户代码", "customercode")),
    Column("name", "客户名称", ("客户", "名称", "customername")),
    Column("phone", "电话", ("联系电话", "手机", "telephone")),
    Column("wechat", "微信", ("微信名", "微信昵称", "群昵称", "wechatname")),
    Column("address", "地址", ("送货地址",)),
    Column("kind", "客户类型", ("类型", "customertype")),
    Column("price_tier", "价格等级", ("价格类型", "价格档", "pricetier", "tier")),
    Column("credit_limit", "信用额度", ("赊账额度", "授信额度", "creditlimit")),
    Column("payment_terms_days", "账期天数", ("账期", "结算天数", "paymentterms", "termsdays")),
    Column("active", "启用", ("是否启用", "enabled")),
    Column("note", "备注", ("说明",)),
)
CUSTOMER_LABELS = [c.label for c in CUSTOMER_COLUMNS]

# Orders exported from a platform (美团/抖音/小程序) or typed by the shop: one row per item, grouped by 订单号
CHANNEL_ORDER_COLUMNS = (
    Column("order_no", "订单号", ("订单编号", "平台单号", "平台订单号", "外部单号", "orderno", "orderid", "订单id")),
    Column("sku", "商品编码", ("SKU编码", "sku", "商家编码", "店内码", "店内码/货号", "货号", "编码", "skucode")),
    BARCODE,
    Column("name", "商品名称", ("名称", "品名", "商品")),  # shown back in the errors file; the code decides
    Column("quantity", "数量", ("购买数量", "商品数量", "qty", "quantity")),
    UNIT,
    Column("price", "单价", ("售价", "商品单价", "price")),
    Column("customer", "顾客", ("收货人", "买家", "客户", "customer")),
    Column("note", "备注", ("买家备注", "订单备注", "note")),
    Column("paid", "支付状态", ("付款状态", "是否支付", "是否付款", "paid")),
)

# Bills of materials: one row per component line, grouped by 父项SKU (see services/imports/bom_import.py)
BOM_COLUMNS = (
    Column("parent", "父项SKU", ("父项", "父项编码", "父项条码", "成品SKU", "成品编码", "parentsku")),
    Column("component", "子项SKU", ("子项", "子项编码", "子项条码", "原料SKU", "原料编码", "componentsku")),
    Column("quantity", "用量", ("单位用量", "数量", "qty", "quantity")),
    Column("unit", "单位", ("子项单位", "用量单位", "unit")),
    Column("scrap", "损耗率%", ("损耗率", "损耗", "损耗%", "scrap", "scrappercent")),
    Column("by_product", "副产品", ("是否副产品", "byproduct")),
    Column("steps", "工序", ("工艺路线", "steps", "operations")),
)
BOM_LABELS = [c.label for c in BOM_COLUMNS]


def _spellings(columns: tuple[Column, ...]) -> list[str]:
    return [name for c in columns for name in (c.field, c.label, *c.aliases)]


# A shop's own field may not take the name of a column these imports read (nor of an export's
# read-only column): its header would be read as the other column.
register_reserved_names("product", [*_spellings(PRODUCT_COLUMNS), *ERROR_HEADERS])
register_reserved_names("customer", [*_spellings(CUSTOMER_COLUMNS), "当前欠款", *ERROR_HEADERS])
register_reserved_names("supplier", [*_spellings(SUPPLIER_COLUMNS), "商品名称", "单位", *ERROR_HEADERS])
